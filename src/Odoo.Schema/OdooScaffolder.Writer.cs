using System.Text;
using Odoo.Generator;

namespace Odoo.Schema;

public static partial class OdooScaffolder
{
    private enum PlanKind { Plain, Many2One, ToMany }

    private sealed class FieldPlan(OdooServerField field, PlanKind kind, string property)
    {
        public OdooServerField Field { get; } = field;
        public PlanKind Kind { get; } = kind;
        public string Property { get; set; } = property;
        public string Type { get; set; } = "string";
        public EnumPlan? Enum { get; set; }
        public string? Note { get; set; }
    }

    private sealed record EnumPlan(string Name, IReadOnlyList<(string Member, string Key, string Label)> Members);

    private static (string Content, int Count) WriteModel(
        OdooServerModel model,
        string record,
        string? managerName,
        string? clientProperty,
        OdooScaffoldOptions options,
        HashSet<string> typeNames,
        Func<string, string> targetType)
    {
        var plans = new List<FieldPlan>();
        foreach (var f in model.Fields)
        {
            if (Skip(f, options)) continue;
            var kind = f.Type switch
            {
                "many2one" => PlanKind.Many2One,
                "one2many" or "many2many" => PlanKind.ToMany,
                _ => PlanKind.Plain,
            };
            var baseName = f.Name;
            if (kind == PlanKind.Many2One && baseName.EndsWith("_id", StringComparison.Ordinal) && baseName.Length > 3) baseName = baseName[..^3];
            if (kind == PlanKind.ToMany)
            {
                if (baseName.EndsWith("_ids", StringComparison.Ordinal) && baseName.Length > 4) baseName = baseName[..^4];
                else if (baseName.EndsWith("_id", StringComparison.Ordinal) && baseName.Length > 3) baseName = baseName[..^3];
            }
            var property = CSharpNaming.ToPascalCase(baseName);
            if (kind == PlanKind.ToMany) property = CSharpNaming.ListName(property);
            plans.Add(new FieldPlan(f, kind, property));
        }

        // Property names. The generator adds members (and backing fields) named after each property:
        // {P}Id, {P}Name, {P}Slot and Load{P}Async for a many2one, {Singular}Ids, {P}Ids, {P}Slot and
        // Load{P}Async for an x2many, {P}Unknown and Read{P} for an enum. A name is taken only when it
        // and all of these are free (and none is a base-record or generator member, or the record's
        // own name), so the generator's default names always work. Relations choose first: they keep
        // their natural names and a clashing plain field becomes {Name}Value.
        var reserved = RecordMembers.Value;
        var taken = new HashSet<string>(StringComparer.Ordinal) { record };
        IEnumerable<string> Occupied(FieldPlan p, string n) => p.Kind switch
        {
            PlanKind.Many2One => [n, n + "Id", n + "Name", n + "Slot", "Load" + n + "Async"],
            PlanKind.ToMany => [n, Naming.Singularize(n) + "Ids", n + "Ids", n + "Slot", "Load" + n + "Async"],
            _ when p.Field.Type == "selection" => [n, n + "Unknown", "Read" + n],
            _ => [n],
        };
        foreach (var p in plans.Where(p => p.Kind != PlanKind.Plain).Concat(plans.Where(p => p.Kind == PlanKind.Plain)))
        {
            var n = p.Property;
            for (var i = 1; ; i++)
            {
                var candidate = i == 1 ? n : i == 2 ? n + "Value" : n + "Value" + CSharpNaming.Invariant(i - 1);
                var names = Occupied(p, candidate).ToList();
                if (names.All(x => !taken.Contains(x) && !reserved.Contains(x)))
                {
                    taken.UnionWith(names);
                    p.Property = candidate;
                    break;
                }
            }
        }

        // Types.
        foreach (var p in plans)
        {
            var f = p.Field;
            var nullable = !f.Required;
            string type;
            switch (f.Type)
            {
                case "char" or "text" or "html" or "binary" or "reference":
                    type = "string";
                    break;
                case "integer" or "many2one_reference":
                    type = "int";
                    nullable = false;
                    break;
                case "float":
                    type = "double";
                    nullable = false;
                    break;
                case "monetary":
                    type = options.MonetaryAsDecimal ? "decimal" : "double";
                    nullable = false;
                    break;
                case "boolean":
                    type = "bool";
                    nullable = false;
                    break;
                case "date":
                    type = "DateOnly";
                    break;
                case "datetime":
                    type = "DateTime";
                    break;
                case "selection":
                    if (f.HasNonStringSelectionKeys)
                    {
                        type = "JsonElement";
                        p.Note = "non-string-selection";
                    }
                    else if (f.Selection.Count == 0)
                    {
                        type = "string";
                    }
                    else
                    {
                        p.Enum = PlanEnum(record + p.Property, f, typeNames);
                        type = p.Enum.Name;
                    }
                    break;
                case "many2one":
                    type = targetType(f.Relation!);
                    break;
                case "one2many" or "many2many":
                    type = $"IReadOnlyList<{targetType(f.Relation!)}>";
                    nullable = false;
                    break;
                default:
                    type = "JsonElement";
                    break;
            }
            p.Type = nullable ? type + "?" : type;
        }

        var w = new CodeWriter();
        Header(w, $"the Odoo model '{model.Name}'", options, usesSystem: plans.Any(p => p.Type.StartsWith("Date", StringComparison.Ordinal)),
            usesCollections: plans.Any(p => p.Type.StartsWith("IReadOnlyList", StringComparison.Ordinal)),
            usesJson: plans.Any(p => p.Type.StartsWith("JsonElement", StringComparison.Ordinal)));
        w.Line($"namespace {options.Namespace};");
        w.Line();
        w.Line(model.Description is { Length: > 0 } d
            ? $"/// <summary>{CSharpNaming.Xml(CSharpNaming.Sentence(d).TrimEnd('.'))} (<c>{CSharpNaming.Xml(model.Name)}</c>).</summary>"
            : $"/// <summary>The Odoo model <c>{CSharpNaming.Xml(model.Name)}</c>.</summary>");
        w.Line(ModelAttribute(model.Name, managerName, clientProperty));
        w.Line($"public sealed partial record {record}");
        w.Line("{");
        var first = true;
        foreach (var p in plans)
        {
            if (!first) w.Line();
            first = false;
            WriteProperty(w, p);
        }
        w.Line("}");
        foreach (var p in plans.Where(p => p.Enum is not null))
        {
            w.Line();
            WriteEnum(w, p, record, model.Name);
        }
        return (w.ToString(), plans.Count);
    }

    private static EnumPlan PlanEnum(string preferredName, OdooServerField f, HashSet<string> typeNames)
    {
        var name = Unique(preferredName, typeNames, null);
        var used = new HashSet<string>(StringComparer.Ordinal) { "value__" };
        var members = new List<(string, string, string)>();
        foreach (var (key, label) in f.Selection)
        {
            var member = key.Length == 0 ? "Empty" : CSharpNaming.ToPascalCase(key);
            if (member.StartsWith('_') && member.Length > 1 && char.IsDigit(member[1])) member = "Value" + member[1..];
            if (member == name) member += "Value";
            var unique = member;
            for (var i = 2; !used.Add(unique); i++) unique = member + CSharpNaming.Invariant(i);
            members.Add((unique, key, label));
        }
        return new EnumPlan(name, members);
    }

    private static void WriteProperty(CodeWriter w, FieldPlan p)
    {
        var f = p.Field;
        var label = f.Label is { Length: > 0 } l ? l : f.Name;
        w.Line($"    /// <summary>{CSharpNaming.Xml(CSharpNaming.Sentence(label))}</summary>");
        var help = f.Help is { Length: > 0 } h ? CSharpNaming.XmlLines(h).ToList() : [];
        var facts = new StringBuilder();
        facts.Append("Odoo field <c>").Append(CSharpNaming.Xml(f.Name)).Append("</c>: ").Append(CSharpNaming.Xml(f.Type));
        if (f.Relation is { Length: > 0 } rel) facts.Append(" to <c>").Append(CSharpNaming.Xml(rel)).Append("</c>");
        if (f.Required) facts.Append(", required");
        if (f.Readonly) facts.Append(", read-only");
        facts.Append('.');
        if (p.Note == "non-string-selection") facts.Append(" Its selection keys are not strings, so it is read as raw JSON.");
        w.Line("    /// <remarks>");
        foreach (var line in help) w.Line($"    /// <para>{line}</para>");
        w.Line($"    /// <para>{facts}</para>");
        w.Line("    /// </remarks>");

        var attribute = p.Kind switch
        {
            PlanKind.Many2One => RelationAttribute("Many2One", f.Name),
            PlanKind.ToMany => RelationAttribute(f.Type == "one2many" ? "One2Many" : "Many2Many", f.Name),
            _ => Naming.ToSnakeCase(p.Property) == f.Name ? null : $"[OdooField({Naming.Literal(f.Name)})]",
        };
        if (attribute is not null) w.Line("    " + attribute);
        w.Line($"    public partial {p.Type} {p.Property} {{ get; }}");
    }

    private static string RelationAttribute(string name, string remote) => $"[{name}({Naming.Literal(remote)})]";

    private static void WriteEnum(CodeWriter w, FieldPlan p, string record, string model)
    {
        var e = p.Enum!;
        w.Line($"/// <summary>The values of <see cref=\"{record}.{p.Property}\"/> (selection <c>{CSharpNaming.Xml(p.Field.Name)}</c> of <c>{CSharpNaming.Xml(model)}</c>).</summary>");
        w.Line($"public enum {e.Name}");
        w.Line("{");
        for (var i = 0; i < e.Members.Count; i++)
        {
            var (member, key, label) = e.Members[i];
            if (i > 0) w.Line();
            w.Line($"    /// <summary>{CSharpNaming.Xml(CSharpNaming.Sentence(label.Length > 0 ? label : key))}</summary>");
            // Always explicit: renaming a member must not change the key Odoo stores.
            w.Line($"    [OdooSelection({Naming.Literal(key)})]");
            w.Line($"    {member},");
        }
        w.Line("}");
    }

    private static string WriteStub(string model, string? description, string record, string? managerName, string? clientProperty, OdooScaffoldOptions options)
    {
        var w = new CodeWriter();
        Header(w, $"a relation to the Odoo model '{model}' (a stub)", options, false, false, false);
        w.Line($"namespace {options.Namespace};");
        w.Line();
        var what = description is { Length: > 0 } d ? $"{CSharpNaming.Xml(CSharpNaming.Sentence(d).TrimEnd('.'))} (<c>{CSharpNaming.Xml(model)}</c>)" : $"The Odoo model <c>{CSharpNaming.Xml(model)}</c>";
        w.Line($"/// <summary>{what}: a stub with only the fields every record has (Id, DisplayName...).</summary>");
        w.Line($"/// <remarks>Scaffold its fields with <c>odoogen scaffold {CSharpNaming.Xml(model)}</c>, or point <c>--existing-assembly</c> at a declaration of it.</remarks>");
        w.Line(ModelAttribute(model, managerName, clientProperty));
        w.Line($"public sealed partial record {record}");
        w.Line("{");
        w.Line("}");
        return w.ToString();
    }

    private static string ModelAttribute(string model, string? managerName, string? clientProperty)
    {
        var sb = new StringBuilder("[OdooModel(").Append(Naming.Literal(model));
        if (managerName is not null) sb.Append(", ManagerName = ").Append(Naming.Literal(managerName));
        if (clientProperty is not null) sb.Append(", ClientProperty = ").Append(Naming.Literal(clientProperty));
        return sb.Append(")]").ToString();
    }

    private static void Header(CodeWriter w, string what, OdooScaffoldOptions options, bool usesSystem, bool usesCollections, bool usesJson)
    {
        w.Line($"// Scaffolded by odoogen from {what}{(options.Source is { Length: > 0 } s ? ", " + OneLine(s) : "")}.");
        w.Line("// Review names and nullability, then edit freely: the OdooGen generator implements the partial members.");
        w.Line("#nullable enable");
        w.Line();
        if (usesSystem) w.Line("using System;");
        if (usesCollections) w.Line("using System.Collections.Generic;");
        if (usesJson) w.Line("using System.Text.Json;");
        w.Line("using Odoo;");
        w.Line();
    }

    private static string OneLine(string s) => string.Concat(s.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? ' ' : c));

    private sealed class CodeWriter
    {
        private readonly StringBuilder _sb = new();

        public void Line(string text = "") => _sb.Append(text).Append('\n');

        public override string ToString() => _sb.ToString();
    }
}
