using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Odoo.Generator.Tests.Infrastructure;

namespace Odoo.Generator.Tests;

/// <summary>
/// Over a thousand odd or broken declarations built here: the generator never throws (no CS8785,
/// AD0001 or ODOO999), every invalid one gets an ODOO diagnostic on it, and no valid one does.
/// </summary>
public sealed class RobustnessTests
{
    private sealed record Case(string Name, string Source, string? ExpectedId);

    private static readonly string[] ValidTypes =
    [
        "bool", "bool?", "int", "int?", "long", "long?", "double", "double?", "decimal", "decimal?", "string", "string?",
        "DateOnly", "DateOnly?", "DateTime", "DateTime?", "DateTimeOffset", "DateTimeOffset?", "Sel", "Sel?",
        "IReadOnlyList<int>", "JsonElement", "JsonElement?",
    ];

    private static readonly string[] BadTypes = ["Guid", "object", "List<string>", "int[]", "Dictionary<string, int>", "TimeSpan", "float", "char", "byte", "Uri", "IEnumerable<int>", "(int, string)"];

    private static readonly string[] OddNames = ["Größe", "名前", "Ωmega", "_underscore", "X1", "ABCDef", "a", "Über2", "HTTPStatus", "Value_2"];

    private static IEnumerable<Case> BuildCases()
    {
        var rnd = new Random(4242);
        var n = 0;
        string Next(string prefix) => prefix + (n++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string Prop(string type, string name, string attrs = "") => $"    {attrs} public partial {type} {name} {{ get; }}\n";

        for (var round = 0; round < 40; round++)
        {
            // Valid: random fields of every supported type, odd names, relations, aliases, versions.
            {
                var name = Next("Valid");
                var sb = new StringBuilder();
                var fields = rnd.Next(1, 12);
                for (var i = 0; i < fields; i++) sb.Append(Prop(ValidTypes[rnd.Next(ValidTypes.Length)], "F" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                sb.Append(Prop("Target?", "Link", "[Many2One(\"link_id\")]"));
                sb.Append(Prop(name + "?", "Parent", "[Many2One(\"parent_id\")]"));
                sb.Append(Prop($"IReadOnlyList<{name}>", "Children", "[One2Many(\"child_ids\")]"));
                sb.Append(Prop("int?", "Alias0", "[FieldAlias(nameof(LinkId))]"));
                sb.Append(Prop("string", "Versioned", "[OdooFieldVersion(\"13.0\", \"versioned_13\")]"));
                yield return new Case(name, $"[OdooModel(\"x.{name.ToLowerInvariant()}\")] public partial record {name}\n{{\n{sb}}}\n", null);
            }
            {
                var name = Next("Unicode");
                var odd = OddNames[round % OddNames.Length];
                yield return new Case(name, $"[OdooModel(\"x.{name.ToLowerInvariant()}\")] public sealed partial record {name}\n{{\n{Prop("string?", odd)}{Prop("int", odd + "Count")}}}\n", null);
            }
            {
                var name = Next("Derived");
                yield return new Case(name, $"[OdooModel] public partial record {name} : Target\n{{\n{Prop("bool", "Extra" + name)}}}\n", null);
            }
            {
                // Plain properties named like members OdooGen generates privately (once a CS0102).
                var name = Next("NameClash");
                var sb = new StringBuilder();
                sb.Append(Prop("Target?", "P", "[Many2One(\"p_id\", IdProperty = \"PKey\", NameProperty = \"PLabel\")]"));
                var plain = new[] { "PName", "PId", "PSlot", "PIds", "PUnknown", "ReadP", "GetPSlot", "GetPIdForLoad", "Loaded0", "CreateMetadata" };
                var type = ValidTypes[round % ValidTypes.Length];
                foreach (var p in plain.Take(1 + round % plain.Length)) sb.Append(Prop(p == "PId" ? type : "string?", p, p == "PId" ? "[OdooField(\"p_ref\")]" : ""));
                sb.Append(Prop("Sel?", "S"));
                sb.Append(Prop("string?", "SUnknown"));
                sb.Append(Prop("int", "ReadS"));
                yield return new Case(name, $"[OdooModel(\"x.{name.ToLowerInvariant()}\")] public partial record {name}\n{{\n{sb}}}\n", null);
            }
            if (round % 5 == 0)
            {
                var name = Next("Huge");
                var sb = new StringBuilder();
                for (var i = 0; i < 300; i++) sb.Append(Prop(ValidTypes[i % ValidTypes.Length], "Field" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                yield return new Case(name, $"[OdooModel(\"x.{name.ToLowerInvariant()}\")] public partial record {name}\n{{\n{sb}}}\n", null);
            }

            // Invalid, each with the diagnostic it must get.
            string Model(string name, string body, string attr = "", string mods = "public partial record") =>
                $"[OdooModel(\"x.{name.ToLowerInvariant()}\"{attr})] {mods} {name}\n{{\n{body}}}\n";
            var bad = BadTypes[round % BadTypes.Length];
            var c = Next("Bad");
            yield return new Case(c, Model(c, Prop(bad, "Value")), "ODOO004");
            c = Next("Bad");
            yield return new Case(c, Model(c, Prop(bad + (bad.EndsWith('?') ? "" : ""), "Value") + Prop("int", "Ok")), "ODOO004");
            c = Next("NotPartial");
            yield return new Case(c, Model(c, Prop("int", "X"), mods: "public record"), "ODOO001");
            c = Next("Klass");
            yield return new Case(c, Model(c, "", mods: "public partial class"), "ODOO003");
            c = Next("Auto");
            yield return new Case(c, Model(c, "    public int Plain { get; }\n"), "ODOO002");
            c = Next("Abstract");
            yield return new Case(c, Model(c, Prop("int", "X"), mods: "public abstract partial record"), "ODOO017");
            c = Next("Generic");
            yield return new Case(c, $"[OdooModel(\"x.g{n}\")] public partial record {c}<T>\n{{\n}}\n", "ODOO012");
            var garbage = new[] { "\"\"", "\"a..b\"", "\" \"", "null", "\"Res Partner\"", "\".x\"", "\"x.\"", "\"x/y\"", "\"\\u00e9t\\u00e9!\"", "\"\\n\"" }[round % 10];
            c = Next("Garbage");
            yield return new Case(c, $"[OdooModel({garbage})] public partial record {c}\n{{\n{Prop("int", "X")}}}\n", "ODOO009");
            c = Next("IntName");
            yield return new Case(c, $"[OdooModel(42)] public partial record {c}\n{{\n}}\n", "ODOO009");
            c = Next("BadField");
            var badField = new[] { "\"\"", "\"a b\"", "null", "\"1abc\"", "\"x-y\"" }[round % 5];
            yield return new Case(c, Model(c, Prop("int", "X", $"[OdooField({badField})]")), "ODOO014");
            c = Next("BadVersion");
            yield return new Case(c, Model(c, Prop("int", "X", "[OdooFieldVersion(\"v13\", \"x\")]")), "ODOO018");
            c = Next("AliasMissing");
            yield return new Case(c, Model(c, Prop("int", "X", "[FieldAlias(\"Nope\")]")), "ODOO010");
            c = Next("AliasCycle");
            yield return new Case(c, Model(c, Prop("int", "A", "[FieldAlias(\"B\")]") + Prop("int", "B", "[FieldAlias(\"A\")]")), "ODOO011");
            c = Next("NoTarget");
            yield return new Case(c, Model(c, Prop("Plain", "P", "[Many2One(\"p_id\")]")), "ODOO005");
            c = Next("NoAttr");
            yield return new Case(c, Model(c, Prop("Target", "T")), "ODOO006");
            c = Next("M2OInt");
            yield return new Case(c, Model(c, Prop("int", "T", "[Many2One(\"t_id\")]")), "ODOO006");
            c = Next("DupRemote");
            yield return new Case(c, Model(c, Prop("int", "Code") + Prop("int", "Other", "[OdooField(\"code\")]")), "ODOO008");
            c = Next("Setter");
            yield return new Case(c, Model(c, "    public partial int X { get; set; }\n"), "ODOO016");
            c = Next("BaseNotModel");
            yield return new Case(c, Model(c, "", mods: "public partial record") .Replace($"record {c}\n", $"record {c} : Plain\n"), "ODOO019");
            c = Next("Collision");
            yield return new Case(c, Model(c, Prop("Target", "T", "[Many2One(\"t_id\")]") + Prop("int", "TId")), "ODOO015");
            c = Next("PrivateClash");
            yield return new Case(c, Model(c, Prop("Target", "T", "[Many2One(\"t_id\")]") + "    private int __id_T = 0;\n    public int Peek => __id_T;\n"), "ODOO015");
            c = Next("LoadedClash");
            yield return new Case(c, Model(c, Prop("int", "X") + "    private ulong __loaded0 = 0;\n    public ulong Peek => __loaded0;\n"), "ODOO015");
            c = Next("BadManager");
            yield return new Case(c, Model(c, "", attr: ", ManagerName = \"no way\""), "ODOO022");
            c = Next("AliasType");
            yield return new Case(c, Model(c, Prop("int", "A") + Prop("string", "B", "[FieldAlias(nameof(A))]")), "ODOO021");
            c = Next("TwoRel");
            yield return new Case(c, Model(c, Prop("IReadOnlyList<Target>", "Ts", "[One2Many(\"a\")][Many2Many(\"b\")]")), "ODOO006");
            c = Next("ListNoAttr");
            yield return new Case(c, Model(c, Prop("IReadOnlyList<Target>", "Ts")), "ODOO006");
            c = Next("Static");
            yield return new Case(c, Model(c, "    public static partial int S { get; }\n"), "ODOO016");
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
    public void The_generator_never_throws_and_flags_every_invalid_declaration()
    {
        var cases = BuildCases().ToList();
        Assert.True(cases.Count >= 1000, $"only {cases.Count} cases");

        foreach (var chunk in cases.Chunk(400))
        {
            var sb = new StringBuilder(Prelude);
            var spans = new List<(Case Case, int Start, int End)>();
            foreach (var c in chunk)
            {
                var start = sb.Length;
                sb.Append(c.Source).Append('\n');
                spans.Add((c, start, sb.Length));
            }
            var source = sb.ToString();
            var compilation = GeneratorHarness.CreateCompilation([source]);
            var driver = GeneratorHarness.CreateDriver(GeneratorHarness.ParseOptions()).RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
            var result = driver.GetRunResult().Results.Single();

            Assert.Null(result.Exception);
            Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "AD0001" or "ODOO999");
            var odoo = diagnostics.Where(d => d.Id.StartsWith("ODOO", StringComparison.Ordinal) && d.Location.Kind != LocationKind.None).ToList();
            foreach (var (c, start, end) in spans)
            {
                var mine = odoo.Where(d => d.Location.SourceSpan.Start >= start && d.Location.SourceSpan.Start < end).Select(d => d.Id).ToList();
                if (c.ExpectedId is null)
                {
                    Assert.True(mine.Count == 0, $"valid declaration {c.Name} got {string.Join(", ", mine)}:\n{c.Source}");
                }
                else
                {
                    Assert.True(mine.Contains(c.ExpectedId), $"{c.Name} should get {c.ExpectedId} but got [{string.Join(", ", mine)}]:\n{c.Source}\nall: {string.Join("\n", diagnostics.Where(d => d.Location.Kind == LocationKind.None || d.Location.SourceSpan.Start >= start - 200 && d.Location.SourceSpan.Start < end + 200))}");
                }
            }
        }
    }

    [Fact]
    public void Valid_odd_declarations_compile_without_errors()
    {
        var valid = BuildCases().Where(c => c.ExpectedId is null).ToList();
        var cases = valid.Where(c => !c.Name.StartsWith("Huge", StringComparison.Ordinal)).Take(24).Append(valid.First(c => c.Name.StartsWith("Huge", StringComparison.Ordinal))).ToList();
        var source = Prelude + string.Join("\n", cases.Select(c => c.Source));
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.Odoo);
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Id != "CS1591"));
    }
}
