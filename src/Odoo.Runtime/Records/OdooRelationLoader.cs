using System.ComponentModel;
using Odoo.Transport;

namespace Odoo;

/// <summary>
/// Loads related records for generated relation loaders. Public because generated code lives in the
/// consumers' assemblies; it reads with the target model's default fields and the owner's context.
/// Not meant to be called by hand: batched loads of many records are
/// <see cref="OdooRelationLoadingExtensions"/>' <c>records.LoadAsync(relation)</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OdooRelationLoader
{
    /// <summary>Reads one related record (one <c>read</c>).</summary>
    /// <typeparam name="T">The related record type.</typeparam>
    /// <param name="source">The owner's source (client and context).</param>
    /// <param name="ownerType">The owner record type, for messages.</param>
    /// <param name="property">The relation property, for messages.</param>
    /// <param name="id">The related id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">The related record does not exist (any more).</exception>
    public static async Task<T> LoadOneAsync<T>(OdooRecordSource source, string ownerType, string property, int id, CancellationToken cancellationToken)
        where T : OdooRecord, IOdooRecord<T>
    {
        ArgumentNullException.ThrowIfNull(source);
        var client = source.RequireClient(ownerType);
        var list = await client.ReadManyAsync<T>([id], null, source.Context, cancellationToken).ConfigureAwait(false);
        return list.Count > 0
            ? list[0]
            : throw new OdooRecordNotFoundException($"{ownerType}.{property}: the related {T.Metadata.ModelName} record {id} does not exist (any more).")
            {
                Model = T.Metadata.ModelName,
                Method = OdooOrm.Read,
                Ids = [id],
                MissingIds = [id],
            };
    }

    /// <summary>Reads related records in one <c>read</c>, in the order of <paramref name="ids"/> (duplicates allowed).</summary>
    /// <typeparam name="T">The related record type.</typeparam>
    /// <param name="source">The owner's source (client and context).</param>
    /// <param name="ownerType">The owner record type, for messages.</param>
    /// <param name="property">The relation property, for messages.</param>
    /// <param name="ids">The related ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">Some related records do not exist (any more).</exception>
    public static async Task<IReadOnlyList<T>> LoadManyAsync<T>(OdooRecordSource source, string ownerType, string property, IReadOnlyList<int> ids, CancellationToken cancellationToken)
        where T : OdooRecord, IOdooRecord<T>
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return [];
        var client = source.RequireClient(ownerType);
        var distinct = Distinct(ids);
        var read = await client.ReadManyAsync<T>(distinct, null, source.Context, cancellationToken).ConfigureAwait(false);
        var byId = ById(read);
        return Order(byId, ids, T.Metadata.ModelName, $"{ownerType}.{property}");
    }

    private static int[] Distinct(IReadOnlyList<int> ids)
    {
        var seen = new HashSet<int>();
        var list = new List<int>(ids.Count);
        foreach (var id in ids)
        {
            if (seen.Add(id)) list.Add(id);
        }
        return [.. list];
    }

    private static Dictionary<int, T> ById<T>(IReadOnlyList<T> records) where T : OdooRecord
    {
        var byId = new Dictionary<int, T>(records.Count);
        foreach (var r in records) byId[r.Id] = r;
        return byId;
    }

    private static T[] Order<T>(Dictionary<int, T> byId, IReadOnlyList<int> ids, string model, string what)
    {
        var result = new T[ids.Count];
        List<int>? missing = null;
        for (var i = 0; i < ids.Count; i++)
        {
            if (byId.TryGetValue(ids[i], out var r)) result[i] = r;
            else (missing ??= []).Add(ids[i]);
        }
        if (missing is not null) throw NotFound(model, what, [.. missing.Distinct().Order()]);
        return result;
    }

    private static OdooRecordNotFoundException NotFound(string model, string what, int[] missing) =>
        new($"{what}: the related {model} records {string.Join(", ", missing)} do not exist (any more).")
        {
            Model = model,
            Method = OdooOrm.Read,
            Ids = missing,
            MissingIds = missing,
        };
}
