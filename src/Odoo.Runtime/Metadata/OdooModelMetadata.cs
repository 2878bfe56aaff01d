using System.Collections.Frozen;

namespace Odoo.Metadata;

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
