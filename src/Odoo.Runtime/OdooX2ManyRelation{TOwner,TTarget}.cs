using Odoo.Metadata;

namespace Odoo;

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
