using System.Reflection;
using System.Runtime.Loader;
using Odoo.Metadata;

namespace Odoo.Schema;

/// <summary>
/// The declared models of a compiled assembly, found through the
/// <see cref="OdooModelRegistrationAttribute"/>s the generator adds and read from each record's
/// static <c>Metadata</c>. <see cref="Load"/> loads the file into a collectible load context that
/// shares <c>Odoo.Runtime</c> with the caller; dispose the result to unload it.
/// </summary>
public sealed class OdooModelAssembly : IDisposable
{
    private readonly ModelLoadContext? _context;

    private OdooModelAssembly(Assembly assembly, ModelLoadContext? context)
    {
        Assembly = assembly;
        _context = context;
        Models = GetModels(assembly);
    }

    /// <summary>The assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>The metadata of every declared model, ordered by record type.</summary>
    public IReadOnlyList<OdooModelMetadata> Models { get; }

    /// <summary>Loads an assembly file (its dependencies from beside it or its <c>.deps.json</c>).</summary>
    /// <param name="path">The assembly (<c>.dll</c>).</param>
    /// <returns>The loaded assembly and its models; dispose to unload.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    /// <exception cref="InvalidOperationException">A record has no generated metadata.</exception>
    public static OdooModelAssembly Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"The assembly '{path}' does not exist.", full);
        var context = new ModelLoadContext(full);
        try
        {
            var assembly = context.LoadFromAssemblyPath(full);
            return new OdooModelAssembly(assembly, context);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    /// <summary>The metadata of every model declared in an assembly that is already loaded.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>The models, ordered by record type.</returns>
    /// <exception cref="InvalidOperationException">A record has no generated metadata.</exception>
    public static IReadOnlyList<OdooModelMetadata> GetModels(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var types = assembly.GetCustomAttributes<OdooModelRegistrationAttribute>().Select(a => a.RecordType).ToList();
        if (types.Count == 0)
        {
            // An assembly built without registrations: find the [OdooModel] records themselves.
            Type?[] all;
            try
            {
                all = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                all = ex.Types;
            }
            types = [.. all.Where(t => t is not null && t.IsDefined(typeof(OdooModelAttribute), false)).Select(t => t!)];
        }
        var result = new List<OdooModelMetadata>();
        foreach (var type in types.Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var property = type.GetProperty("Metadata", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
            if (property?.GetValue(null) is not OdooModelMetadata metadata)
            {
                throw new InvalidOperationException(
                    $"The record {type.FullName} has no generated static Metadata of type {typeof(OdooModelMetadata).FullName}: build the assembly with the OdooGen generator (of this version).");
            }
            result.Add(metadata);
        }
        return result;
    }

    /// <summary>Maps each root model (not an extending record) to its record type, for <see cref="OdooScaffoldOptions.ExistingRecords"/>.</summary>
    public IReadOnlyDictionary<string, string> RecordTypes()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in Models.Where(m => m.BaseModel is null)) map.TryAdd(m.ModelName, m.RecordType);
        foreach (var m in Models) map.TryAdd(m.ModelName, m.RecordType);
        return map;
    }

    /// <summary>Unloads the assembly (when it was loaded by <see cref="Load"/>).</summary>
    public void Dispose() => _context?.Unload();

    private sealed class ModelLoadContext : AssemblyLoadContext
    {
        private static readonly string RuntimeName = typeof(OdooRecord).Assembly.GetName().Name!;
        private readonly AssemblyDependencyResolver? _resolver;
        private readonly string _directory;

        public ModelLoadContext(string path) : base("odoogen:" + Path.GetFileName(path), isCollectible: true)
        {
            _directory = Path.GetDirectoryName(path)!;
            try
            {
                _resolver = new AssemblyDependencyResolver(path);
            }
            catch (InvalidOperationException)
            {
                _resolver = null;
            }
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // The metadata types must be the caller's, so Odoo.Runtime (and the framework) come from the default context.
            if (assemblyName.Name == RuntimeName) return null;
            if (_resolver?.ResolveAssemblyToPath(assemblyName) is { } resolved) return LoadFromAssemblyPath(resolved);
            var local = Path.Combine(_directory, assemblyName.Name + ".dll");
            return File.Exists(local) ? LoadFromAssemblyPath(local) : null;
        }
    }
}
