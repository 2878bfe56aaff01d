using Odoo.Metadata;

namespace Odoo;

/// <summary>Loading every relation of a list of records at once.</summary>
public static class OdooAllRelationsLoadingExtensions
{
    /// <summary>
    /// Loads every relation the records hold (each many2one, one2many and many2many that was read with them) with
    /// <b>one</b> <c>read</c> per related model: relations to the same model share the read (a referral code's
    /// <c>ReferralCreditType</c> and <c>RewardCreditType</c> are one read of credit types). The related records are
    /// cached on their owners, so the relation properties and <c>Load{Property}Async</c> then make no request.
    /// Relations already loaded, and relations whose field was not read, are skipped. With a <paramref name="depth"/>
    /// above 1, the relations of the records loaded are loaded in turn, one level per round.
    /// </summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="records">The records, all read through the same client.</param>
    /// <param name="depth">How many levels of relations to load: 1 (the default) loads the records' own relations.</param>
    /// <param name="cancellationToken">Cancels the loads.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is below 1 or above 5.</exception>
    /// <exception cref="OdooRecordNotFoundException">A linked record does not exist (any more).</exception>
    public static Task LoadAllRelationsAsync<TRecord>(this IEnumerable<TRecord> records, int depth = 1, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, 5);
        return OdooRelationBatch.LoadAllAsync(TRecord.Metadata, [.. records], depth, cancellationToken);
    }
}

/// <summary>The grouped reads behind <see cref="OdooAllRelationsLoadingExtensions.LoadAllRelationsAsync{TRecord}"/>.</summary>
internal static class OdooRelationBatch
{
    /// <summary>The relations of a record type and of the records it derives from.</summary>
    public static List<OdooRelation> RelationsOf(OdooModelMetadata metadata)
    {
        var list = new List<OdooRelation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var m = metadata; m is not null; m = m.BaseModel)
        {
            if (m.RelationDescriptors is not { } descriptors) continue;
            foreach (var r in descriptors())
            {
                if (seen.Add(r.RemoteName)) list.Add(r);
            }
        }
        return list;
    }

    public static async Task LoadAllAsync(OdooModelMetadata metadata, IReadOnlyList<OdooRecord> owners, int depth, CancellationToken cancellationToken)
    {
        if (owners.Count == 0) return;
        var groups = RelationsOf(metadata).GroupBy(r => r.TargetType).Select(g => g.ToList()).ToList();
        if (groups.Count == 0) return;
        await Task.WhenAll(groups.Select(g => g[0].LoadGroupAsync(g, owners, depth, cancellationToken))).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<OdooRecord>> LoadGroupAsync<TTarget>(IReadOnlyList<OdooRelation> group, IReadOnlyList<OdooRecord> owners, int depth, CancellationToken cancellationToken)
        where TTarget : OdooRecord, IOdooRecord<TTarget>
    {
        var ids = new List<int>();
        foreach (var relation in group) relation.GatherIds(owners, ids);
        if (ids.Count == 0) return [];
        var source = owners[0].Source;
        var client = source.RequireClient(owners[0].GetType().Name);
        var read = await client.ReadManyAsync<TTarget>([.. ids.Distinct()], null, source.Context, cancellationToken).ConfigureAwait(false);
        var byId = new Dictionary<int, OdooRecord>(read.Count);
        foreach (var r in read) byId[r.Id] = r;
        foreach (var relation in group) relation.Assign(owners, byId);
        if (depth > 1 && read.Count > 0) await LoadAllAsync(TTarget.Metadata, read, depth - 1, cancellationToken).ConfigureAwait(false);
        return read;
    }
}
