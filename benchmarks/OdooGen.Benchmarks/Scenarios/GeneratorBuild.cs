using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace OdooGen.Benchmarks.Scenarios;

/// <summary>
/// Another build of the generator (for example the one of an earlier commit), loaded beside this one in its own
/// <see cref="AssemblyLoadContext"/> so the two run alternately in one process: load from other processes then
/// hits both alike, and the ratio is what a change costs. Roslyn itself is shared (resolved from the default
/// context); the compilation references that build's own <c>Odoo.Runtime.dll</c>, and the OpenStack
/// scenario reads that build's own model sources (from the repository above its folder).
/// </summary>
public sealed class GeneratorBuild
{
    private readonly Type _type;

    private GeneratorBuild(string label, Type type, string runtimePath)
    {
        Label = label;
        _type = type;
        RuntimePath = runtimePath;
    }

    /// <summary>How the build is named in the output.</summary>
    public string Label { get; }

    /// <summary>The repository the build comes from (above its folder), for its own OpenStack models; <see langword="null"/> when not found.</summary>
    public string? RepositoryRoot { get; private init; }

    /// <summary>That build's runtime assembly, referenced by the compilation the generator runs over.</summary>
    public string RuntimePath { get; }

    /// <summary>Loads <c>Odoo.Generator.dll</c> and <c>Odoo.Runtime.dll</c> from a build output folder.</summary>
    public static GeneratorBuild Load(string folder)
    {
        var generator = Path.GetFullPath(Path.Combine(folder, "Odoo.Generator.dll"));
        var runtime = Path.GetFullPath(Path.Combine(folder, "Odoo.Runtime.dll"));
        if (!File.Exists(generator) || !File.Exists(runtime))
            throw new FileNotFoundException($"--baseline {folder}: Odoo.Generator.dll and Odoo.Runtime.dll are expected in that folder (a build output of the benchmarks project).");
        var context = new Isolated(generator);
        var assembly = context.LoadFromAssemblyPath(generator);
        var type = assembly.GetType("Odoo.Generator.OdooGenerator", throwOnError: true)!;
        string? root = null;
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null && root is null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OdooGen.sln"))) root = dir.FullName;
        }
        return new GeneratorBuild(folder, type, runtime) { RepositoryRoot = root };
    }

    /// <summary>A new instance of that build's generator.</summary>
    public IIncrementalGenerator Create() => (IIncrementalGenerator)Activator.CreateInstance(_type)!;

    private sealed class Isolated(string generatorPath) : AssemblyLoadContext("baseline generator")
    {
        // Only the generator is loaded here; Roslyn and the BCL come from the default context (shared types).
        protected override Assembly? Load(AssemblyName name) =>
            name.Name == "Odoo.Generator" ? LoadFromAssemblyPath(generatorPath) : null;
    }
}
