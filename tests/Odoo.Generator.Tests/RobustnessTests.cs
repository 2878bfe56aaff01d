using Odoo.Generator.Diagnostics;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Odoo.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Odoo.Generator.Tests;

/// <summary>
/// Over a thousand declarations that differ in substance (not only in name), built here as combinations:
/// every supported type with each way of naming its Odoo field and property, pairs of types in one model,
/// every relation kind with each naming option, record shapes; and broken declarations of every kind in
/// several contexts. Cases are deduplicated by their source with their own name normalized. The generator
/// never throws (no CS8785, AD0001 or ODOO999); each case gets exactly the diagnostics listed for it
/// (located in it, or naming it when they have no location), and every valid case's generated code compiles
/// without errors or warnings.
/// </summary>
public sealed class RobustnessTests(ITestOutputHelper output)
{
    /// <summary>A declaration: its name (a unique identifier, normalized away for deduplication), source and expected diagnostics.</summary>
    private sealed record Case(string Name, string Source, string[] Expected)
    {
        public bool IsValid => Expected.Length == 0;

        public string Normalized => Regex.Replace(Source, $@"\b{Regex.Escape(Name)}\b|x\.{Regex.Escape(Name.ToLowerInvariant())}\b", "__CASE__");
    }

    private static readonly string[] ValidTypes =
    [
        "bool", "bool?", "int", "int?", "long", "long?", "double", "double?", "decimal", "decimal?", "string", "string?",
        "DateOnly", "DateOnly?", "DateTime", "DateTime?", "DateTimeOffset", "DateTimeOffset?", "Sel", "Sel?",
        "IReadOnlyList<int>", "JsonElement", "JsonElement?",
    ];

    private static readonly string[] BadTypes = ["Guid", "object", "List<string>", "int[]", "Dictionary<string, int>", "TimeSpan", "float", "char", "byte", "Uri", "IEnumerable<int>", "(int, string)"];

    private static readonly string[] NullableBadTypes = ["Guid?", "TimeSpan?", "float?", "char?", "byte?", "(int, string)?"];

    /// <summary>Property names that stress the snake_case conversion and identifiers.</summary>
    private static readonly string[] PropertyNames = ["Value", "Größe", "HTTPStatus", "Value_2", "X1"];

    /// <summary>Ways to name the Odoo field of a plain property.</summary>
    private static readonly string[] RemoteNaming =
    [
        "",
        "[OdooField(\"x_custom\")]",
        "[OdooFieldVersion(\"13.0\", \"old_f\")]",
        "[OdooField(\"x_custom\")][OdooFieldVersion(\"16.0\", \"legacy_f\")][OdooFieldVersion(\"13.0\", \"older_f\")]",
    ];

    private static string Prop(string type, string name, string attrs = "") => $"    {attrs} public partial {type} {name} {{ get; }}\n";

    private static string Model(string name, string body, string attr = "", string mods = "public partial record", string bases = "") =>
        $"[OdooModel(\"x.{name.ToLowerInvariant()}\"{attr})] {mods} {name}{bases}\n{{\n{body}}}\n";

    private static readonly Lazy<(List<Case> Cases, int Generated)> Corpus = new(() =>
    {
        var all = BuildCases().ToList();
        var distinct = all.GroupBy(c => c.Normalized, StringComparer.Ordinal).Select(g => g.First()).ToList();
        return (distinct, all.Count);
    });

    private static IEnumerable<Case> BuildCases()
    {
        var n = 0;
        string Next() => "C" + (n++).ToString(CultureInfo.InvariantCulture);
        Case Valid(Func<string, string> source) { var c = Next(); return new Case(c, source(c), []); }
        Case Invalid(Func<string, string> source, params DiagnosticDescriptor[] expected) { var c = Next(); return new Case(c, source(c), expected.Select(d => d.Id).ToArray()); }

        // A. One plain field: every type, every way of naming its Odoo field, every kind of property name.
        foreach (var type in ValidTypes)
            foreach (var remote in RemoteNaming)
                foreach (var prop in PropertyNames)
                    yield return Valid(c => Model(c, Prop(type, prop, remote)));

        // B. Two plain fields of different types in one model, the second also read through an alias.
        for (var i = 0; i < ValidTypes.Length; i++)
            for (var j = i + 1; j < ValidTypes.Length; j++)
                yield return Valid(c => Model(c, Prop(ValidTypes[i], "First") + Prop(ValidTypes[j], "Second") + ((i + j) % 3 == 0 ? Prop(ValidTypes[j], "SecondAlias", "[FieldAlias(nameof(Second))]") : "")));

        // C. Relations: each kind and target, with each naming option, with and without an alias and a versioned name.
        string[] relations =
        [
            "[Many2One(\"link_id\"{0})] public partial Target? Link {{ get; }}",
            "[Many2One(\"link_id\"{0})] public partial Target Link {{ get; }}",
            "[Many2One(\"parent_id\"{0})] public partial {1}? Link {{ get; }}",
            "[One2Many(\"link_ids\"{2})] public partial IReadOnlyList<Target> Link {{ get; }}",
            "[Many2Many(\"link_ids\"{2})] public partial IReadOnlyList<Target> Link {{ get; }}",
            "[One2Many(\"child_ids\"{2})] public partial IReadOnlyList<{1}> Link {{ get; }}",
        ];
        string[][] naming = [["", ""], [", IdProperty = \"LinkKey\"", ", IdsProperty = \"LinkKeys\""], [", NameProperty = \"LinkLabel\"", ""], [", IdProperty = \"LinkKey\", NameProperty = \"LinkLabel\"", ""]];
        foreach (var relation in relations)
            foreach (var names in naming)
                foreach (var extra in (string[])["", "alias", "version", "both"])
                {
                    var toMany = relation.Contains("IReadOnlyList", StringComparison.Ordinal);
                    if (toMany && names[1].Length == 0 && names[0].Length > 0) continue; // name options of a many2one only
                    yield return Valid(c =>
                    {
                        var body = "    " + string.Format(CultureInfo.InvariantCulture, relation, names[0], c, names[1]) + "\n";
                        if (extra is "version" or "both") body = body.Replace("    [", "    [OdooFieldVersion(\"13.0\", \"old_link\")][", StringComparison.Ordinal);
                        if (extra is "alias" or "both")
                        {
                            var idProperty = toMany ? (names[1].Length > 0 ? "LinkKeys" : "LinkIds") : (names[0].Contains("LinkKey", StringComparison.Ordinal) ? "LinkKey" : "LinkId");
                            body += Prop(toMany ? "IReadOnlyList<int>" : (relation.Contains("Target Link", StringComparison.Ordinal) ? "int" : "int?"), "LinkAlias", $"[FieldAlias(nameof({idProperty}))]");
                        }
                        return Model(c, body + Prop("string?", "Note"));
                    });
                }

        // D. Record shapes.
        string[] shapes = ["public partial record", "public sealed partial record", "internal partial record", "internal sealed partial record"];
        foreach (var shape in shapes)
            foreach (var body in (string[])["", Prop("int", "Only"), Prop("string", "Name") + Prop("Sel?", "Kind") + Prop("DateTime?", "When")])
            {
                yield return Valid(c => Model(c, body, mods: shape));
                yield return Valid(c => $"[OdooModel] {shape} {c} : Target\n{{\n{body.Replace("Name", "Title", StringComparison.Ordinal)}}}\n");
                yield return Valid(c => Model(c, body, attr: $", ManagerName = \"{c}Repository\", ClientProperty = \"{c}Items\"", mods: shape));
            }
        // Accepted as they are: an init accessor (the generated record never sets it) and an upper-case model name.
        yield return Valid(c => Model(c, "    public partial int X { get; init; }\n    public partial string? Y { get; init; }\n"));
        yield return Valid(c => $"[OdooModel(\"X.Y{c}\")] public partial record {c}\n{{\n{Prop("int", "X")}}}\n");
        yield return Valid(c => Model(c, Prop("int", "X"), attr: ", ManagerName = \"\", ClientProperty = \"\""));
        yield return Valid(c => Model(c, Prop("Sel", "S") + Prop("string?", "SUnknown") + Prop("int", "ReadS") + Prop("string?", "LinkName") + Prop("Target?", "Link", "[Many2One(\"l_id\", NameProperty = \"LinkTitle\")]")));
        var huge = new StringBuilder();
        for (var i = 0; i < 300; i++) huge.Append(Prop(ValidTypes[i % ValidTypes.Length], "Field" + i.ToString(CultureInfo.InvariantCulture)));
        yield return Valid(c => Model(c, huge.ToString()));

        // E. Unsupported types: alone, beside a valid field, twice.
        foreach (var bad in BadTypes.Concat(NullableBadTypes))
        {
            yield return Invalid(c => Model(c, Prop(bad, "Value")), DiagnosticDescriptors.UnsupportedType);
            yield return Invalid(c => Model(c, Prop("int", "Ok") + Prop(bad, "Value") + Prop("string?", "AlsoOk")), DiagnosticDescriptors.UnsupportedType);
            yield return Invalid(c => Model(c, Prop(bad, "One") + Prop(bad, "Two")), DiagnosticDescriptors.UnsupportedType, DiagnosticDescriptors.UnsupportedType);
            yield return Invalid(c => Model(c, Prop(bad, "Value", "[OdooField(\"x_value\")]")), DiagnosticDescriptors.UnsupportedType);
        }

        // F. Model names Odoo cannot have.
        foreach (var garbage in (string[])["\"\"", "\"a..b\"", "\" \"", "null", "\"Res Partner\"", "\".x\"", "\"x.\"", "\"x/y\"", "\"\\u00e9t\\u00e9!\"", "\"\\n\"", "\"x y.z\"" ])
        {
            yield return Invalid(c => $"[OdooModel({garbage})] public partial record {c}\n{{\n{Prop("int", "X")}}}\n", DiagnosticDescriptors.InvalidModelName);
        }
        yield return Invalid(c => $"[OdooModel(42)] public partial record {c}\n{{\n}}\n", DiagnosticDescriptors.InvalidModelName);

        // G. Odoo field names Odoo cannot have, wherever a field name is given.
        foreach (var badField in (string[])["\"\"", "\"a b\"", "null", "\"1abc\"", "\"x-y\""])
        {
            yield return Invalid(c => Model(c, Prop("int", "X", $"[OdooField({badField})]")), DiagnosticDescriptors.InvalidRemoteName);
            yield return Invalid(c => Model(c, Prop("int", "X", $"[OdooFieldVersion(\"13.0\", {badField})]")), DiagnosticDescriptors.InvalidRemoteName);
            yield return Invalid(c => Model(c, Prop("Target?", "T", $"[Many2One({badField})]")), DiagnosticDescriptors.InvalidRemoteName);
            yield return Invalid(c => Model(c, Prop("IReadOnlyList<Target>", "Ts", $"[Many2Many({badField})]")), DiagnosticDescriptors.InvalidRemoteName);
        }

        // H. Versions that are not Odoo versions.
        foreach (var version in (string[])["\"v13\"", "\"\"", "\"13.x\"", "\"abc\"", "null"])
        {
            yield return Invalid(c => Model(c, Prop("int", "X", $"[OdooFieldVersion({version}, \"x\")]")), DiagnosticDescriptors.InvalidVersion);
            yield return Invalid(c => Model(c, Prop("Target?", "T", $"[OdooFieldVersion({version}, \"t_old\")][Many2One(\"t_id\")]")), DiagnosticDescriptors.InvalidVersion);
        }

        // I. Declaration and property shapes the generator cannot implement.
        foreach (var body in (string[])["", Prop("int", "X"), Prop("string", "Name") + Prop("Sel?", "Kind")])
        {
            yield return Invalid(c => Model(c, body, mods: "public record"), DiagnosticDescriptors.NotPartial);
            yield return Invalid(c => Model(c, body, mods: "public partial class"), DiagnosticDescriptors.NotARecord);
            yield return Invalid(c => Model(c, body, mods: "public partial struct"), DiagnosticDescriptors.NotARecord);
            yield return Invalid(c => Model(c, body, mods: "public abstract partial record"), DiagnosticDescriptors.AbstractModel);
            yield return Invalid(c => $"[OdooModel(\"x.{c.ToLowerInvariant()}\")] public partial record {c}<T>\n{{\n{body}}}\n", DiagnosticDescriptors.GenericNotSupported);
            yield return Invalid(c => Model(c, body, bases: " : Plain"), DiagnosticDescriptors.InvalidBase);
        }
        foreach (var type in (string[])["int", "string?", "Target?"])
        {
            var attr = type == "Target?" ? "[Many2One(\"t_id\")]" : "";
            yield return Invalid(c => Model(c, $"    {attr} public {type} Plain {{ get; }}\n"), DiagnosticDescriptors.PropertyNotPartial);
            yield return Invalid(c => Model(c, $"    {attr} public partial {type} X {{ get; set; }}\n"), DiagnosticDescriptors.UnsupportedAccessors);
            yield return Invalid(c => Model(c, $"    {attr} public static partial {type} S {{ get; }}\n"), DiagnosticDescriptors.UnsupportedAccessors);
        }

        // J. Aliases.
        yield return Invalid(c => Model(c, Prop("int", "X", "[FieldAlias(\"Nope\")]")), DiagnosticDescriptors.AliasTargetMissing);
        yield return Invalid(c => Model(c, Prop("int", "A", "[FieldAlias(\"B\")]") + Prop("int", "B", "[FieldAlias(\"A\")]")), DiagnosticDescriptors.AliasCycle); // one per cycle
        yield return Invalid(c => Model(c, Prop("int", "A", "[FieldAlias(\"B\")]") + Prop("int", "B", "[FieldAlias(\"C\")]") + Prop("int", "C", "[FieldAlias(\"A\")]")), DiagnosticDescriptors.AliasCycle);
        for (var i = 0; i < ValidTypes.Length; i++)
        {
            var target = ValidTypes[i];
            var other = ValidTypes[(i + 2) % ValidTypes.Length];
            yield return Invalid(c => Model(c, Prop(target, "A") + Prop(other, "B", "[FieldAlias(nameof(A))]")), DiagnosticDescriptors.AliasTypeMismatch);
        }

        // K. Relations that do not fit.
        foreach (var attr in (string[])["[Many2One(\"p_id\")]", "[One2Many(\"p_ids\")]", "[Many2Many(\"p_ids\")]"])
        {
            var list = !attr.StartsWith("[Many2One", StringComparison.Ordinal);
            yield return Invalid(c => Model(c, Prop(list ? "IReadOnlyList<Plain>" : "Plain?", "P", attr)), DiagnosticDescriptors.TargetNotModel);
            yield return Invalid(c => Model(c, Prop(list ? "Target?" : "IReadOnlyList<Target>", "P", attr)), DiagnosticDescriptors.RelationShape);
            yield return Invalid(c => Model(c, Prop("int", "P", attr)), DiagnosticDescriptors.RelationShape);
            yield return Invalid(c => Model(c, Prop("string?", "P", attr)), DiagnosticDescriptors.RelationShape);
        }
        yield return Invalid(c => Model(c, Prop("Target", "T")), DiagnosticDescriptors.RelationShape);
        yield return Invalid(c => Model(c, Prop("Target?", "T")), DiagnosticDescriptors.RelationShape);
        yield return Invalid(c => Model(c, Prop("IReadOnlyList<Target>", "Ts")), DiagnosticDescriptors.RelationShape);
        yield return Invalid(c => Model(c, Prop("IReadOnlyList<Target>", "Ts", "[One2Many(\"a\")][Many2Many(\"b\")]")), DiagnosticDescriptors.RelationShape);

        // L. Two properties on one Odoo field; generated members whose names are taken.
        foreach (var type in (string[])["int", "string?", "bool", "DateOnly?"])
        {
            yield return Invalid(c => Model(c, Prop(type, "Code") + Prop(type, "Other", "[OdooField(\"code\")]")), DiagnosticDescriptors.DuplicateRemoteField);
            yield return Invalid(c => Model(c, Prop(type, "Code", "[OdooField(\"shared\")]") + Prop("int", "Other", "[OdooField(\"shared\")]")), DiagnosticDescriptors.DuplicateRemoteField);
        }
        foreach (var taken in (string[])["TId", "TName"])
        {
            // TId also maps to t_id by its name (ODOO008); TName does not.
            yield return Invalid(c => Model(c, Prop("Target", "T", "[Many2One(\"t_id\")]") + Prop("int", taken)), taken == "TId" ? [DiagnosticDescriptors.DuplicateRemoteField, DiagnosticDescriptors.MemberNameCollision] : [DiagnosticDescriptors.MemberNameCollision]);
            yield return Invalid(c => Model(c, Prop("Target?", "T", "[Many2One(\"t_id\")]") + Prop("string?", taken, "[OdooField(\"other\")]")), DiagnosticDescriptors.MemberNameCollision);
        }
        yield return Invalid(c => Model(c, Prop("Target", "T", "[Many2One(\"t_id\")]") + "    private int __id_T = 0;\n    public int Peek => __id_T;\n"), DiagnosticDescriptors.MemberNameCollision);
        yield return Invalid(c => Model(c, Prop("int", "X") + "    private ulong __loaded0 = 0;\n    public ulong Peek => __loaded0;\n"), DiagnosticDescriptors.MemberNameCollision);
        foreach (var manager in (string[])["\"no way\"", "\"1Manager\"", "\"Bad-Name\""])
        {
            yield return Invalid(c => Model(c, "", attr: $", ManagerName = {manager}"), DiagnosticDescriptors.InvalidGeneratedName);
            yield return Invalid(c => Model(c, Prop("int", "X"), attr: $", ClientProperty = {manager}"), DiagnosticDescriptors.InvalidGeneratedName);
        }
    }

    private const string Prelude = """
        #pragma warning disable CS1591
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using Odoo;
        public enum Sel { A, [OdooSelection("bee")] B, CeeDee }
        public record Plain;
        [OdooModel("x.target")] public partial record Target { public partial string Name { get; } }

        """;

    [Fact]
    public void Over_a_thousand_distinct_declarations_get_exactly_their_diagnostics_and_valid_ones_compile()
    {
        var clock = Stopwatch.StartNew();
        var (cases, generated) = Corpus.Value;
        output.WriteLine($"{generated} cases generated, {cases.Count} distinct ({cases.Count(c => c.IsValid)} valid, {cases.Count(c => !c.IsValid)} invalid)");
        Assert.True(cases.Count >= 1000, $"only {cases.Count} distinct cases");
        Assert.True(cases.Count(c => c.IsValid) >= 500 && cases.Count(c => !c.IsValid) >= 200);

        var problems = new List<string>();
        var compileTime = TimeSpan.Zero;
        // Valid and invalid cases in separate compilations: only the valid ones' output must compile.
        foreach (var chunk in cases.Where(c => c.IsValid).Chunk(250).Concat(cases.Where(c => !c.IsValid).Chunk(250)))
        {
            var sb = new StringBuilder(Prelude);
            var spans = new List<(Case Case, int Start, int End)>();
            foreach (var c in chunk)
            {
                var start = sb.Length;
                sb.Append(c.Source).Append('\n');
                spans.Add((c, start, sb.Length));
            }
            var compilation = GeneratorHarness.CreateCompilation([sb.ToString()]);
            var driver = GeneratorHarness.CreateDriver(GeneratorHarness.ParseOptions()).RunGeneratorsAndUpdateCompilation(compilation, out var outputCompilation, out var diagnostics);
            Assert.Null(driver.GetRunResult().Results.Single().Exception);
            Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "AD0001" or "ODOO999");

            // Each ODOO diagnostic belongs to the case it is located in, or (without a location) to the case its message names.
            var byCase = spans.ToDictionary(s => s.Case.Name, _ => new List<string>());
            foreach (var d in diagnostics.Where(d => d.Id.StartsWith("ODOO", StringComparison.Ordinal)))
            {
                var owner = d.Location.Kind == LocationKind.SourceFile
                    ? spans.Where(s => d.Location.SourceSpan.Start >= s.Start && d.Location.SourceSpan.Start < s.End).Select(s => s.Case.Name).FirstOrDefault()
                    : spans.Select(s => s.Case.Name).FirstOrDefault(name => Regex.IsMatch(d.GetMessage(CultureInfo.InvariantCulture), $@"\b{name}\b"));
                if (owner is null) problems.Add($"a diagnostic no case owns: {d}");
                else byCase[owner].Add(d.Id);
            }
            foreach (var (c, _, _) in spans)
            {
                var got = byCase[c.Name].Order(StringComparer.Ordinal).ToArray();
                if (!got.SequenceEqual(c.Expected.Order(StringComparer.Ordinal)))
                {
                    problems.Add($"{c.Name}: expected [{string.Join(", ", c.Expected)}], got [{string.Join(", ", got)}]:\n{c.Source}");
                }
            }

            if (chunk[0].IsValid)
            {
                // Every valid case's generated code compiles: no error or warning anywhere in the output.
                var compileClock = Stopwatch.StartNew();
                var compileErrors = outputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Id != "CS1591")).ToList();
                problems.AddRange(compileErrors.Take(20).Select(d => $"compile: {d} in {d.Location.SourceTree?.FilePath}"));
                compileTime += compileClock.Elapsed;
            }
        }
        clock.Stop();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s on {Environment.ProcessorCount} cores, of which {compileTime.TotalSeconds:0.0} s compiling the valid cases' output");
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(40)));
    }

    [Fact]
    public void Cases_are_distinct_in_substance_not_only_in_name()
    {
        var (cases, _) = Corpus.Value;
        Assert.Equal(cases.Count, cases.Select(c => c.Normalized).Distinct(StringComparer.Ordinal).Count());
        // The normalization does remove the names: two cases that differ only by their name are one case.
        var a = new Case("C1", Model("C1", Prop("int", "X")), []);
        var b = new Case("C2", Model("C2", Prop("int", "X")), []);
        Assert.Equal(a.Normalized, b.Normalized);
    }
}
