using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Odoo.Generator.Emitting;
using Odoo.Generator.Model;
using Odoo.Generator.Parsing;

namespace Odoo.Generator.Fields;

/// <summary>An enum field: an Odoo selection, each key mapped to a member (<c>[OdooSelection("key")]</c> or the member's snake_case name).</summary>
internal sealed record EnumField : ValueField
{
    public EnumField(FieldSpec declaration, string enumFullName, EquatableArray<SelectionOptionSpec> options) : base(declaration)
    {
        EnumFullName = enumFullName;
        Options = options;
    }

    /// <summary><c>global::Ns.State</c>.</summary>
    public string EnumFullName { get; init; }

    public EquatableArray<SelectionOptionSpec> Options { get; init; }

    /// <summary>The field for a property typed as an enum; <see langword="null"/> for other types.</summary>
    public static FieldSpec? TryCreate(PropertyFacts p)
    {
        if (p.Type.TypeKind != TypeKind.Enum || p.Type is not INamedTypeSymbol enumType) return null;
        var options = new List<SelectionOptionSpec>();
        foreach (var member in enumType.GetMembers())
        {
            if (member is not IFieldSymbol { HasConstantValue: true } m) continue;
            var key = p.Known.SelectionKeyOf(m) ?? Naming.ToSnakeCase(m.Name);
            if (options.All(o => o.Key != key)) options.Add(new SelectionOptionSpec(key, m.Name));
        }
        return new EnumField(p.Declaration, enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), options.ToEquatableArray());
    }

    public override string MetadataKind => "Selection";

    protected override string StateType => EnumFullName + "?";

    protected override string ReadCall => $"{GeneratedNames.Read(Name)}(ref reader, out {GeneratedNames.UnknownKey(Name)})";

    protected override string RawValue(string value) => value; // not used: EmitDictionary is the enum's own

    public override void EmitState(FieldWriter w)
    {
        base.EmitState(w);
        w.W.Line($"private string? {GeneratedNames.UnknownKey(Name)};");
    }

    protected override void EmitGetterChecks(FieldWriter w) =>
        w.W.Line($"if ({GeneratedNames.UnknownKey(Name)} is {{ }} key) throw {FieldWriter.Support}.UnknownSelection({FieldWriter.Lit(w.Model.Name)}, {FieldWriter.Lit(Name)}, {FieldWriter.Lit(RemoteName)}, {FieldWriter.Lit(TypeShort)}, key);");

    protected override void EmitInitExtra(FieldWriter w) => w.W.Line($"{GeneratedNames.UnknownKey(Name)} = null;");

    protected override void EmitHelpers(FieldWriter w)
    {
        var s = w.W;
        w.GeneratedCode();
        s.Open($"private static {EnumFullName}? {GeneratedNames.Read(Name)}(ref {FieldWriter.Json}.Utf8JsonReader reader, out string? unknown)");
        s.Line("unknown = null;");
        s.Line($"if (!{FieldWriter.Support}.IsSelectionKey(ref reader)) return null;");
        foreach (var o in Options)
        {
            s.Line($"if (reader.ValueTextEquals({FieldWriter.Lit(o.Key)}u8)) return {EnumFullName}.{o.Member};");
        }
        s.Line("unknown = reader.GetString();");
        s.Line("return null;");
        s.Close();
        s.Line();
        w.GeneratedCode();
        s.Open($"private static string? {GeneratedNames.Key(Name)}({EnumFullName}? value)");
        s.Line("if (value is not { } v) return null;");
        foreach (var o in Options)
        {
            s.Line($"if (v == {EnumFullName}.{o.Member}) return {FieldWriter.Lit(o.Key)};");
        }
        s.Line("return v.ToString();");
        s.Close();
        s.Line();
    }

    public override void EmitMetadata(FieldWriter w)
    {
        if (Options.Count == 0) return;
        w.W.Open("SelectionOptions = new global::Odoo.Metadata.OdooSelectionOption[]");
        foreach (var o in Options) w.W.Line($"new({FieldWriter.Lit(o.Key)}, {FieldWriter.Lit(o.Member)}),");
        w.W.Close(",");
    }

    public override void EmitPrint(FieldWriter w) =>
        w.W.Line($"{FieldWriter.Support}.AppendValue(builder, {GeneratedNames.UnknownKey(Name)} ?? {GeneratedNames.Key(Name)}({GeneratedNames.Value(Name)}));");

    public override void EmitDictionary(FieldWriter w, string remoteKey)
    {
        var value = GeneratedNames.Value(Name);
        w.W.Line($"if (raw) values[{remoteKey}] = {FieldWriter.Support}.RawString({GeneratedNames.UnknownKey(Name)} ?? {GeneratedNames.Key(Name)}({value}));");
        w.W.Line($"else values[{FieldWriter.Lit(Name)}] = {GeneratedNames.UnknownKey(Name)} is {{ }} key ? (object)key : {value};");
    }
}
