using Odoo.Managers;
using Odoo.Transport;
using Odoo.Values;

namespace Odoo;

/// <summary>
/// Operations on a record that was read through an <see cref="OdooClient"/>: refresh, update and
/// delete. They use the record's client and the context it was read with.
/// </summary>
public static class OdooRecordExtensions
{
    /// <summary>
    /// Reads the record again with the same fields and context and returns a <b>new</b> record (records are
    /// immutable snapshots; this one is unchanged). One <c>read</c>.
    /// </summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">The record has been deleted: <c>{Record} record not found with ID: {id}</c>.</exception>
    /// <exception cref="InvalidOperationException">The record was not read through a client.</exception>
    public static async Task<TRecord> RefreshAsync<TRecord>(this TRecord record, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>
    {
        ArgumentNullException.ThrowIfNull(record);
        var source = record.Source;
        return await ManagerOf(record).ReadOneOrThrowAsync(record.Id, source.Fields, source.Context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes values to the record (one <c>write</c>). The record object is unchanged; call <see cref="RefreshAsync"/> to see the result.</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="record">The record.</param>
    /// <param name="values">The values, by local or Odoo names.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static Task UpdateAsync<TRecord>(this TRecord record, OdooValues values, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>
    {
        ArgumentNullException.ThrowIfNull(record);
        return ManagerOf(record).UpdateAsync(record.Id, values, record.Source.Context, cancellationToken);
    }

    /// <summary>Writes typed values to the record (one <c>write</c>); only the properties that were set are sent.</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="record">The record.</param>
    /// <param name="values">The generated values type of <typeparamref name="TRecord"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static Task UpdateAsync<TRecord>(this TRecord record, Values.OdooRecordValues<TRecord> values, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(values);
        return ManagerOf(record).UpdateAsync(record.Id, values.ToOdooValues(), record.Source.Context, cancellationToken);
    }

    /// <summary>Deletes the record (one <c>unlink</c>).</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static Task DeleteAsync<TRecord>(this TRecord record, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>
    {
        ArgumentNullException.ThrowIfNull(record);
        return ManagerOf(record).DeleteAsync(record.Id, record.Source.Context, cancellationToken);
    }

    /// <summary>The fields the record was read with (Odoo names), or <see langword="null"/> when all fields were read.</summary>
    /// <param name="record">The record.</param>
    public static IReadOnlyList<string>? GetFetchedFields(this OdooRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Source.Fields;
    }

    /// <summary>The per-call context the record was read with (laid over the client's), or <see langword="null"/>.</summary>
    /// <param name="record">The record.</param>
    public static OdooContext? GetReadContext(this OdooRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Source.Context;
    }

    private static OdooManager<TRecord> ManagerOf<TRecord>(TRecord record) where TRecord : OdooRecord, IOdooRecord<TRecord> =>
        record.Source.RequireClient(typeof(TRecord).Name).Manager<TRecord>();
}

/// <summary>Batched relation loading for lists of records: one <c>read</c> per related model, never one per record.</summary>
public static class OdooRelationLoadingExtensions
{
    /// <summary>
    /// Loads a many2one relation for every record of <paramref name="records"/> with <b>one</b> <c>read</c> of the
    /// distinct linked ids, and caches each related record on its owner (so <c>Load{Property}Async</c> then makes no request).
    /// Records whose relation is already loaded are skipped; a load of the same relation already in flight (from another
    /// batch or a single load) is shared, not repeated. The read uses the records' context.
    /// </summary>
    /// <typeparam name="TOwner">The owner record type.</typeparam>
    /// <typeparam name="TTarget">The related record type.</typeparam>
    /// <param name="records">The records, all read through the same client.</param>
    /// <param name="relation">The relation, for example <c>ReferralCode.Relations.ReferralCreditType</c>.</param>
    /// <param name="cancellationToken">Cancels this caller's wait (a shared read completes for the others).</param>
    /// <exception cref="OdooRecordNotFoundException">A linked record does not exist (any more).</exception>
    public static Task LoadAsync<TOwner, TTarget>(this IEnumerable<TOwner> records, OdooMany2OneRelation<TOwner, TTarget> relation, CancellationToken cancellationToken = default)
        where TOwner : OdooRecord, IOdooRecord<TOwner>
        where TTarget : OdooRecord, IOdooRecord<TTarget>
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(relation);
        // Gather first, then start: a slot's loader may run on another thread as soon as it is registered.
        var pending = new List<(OdooRelationSlot<TTarget?> Slot, int? Id)>();
        var ids = new List<int>();
        OdooRecordSource? source = null;
        foreach (var owner in records)
        {
            var slot = relation.GetSlot(owner);
            if (slot.IsLoaded) continue;
            var id = relation.GetId(owner);
            pending.Add((slot, id));
            if (id is { } v) ids.Add(v);
            source ??= owner.Source;
        }
        if (pending.Count == 0) return Task.CompletedTask;
        var batch = new SharedRead<TTarget>(source!, typeof(TOwner).Name + "." + relation.Name, ids);
        List<Task>? waits = null;
        foreach (var (slot, id) in pending)
        {
            var wait = slot.GetOrLoadAsync((Batch: batch, Id: id), static (s, ct) => s.Id is { } i ? s.Batch.GetOneAsync(i) : Task.FromResult<TTarget?>(null), cancellationToken);
            if (!wait.IsCompletedSuccessfully) (waits ??= []).Add(wait.AsTask());
        }
        return waits is null ? Task.CompletedTask : Task.WhenAll(waits);
    }

    /// <summary>
    /// Loads a one2many or many2many relation for every record of <paramref name="records"/> with <b>one</b> <c>read</c>
    /// of the union of their ids, and caches each owner's list (in Odoo's order). Already loaded relations are skipped and
    /// loads in flight are shared.
    /// </summary>
    /// <typeparam name="TOwner">The owner record type.</typeparam>
    /// <typeparam name="TTarget">The related record type.</typeparam>
    /// <param name="records">The records, all read through the same client.</param>
    /// <param name="relation">The relation, for example <c>ReferralCode.Relations.Referrals</c>.</param>
    /// <param name="cancellationToken">Cancels this caller's wait.</param>
    /// <exception cref="OdooRecordNotFoundException">A related record does not exist (any more).</exception>
    public static Task LoadAsync<TOwner, TTarget>(this IEnumerable<TOwner> records, OdooX2ManyRelation<TOwner, TTarget> relation, CancellationToken cancellationToken = default)
        where TOwner : OdooRecord, IOdooRecord<TOwner>
        where TTarget : OdooRecord, IOdooRecord<TTarget>
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(relation);
        var pending = new List<(OdooRelationSlot<IReadOnlyList<TTarget>> Slot, IReadOnlyList<int> Ids)>();
        var ids = new List<int>();
        OdooRecordSource? source = null;
        foreach (var owner in records)
        {
            var slot = relation.GetSlot(owner);
            if (slot.IsLoaded) continue;
            var own = relation.GetIds(owner);
            pending.Add((slot, own));
            ids.AddRange(own);
            source ??= owner.Source;
        }
        if (pending.Count == 0) return Task.CompletedTask;
        var batch = new SharedRead<TTarget>(source!, typeof(TOwner).Name + "." + relation.Name, ids);
        List<Task>? waits = null;
        foreach (var (slot, own) in pending)
        {
            var wait = slot.GetOrLoadAsync((Batch: batch, Ids: own), static (s, ct) => s.Batch.GetManyAsync(s.Ids), cancellationToken);
            if (!wait.IsCompletedSuccessfully) (waits ??= []).Add(wait.AsTask());
        }
        return waits is null ? Task.CompletedTask : Task.WhenAll(waits);
    }

    /// <summary>
    /// One <c>read</c> of the ids gathered for a batch, started by the first slot that needs it and shared by
    /// every slot of the batch. Slots already loading elsewhere never call it, so their ids cost nothing here.
    /// </summary>
    private sealed class SharedRead<TTarget>(OdooRecordSource source, string what, List<int> ids) where TTarget : OdooRecord, IOdooRecord<TTarget>
    {
        private readonly object _gate = new();
        private Task<Dictionary<int, TTarget>>? _read;

        public async Task<TTarget?> GetOneAsync(int id)
        {
            var byId = await ReadAsync().ConfigureAwait(false);
            return byId.TryGetValue(id, out var r) ? r : throw NotFound([id]);
        }

        public async Task<IReadOnlyList<TTarget>> GetManyAsync(IReadOnlyList<int> ids)
        {
            if (ids.Count == 0) return [];
            var byId = await ReadAsync().ConfigureAwait(false);
            var result = new TTarget[ids.Count];
            List<int>? missing = null;
            for (var i = 0; i < ids.Count; i++)
            {
                if (byId.TryGetValue(ids[i], out var r)) result[i] = r;
                else (missing ??= []).Add(ids[i]);
            }
            return missing is null ? result : throw NotFound(missing);
        }

        private Task<Dictionary<int, TTarget>> ReadAsync()
        {
            lock (_gate) return _read ??= RunAsync();
        }

        private async Task<Dictionary<int, TTarget>> RunAsync()
        {
            // The slots run the loader without the callers' tokens: a shared read is not cancelled by one caller.
            var client = source.RequireClient(what);
            var rows = await client.ReadManyAsync<TTarget>([.. ids.Distinct()], TTarget.Metadata.DefaultFields, source.Context, CancellationToken.None).ConfigureAwait(false);
            var byId = new Dictionary<int, TTarget>(rows.Count);
            foreach (var r in rows) byId[r.Id] = r;
            return byId;
        }

        private OdooRecordNotFoundException NotFound(List<int> missing)
        {
            int[] ids = [.. missing.Distinct().Order()];
            return new OdooRecordNotFoundException($"{what}: the related {typeof(TTarget).Name} records with IDs not found: {string.Join(", ", ids)}")
            {
                Model = TTarget.Metadata.ModelName,
                Method = OdooOrm.Read,
                Ids = ids,
                MissingIds = ids,
            };
        }
    }
}

/// <summary>Lookups by name and by code for managers of <see cref="INamedRecord"/> and <see cref="ICodedRecord"/> records.</summary>
public static class OdooMixinExtensions
{
    /// <summary>The one record with this name (one <c>search_read</c>).</summary>
    /// <typeparam name="TRecord">A named record type.</typeparam>
    /// <param name="manager">The manager.</param>
    /// <param name="name">The name.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">No record has the name.</exception>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records have the name.</exception>
    public static Task<TRecord> GetByNameAsync<TRecord>(this OdooManager<TRecord> manager, string name, IEnumerable<string>? fields = null, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>, INamedRecord
    {
        ArgumentNullException.ThrowIfNull(manager);
        return manager.GetByUniqueFieldAsync(FieldName<TRecord>(nameof(INamedRecord.Name), "name"), name, null, fields, context, cancellationToken);
    }

    /// <summary>The one record with this name, or <see langword="null"/> (several are still an error).</summary>
    /// <typeparam name="TRecord">A named record type.</typeparam>
    /// <param name="manager">The manager.</param>
    /// <param name="name">The name.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records have the name.</exception>
    public static Task<TRecord?> FindByNameAsync<TRecord>(this OdooManager<TRecord> manager, string name, IEnumerable<string>? fields = null, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>, INamedRecord
    {
        ArgumentNullException.ThrowIfNull(manager);
        return manager.FindByUniqueFieldAsync(FieldName<TRecord>(nameof(INamedRecord.Name), "name"), name, null, fields, context, cancellationToken);
    }

    /// <summary>The one record with this code (one <c>search_read</c>).</summary>
    /// <typeparam name="TRecord">A coded record type.</typeparam>
    /// <param name="manager">The manager.</param>
    /// <param name="code">The code.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">No record has the code.</exception>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records have the code.</exception>
    public static Task<TRecord> GetByCodeAsync<TRecord>(this OdooManager<TRecord> manager, string code, IEnumerable<string>? fields = null, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>, ICodedRecord
    {
        ArgumentNullException.ThrowIfNull(manager);
        return manager.GetByUniqueFieldAsync(FieldName<TRecord>(nameof(ICodedRecord.Code), "code"), code, null, fields, context, cancellationToken);
    }

    /// <summary>The one record with this code, or <see langword="null"/> (several are still an error).</summary>
    /// <typeparam name="TRecord">A coded record type.</typeparam>
    /// <param name="manager">The manager.</param>
    /// <param name="code">The code.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records have the code.</exception>
    public static Task<TRecord?> FindByCodeAsync<TRecord>(this OdooManager<TRecord> manager, string code, IEnumerable<string>? fields = null, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>, ICodedRecord
    {
        ArgumentNullException.ThrowIfNull(manager);
        return manager.FindByUniqueFieldAsync(FieldName<TRecord>(nameof(ICodedRecord.Code), "code"), code, null, fields, context, cancellationToken);
    }

    // The local name when declared (so aliases and version names apply); otherwise the Odoo name.
    private static string FieldName<TRecord>(string local, string remote) where TRecord : OdooRecord, IOdooRecord<TRecord> =>
        TRecord.Metadata.FindByName(local) is null ? remote : local;
}
