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

    /// <summary>The related record type (relations with the same one are loaded with one read).</summary>
    internal abstract Type TargetType { get; }

    /// <summary>Adds the related ids of the owners whose relation was read and is not loaded yet.</summary>
    internal abstract void GatherIds(IReadOnlyList<OdooRecord> owners, List<int> ids);

    /// <summary>Reads the related records of every relation of <paramref name="group"/> (all with this target type) in one read, fills the owners' caches, and returns the records read.</summary>
    internal abstract Task<IReadOnlyList<OdooRecord>> LoadGroupAsync(IReadOnlyList<OdooRelation> group, IReadOnlyList<OdooRecord> owners, int depth, CancellationToken cancellationToken);

    /// <summary>Fills the caches of the owners whose relation was read and is not loaded yet from <paramref name="byId"/>.</summary>
    internal abstract void Assign(IReadOnlyList<OdooRecord> owners, IReadOnlyDictionary<int, OdooRecord> byId);

    /// <summary>Whether <paramref name="owner"/> was read with this relation's field.</summary>
    private protected bool WasRead(OdooRecord owner) =>
        owner.Source.Fields is not { } fields || fields.Contains(RemoteName, StringComparer.Ordinal);

    private protected OdooRecordNotFoundException NotFound(string ownerType, int[] missing) =>
        new($"{ownerType}.{Name}: the related {TargetMetadata.ModelName} records with IDs not found: {string.Join(", ", missing)}")
        {
            Model = TargetMetadata.ModelName,
            Method = "read",
            Ids = missing,
            MissingIds = missing,
        };

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

    /// <inheritdoc />
    internal override Type TargetType => typeof(TTarget);

    private int? PendingId(OdooRecord record, out bool pending)
    {
        pending = false;
        if (record is not TOwner owner || !WasRead(owner) || GetSlot(owner).IsLoaded) return null;
        try
        {
            var id = GetId(owner);
            pending = true;
            return id;
        }
        catch (OdooException)
        {
            return null; // not read after all, or a required link that is empty: nothing to load
        }
    }

    /// <inheritdoc />
    internal override void GatherIds(IReadOnlyList<OdooRecord> owners, List<int> ids)
    {
        foreach (var owner in owners)
        {
            if (PendingId(owner, out _) is { } id) ids.Add(id);
        }
    }

    /// <inheritdoc />
    internal override Task<IReadOnlyList<OdooRecord>> LoadGroupAsync(IReadOnlyList<OdooRelation> group, IReadOnlyList<OdooRecord> owners, int depth, CancellationToken cancellationToken) =>
        OdooRelationBatch.LoadGroupAsync<TTarget>(group, owners, depth, cancellationToken);

    /// <inheritdoc />
    internal override void Assign(IReadOnlyList<OdooRecord> owners, IReadOnlyDictionary<int, OdooRecord> byId)
    {
        foreach (var owner in owners)
        {
            var id = PendingId(owner, out var pending);
            if (!pending) continue;
            if (id is null)
            {
                GetSlot((TOwner)owner).SetValue(null);
                continue;
            }
            if (!byId.TryGetValue(id.Value, out var target)) throw NotFound(typeof(TOwner).Name, [id.Value]);
            GetSlot((TOwner)owner).SetValue((TTarget)target);
        }
    }
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

    /// <inheritdoc />
    internal override Type TargetType => typeof(TTarget);

    private IReadOnlyList<int>? PendingIds(OdooRecord record)
    {
        if (record is not TOwner owner || !WasRead(owner) || GetSlot(owner).IsLoaded) return null;
        try
        {
            return GetIds(owner);
        }
        catch (OdooException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    internal override void GatherIds(IReadOnlyList<OdooRecord> owners, List<int> ids)
    {
        foreach (var owner in owners)
        {
            if (PendingIds(owner) is { } own) ids.AddRange(own);
        }
    }

    /// <inheritdoc />
    internal override Task<IReadOnlyList<OdooRecord>> LoadGroupAsync(IReadOnlyList<OdooRelation> group, IReadOnlyList<OdooRecord> owners, int depth, CancellationToken cancellationToken) =>
        OdooRelationBatch.LoadGroupAsync<TTarget>(group, owners, depth, cancellationToken);

    /// <inheritdoc />
    internal override void Assign(IReadOnlyList<OdooRecord> owners, IReadOnlyDictionary<int, OdooRecord> byId)
    {
        foreach (var owner in owners)
        {
            if (PendingIds(owner) is not { } own) continue;
            var list = new TTarget[own.Count];
            List<int>? missing = null;
            for (var i = 0; i < own.Count; i++)
            {
                if (byId.TryGetValue(own[i], out var target)) list[i] = (TTarget)target;
                else (missing ??= []).Add(own[i]);
            }
            if (missing is not null) throw NotFound(typeof(TOwner).Name, [.. missing.Distinct().Order()]);
            GetSlot((TOwner)owner).SetValue(list);
        }
    }
}
