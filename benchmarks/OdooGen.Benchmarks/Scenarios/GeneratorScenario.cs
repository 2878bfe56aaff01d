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
    private readonly Func<IIncrementalGenerator> _generator;

    private GeneratorScenario(string name, IEnumerable<string> sources, int models, GeneratorBuild? build = null)
    {
        Name = name;
        Models = models;
        _generator = build is null ? static () => new OdooGenerator() : build.Create;
        var trees = sources.Prepend(ImplicitUsings).Select((s, i) => CSharpSyntaxTree.ParseText(s, Parse, path: $"Source{i}.cs")).ToList();
        _compilation = CSharpCompilation.Create(
            // The OpenStack sources refer to the model table generated for their assembly by its name.
            name == OpenStackName ? "Odoo.Models.OpenStack" : "Models",
            trees,
            build is null ? References.Value : [.. SystemReferences.Value, MetadataReference.CreateFromFile(build.RuntimePath)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The same scenario driven by another build of the generator (compared run by run with this one).</summary>
    /// <remarks>
    /// The OpenStack models are that build's own sources (the models of its commit, as it compiled them); synthetic
    /// models are the same declarations for both.
    /// </remarks>
    public GeneratorScenario With(GeneratorBuild build) => Name == OpenStackName && build.RepositoryRoot is { } root
        ? new(Name, OpenStackSources(root), Models, build)
        : new(Name, _compilation.SyntaxTrees.Skip(1).Select(t => t.ToString()), Models, build);

    public string Name { get; }

    public int Models { get; }

    private static readonly Lazy<IReadOnlyList<MetadataReference>> SystemReferences = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return tpa
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "mscorlib.dll" or "netstandard.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    });

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        [.. SystemReferences.Value, MetadataReference.CreateFromFile(typeof(OdooRecord).Assembly.Location)]);

    /// <summary>The 36 OpenStack models with their managers, as the project compiles them.</summary>
    /// <param name="repositoryRoot">The repository whose models are read; this one by default.</param>
    public static GeneratorScenario OpenStack(string? repositoryRoot = null)
    {
        var files = OpenStackSources(repositoryRoot ?? BenchOdoo.RepositoryRoot());
        var models = files.Count(f => f.Contains("[OdooModel(", StringComparison.Ordinal));
        return new GeneratorScenario(OpenStackName, files, models);
    }

    private const string OpenStackName = "OpenStack";

    private static List<string> OpenStackSources(string repositoryRoot) =>
        Directory.EnumerateFiles(Path.Combine(repositoryRoot, "src", "Odoo.Models.OpenStack"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();

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
        GeneratorDriver driver = CSharpGeneratorDriver.Create([_generator().AsSourceGenerator()], parseOptions: Parse);
        driver = driver.RunGenerators((CSharpCompilation)_compilation.Clone());
        var result = driver.GetRunResult();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (result.Results[0].Exception is { } ex) throw new InvalidOperationException("The generator threw.", ex);
        if (errors.Count > 0) throw new InvalidOperationException($"{Name}: the generator reported {errors.Count} errors, first: {errors[0]}");
        return result.GeneratedTrees.Length;
    }

    /// <summary>The driver's own timing of one run: the whole run and the generator's part of it (median of <paramref name="runs"/>).</summary>
    public (double DriverMs, double GeneratorMs) Timing(int runs)
    {
        var driverMs = new List<double>();
        var generatorMs = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create([_generator().AsSourceGenerator()], parseOptions: Parse);
            var timing = driver.RunGenerators((CSharpCompilation)_compilation.Clone()).GetTimingInfo();
            driverMs.Add(timing.ElapsedTime.TotalMilliseconds);
            generatorMs.Add(timing.GeneratorTimes[0].ElapsedTime.TotalMilliseconds);
        }
        return (driverMs.Order().ElementAt(runs / 2), generatorMs.Order().ElementAt(runs / 2));
    }

    /// <summary>The size of the generated output: files and characters.</summary>
    public (int Files, long Chars) OutputSize()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([_generator().AsSourceGenerator()], parseOptions: Parse);
        var result = driver.RunGenerators((CSharpCompilation)_compilation.Clone()).GetRunResult();
        return (result.GeneratedTrees.Length, result.GeneratedTrees.Sum(t => (long)t.Length));
    }

    /// <summary>Compiles the generated output once (a sanity check, not timed): the number of error diagnostics.</summary>
    public int CompileErrors()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([_generator().AsSourceGenerator()], parseOptions: Parse);
        driver.RunGeneratorsAndUpdateCompilation(_compilation, out var output, out _);
        return output.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    }
}
