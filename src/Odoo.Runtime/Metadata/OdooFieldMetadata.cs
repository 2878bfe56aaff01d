using System.Collections.Frozen;

namespace Odoo.Metadata;

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
