using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Odoo.Cli;
using Odoo.Generator;
using Odoo.Testing;

namespace Odoo.Cli.Tests;

/// <summary>The outcome of one in-process <c>odoogen</c> run.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

internal static class Cli
{
    public static async Task<CliRun> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, Func<string, string?>? readPassword = null, bool terminal = false)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new OdooCliConsole(output, error)
        {
            GetEnvironmentVariable = name => environment?.GetValueOrDefault(name),
            IsInteractive = readPassword is not null,
            ReadPassword = readPassword,
            IsErrorTerminal = terminal,
        };
        var code = await OdooCli.RunAsync([.. args], console);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static string[] Connection(OdooTestServer server) =>
        ["--url", server.BaseUrl.ToString(), "--database", server.Database, "--username", server.Username, "--password", server.Password, "--protocol", "jsonrpc"];
}

/// <summary>A temporary directory, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "odoogen-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Compiles sources with the OdooGen generator, as a consumer project would.</summary>
internal static class Compiler
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator);
        var refs = tpa
            .Where(p => System.IO.Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "mscorlib.dll" or "netstandard.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(OdooRecord).Assembly.Location));
        return [.. refs];
    });

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp13, DocumentationMode.Diagnose);

    /// <summary>Runs the generator and compiles; returns the diagnostics (generator and compiler) and, when clean, the image.</summary>
    public static Compiled Compile(IEnumerable<(string Path, string Source)> sources, string assemblyName = "Scaffolded", IEnumerable<string>? referencePaths = null)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, ParseOptions, path: s.Path)).ToList();
        var references = LazyReferences.Value.AddRange((referencePaths ?? []).Select(p => MetadataReference.CreateFromFile(p)));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Default));
        var driver = CSharpGeneratorDriver.Create([new OdooGenerator().AsSourceGenerator()], parseOptions: ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        using var pe = new MemoryStream();
        var emit = output.Emit(pe);
        var diagnostics = generatorDiagnostics.Concat(emit.Diagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
        return new Compiled(diagnostics, emit.Success ? pe.ToArray() : null, output);
    }

    public static Compiled CompileDirectory(string directory, string assemblyName = "Scaffolded", IEnumerable<(string Path, string Source)>? extra = null, IEnumerable<string>? referencePaths = null) =>
        Compile(Directory.GetFiles(directory, "*.cs").Order(StringComparer.Ordinal).Select(p => (p, File.ReadAllText(p))).Concat(extra ?? []), assemblyName, referencePaths);
}

internal sealed record Compiled(IReadOnlyList<Diagnostic> Diagnostics, byte[]? Image, Compilation Output)
{
    public string Describe() => string.Join("\n", Diagnostics.Select(d => d.ToString()));

    /// <summary>Loads the image in a collectible context sharing Odoo.Runtime with the tests.</summary>
    public LoadedAssembly Load()
    {
        Assert.NotNull(Image);
        var context = new SharingContext();
        var assembly = context.LoadFromStream(new MemoryStream(Image!));
        return new LoadedAssembly(context, assembly);
    }

    public string SaveTo(string path)
    {
        Assert.NotNull(Image);
        File.WriteAllBytes(path, Image!);
        return path;
    }

    private sealed class SharingContext() : AssemblyLoadContext("odoogen-test", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName) => null; // Odoo.Runtime and the framework from the default context
    }
}

internal sealed class LoadedAssembly(AssemblyLoadContext context, Assembly assembly) : IDisposable
{
    public Assembly Assembly { get; } = assembly;

    /// <summary>Calls a static method returning a task of T.</summary>
    public async Task<T> CallAsync<T>(string type, string method, params object?[] args)
    {
        var t = Assembly.GetType(type, throwOnError: true)!;
        var m = t.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            return await (Task<T>)m.Invoke(null, args)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    public void Dispose() => context.Unload();
}

/// <summary>Test-server set-up: <c>ir.model</c> with descriptions, and the sample schemas.</summary>
internal static class Schemas
{
    public static string SampleFieldsGet => File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "11-execute_kw-fields_get-openstack.referral_code.response.json"));

    /// <summary>Defines <c>ir.model</c> (model, name) and a row per model the server has, with <paramref name="descriptions"/>.</summary>
    public static void DefineIrModel(OdooTestServer server, IReadOnlyDictionary<string, string>? descriptions = null)
    {
        server.DefineModel(new OdooModelSchema("ir.model", "Models").Char("model", "Model", required: true).Char("name", "Model Description", required: true));
        foreach (var m in server.Models.Where(m => m != "ir.model"))
        {
            server.Seed("ir.model", new { model = m, name = descriptions?.GetValueOrDefault(m) ?? server.GetSchema(m)!.Description });
        }
    }

    /// <summary>openstack.referral_code from the real Odoo 18 fields_get (sample 11), and openstack.credit.type.</summary>
    public static void DefineReferralCode(OdooTestServer server)
    {
        server.DefineModel(new OdooModelSchema("openstack.credit.type", "OpenStack Credit Type")
            .Char("name", "Name", required: true)
            .Boolean("refundable", "Refundable")
            .Many2One("product", "product.product", "Product"));
        server.DefineModel(new OdooModelSchema("product.product", "Product").Char("name", "Name", required: true).Monetary("list_price", "Sales Price"));
        server.DefineModel(OdooModelSchema.FromFieldsGet("openstack.referral_code", SampleFieldsGet, "OpenStack Referral Code"));
    }
}
