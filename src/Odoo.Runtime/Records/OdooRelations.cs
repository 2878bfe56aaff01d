using Odoo.Metadata;

namespace Odoo;

/// <summary>
/// Describes one relation of a generated record type, for code that loads it for many records at
/// once (one <c>read</c> per related model instead of one per record). Every generated record
/// exposes its relations as <c>{Record}.Relations.{Property}</c>.
/// </summary>
public abstract class OdooRelation
{
    private protected OdooRelation(string name, string remoteName, OdooFieldKind kind)
    {
        Name = name;
        RemoteName = remoteName;
        Kind = kind;
    }

    /// <summary>The C# relation property, for example <c>ReferralCreditType</c>.</summary>
    public string Name { get; }

    /// <summary>The Odoo field, for example <c>referral_credit_type</c>.</summary>
    public string RemoteName { get; }

    /// <summary><see cref="OdooFieldKind.Many2One"/>, <see cref="OdooFieldKind.One2Many"/> or <see cref="OdooFieldKind.Many2Many"/>.</summary>
    public OdooFieldKind Kind { get; }

    /// <summary>The metadata of the related model.</summary>
    public abstract OdooModelMetadata TargetMetadata { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} -> {RemoteName} ({Kind}, {TargetMetadata.ModelName})";
}

/// <summary>A many2one relation of <typeparamref name="TOwner"/> to <typeparamref name="TTarget"/>.</summary>
/// <typeparam name="TOwner">The record type that holds the relation.</typeparam>
/// <typeparam name="TTarget">The related record type.</typeparam>
public sealed class OdooMany2OneRelation<TOwner, TTarget> : OdooRelation
    where TOwner : OdooRecord, IOdooRecord<TOwner>
    where TTarget : OdooRecord, IOdooRecord<TTarget>
{
    private readonly Func<TOwner, int?> _getId;
    private readonly Func<TOwner, OdooRelationSlot<TTarget?>> _getSlot;

    /// <summary>Creates the descriptor (called by generated code).</summary>
    /// <param name="name">The C# relation property.</param>
    /// <param name="remoteName">The Odoo field.</param>
    /// <param name="isNullable">Whether the link may be empty.</param>
    /// <param name="getId">Returns a record's linked id, <see langword="null"/> when the link is empty; throws when the field was not read, or when a required link is empty.</param>
    /// <param name="getSlot">Returns a record's cache for the relation.</param>
    public OdooMany2OneRelation(string name, string remoteName, bool isNullable, Func<TOwner, int?> getId, Func<TOwner, OdooRelationSlot<TTarget?>> getSlot)
        : base(name, remoteName, OdooFieldKind.Many2One)
    {
        ArgumentNullException.ThrowIfNull(getId);
        ArgumentNullException.ThrowIfNull(getSlot);
        IsNullable = isNullable;
        _getId = getId;
        _getSlot = getSlot;
    }

    /// <summary>Whether the link may be empty (the property is declared nullable).</summary>
    public bool IsNullable { get; }

    /// <inheritdoc />
    public override OdooModelMetadata TargetMetadata => TTarget.Metadata;

    /// <summary>A record's linked id; <see langword="null"/> when the link is empty.</summary>
    /// <param name="owner">The record.</param>
    /// <exception cref="OdooFieldNotLoadedException">The record was read without the field.</exception>
    /// <exception cref="OdooValueException">A required link is empty.</exception>
    public int? GetId(TOwner owner) => _getId(owner);

    /// <summary>A record's cache for the relation; a batched load fills it with <see cref="OdooRelationSlot{T}.SetValue"/>.</summary>
    /// <param name="owner">The record.</param>
    public OdooRelationSlot<TTarget?> GetSlot(TOwner owner) => _getSlot(owner);
}

/// <summary>A one2many or many2many relation of <typeparamref name="TOwner"/> to <typeparamref name="TTarget"/>.</summary>
/// <typeparam name="TOwner">The record type that holds the relation.</typeparam>
/// <typeparam name="TTarget">The related record type.</typeparam>
public sealed class OdooX2ManyRelation<TOwner, TTarget> : OdooRelation
    where TOwner : OdooRecord, IOdooRecord<TOwner>
    where TTarget : OdooRecord, IOdooRecord<TTarget>
{
    private readonly Func<TOwner, IReadOnlyList<int>> _getIds;
    private readonly Func<TOwner, OdooRelationSlot<IReadOnlyList<TTarget>>> _getSlot;

    /// <summary>Creates the descriptor (called by generated code).</summary>
    /// <param name="name">The C# relation property.</param>
    /// <param name="remoteName">The Odoo field.</param>
    /// <param name="kind"><see cref="OdooFieldKind.One2Many"/> or <see cref="OdooFieldKind.Many2Many"/>.</param>
    /// <param name="getIds">Returns a record's related ids; throws when the field was not read.</param>
    /// <param name="getSlot">Returns a record's cache for the relation.</param>
    public OdooX2ManyRelation(string name, string remoteName, OdooFieldKind kind, Func<TOwner, IReadOnlyList<int>> getIds, Func<TOwner, OdooRelationSlot<IReadOnlyList<TTarget>>> getSlot)
        : base(name, remoteName, kind)
    {
        ArgumentNullException.ThrowIfNull(getIds);
        ArgumentNullException.ThrowIfNull(getSlot);
        _getIds = getIds;
        _getSlot = getSlot;
    }

    /// <inheritdoc />
    public override OdooModelMetadata TargetMetadata => TTarget.Metadata;

    /// <summary>A record's related ids, in Odoo's order.</summary>
    /// <param name="owner">The record.</param>
    /// <exception cref="OdooFieldNotLoadedException">The record was read without the field.</exception>
    public IReadOnlyList<int> GetIds(TOwner owner) => _getIds(owner);

    /// <summary>A record's cache for the relation; a batched load fills it with <see cref="OdooRelationSlot{T}.SetValue"/>.</summary>
    /// <param name="owner">The record.</param>
    public OdooRelationSlot<IReadOnlyList<TTarget>> GetSlot(TOwner owner) => _getSlot(owner);
}
