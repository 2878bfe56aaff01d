using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Odoo.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="OdooGenerator"/> in memory against the running runtime's reference assemblies.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var refs = tpa
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "mscorlib.dll" or "netstandard.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(OdooRecord).Assembly.Location));
        return [.. refs];
    });

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.CSharp13) =>
        new(version, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, LanguageVersion version = LanguageVersion.CSharp13, string assemblyName = "Consumer")
    {
        var options = ParseOptions(version);
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, options, path: $"Model{i}.cs")).ToList();
        return CSharpCompilation.Create(
            assemblyName,
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static GeneratorDriver CreateDriver(CSharpParseOptions options, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new OdooGenerator().AsSourceGenerator()],
            parseOptions: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; returns its result, the output compilation and the output compilation's diagnostics.</summary>
    public static GeneratorRun Run(string source, LanguageVersion version = LanguageVersion.CSharp13) => Run([source], version);

    public static GeneratorRun Run(IEnumerable<string> sources, LanguageVersion version = LanguageVersion.CSharp13, bool compile = true)
    {
        var compilation = CreateCompilation(sources, version);
        var driver = CreateDriver(ParseOptions(version)).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var compileDiagnostics = compile ? output.GetDiagnostics() : [];
        return new GeneratorRun(result, output, generatorDiagnostics, compileDiagnostics);
    }
}

internal sealed record GeneratorRun(
    GeneratorDriverRunResult Result,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompileDiagnostics)
{
    public IEnumerable<Diagnostic> Odoo => GeneratorDiagnostics.Where(d => d.Id.StartsWith("ODOO", StringComparison.Ordinal));

    public IEnumerable<Diagnostic> Errors => CompileDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning);

    public ImmutableArray<GeneratedSourceResult> Sources => Result.Results.Single().GeneratedSources;

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();
}
