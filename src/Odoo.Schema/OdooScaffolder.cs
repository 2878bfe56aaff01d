using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Odoo.Generator;

namespace Odoo.Schema;

/// <summary>
/// Writes OdooGen declarations (<c>[OdooModel]</c> partial records) from server schemas: one file
/// per model, with a partial property per field, enums for selections, relation attributes and XML
/// docs from labels and help texts. The output compiles as is with the generator.
/// </summary>
public static partial class OdooScaffolder
{
    /// <summary>The fields every record already has (<see cref="OdooRecord"/>); never declared.</summary>
    public static readonly IReadOnlyList<string> BaseFieldNames = ["id", "display_name", "create_date", "create_uid", "write_date", "write_uid"];

    // The generator's own members (it reports ODOO015 for a property with one of these names).
    private static readonly string[] GeneratorReserved =
        ["Metadata", "Decode", "Relations", "From", "TryReadField", "PrintMembers", "Source", "Id", "DisplayName", "CreateDate", "CreateUid", "CreateName", "WriteDate", "WriteUid", "WriteName", "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "Deconstruct", "Clone"];

    // Names a scaffolded type must not take: they would hide the types the files use.
    private static readonly HashSet<string> ReservedTypeNames = new(StringComparer.Ordinal)
    {
        "Odoo", "System", "DateOnly", "DateTime", "DateTimeOffset", "JsonElement", "IReadOnlyList", "Nullable", "Object", "String", "Attribute", "Enum", "Task",
        "OdooModel", "OdooModelAttribute", "OdooField", "OdooFieldAttribute", "Many2One", "Many2OneAttribute", "One2Many", "One2ManyAttribute",
        "Many2Many", "Many2ManyAttribute", "OdooSelection", "OdooSelectionAttribute", "OdooRecord", "OdooClient", "OdooManager",
    };

    private static readonly Regex FieldNamePattern = new(@"^[\p{L}_][\p{L}\p{Nd}_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex NamespacePattern = new(@"^[\p{L}_][\p{L}\p{Nd}_]*(\.[\p{L}_][\p{L}\p{Nd}_]*)*$", RegexOptions.CultureInvariant);

    private static readonly Lazy<HashSet<string>> RecordMembers = new(() =>
    {
        var set = new HashSet<string>(GeneratorReserved, StringComparer.Ordinal);
        for (var t = typeof(OdooRecord); t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var m in t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                set.Add(m.Name);
            }
        }
        return set;
    });

    private static readonly Lazy<HashSet<string>> ClientMembers = new(() =>
        new HashSet<string>(typeof(OdooClient).GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Select(m => m.Name), StringComparer.Ordinal));

    /// <summary>
    /// Reads the models from the server (<c>fields_get</c> and <c>ir.model</c>) and scaffolds them,
    /// following relations when <see cref="OdooScaffoldOptions.FollowRelations"/> is set.
    /// </summary>
    /// <param name="client">A connected client.</param>
    /// <param name="models">The models to scaffold.</param>
    /// <param name="options">How; defaults when <see langword="null"/>.</param>
    /// <param name="progress">Told before each model is read.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The files: scaffolded models first (in the order read), then stubs.</returns>
    /// <exception cref="OdooModelNotFoundException">A requested model does not exist.</exception>
    public static async Task<IReadOnlyList<OdooScaffoldedFile>> ScaffoldAsync(
        OdooClient client,
        IEnumerable<string> models,
        OdooScaffoldOptions? options = null,
        IProgress<OdooScaffoldProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(models);
        options ??= new OdooScaffoldOptions();
        Validate(options);
        var requested = models.Distinct(StringComparer.Ordinal).ToList();
        if (requested.Count == 0) throw new ArgumentException("Name at least one model.", nameof(models));

        var queue = new List<string>(requested);
        var seen = new HashSet<string>(requested, StringComparer.Ordinal);
        var read = new List<OdooServerModel>();
        for (var i = 0; i < queue.Count; i++)
        {
            var model = queue[i];
            progress?.Report(new OdooScaffoldProgress(i + 1, queue.Count, model));
            OdooServerModel schema;
            try
            {
                schema = await OdooServerSchema.ReadModelAsync(client, model, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (i >= requested.Count && ex is OdooModelNotFoundException or OdooAccessException)
            {
                continue; // a followed target we may not read: it becomes a stub
            }
            if (options.ExcludeModules.Count > 0 || options.OnlyModules.Count > 0)
            {
                var modules = await OdooServerSchema.ReadFieldModulesAsync(client, model, cancellationToken).ConfigureAwait(false);
                schema = schema with { Fields = [.. schema.Fields.Select(f => f with { Modules = modules.GetValueOrDefault(f.Name) ?? [] })] };
            }
            read.Add(schema);
            if (!options.FollowRelations) continue;
            foreach (var f in schema.Fields)
            {
                if (f.Relation is { Length: > 0 } target && !Skip(f, options) && !options.ExistingRecords.ContainsKey(target)
                    && queue.Count < options.MaxModels && seen.Add(target))
                {
                    queue.Add(target);
                }
            }
        }

        var descriptions = await OdooServerSchema.ReadDescriptionsAsync(client, read.Select(m => m.Name).Concat(StubTargets(read, options)), cancellationToken).ConfigureAwait(false);
        var described = read.Select(m => m with { Description = descriptions.GetValueOrDefault(m.Name) ?? m.Description }).ToList();
        return Generate(described, options, descriptions);
    }

    /// <summary>Scaffolds models already read (offline: no server needed).</summary>
    /// <param name="models">The models to write in full.</param>
    /// <param name="options">How; defaults when <see langword="null"/>.</param>
    /// <param name="descriptions">Descriptions of relation targets that get a stub (model → <c>ir.model</c> name), if known.</param>
    /// <returns>The files: models first, then stubs for relation targets that are neither written nor existing.</returns>
    public static IReadOnlyList<OdooScaffoldedFile> Generate(
        IEnumerable<OdooServerModel> models,
        OdooScaffoldOptions? options = null,
        IReadOnlyDictionary<string, string>? descriptions = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        options ??= new OdooScaffoldOptions();
        Validate(options);
        var full = models.GroupBy(m => m.Name, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var stubs = StubTargets(full, options).ToList();

        // Type names, unique in the namespace: records first (scaffolded, then stubs), then managers and enums.
        var typeNames = new HashSet<string>(ReservedTypeNames, StringComparer.Ordinal);
        var recordNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var model in full.Select(m => m.Name).Concat(stubs))
        {
            recordNames[model] = Unique(RecordName(model, options), typeNames, model);
        }
        var managerNames = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (model, record) in recordNames)
        {
            var manager = record + "Manager";
            managerNames[model] = typeNames.Add(manager) ? null : Unique(record + "Records" + "Manager", typeNames, null);
        }
        var clientProperties = new Dictionary<string, string?>(StringComparer.Ordinal);
        var usedProperties = new HashSet<string>(ClientMembers.Value, StringComparer.Ordinal);
        foreach (var (model, record) in recordNames)
        {
            var plural = Naming.Pluralize(record);
            clientProperties[model] = usedProperties.Add(plural) ? null : Unique(plural + "Records", usedProperties, null);
        }

        string TargetType(string model) =>
            recordNames.TryGetValue(model, out var r) ? r : "global::" + options.ExistingRecords[model].Replace("+", ".", StringComparison.Ordinal);

        var files = new List<OdooScaffoldedFile>();
        foreach (var model in full)
        {
            var record = recordNames[model.Name];
            var (content, count) = WriteModel(model, record, managerNames[model.Name], clientProperties[model.Name], options, typeNames, TargetType);
            files.Add(new OdooScaffoldedFile(record + ".cs", record, model.Name, content, false, count));
        }
        foreach (var model in stubs)
        {
            var record = recordNames[model];
            var content = WriteStub(model, descriptions?.GetValueOrDefault(model), record, managerNames[model], clientProperties[model], options);
            files.Add(new OdooScaffoldedFile(record + ".cs", record, model, content, true, 0));
        }
        return files;
    }

    private static void Validate(OdooScaffoldOptions options)
    {
        if (string.IsNullOrEmpty(options.Namespace) || !NamespacePattern.IsMatch(options.Namespace))
        {
            throw new ArgumentException($"The namespace '{options.Namespace}' is not a valid C# namespace (for example Billing.Models).", nameof(options));
        }
        if (options.MaxModels < 1) throw new ArgumentException($"MaxModels must be at least 1; it is {options.MaxModels}.", nameof(options));
    }

    /// <summary>Relation targets that are neither scaffolded in full nor existing.</summary>
    private static IEnumerable<string> StubTargets(IEnumerable<OdooServerModel> models, OdooScaffoldOptions options)
    {
        var list = models.ToList();
        var full = new HashSet<string>(list.Select(m => m.Name), StringComparer.Ordinal);
        var stubs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var m in list)
        {
            foreach (var f in m.Fields)
            {
                if (!Skip(f, options) && f.IsRelation && f.Relation is { Length: > 0 } target && !full.Contains(target) && !options.ExistingRecords.ContainsKey(target))
                {
                    stubs.Add(target);
                }
            }
        }
        return stubs;
    }

    /// <summary>Whether a field is left out: base fields, technical ones, invalid names, excluded ones.</summary>
    private static bool Skip(OdooServerField f, OdooScaffoldOptions options) =>
        BaseFieldNames.Contains(f.Name)
        || f.Name.StartsWith("__", StringComparison.Ordinal)
        || !FieldNamePattern.IsMatch(f.Name)
        || options.ExcludeFields.Any(p => Glob(p, f.Name))
        || (f.IsRelation && string.IsNullOrEmpty(f.Relation))
        || LeftOutByModule(f, options);

    /// <summary>
    /// Whether the module filters leave the field out: every module defining it is excluded, or none of them
    /// is kept (<c>base</c> always is). Fields whose modules are unknown or empty (made in the UI) stay.
    /// </summary>
    private static bool LeftOutByModule(OdooServerField f, OdooScaffoldOptions options)
    {
        if (f.Modules is not { Count: > 0 } modules) return false;
        if (options.ExcludeModules.Count > 0 && modules.All(m => options.ExcludeModules.Contains(m))) return true;
        return options.OnlyModules.Count > 0 && !modules.Any(m => m == "base" || options.OnlyModules.Contains(m));
    }

    /// <summary>
    /// The namespace a new C# file in <paramref name="directory"/> gets in its project, as the .NET SDK and
    /// IDEs give it: the nearest <c>.csproj</c> at or above the directory, its <c>RootNamespace</c> (else the
    /// project file's name), followed by the folders between the project and the directory.
    /// </summary>
    /// <param name="directory">Where the files go (it need not exist yet).</param>
    /// <returns>The namespace, or <see langword="null"/> when no single project file is found or the name is not a namespace.</returns>
    public static string? ProjectNamespace(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var folders = new List<string>();
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            var projects = dir.Exists ? dir.GetFiles("*.csproj") : [];
            if (projects.Length > 1) return null;
            if (projects.Length == 1)
            {
                var root = ReadRootNamespace(projects[0].FullName) ?? Path.GetFileNameWithoutExtension(projects[0].Name);
                folders.Reverse();
                var parts = new[] { root }.Concat(folders.Select(f => ToNamespacePart(f)));
                var ns = string.Join(".", parts.Select(p => string.Join(".", p.Split('.').Select(ToNamespacePart))));
                return NamespacePattern.IsMatch(ns) ? ns : null;
            }
            folders.Add(dir.Name);
        }
        return null;
    }

    private static string? ReadRootNamespace(string project)
    {
        try
        {
            var match = Regex.Match(File.ReadAllText(project), @"<RootNamespace>\s*([^<$]+?)\s*</RootNamespace>", RegexOptions.CultureInvariant);
            return match.Success ? match.Groups[1].Value : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // As the SDK does for folder and project names: characters a namespace cannot hold become '_', a leading digit gets one too.
    private static string ToNamespacePart(string name)
    {
        var chars = name.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        var part = new string(chars);
        return part.Length == 0 || char.IsDigit(part[0]) ? "_" + part : part;
    }

    private static bool Glob(string pattern, string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);

    /// <summary><c>res.partner</c> → <c>Partner</c>, <c>openstack.referral_code</c> → <c>OpenstackReferralCode</c>, <c>product.product</c> → <c>Product</c>, <c>res.users</c> → <c>User</c>.</summary>
    internal static string RecordName(string model, OdooScaffoldOptions options)
    {
        var name = model;
        foreach (var prefix in options.StripPrefixes.OrderByDescending(p => p.Length))
        {
            if (prefix.Length > 0 && name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length)
            {
                name = name[prefix.Length..];
                break;
            }
        }
        var segments = name.Split('.', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var i = segments.Count - 1; i > 0; i--)
        {
            if (segments[i] == segments[i - 1]) segments.RemoveAt(i); // product.product -> product
        }
        var pascal = string.Concat(segments.Select(CSharpNaming.ToPascalCase));
        return CSharpNaming.RecordSingular(pascal);
    }

    private static string Unique(string name, HashSet<string> taken, string? model)
    {
        if (taken.Add(name)) return name;
        if (model is not null)
        {
            // A clash: try the name from the whole model name (ResPartner for res.partner).
            var whole = string.Concat(model.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(CSharpNaming.ToPascalCase));
            if (whole != name && taken.Add(whole)) return whole;
            if (taken.Add(name + "Record")) return name + "Record";
        }
        for (var i = 2; ; i++)
        {
            var candidate = name + CSharpNaming.Invariant(i);
            if (taken.Add(candidate)) return candidate;
        }
    }
}
