using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using Odoo.Metadata;
using Odoo.Serialization;

namespace Odoo.Managers;

/// <summary>What a local name stands for on its field.</summary>
internal enum OdooFieldRole
{
    /// <summary>The property itself (a plain field, or the related record(s) of a relation).</summary>
    Value,
    /// <summary>The id half of a many2one pair (<c>{Name}Id</c>).</summary>
    Id,
    /// <summary>The display-name half of a many2one pair (<c>{Name}Name</c>).</summary>
    Name,
    /// <summary>The id list of an x2many (<c>{Singular}Ids</c>).</summary>
    Ids,
}

/// <summary>A name resolved on one model: the declared field (or <see langword="null"/>) and the Odoo name to send.</summary>
/// <param name="Field">The declared field; <see langword="null"/> when the name is not declared (it passes through).</param>
/// <param name="Role">What the name stood for.</param>
/// <param name="Remote">The Odoo field name (for the server version).</param>
internal readonly record struct OdooResolvedField(OdooFieldMetadata? Field, OdooFieldRole Role, string Remote);

/// <summary>
/// Name lookups of one model's metadata: local names (properties, aliases, <c>Id</c>/<c>Name</c>/<c>Ids</c>
/// forms, base fields) to declared fields, and Odoo names back to local names per server version.
/// Built once per metadata instance and cached; lookups do no reflection.
/// </summary>
internal sealed class OdooFieldIndex
{
    private static readonly ConditionalWeakTable<OdooModelMetadata, OdooFieldIndex> Cache = new();

    /// <summary>
    /// Older local names of the user links (<c>CreateUser</c>/<c>WriteUser</c>), still accepted for
    /// <c>create_uid</c>/<c>write_uid</c> beside the names of <see cref="OdooModelMetadata.BaseFields"/>.
    /// </summary>
    private static readonly (string Alias, string Remote)[] BaseFieldAliases = [("CreateUser", "create_uid"), ("WriteUser", "write_uid")];

    private readonly FrozenDictionary<string, (OdooFieldMetadata Field, OdooFieldRole Role)> _byLocal;
    private readonly FrozenDictionary<string, string> _bySnake;
    private readonly ConcurrentDictionary<string, FrozenDictionary<string, OdooFieldMetadata>> _remoteToLocal = new(StringComparer.Ordinal);
    private readonly List<OdooFieldMetadata> _concrete;

    private OdooFieldIndex(OdooModelMetadata metadata)
    {
        Metadata = metadata;
        var byLocal = new Dictionary<string, (OdooFieldMetadata, OdooFieldRole)>(StringComparer.Ordinal);
        _concrete = [];
        foreach (var f in metadata.Fields) Add(byLocal, f);
        // The fields every Odoo model has, when the metadata does not declare them itself (generated metadata does).
        foreach (var f in OdooModelMetadata.BaseFields)
        {
            if (!byLocal.ContainsKey(f.Name) && metadata.FindByRemoteName(f.RemoteName) is null) Add(byLocal, f);
        }
        foreach (var (alias, remote) in BaseFieldAliases)
        {
            if (byLocal.ContainsKey(alias)) continue;
            var target = metadata.FindByRemoteName(remote) ?? _concrete.Find(f => f.RemoteName == remote);
            if (target is not null) byLocal[alias] = (target, OdooFieldRole.Value);
        }
        _byLocal = byLocal.ToFrozenDictionary(StringComparer.Ordinal);
        // The reference's snake_case local names (referral_credit_type_id, referral_ids, colour, create_user):
        // the snake_case of every local name, unless it is itself a local name.
        var bySnake = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var local in byLocal.Keys)
        {
            var snake = ToSnakeCase(local);
            if (!byLocal.ContainsKey(snake)) bySnake.TryAdd(snake, local);
        }
        _bySnake = bySnake.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The snake_case form of a C# name: <c>ReferralCreditTypeId</c> → <c>referral_credit_type_id</c>, <c>OsProjectId</c> → <c>os_project_id</c>.</summary>
    internal static string ToSnakeCase(string name)
    {
        var b = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var acronymEnds = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previousIsLowerOrDigit || acronymEnds) b.Append('_');
                b.Append(char.ToLowerInvariant(c));
            }
            else
            {
                b.Append(c);
            }
        }
        return b.ToString();
    }

    private void Add(Dictionary<string, (OdooFieldMetadata, OdooFieldRole)> byLocal, OdooFieldMetadata f)
    {
        byLocal[f.Name] = (f, OdooFieldRole.Value);
        if (f.AliasOf is not null) return;
        _concrete.Add(f);
        if (f.IdProperty is { } id) byLocal.TryAdd(id, (f, OdooFieldRole.Id));
        if (f.NameProperty is { } name) byLocal.TryAdd(name, (f, OdooFieldRole.Name));
        if (f.IdsProperty is { } ids) byLocal.TryAdd(ids, (f, OdooFieldRole.Ids));
    }

    /// <summary>The model.</summary>
    public OdooModelMetadata Metadata { get; }

    /// <summary>The record type's short name, for messages.</summary>
    public string RecordName => ShortName(Metadata.RecordType);

    /// <summary>Returns the (cached) index of <paramref name="metadata"/>.</summary>
    public static OdooFieldIndex For(OdooModelMetadata metadata) => Cache.GetValue(metadata, static m => new OdooFieldIndex(m));

    /// <summary>The short (unqualified) name of a record type.</summary>
    public static string ShortName(string recordType)
    {
        var i = recordType.LastIndexOf('.');
        var name = i >= 0 ? recordType[(i + 1)..] : recordType;
        var plus = name.LastIndexOf('+');
        return plus >= 0 ? name[(plus + 1)..] : name;
    }

    /// <summary>
    /// Resolves one (undotted) name: aliases are followed, <c>Id</c>/<c>Name</c>/<c>Ids</c> forms map to their
    /// relation, and the Odoo name is taken for <paramref name="version"/>. An undeclared name that looks like an
    /// Odoo name (it does not start with an upper-case letter: <c>x_custom</c>, <c>partner_id</c>) passes through,
    /// for fields the server has but the declaration does not; an undeclared name that looks like a C# property name
    /// (<c>AlowedUses</c>) is a mistake and fails before any request.
    /// </summary>
    /// <exception cref="ArgumentException">The aliases form a loop, or a C#-style name matches nothing declared (the message names the model and the closest declared names).</exception>
    public OdooResolvedField Resolve(string name, OdooVersion? version)
    {
        if (!_byLocal.TryGetValue(name, out var entry))
        {
            // An Odoo name of a declared field keeps its declaration (so its values are encoded too).
            var byRemote = Metadata.FindByRemoteName(name) ?? FindRemote(name, version);
            if (byRemote is not null && string.Equals(byRemote.GetRemoteName(version), name, StringComparison.Ordinal))
            {
                return new OdooResolvedField(byRemote, OdooFieldRole.Value, name);
            }
            // The reference's snake_case local name of a declared property (or of its Id/Name/Ids form, or alias).
            if (_bySnake.TryGetValue(name, out var local)) return Resolve(local, version);
            if (LooksLikePropertyName(name) || IsNearMiss(name)) throw UnknownName(name);
            return new OdooResolvedField(null, OdooFieldRole.Value, name);
        }
        if (entry.Field.AliasOf is not null)
        {
            List<string>? seen = null;
            while (entry.Field.AliasOf is { } target)
            {
                seen ??= [name];
                if (seen.Contains(target, StringComparer.Ordinal))
                {
                    seen.Add(target);
                    throw new ArgumentException($"Found recursive field alias definitions on {RecordName}: {string.Join(" -> ", seen)}", nameof(name));
                }
                seen.Add(target);
                if (!_byLocal.TryGetValue(target, out entry)) return new OdooResolvedField(null, OdooFieldRole.Value, target);
            }
        }
        return new OdooResolvedField(entry.Field, entry.Role, entry.Field.GetRemoteName(version));
    }

    /// <summary>
    /// Whether an undeclared name looks like a C# property name rather than an Odoo field name: it starts with an
    /// upper-case letter. Odoo field names are lower-case by convention (<c>name</c>, <c>partner_id</c>,
    /// <c>x_studio_code</c>), and a raw Odoo name is how a caller reaches a field the declaration lacks.
    /// </summary>
    internal static bool LooksLikePropertyName(string name) => name.Length > 0 && char.IsUpper(name[0]);

    /// <summary>
    /// Whether an undeclared snake_case name is one letter (or one underscore) away from a declared name
    /// (<c>referal_credit_type_id</c>, <c>colur</c>): a misspelling, not a field the declaration lacks. Custom
    /// fields (<c>x_...</c>) and names of four letters or fewer are never taken for misspellings.
    /// </summary>
    private bool IsNearMiss(string name)
    {
        if (name.StartsWith("x_", StringComparison.Ordinal) || name.Length <= 4) return false;
        var normalized = Normalize(name);
        foreach (var candidate in Candidates())
        {
            var other = Normalize(candidate);
            if (Math.Abs(other.Length - normalized.Length) > 1) continue;
            if (Distance(normalized, other) <= 1) return true;
        }
        return false;
    }

    /// <summary>Every name a caller may use for a declared field: local names, their snake_case forms and Odoo names.</summary>
    private IEnumerable<string> Candidates() => _byLocal.Keys.Concat(_bySnake.Keys).Concat(_concrete.Select(f => f.RemoteName)).Distinct(StringComparer.Ordinal);

    private OdooFieldMetadata? FindRemote(string remote, OdooVersion? version) => RemoteMap(version).GetValueOrDefault(remote);

    /// <summary>The error for a C#-style name that matches no declared name: the model and the closest declared names.</summary>
    internal ArgumentException UnknownName(string name)
    {
        var closest = Closest(name, 3);
        var hint = closest.Count > 0
            ? $" Did you mean {string.Join(" or ", closest.Select(c => "'" + c + "'"))}?"
            : $" Declared names: {string.Join(", ", _byLocal.Keys.Where(k => char.IsUpper(k[0])).Order(StringComparer.Ordinal).Take(12))}{(_byLocal.Count > 12 ? ", ..." : "")}.";
        var advice = LooksLikePropertyName(name)
            ? "Use a declared property name, or the Odoo field name (snake_case) for a field the declaration does not have."
            : "Use a declared property name, its snake_case form or the Odoo field name; a field the declaration does not have is sent by its Odoo name, but this one is too close to a declared name to be taken for one (declare it, or use OdooDomain.Raw / the raw model client).";
        return new ArgumentException(
            $"{RecordName} ({Metadata.ModelName}) has no field or property named '{name}'.{hint} {advice}",
            nameof(name));
    }

    /// <summary>The declared names closest to <paramref name="name"/> (case-insensitive edit distance), best first.</summary>
    internal IReadOnlyList<string> Closest(string name, int count)
    {
        var candidates = Candidates();
        var limit = Math.Max(2, name.Length / 3);
        return candidates
            .Select(c => (Name: c, Distance: Distance(Normalize(name), Normalize(c))))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance).ThenBy(c => char.IsUpper(c.Name[0]) == LooksLikePropertyName(name) ? 0 : 1).ThenBy(c => c.Name, StringComparer.Ordinal)
            .DistinctBy(c => Normalize(c.Name)) // AllowedUses, not also allowed_uses
            .Take(count)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>Lower case without underscores, so that <c>AllowedUses</c> and <c>allowed_uses</c> compare equal.</summary>
    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// Resolves a dotted path (<c>Partner.Country.Code</c>): each segment that is a relation with known target
    /// metadata is resolved on the target; the rest of a path through anything else is kept as it is.
    /// </summary>
    /// <returns>The Odoo path and the field that governs the value (or <see langword="null"/> when unknown).</returns>
    public OdooResolvedField ResolvePath(string path, OdooVersion? version)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return Resolve(path, version);
        var first = Resolve(path[..dot], version);
        var rest = path[(dot + 1)..];
        if (first.Field is { IsRelation: true, RelationTarget: { } target })
        {
            var inner = For(target()).ResolvePath(rest, version);
            return inner with { Remote = first.Remote + "." + inner.Remote };
        }
        if (first.Field is { IsRelation: true })
        {
            // A relation whose target is not described here (the base record's user links, create_uid / write_uid):
            // the rest of the path is taken as Odoo names, property-style segments in their snake_case form
            // (CreateUid.Name -> create_uid.name).
            var segments = rest.Split('.');
            for (var i = 0; i < segments.Length; i++)
            {
                if (LooksLikePropertyName(segments[i])) segments[i] = ToSnakeCase(segments[i]);
            }
            return new OdooResolvedField(null, OdooFieldRole.Value, first.Remote + "." + string.Join('.', segments));
        }
        return new OdooResolvedField(null, OdooFieldRole.Value, first.Remote + "." + rest);
    }

    /// <summary>The local name of an Odoo field on <paramref name="version"/>, or the Odoo name when it is not declared.</summary>
    public string ToLocal(string remote, OdooVersion? version) =>
        RemoteMap(version).TryGetValue(remote, out var field) ? field.Name : remote;

    /// <summary>
    /// Adds one value of a <c>read</c> row to a dictionary keyed like <see cref="OdooRecord.ToDictionary"/>: a plain
    /// field under its property name, a many2one as its <c>{Name}Id</c> and <c>{Name}Name</c> halves (JSON
    /// <c>null</c> for an empty link), an x2many as its <c>{Singular}Ids</c> list, an undeclared field under its Odoo name.
    /// </summary>
    public void AddLocal(Dictionary<string, System.Text.Json.JsonElement> row, string remote, System.Text.Json.JsonElement value, OdooVersion? version)
    {
        if (!RemoteMap(version).TryGetValue(remote, out var field))
        {
            row[remote] = value;
            return;
        }
        if (field.Kind == OdooFieldKind.Many2One && (field.IdProperty is not null || field.NameProperty is not null))
        {
            var pair = value.ValueKind == System.Text.Json.JsonValueKind.Array && value.GetArrayLength() >= 2;
            if (field.IdProperty is { } id) row[id] = pair ? value[0] : value.ValueKind == System.Text.Json.JsonValueKind.Number ? value : JsonNull;
            if (field.NameProperty is { } name) row[name] = pair ? value[1] : JsonNull;
            return;
        }
        row[field.IsToMany && field.IdsProperty is { } ids ? ids : field.Name] = value;
    }

    private static readonly System.Text.Json.JsonElement JsonNull = System.Text.Json.JsonDocument.Parse("null").RootElement.Clone();

    private FrozenDictionary<string, OdooFieldMetadata> RemoteMap(OdooVersion? version)
    {
        var key = version?.MajorMinor ?? "";
        return _remoteToLocal.GetOrAdd(key, static (_, s) => s.Self.BuildRemoteToLocal(s.Version), (Self: this, Version: version));
    }

    private FrozenDictionary<string, OdooFieldMetadata> BuildRemoteToLocal(OdooVersion? version)
    {
        var map = new Dictionary<string, OdooFieldMetadata>(StringComparer.Ordinal);
        foreach (var f in _concrete) map.TryAdd(f.GetRemoteName(version), f);
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>Encodes field lists, order clauses and values by a model's metadata.</summary>
internal static class OdooFieldEncoding
{
    /// <summary>
    /// Encodes a field selection (local or Odoo names) to distinct Odoo names, keeping the first occurrence.
    /// An empty or missing selection gives the model's default fields (or <see langword="null"/>: all fields).
    /// </summary>
    public static IReadOnlyList<string>? EncodeFields(OdooModelMetadata metadata, OdooVersion? version, IEnumerable<string>? fields)
    {
        if (fields is null) return metadata.DefaultFields;
        var index = OdooFieldIndex.For(metadata);
        List<string>? list = null;
        HashSet<string>? seen = null;
        foreach (var name in fields)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(fields));
            list ??= [];
            seen ??= new HashSet<string>(StringComparer.Ordinal);
            var remote = index.ResolvePath(name.Trim(), version).Remote;
            if (seen.Add(remote)) list.Add(remote);
        }
        return list is null ? metadata.DefaultFields : list;
    }

    /// <summary>
    /// Translates an order clause (<c>"CreateDate desc, Name"</c>) to Odoo names (<c>"create_date desc, name"</c>).
    /// Names that are not declared pass through.
    /// </summary>
    public static string? EncodeOrder(OdooModelMetadata metadata, OdooVersion? version, string? order)
    {
        if (string.IsNullOrWhiteSpace(order)) return null;
        var index = OdooFieldIndex.For(metadata);
        var parts = order.Split(',');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (part.Length == 0) continue;
            var space = part.IndexOf(' ', StringComparison.Ordinal);
            var name = space < 0 ? part : part[..space];
            var tail = space < 0 ? "" : part[space..];
            parts[i] = index.ResolvePath(name, version).Remote + tail;
        }
        return string.Join(", ", parts.Where(p => p.Length > 0));
    }

    /// <summary>
    /// Encodes a value compared with (or assigned to) <paramref name="field"/>: records become ids, dates and
    /// datetimes Odoo strings, enums selection keys, <see langword="null"/> on a relation <c>false</c>.
    /// Lists are encoded element by element.
    /// </summary>
    /// <param name="field">The governing field, or <see langword="null"/> when unknown.</param>
    /// <param name="value">The value.</param>
    /// <param name="name">The name the caller used, for messages.</param>
    public static object? EncodeValue(OdooFieldMetadata? field, object? value, string name)
    {
        switch (value)
        {
            case null:
                return field is { IsRelation: true } ? false : null;
            case string or bool or int or long or double or decimal:
                return value;
            case OdooRecord record:
                return record.Id;
            case DateOnly d:
                return field?.Kind == OdooFieldKind.DateTime
                    ? d.ToString(OdooJsonWriter.DateFormat, CultureInfo.InvariantCulture) + " 00:00:00"
                    : d.ToString(OdooJsonWriter.DateFormat, CultureInfo.InvariantCulture);
            case DateTime dt:
                return field?.Kind == OdooFieldKind.Date
                    ? DateOnly.FromDateTime(dt).ToString(OdooJsonWriter.DateFormat, CultureInfo.InvariantCulture)
                    : FormatDateTime(dt);
            case DateTimeOffset dto:
                return field?.Kind == OdooFieldKind.Date
                    ? DateOnly.FromDateTime(dto.DateTime).ToString(OdooJsonWriter.DateFormat, CultureInfo.InvariantCulture)
                    : FormatDateTime(dto.UtcDateTime);
            case Enum e:
                return EncodeEnum(field, e, name);
            case Transport.IOdooJsonWritable or System.Text.Json.JsonElement or System.Text.Json.Nodes.JsonNode:
                return value;
            case IDictionary or IReadOnlyDictionary<string, object?> or byte[]:
                return value;
            case ITuple tuple:
                {
                    var list = new List<object?>(tuple.Length);
                    for (var i = 0; i < tuple.Length; i++) list.Add(EncodeValue(field, tuple[i], name));
                    return list;
                }
            case IEnumerable items:
                return EncodeElements(field, items, name);
            default:
                return value;
        }
    }

    /// <summary>Encodes each element of a list with <see cref="EncodeValue"/>.</summary>
    public static List<object?> EncodeElements(OdooFieldMetadata? field, IEnumerable items, string name)
    {
        var list = new List<object?>();
        foreach (var item in items) list.Add(EncodeValue(field, item, name));
        return list;
    }

    /// <summary>Formats a datetime as Odoo's UTC text; a local time is converted, an unspecified one is taken as UTC.</summary>
    public static string FormatDateTime(DateTime value)
    {
        if (value.Kind == DateTimeKind.Local) value = value.ToUniversalTime();
        return value.ToString(OdooJsonWriter.DateTimeFormat, CultureInfo.InvariantCulture);
    }

    private static object EncodeEnum(OdooFieldMetadata? field, Enum value, string name)
    {
        var member = value.ToString();
        if (field is not null)
        {
            foreach (var option in field.SelectionOptions)
            {
                if (string.Equals(option.Member, member, StringComparison.Ordinal)) return option.Key;
            }
            if (field.Kind is OdooFieldKind.Integer) return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            throw new ArgumentException(
                field.SelectionOptions.Count == 0
                    ? $"Cannot encode the enum value {value.GetType().Name}.{member} for '{name}': the field {field.Name} has no selection options. Pass the selection key as a string."
                    : $"The enum value {value.GetType().Name}.{member} is not one of the selection options of {field.Name} ({string.Join(", ", field.SelectionOptions.Select(o => o.Member))}).",
                nameof(value));
        }
        throw new ArgumentException(
            $"Cannot encode the enum value {value.GetType().Name}.{member} for '{name}': it is not a declared selection field, so its Odoo key is unknown. Pass the selection key as a string.",
            nameof(value));
    }
}
