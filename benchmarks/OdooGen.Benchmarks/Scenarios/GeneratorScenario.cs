using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Odoo;
using Odoo.Generator;
using OdooGen.Benchmarks.Support;

namespace OdooGen.Benchmarks.Scenarios;

/// <summary>
/// The generator driven by <see cref="CSharpGeneratorDriver"/> over a compilation: the 36 OpenStack
/// models (every source file of src/Odoo.Models.OpenStack) or N synthetic models. Each run uses a
/// fresh driver and a fresh clone of the compilation (no symbol caches kept from the previous run),
/// as a full build does; parsing is not timed (the compiler parses anyway).
/// </summary>
public sealed class GeneratorScenario
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Preview, DocumentationMode.Parse);

    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private readonly CSharpCompilation _compilation;

    private GeneratorScenario(string name, IEnumerable<string> sources, int models)
    {
        Name = name;
        Models = models;
        var trees = sources.Prepend(ImplicitUsings).Select((s, i) => CSharpSyntaxTree.ParseText(s, Parse, path: $"Source{i}.cs")).ToList();
        _compilation = CSharpCompilation.Create(
            "Models",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public string Name { get; }

    public int Models { get; }

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var refs = tpa
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "mscorlib.dll" or "netstandard.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(OdooRecord).Assembly.Location));
        return refs;
    });

    /// <summary>The 36 OpenStack models with their managers, as the project compiles them.</summary>
    public static GeneratorScenario OpenStack()
    {
        var dir = Path.Combine(BenchOdoo.RepositoryRoot(), "src", "Odoo.Models.OpenStack");
        var files = Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
        var models = files.Count(f => f.Contains("[OdooModel(", StringComparison.Ordinal));
        return new GeneratorScenario("OpenStack", files, models);
    }

    /// <summary>
    /// <paramref name="count"/> synthetic models of 12 declared fields each: strings, numbers, dates,
    /// a selection, a many2one to the previous model, a one2many back and a many2many.
    /// </summary>
    public static GeneratorScenario Synthetic(int count)
    {
        var sources = new List<string>
        {
            """
            namespace Synthetic;
            public enum Stage { Draft, [Odoo.OdooSelection("in_progress")] InProgress, Done }
            """,
        };
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var prev = (i == 0 ? count - 1 : i - 1).ToString(CultureInfo.InvariantCulture);
            var next = ((i + 1) % count).ToString(CultureInfo.InvariantCulture);
            var sb = new StringBuilder();
            sb.Append("using Odoo;\nnamespace Synthetic;\n");
            sb.Append("/// <summary>Synthetic model ").Append(n).Append(".</summary>\n");
            sb.Append("[OdooModel(\"x.synthetic_").Append(n).Append("\")]\n");
            sb.Append("public partial record Model").Append(n).Append('\n').Append("{\n");
            sb.Append("    public partial string Name { get; }\n");
            sb.Append("    public partial string? Reference { get; }\n");
            sb.Append("    public partial int Sequence { get; }\n");
            sb.Append("    public partial long? BigCounter { get; }\n");
            sb.Append("    public partial double Amount { get; }\n");
            sb.Append("    public partial decimal? Price { get; }\n");
            sb.Append("    public partial bool Active { get; }\n");
            sb.Append("    public partial DateOnly? StartDate { get; }\n");
            sb.Append("    public partial DateTime? LastSeen { get; }\n");
            sb.Append("    public partial Stage State { get; }\n");
            sb.Append("    [Many2One(\"previous_id\")] public partial Model").Append(prev).Append("? Previous { get; }\n");
            sb.Append("    [Many2Many(\"tag_ids\")] public partial IReadOnlyList<Model").Append(next).Append("> Tags { get; }\n");
            sb.Append("}\n");
            sources.Add(sb.ToString());
        }
        return new GeneratorScenario($"Synthetic {count}", sources, count);
    }

    /// <summary>Runs the generator once; returns the number of generated files (and throws on a generator error).</summary>
    public int Run()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new OdooGenerator().AsSourceGenerator()], parseOptions: Parse);
        driver = driver.RunGenerators((CSharpCompilation)_compilation.Clone());
        var result = driver.GetRunResult();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (result.Results[0].Exception is { } ex) throw new InvalidOperationException("The generator threw.", ex);
        if (errors.Count > 0) throw new InvalidOperationException($"{Name}: the generator reported {errors.Count} errors, first: {errors[0]}");
        return result.GeneratedTrees.Length;
    }

    /// <summary>Compiles the generated output once (a sanity check, not timed): the number of error diagnostics.</summary>
    public int CompileErrors()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new OdooGenerator().AsSourceGenerator()], parseOptions: Parse);
        driver.RunGeneratorsAndUpdateCompilation(_compilation, out var output, out _);
        return output.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    }
}
