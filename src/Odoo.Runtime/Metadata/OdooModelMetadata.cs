using System.Collections.Frozen;

namespace Odoo.Metadata;

/// <summary>The Odoo type of a declared field.</summary>
public enum OdooFieldKind
{
    /// <summary><c>boolean</c>.</summary>
    Boolean,
    /// <summary><c>integer</c>.</summary>
    Integer,
    /// <summary><c>float</c> or <c>monetary</c>.</summary>
    Float,
    /// <summary><c>char</c>, <c>text</c> or <c>html</c>.</summary>
    Char,
    /// <summary><c>date</c> (<c>yyyy-MM-dd</c>).</summary>
    Date,
    /// <summary><c>datetime</c> (<c>yyyy-MM-dd HH:mm:ss</c>, UTC).</summary>
    DateTime,
    /// <summary><c>selection</c>.</summary>
    Selection,
    /// <summary><c>many2one</c>: <c>[id, display_name]</c> or <c>false</c>.</summary>
    Many2One,
    /// <summary><c>one2many</c>: a list of ids.</summary>
    One2Many,
    /// <summary><c>many2many</c>: a list of ids.</summary>
    Many2Many,
    /// <summary><c>binary</c> (base64 text).</summary>
    Binary,
    /// <summary><c>json</c>, <c>properties</c> or any field read as raw JSON.</summary>
    Json,
}

/// <summary>One key of a selection field and the enum member it maps to.</summary>
/// <param name="Key">The Odoo selection key.</param>
/// <param name="Member">The C# enum member name.</param>
public sealed record OdooSelectionOption(string Key, string Member);

/// <summary>
/// What the generator knows of one declared property: its C# and Odoo names, kind, nullability,
/// relation target and aliases. Domains, field lists and create/update values are encoded from
/// it, without reflection.
/// </summary>
public sealed class OdooFieldMetadata
{
    /// <summary>Creates field metadata (called by generated code).</summary>
    /// <param name="name">The C# property name.</param>
    /// <param name="remoteName">The Odoo field name.</param>
    /// <param name="kind">The Odoo field kind.</param>
    public OdooFieldMetadata(string name, string remoteName, OdooFieldKind kind)
    {
        Name = name;
        RemoteName = remoteName;
        Kind = kind;
    }

    /// <summary>The C# property name, for example <c>ReferralCreditType</c>.</summary>
    public string Name { get; }

    /// <summary>The Odoo field name, for example <c>referral_credit_type</c>.</summary>
    public string RemoteName { get; }

    /// <summary>The Odoo field kind.</summary>
    public OdooFieldKind Kind { get; }

    /// <summary>Whether the declared type is nullable (Odoo's <c>false</c> reads as <see langword="null"/>).</summary>
    public bool IsNullable { get; init; }

    /// <summary>The C# type as declared, for tools (for example <c>int?</c> or <c>global::Ns.CreditType</c>).</summary>
    public string? ClrType { get; init; }

    /// <summary>For relations: the Odoo model of the target (for example <c>openstack.credit.type</c>).</summary>
    public string? RelationModel { get; init; }

    /// <summary>For relations: the target's metadata (lazily, so models can refer to each other and to themselves).</summary>
    public Func<OdooModelMetadata>? RelationTarget { get; init; }

    /// <summary>For a many2one: the generated id property (<c>{Name}Id</c>).</summary>
    public string? IdProperty { get; init; }

    /// <summary>For a many2one: the generated display-name property (<c>{Name}Name</c>).</summary>
    public string? NameProperty { get; init; }

    /// <summary>For an x2many: the generated id-list property (<c>{Singular}Ids</c>).</summary>
    public string? IdsProperty { get; init; }

    /// <summary>For an alias: the C# property it stands for.</summary>
    public string? AliasOf { get; init; }

    /// <summary>For a selection: its keys and the enum members they map to; empty for a string selection.</summary>
    public IReadOnlyList<OdooSelectionOption> SelectionOptions { get; init; } = [];

    /// <summary>Other Odoo names by version (<c>"13.0"</c> → <c>"type"</c>), matched by major.minor.</summary>
    public IReadOnlyDictionary<string, string> RemoteNamesByVersion { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>Whether this is a relation (many2one, one2many or many2many).</summary>
    public bool IsRelation => Kind is OdooFieldKind.Many2One or OdooFieldKind.One2Many or OdooFieldKind.Many2Many;

    /// <summary>Whether this is an x2many relation.</summary>
    public bool IsToMany => Kind is OdooFieldKind.One2Many or OdooFieldKind.Many2Many;

    /// <summary>The Odoo field name on <paramref name="version"/> (matched by major.minor), or <see cref="RemoteName"/>.</summary>
    /// <param name="version">The server version; <see langword="null"/> when unknown.</param>
    public string GetRemoteName(OdooVersion? version)
    {
        if (version is { } v && RemoteNamesByVersion.Count > 0 && RemoteNamesByVersion.TryGetValue(v.MajorMinor, out var name))
        {
            return name;
        }
        return RemoteName;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} -> {RemoteName} ({Kind}{(IsNullable ? ", nullable" : "")})";
}

/// <summary>
/// What the generator knows of one declared model. Each generated record exposes it as a static
/// <c>Metadata</c> property.
/// </summary>
public sealed class OdooModelMetadata
{
    private readonly FrozenDictionary<string, OdooFieldMetadata> _byName;
    private readonly FrozenDictionary<string, OdooFieldMetadata> _byRemote;
    private readonly IReadOnlyList<string>? _defaultFields;

    /// <summary>Creates model metadata (called by generated code).</summary>
    /// <param name="modelName">The Odoo model name.</param>
    /// <param name="recordType">The C# record type name (fully qualified, without <c>global::</c>).</param>
    /// <param name="fields">Every declared field, including the base fields and those of a base record.</param>
    public OdooModelMetadata(string modelName, string recordType, IReadOnlyList<OdooFieldMetadata> fields)
    {
        ModelName = modelName;
        RecordType = recordType;
        Fields = fields;
        var byName = new Dictionary<string, OdooFieldMetadata>(StringComparer.Ordinal);
        foreach (var f in fields) byName.TryAdd(f.Name, f);
        // A relation is also found by its generated id / name / id-list property (PartnerId -> Partner),
        // so domains and field lists can use those names; declared names win.
        foreach (var f in fields)
        {
            if (f.IdProperty is { } idp) byName.TryAdd(idp, f);
            if (f.NameProperty is { } np) byName.TryAdd(np, f);
            if (f.IdsProperty is { } ip) byName.TryAdd(ip, f);
        }
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        var byRemote = new Dictionary<string, OdooFieldMetadata>(StringComparer.Ordinal);
        foreach (var f in fields)
        {
            if (f.AliasOf is null) byRemote.TryAdd(f.RemoteName, f);
        }
        _byRemote = byRemote.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The Odoo model name, for example <c>openstack.referral_code</c>.</summary>
    public string ModelName { get; }

    /// <summary>The C# record type name, fully qualified.</summary>
    public string RecordType { get; }

    /// <summary>Every declared field, base fields first.</summary>
    public IReadOnlyList<OdooFieldMetadata> Fields { get; }

    /// <summary>
    /// The fields read when a call names none, as Odoo names; <see langword="null"/> reads all fields. A declared
    /// list is completed with the base fields every record exposes (<c>display_name</c>, <c>create_date</c>,
    /// <c>create_uid</c>, <c>write_date</c>, <c>write_uid</c>), so <see cref="OdooRecord.CreateDate"/> and the other
    /// base properties of a record read with the default fields hold values instead of throwing.
    /// </summary>
    public IReadOnlyList<string>? DefaultFields
    {
        get => _defaultFields;
        init => _defaultFields = value is null ? null : WithBaseFields(value);
    }

    /// <summary>
    /// The relations of the record type (its generated <c>Relations</c> class), for loading all of them at once;
    /// <see langword="null"/> when the metadata was not generated with them. A base record's relations are in
    /// <see cref="BaseModel"/>'s.
    /// </summary>
    public Func<IReadOnlyList<OdooRelation>>? RelationDescriptors { get; init; }

    /// <summary>The metadata of the record this one derives from, if any.</summary>
    public OdooModelMetadata? BaseModel { get; init; }

    /// <summary>
    /// The fields every Odoo model has, as generated metadata lists them first: <c>Id</c>,
    /// <c>DisplayName</c>, <c>CreateDate</c>, <c>CreateUid</c> (many2one to <c>res.users</c>, with
    /// <c>CreateName</c>), <c>WriteDate</c> and <c>WriteUid</c> (with <c>WriteName</c>).
    /// </summary>
    public static IReadOnlyList<OdooFieldMetadata> BaseFields { get; } =
    [
        new("Id", "id", OdooFieldKind.Integer) { ClrType = "int" },
        new("DisplayName", "display_name", OdooFieldKind.Char) { IsNullable = true, ClrType = "string?" },
        new("CreateDate", "create_date", OdooFieldKind.DateTime) { IsNullable = true, ClrType = "global::System.DateTime?" },
        new("CreateUid", "create_uid", OdooFieldKind.Many2One) { IsNullable = true, ClrType = "int?", RelationModel = "res.users", IdProperty = "CreateUid", NameProperty = "CreateName" },
        new("WriteDate", "write_date", OdooFieldKind.DateTime) { IsNullable = true, ClrType = "global::System.DateTime?" },
        new("WriteUid", "write_uid", OdooFieldKind.Many2One) { IsNullable = true, ClrType = "int?", RelationModel = "res.users", IdProperty = "WriteUid", NameProperty = "WriteName" },
    ];

    private static string[] WithBaseFields(IReadOnlyList<string> fields)
    {
        var list = new List<string>(fields.Count + 5);
        list.AddRange(fields);
        foreach (var name in (ReadOnlySpan<string>)["display_name", "create_date", "create_uid", "write_date", "write_uid"])
        {
            if (!list.Contains(name)) list.Add(name);
        }
        return [.. list];
    }

    /// <summary>Finds a field by its C# property name (a relation also by its generated id, name or id-list property).</summary>
    /// <param name="name">The C# property name.</param>
    public OdooFieldMetadata? FindByName(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Finds the (non-alias) field mapped to an Odoo field name.</summary>
    /// <param name="remoteName">The Odoo field name.</param>
    public OdooFieldMetadata? FindByRemoteName(string remoteName) => _byRemote.GetValueOrDefault(remoteName);

    /// <inheritdoc />
    public override string ToString() => $"{RecordType} ({ModelName}, {Fields.Count} fields)";
}
