using Odoo.Metadata;

namespace Odoo;

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
