using Odoo.Domains;
using Odoo.Managers;
using Odoo.Transport;
using Odoo.Values;

namespace Odoo;

/// <summary>
/// Writes and deletes that fail when some ids do not exist. Odoo 18 answers <c>write</c> and <c>unlink</c> of ids
/// that do not exist (any more) with success on models without record rules (<c>true</c>, nothing done for those
/// ids; a model with record rules answers <c>MissingError</c>), so <see cref="OdooManager{TRecord}.UpdateAsync(IEnumerable{int}, OdooValues, OdooContext?, CancellationToken)"/>
/// and <see cref="OdooManager{TRecord}.DeleteAsync(IEnumerable{int}, OdooContext?, CancellationToken)"/> cannot tell.
/// These forms first ask which ids exist (one <c>search</c> on <c>id in ids</c> with <c>active_test = False</c>,
/// so archived records count as existing), and throw <see cref="OdooRecordNotFoundException"/> with
/// <see cref="OdooRecordNotFoundException.MissingIds"/> before writing anything when some are missing; otherwise they
/// send the <c>write</c> / <c>unlink</c>. Two requests, <b>not atomic</b>: a record deleted between the two is
/// still not reported (the second call succeeds for it, or answers <c>MissingError</c>).
/// </summary>
public static class OdooCheckedWrites
{
    /// <summary>Writes values to one record, failing when it does not exist (one <c>search</c>, then one <c>write</c>).</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="manager">The model's manager.</param>
    /// <param name="id">The record id.</param>
    /// <param name="values">The values, by local or Odoo names.</param>
    /// <param name="context">Context entries for both calls.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="OdooRecordNotFoundException">The record does not exist: nothing was written.</exception>
    public static Task UpdateExistingAsync<TRecord>(this OdooManager<TRecord> manager, int id, OdooValues values, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord> =>
        UpdateExistingAsync(manager, [id], values, context, cancellationToken);

    /// <summary>
    /// Writes the same values to several records, failing when some do not exist (one <c>search</c>, then one
    /// <c>write</c>; not atomic). The values are encoded first, so a value that does not fit fails before any request.
    /// An empty id list makes no request.
    /// </summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="manager">The model's manager.</param>
    /// <param name="ids">The record ids.</param>
    /// <param name="values">The values, by local or Odoo names.</param>
    /// <param name="context">Context entries for both calls.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="OdooRecordNotFoundException">Some records do not exist (<see cref="OdooRecordNotFoundException.MissingIds"/>): nothing was written.</exception>
    public static async Task UpdateExistingAsync<TRecord>(this OdooManager<TRecord> manager, IEnumerable<int> ids, OdooValues values, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(values);
        var idList = ids.ToList();
        manager.EncodeValues(values);
        if (idList.Count == 0) return;
        await ThrowIfMissingAsync(manager, idList, OdooOrm.Write, context, cancellationToken).ConfigureAwait(false);
        await manager.UpdateAsync(idList, values, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes one record, failing when it does not exist (one <c>search</c>, then one <c>unlink</c>).</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="manager">The model's manager.</param>
    /// <param name="id">The record id.</param>
    /// <param name="context">Context entries for both calls.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="OdooRecordNotFoundException">The record does not exist: nothing was deleted.</exception>
    public static Task DeleteExistingAsync<TRecord>(this OdooManager<TRecord> manager, int id, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord> =>
        DeleteExistingAsync(manager, [id], context, cancellationToken);

    /// <summary>
    /// Deletes records, failing when some do not exist (one <c>search</c>, then one <c>unlink</c>; not atomic).
    /// An empty id list makes no request.
    /// </summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="manager">The model's manager.</param>
    /// <param name="ids">The record ids.</param>
    /// <param name="context">Context entries for both calls.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="OdooRecordNotFoundException">Some records do not exist (<see cref="OdooRecordNotFoundException.MissingIds"/>): nothing was deleted.</exception>
    public static async Task DeleteExistingAsync<TRecord>(this OdooManager<TRecord> manager, IEnumerable<int> ids, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(ids);
        var idList = ids.ToList();
        if (idList.Count == 0) return;
        await ThrowIfMissingAsync(manager, idList, OdooOrm.Unlink, context, cancellationToken).ConfigureAwait(false);
        await manager.DeleteAsync(idList, context, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ThrowIfMissingAsync<TRecord>(OdooManager<TRecord> manager, List<int> ids, string method, OdooContext? context, CancellationToken cancellationToken)
        where TRecord : OdooRecord, IOdooRecord<TRecord>
    {
        var distinct = ids.Distinct().Order().ToArray();
        var found = await manager.SearchIdsAsync(
            OdooDomain.In("id", distinct), context: (context ?? OdooContext.Empty).WithActiveTest(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (found.Count == distinct.Length) return;
        var existing = new HashSet<int>(found);
        var missing = distinct.Where(id => !existing.Contains(id)).ToArray();
        if (missing.Length == 0) return;
        var name = OdooFieldIndex.For(manager.Metadata).RecordName;
        var what = method == OdooOrm.Write ? "nothing was written" : "nothing was deleted";
        throw new OdooRecordNotFoundException(
            missing.Length == 1
                ? $"{name} record not found with ID: {missing[0]} ({manager.ModelName}.{method} not sent: {what})"
                : $"{name} records with IDs not found: {string.Join(", ", missing)} ({manager.ModelName}.{method} not sent: {what})")
        {
            Model = manager.ModelName,
            Method = method,
            Ids = ids,
            MissingIds = missing,
        };
    }
}
