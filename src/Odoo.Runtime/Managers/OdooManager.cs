using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Odoo.Domains;
using Odoo.Managers;
using Odoo.Metadata;
using Odoo.Serialization;
using Odoo.Transport;
using Odoo.Values;

namespace Odoo;

/// <summary>
/// The typed operations of one Odoo model: get, list, search (one <c>search_read</c> round trip),
/// stream, count, create, update (<c>write</c>) and delete. Generated managers
/// (<c>public partial class ReferralCodeManager : OdooManager&lt;ReferralCode&gt;</c>) derive from it;
/// <see cref="OdooClient.Manager{TRecord}"/> gives one for any record type.
/// </summary>
/// <remarks>
/// <para>Field selections (<c>fields</c>) and order clauses take local (C#) names or Odoo names; they are
/// translated by the model's metadata for the server's version. Every call takes an optional
/// <see cref="OdooContext"/> laid over the client's context, which records remember for their relation loads.</para>
/// <para>Thread-safe: a manager holds no state besides its client.</para>
/// </remarks>
/// <typeparam name="TRecord">The record type.</typeparam>
public abstract partial class OdooManager<TRecord> where TRecord : OdooRecord, IOdooRecord<TRecord>
{
    /// <summary>Creates the manager of <typeparamref name="TRecord"/> on <paramref name="client"/>.</summary>
    /// <param name="client">The client.</param>
    protected OdooManager(OdooClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
    }

    /// <summary>The client.</summary>
    public OdooClient Client { get; }

    /// <summary>The model's metadata.</summary>
    public OdooModelMetadata Metadata => TRecord.Metadata;

    /// <summary>The Odoo model name, for example <c>openstack.referral_code</c>.</summary>
    public string ModelName => TRecord.Metadata.ModelName;

    /// <summary>The record type's name, used in error messages.</summary>
    protected virtual string RecordName => typeof(TRecord).Name;

    private OdooVersion Version => Client.ServerVersion;

    // ------------------------------------------------------------------ reads by id

    /// <summary>Reads one record by id (one <c>read</c>).</summary>
    /// <param name="id">The id.</param>
    /// <param name="fields">Local or Odoo names of the fields to read; <see langword="null"/> reads the model's default fields (all fields).</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException"><c>{Record} record not found with ID: {id}</c>.</exception>
    public async Task<TRecord> GetAsync(int id, IEnumerable<string>? fields = null, OdooContext? context = null, CancellationToken cancellationToken = default) =>
        await ReadOneOrThrowAsync(id, EncodeFields(fields), context, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads one record by id (one <c>read</c>); <see langword="null"/> when it does not exist.</summary>
    /// <param name="id">The id.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<TRecord?> FindAsync(int id, IEnumerable<string>? fields = null, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync([id], EncodeFields(fields), context, cancellationToken).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <summary>
    /// Reads records by id in one <c>read</c>, in the order Odoo returns them. An empty list makes no request.
    /// </summary>
    /// <param name="ids">The ids.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">Some ids do not exist: <c>{Record} records with IDs not found: 3, 7, 12</c> (distinct, ascending).</exception>
    public async Task<IReadOnlyList<TRecord>> ListAsync(IEnumerable<int> ids, IEnumerable<string>? fields = null, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        var idList = Materialize(ids);
        var rows = await ReadAsync(idList, EncodeFields(fields), context, cancellationToken).ConfigureAwait(false);
        ThrowIfMissing(idList, rows, static r => r.Id);
        return rows;
    }

    /// <summary>Reads the records that exist among <paramref name="ids"/> in one <c>read</c> (missing ids are left out). An empty list makes no request.</summary>
    /// <param name="ids">The ids.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<TRecord>> ListExistingAsync(IEnumerable<int> ids, IEnumerable<string>? fields = null, OdooContext? context = null, CancellationToken cancellationToken = default) =>
        ReadAsync(Materialize(ids), EncodeFields(fields), context, cancellationToken);

    /// <summary>
    /// Reads records by id as dictionaries of raw JSON values keyed by local names (or Odoo names when
    /// <paramref name="rawNames"/>). Values are Odoo's JSON as sent: <c>[id, name]</c> pairs, <c>false</c> for empty values.
    /// </summary>
    /// <param name="ids">The ids.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="rawNames">Key by Odoo field names instead of local names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">Some ids do not exist.</exception>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>> ListDictionariesAsync(
        IEnumerable<int> ids, IEnumerable<string>? fields = null, bool rawNames = false, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        var idList = Materialize(ids);
        var rows = await OdooOrm.ReadAsync(Client, ModelName, idList, EncodeFields(fields), context, DictionaryReader(rawNames), [], cancellationToken).ConfigureAwait(false);
        ThrowIfMissing(idList, rows, static r => r.TryGetValue("id", out var e) || r.TryGetValue("Id", out e) ? e.GetInt32() : 0);
        return rows;
    }

    // ------------------------------------------------------------------ search

    /// <summary>Searches and reads matching records in <b>one</b> round trip (<c>search_read</c>).</summary>
    /// <param name="domain">The domain; <see langword="null"/> matches every record.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="order">The order, by local or Odoo names (<c>"CreateDate desc, Name"</c>).</param>
    /// <param name="limit">The most records to return; <see langword="null"/> for all.</param>
    /// <param name="offset">The number of matching records to skip.</param>
    /// <param name="include">Relations to load for all the records found, one <c>read</c> per relation
    /// (<c>[OdooInclude.Of(ReferralCode.Relations.ReferralCreditType)]</c>); their fields are added to <paramref name="fields"/>.</param>
    /// <param name="context">Context entries for this call (and the included loads).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<TRecord>> SearchAsync(
        OdooDomain? domain = null, IEnumerable<string>? fields = null, string? order = null, int? limit = null, int offset = 0,
        IEnumerable<OdooInclude<TRecord>>? include = null, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        var includes = include?.ToArray() ?? [];
        var encodedFields = EncodeFields(fields);
        if (encodedFields is not null && includes.Length > 0)
        {
            var withRelations = encodedFields.ToList();
            foreach (var i in includes)
            {
                var remote = Metadata.FindByRemoteName(i.Relation.RemoteName)?.GetRemoteName(Version) ?? i.Relation.RemoteName;
                if (!withRelations.Contains(remote)) withRelations.Add(remote);
            }
            encodedFields = withRelations;
        }
        var records = await SearchReadAsync(EncodeDomain(domain), encodedFields, EncodeOrder(order), limit, offset, context, cancellationToken).ConfigureAwait(false);
        if (includes.Length > 0 && records.Count > 0)
        {
            await Task.WhenAll(includes.Select(i => i.LoadAsync(records, cancellationToken))).ConfigureAwait(false);
        }
        return records;
    }

    /// <summary>Searches and reads matching records as dictionaries of raw JSON values (one <c>search_read</c>).</summary>
    /// <param name="domain">The domain; <see langword="null"/> matches every record.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="order">The order, by local or Odoo names.</param>
    /// <param name="limit">The most records to return.</param>
    /// <param name="offset">The number of matching records to skip.</param>
    /// <param name="rawNames">Key by Odoo field names instead of local names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>> SearchDictionariesAsync(
        OdooDomain? domain = null, IEnumerable<string>? fields = null, string? order = null, int? limit = null, int offset = 0,
        bool rawNames = false, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        return OdooOrm.SearchReadAsync(Client, ModelName, EncodeDomain(domain), EncodeFields(fields), EncodeOrder(order), limit, offset, context, DictionaryReader(rawNames), cancellationToken);
    }

    /// <summary>Returns the ids of matching records (one <c>search</c>).</summary>
    /// <param name="domain">The domain; <see langword="null"/> matches every record.</param>
    /// <param name="order">The order, by local or Odoo names.</param>
    /// <param name="limit">The most ids to return.</param>
    /// <param name="offset">The number of matching records to skip.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<int>> SearchIdsAsync(
        OdooDomain? domain = null, string? order = null, int? limit = null, int offset = 0,
        OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        OdooOrm.CheckPaging(limit, offset);
        return await OdooOrm.SearchAsync(Client, ModelName, EncodeDomain(domain), EncodeOrder(order), limit, offset, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts matching records (one <c>search_count</c>).</summary>
    /// <param name="domain">The domain; <see langword="null"/> counts every record.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<int> CountAsync(OdooDomain? domain = null, OdooContext? context = null, CancellationToken cancellationToken = default) =>
        OdooOrm.SearchCountAsync(Client, ModelName, EncodeDomain(domain), context, cancellationToken);

    /// <summary>
    /// Streams every matching record, <paramref name="batchSize"/> at a time, in id order. Pages are read by id
    /// (<c>domain AND id &gt; last id seen</c>, order <c>id</c>), so records created, changed or deleted by others
    /// while streaming are never repeated and never make the stream skip a record. Each page is one
    /// <c>search_read</c>; the stream stops at the first page that is not full, so N records take
    /// ceil(N / batch size) requests (each page asks for one record more than it yields to know whether another page follows).
    /// </summary>
    /// <param name="domain">The domain; <see langword="null"/> streams every record.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="batchSize">Records per page (1 to 100,000).</param>
    /// <param name="context">Context entries for these calls.</param>
    /// <param name="afterId">Start after this id (0, the default, starts at the beginning). A page that fails is retried
    /// like any read (through a server restart, within <see cref="OdooClientOptions.ReadRetryBudget"/>); if the stream still
    /// fails, restart it with the id of the last record you processed and no record is repeated or skipped.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    public async IAsyncEnumerable<TRecord> StreamAsync(
        OdooDomain? domain = null, IEnumerable<string>? fields = null, int batchSize = 500,
        OdooContext? context = null, int afterId = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, 100_000);
        ArgumentOutOfRangeException.ThrowIfNegative(afterId);
        domain ??= OdooDomain.All;
        var encodedFields = EncodeFields(fields);
        var lastId = afterId;
        while (true)
        {
            var page = lastId == 0 ? domain : OdooDomain.Where("id", ">", lastId) & domain;
            var rows = await SearchReadAsync(EncodeDomain(page), encodedFields, "id", batchSize + 1, 0, context, cancellationToken).ConfigureAwait(false);
            var count = Math.Min(rows.Count, batchSize);
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return rows[i];
            }
            if (rows.Count <= batchSize) yield break;
            lastId = rows[batchSize - 1].Id;
        }
    }

    // ------------------------------------------------------------------ unique fields

    /// <summary>
    /// Finds the one record whose <paramref name="field"/> equals <paramref name="value"/> (one <c>search_read</c>).
    /// </summary>
    /// <param name="field">A local or Odoo name.</param>
    /// <param name="value">The value (encoded like a domain value).</param>
    /// <param name="filters">More conditions, ANDed.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException"><c>{Record} record not found with '{field}' value: {value}</c>.</exception>
    /// <exception cref="OdooMultipleRecordsFoundException"><c>Multiple {Record} records found with '{field}' value {value} when only one was expected: {ids}</c>.</exception>
    public async Task<TRecord> GetByUniqueFieldAsync(
        string field, object? value, OdooDomain? filters = null, IEnumerable<string>? fields = null,
        OdooContext? context = null, CancellationToken cancellationToken = default) =>
        await FindByUniqueFieldAsync(field, value, filters, fields, context, cancellationToken).ConfigureAwait(false)
        ?? throw new OdooRecordNotFoundException($"{RecordName} record not found with '{field}' value: {FormatPlain(value)}") { Model = ModelName, Method = OdooOrm.SearchRead };

    /// <summary>
    /// Finds the one record whose <paramref name="field"/> equals <paramref name="value"/>, or <see langword="null"/> (one <c>search_read</c>).
    /// More than one match is still an error.
    /// </summary>
    /// <param name="field">A local or Odoo name.</param>
    /// <param name="value">The value.</param>
    /// <param name="filters">More conditions, ANDed.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records match.</exception>
    public async Task<TRecord?> FindByUniqueFieldAsync(
        string field, object? value, OdooDomain? filters = null, IEnumerable<string>? fields = null,
        OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        var domain = OdooDomain.Where(field, "=", value) & (filters ?? OdooDomain.All);
        var rows = await SearchAsync(domain, fields, null, null, 0, null, context, cancellationToken).ConfigureAwait(false);
        if (rows.Count > 1)
        {
            var ids = rows.Select(r => r.Id).ToArray();
            throw new OdooMultipleRecordsFoundException(
                $"Multiple {RecordName} records found with '{field}' value {FormatLiteral(value)} when only one was expected: {string.Join(", ", ids)}")
            {
                Model = ModelName,
                Method = OdooOrm.SearchRead,
                FoundIds = ids,
            };
        }
        return rows.Count == 1 ? rows[0] : null;
    }

    // ------------------------------------------------------------------ writes

    /// <summary>Creates a record (one <c>create</c>, never retried) and returns its id.</summary>
    /// <param name="values">The values, by local or Odoo names (see <see cref="OdooValues"/>).</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call (the record may still be created if the request was sent).</param>
    /// <exception cref="ArgumentException">Two keys resolve to the same field, or a value does not fit its field (nothing is sent).</exception>
    public async Task<int> CreateAsync(OdooValues values, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        return await OdooOrm.CreateOneAsync(Client, ModelName, values.Encode(Metadata, Version), context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates a record identified by a natural key (a field whose value is unique, such as a usage record's reference),
    /// exactly once even when the answer is lost: one <c>create</c>; if the connection drops, times out or the server
    /// stops before the answer arrives, the key is looked up (a read, retried through a restart) and the existing
    /// record's id is returned instead of creating a second one. If Odoo refuses the create because the key exists
    /// (a unique constraint), the existing record is returned too. For billing-style use: a usage must never be charged twice.
    /// </summary>
    /// <remarks>
    /// After a <em>timeout</em>, Odoo may still be running the create when the lookup finds nothing; the call then throws
    /// <see cref="OdooNotCreatedException"/>, and a later create could collide with the late one. Declare a unique
    /// constraint on the key in Odoo (<c>_sql_constraints</c>, or a unique index): a repeated <c>CreateOrGetAsync</c> then
    /// returns the late record instead of a duplicate. The lookup includes archived records.
    /// </remarks>
    /// <param name="keyField">The key's name as it appears in <paramref name="values"/> (local or Odoo name).</param>
    /// <param name="values">The values, including the key.</param>
    /// <param name="context">Context entries for these calls.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record's id, and whether this call created it (<see langword="false"/> when the key already existed).</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> holds no value for <paramref name="keyField"/>, or the value is empty.</exception>
    /// <exception cref="OdooNotCreatedException">The answer was lost and no record with the key exists: nothing was created; calling again is safe.</exception>
    public async Task<OdooCreateOrGetResult> CreateOrGetAsync(string keyField, OdooValues values, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyField);
        ArgumentNullException.ThrowIfNull(values);
        if (!values.TryGetValue(keyField, out var key) || key is null || key is false || (key is string text && text.Length == 0))
        {
            throw new ArgumentException($"The values of this {RecordName} hold no value for the key '{keyField}': CreateOrGetAsync needs the natural key among the values.", nameof(values));
        }
        int id;
        try
        {
            id = await CreateAsync(values, context, cancellationToken).ConfigureAwait(false);
        }
        catch (OdooTransportException lost)
        {
            // The request may or may not have reached Odoo: the key says which.
            var found = await FindIdByKeyAsync(keyField, key, context, cancellationToken).ConfigureAwait(false);
            if (found is { } createdId) return new OdooCreateOrGetResult(createdId, Created: true);
            throw new OdooNotCreatedException(
                $"{ModelName}.create of the {RecordName} with '{keyField}' = {FormatLiteral(key)} got no answer ({lost.Message}), and no such record exists: it was not created; calling CreateOrGetAsync again is safe.",
                lost)
            { Model = ModelName, Method = OdooOrm.Create };
        }
        catch (OdooValidationException refused)
        {
            // A unique constraint on the key refuses a second record: the existing one is the answer.
            var existing = await FindIdByKeyAsync(keyField, key, context, cancellationToken).ConfigureAwait(false);
            if (existing is null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(refused).Throw();
            return new OdooCreateOrGetResult(existing!.Value, Created: false);
        }
        return new OdooCreateOrGetResult(id, Created: true);
    }

    /// <summary>The id of the record (archived ones included) whose key field holds <paramref name="key"/>, or null.</summary>
    private async Task<int?> FindIdByKeyAsync(string keyField, object key, OdooContext? context, CancellationToken cancellationToken)
    {
        var lookupContext = (context ?? OdooContext.Empty).WithActiveTest(false);
        var ids = await SearchIdsAsync(OdooDomain.Where(keyField, "=", key), order: "id", limit: 2, context: lookupContext, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ids.Count > 0 ? ids[0] : null;
    }

    /// <summary>Creates a record from a dictionary of values (one <c>create</c>) and returns its id.</summary>
    /// <param name="values">The values, by local or Odoo names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<int> CreateAsync(IReadOnlyDictionary<string, object?> values, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        return CreateAsync(OdooValues.From(values), context, cancellationToken);
    }

    /// <summary>Creates several records in one <c>create</c> and returns their ids in order. An empty list makes no request.</summary>
    /// <param name="values">The values of each record.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<int>> CreateManyAsync(IEnumerable<OdooValues> values, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var encoded = values.Select(v => (v ?? throw new ArgumentException("A value set is null.", nameof(values))).Encode(Metadata, Version)).ToList();
        return await OdooOrm.CreateManyAsync(Client, ModelName, encoded, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates several records from dictionaries in one <c>create</c>. An empty list makes no request.</summary>
    /// <param name="values">The values of each record.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<int>> CreateManyAsync(IEnumerable<IReadOnlyDictionary<string, object?>> values, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        return CreateManyAsync(values.Select(OdooValues.From), context, cancellationToken);
    }

    /// <summary>Writes values to one record (one <c>write</c>, never retried).</summary>
    /// <param name="id">The record id.</param>
    /// <param name="values">The values, by local or Odoo names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task UpdateAsync(int id, OdooValues values, OdooContext? context = null, CancellationToken cancellationToken = default) =>
        UpdateAsync([id], values, context, cancellationToken);

    /// <summary>Writes the same values to several records (one <c>write</c>). An empty id list makes no request.</summary>
    /// <param name="ids">The record ids.</param>
    /// <param name="values">The values, by local or Odoo names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task UpdateAsync(IEnumerable<int> ids, OdooValues values, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var idList = Materialize(ids);
        var encoded = values.Encode(Metadata, Version);
        await OdooOrm.WriteAsync(Client, ModelName, idList, encoded, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes values from a dictionary to one record (one <c>write</c>).</summary>
    /// <param name="id">The record id.</param>
    /// <param name="values">The values, by local or Odoo names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task UpdateAsync(int id, IReadOnlyDictionary<string, object?> values, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        return UpdateAsync([id], OdooValues.From(values), context, cancellationToken);
    }

    /// <summary>Writes values from a dictionary to several records (one <c>write</c>).</summary>
    /// <param name="ids">The record ids.</param>
    /// <param name="values">The values, by local or Odoo names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task UpdateAsync(IEnumerable<int> ids, IReadOnlyDictionary<string, object?> values, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        return UpdateAsync(ids, OdooValues.From(values), context, cancellationToken);
    }

    /// <summary>Deletes one record (one <c>unlink</c>).</summary>
    /// <param name="id">The record id.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task DeleteAsync(int id, OdooContext? context = null, CancellationToken cancellationToken = default) =>
        DeleteAsync([id], context, cancellationToken);

    /// <summary>Deletes records (one <c>unlink</c>). An empty list makes no request.</summary>
    /// <param name="ids">The record ids.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task DeleteAsync(IEnumerable<int> ids, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        await OdooOrm.UnlinkAsync(Client, ModelName, Materialize(ids), context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes records (one <c>unlink</c>). An empty list makes no request.</summary>
    /// <param name="records">The records.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task DeleteAsync(IEnumerable<TRecord> records, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return DeleteAsync(records.Select(r => r.Id), context, cancellationToken);
    }

    // ------------------------------------------------------------------ encoding helpers

    /// <summary>Encodes a domain for this model and the server version.</summary>
    /// <param name="domain">The domain; <see langword="null"/> for every record.</param>
    public OdooEncodedDomain EncodeDomain(OdooDomain? domain) => (domain ?? OdooDomain.All).Encode(Metadata, Version);

    /// <summary>Encodes a field selection (local or Odoo names) to Odoo names, or the default fields when empty.</summary>
    /// <param name="fields">The selection.</param>
    public IReadOnlyList<string>? EncodeFields(IEnumerable<string>? fields) => OdooFieldEncoding.EncodeFields(Metadata, Version, fields);

    /// <summary>Translates an order clause to Odoo names.</summary>
    /// <param name="order">The order, for example <c>"CreateDate desc, Name"</c>.</param>
    public string? EncodeOrder(string? order) => OdooFieldEncoding.EncodeOrder(Metadata, Version, order);

    /// <summary>Encodes create/update values for this model.</summary>
    /// <param name="values">The values.</param>
    public OdooEncodedValues EncodeValues(OdooValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Encode(Metadata, Version);
    }

    // ------------------------------------------------------------------ reads for hand-written managers

    /// <summary>
    /// Reads records by id in one <c>read</c> (the managers' call: same wire shape and checks) and decodes the answer,
    /// a list of row objects, with <paramref name="reader"/>. For hand-written manager methods that decode a field their
    /// own way, for example an attachment's contents straight from the response. No ids: no request, and
    /// <paramref name="none"/> is returned.
    /// </summary>
    /// <typeparam name="T">The decoded result.</typeparam>
    /// <param name="ids">The ids.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="reader">Decodes the list of rows; it must consume the whole list.</param>
    /// <param name="none">The result when <paramref name="ids"/> is empty.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    protected Task<T> ReadRowsAsync<T>(
        IReadOnlyList<int> ids, IEnumerable<string> fields, OdooResultReader<T> reader, T none, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(reader);
        return OdooOrm.ReadAsync(Client, ModelName, ids, EncodeFields(fields), context, reader, none, cancellationToken);
    }

    // ------------------------------------------------------------------ internals

    /// <summary>
    /// The error for an id that names no record of this model: <c>{Record} record not found with ID: {id}</c>, with
    /// <see cref="OdooException.Model"/>, <c>read</c> as the method and the id as the missing one. For hand-written
    /// manager methods that read one record by id.
    /// </summary>
    /// <param name="id">The id.</param>
    protected OdooRecordNotFoundException RecordNotFound(int id) =>
        new($"{RecordName} record not found with ID: {id}") { Model = ModelName, Method = OdooOrm.Read, Ids = [id], MissingIds = [id] };

    // The one read-or-throw of the runtime (GetAsync, RefreshAsync): fields are Odoo names, null for the default fields.
    internal async Task<TRecord> ReadOneOrThrowAsync(int id, IReadOnlyList<string>? fields, OdooContext? context, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync([id], fields, context, cancellationToken).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : throw RecordNotFound(id);
    }

    // One read by ids for the whole runtime: the client's (fields null = the model's default fields).
    internal Task<IReadOnlyList<TRecord>> ReadAsync(IReadOnlyList<int> ids, IReadOnlyList<string>? fields, OdooContext? context, CancellationToken cancellationToken) =>
        Client.ReadManyAsync<TRecord>(ids, fields, context, cancellationToken);

    private async Task<IReadOnlyList<TRecord>> SearchReadAsync(
        OdooEncodedDomain domain, IReadOnlyList<string>? fields, string? order, int? limit, int offset, OdooContext? context, CancellationToken cancellationToken)
    {
        var source = new OdooRecordSource(Client, fields, context);
        return await OdooOrm.SearchReadAsync<IReadOnlyList<TRecord>>(
            Client, ModelName, domain, fields, order, limit, offset, context,
            (ref Utf8JsonReader r) => OdooJsonReader.ReadRecords<TRecord>(ref r, source), cancellationToken).ConfigureAwait(false);
    }

    private OdooResultReader<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>> DictionaryReader(bool rawNames)
    {
        var index = OdooFieldIndex.For(Metadata);
        var version = Version;
        return (ref Utf8JsonReader reader) =>
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw OdooJsonReader.Unexpected(ref reader, "a list of records");
            var rows = new List<IReadOnlyDictionary<string, JsonElement>>();
            OdooJsonReader.Read(ref reader);
            while (reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject) throw OdooJsonReader.Unexpected(ref reader, "a record object");
                var row = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                OdooJsonReader.Read(ref reader);
                while (reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    OdooJsonReader.Read(ref reader);
                    if (rawNames) row[name] = JsonElement.ParseValue(ref reader);
                    else index.AddLocal(row, name, JsonElement.ParseValue(ref reader), version);
                    OdooJsonReader.Read(ref reader);
                }
                rows.Add(row);
                OdooJsonReader.Read(ref reader);
            }
            return rows;
        };
    }

    private void ThrowIfMissing<T>(IReadOnlyList<int> requested, IReadOnlyList<T> rows, Func<T, int> idOf)
    {
        if (requested.Count == rows.Count && requested.SequenceEqual(rows.Select(idOf))) return;
        var found = new HashSet<int>(rows.Select(idOf));
        var missing = requested.Where(id => !found.Contains(id)).Distinct().Order().ToArray();
        if (missing.Length == 0) return;
        throw new OdooRecordNotFoundException($"{RecordName} records with IDs not found: {string.Join(", ", missing)}")
        {
            Model = ModelName,
            Method = OdooOrm.Read,
            Ids = requested,
            MissingIds = missing,
        };
    }

    private static List<int> Materialize(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return [.. ids];
    }

    private static string FormatPlain(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        OdooRecord r => r.Id.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string FormatLiteral(object? value) => value switch
    {
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        char c => "'" + c + "'",
        DateOnly or DateTime or DateTimeOffset or Enum => "\"" + FormatPlain(value) + "\"",
        _ => FormatPlain(value),
    };
}
