using System.Text.Json;
using Odoo.Domains;
using Odoo.Managers;
using Odoo.Transport;

namespace Odoo;

// The id-only and dictionary forms of the lookups (the reference's as_id / as_dict), beside the record forms.
public abstract partial class OdooManager<TRecord>
{
    /// <summary>
    /// Reads one record by id as a dictionary of raw JSON values (one <c>read</c>; the reference's <c>get(id, as_dict=True)</c>).
    /// Keys are the ones <see cref="OdooRecord.ToDictionary"/> uses (property names; a many2one as its <c>{Name}Id</c> and
    /// <c>{Name}Name</c> halves, an x2many as its id list), or Odoo names when <paramref name="rawNames"/>.
    /// </summary>
    /// <param name="id">The id.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="rawNames">Key by Odoo field names (values as Odoo sent them).</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException"><c>{Record} record not found with ID: {id}</c>.</exception>
    public async Task<IReadOnlyDictionary<string, JsonElement>> GetDictionaryAsync(
        int id, IEnumerable<string>? fields = null, bool rawNames = false, OdooContext? context = null, CancellationToken cancellationToken = default) =>
        await FindDictionaryAsync(id, fields, rawNames, context, cancellationToken).ConfigureAwait(false)
        ?? throw new OdooRecordNotFoundException($"{RecordName} record not found with ID: {id}") { Model = ModelName, Method = "read", Ids = [id], MissingIds = [id] };

    /// <summary>Reads one record by id as a dictionary (see <see cref="GetDictionaryAsync"/>); <see langword="null"/> when it does not exist.</summary>
    /// <param name="id">The id.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="rawNames">Key by Odoo field names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyDictionary<string, JsonElement>?> FindDictionaryAsync(
        int id, IEnumerable<string>? fields = null, bool rawNames = false, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        var rows = await ReadDictionariesAsync([id], fields, rawNames, context, cancellationToken).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <summary>
    /// Reads the records that exist among <paramref name="ids"/> as dictionaries (one <c>read</c>; missing ids are left out;
    /// the reference's <c>list(ids, as_dict=True, optional=True)</c>). An empty list makes no request.
    /// </summary>
    /// <param name="ids">The ids.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="rawNames">Key by Odoo field names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>> ListExistingDictionariesAsync(
        IEnumerable<int> ids, IEnumerable<string>? fields = null, bool rawNames = false, OdooContext? context = null, CancellationToken cancellationToken = default) =>
        ReadDictionariesAsync(Materialize(ids), fields, rawNames, context, cancellationToken);

    /// <summary>
    /// The id of the one record whose <paramref name="field"/> equals <paramref name="value"/> (one <c>search</c>;
    /// the reference's <c>get_by_unique_field(..., as_id=True)</c>).
    /// </summary>
    /// <param name="field">A local name (property, alias, snake_case form) or an Odoo name.</param>
    /// <param name="value">The value (encoded like a domain value).</param>
    /// <param name="filters">More conditions, ANDed.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">No record matches.</exception>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records match (their ids are listed).</exception>
    public async Task<int> GetIdByUniqueFieldAsync(
        string field, object? value, OdooDomain? filters = null, OdooContext? context = null, CancellationToken cancellationToken = default) =>
        await FindIdByUniqueFieldAsync(field, value, filters, context, cancellationToken).ConfigureAwait(false)
        ?? throw UniqueNotFound(field, value, "search");

    /// <summary>The id of the one record whose <paramref name="field"/> equals <paramref name="value"/>, or <see langword="null"/> (one <c>search</c>). Several matches are still an error.</summary>
    /// <param name="field">A local or Odoo name.</param>
    /// <param name="value">The value.</param>
    /// <param name="filters">More conditions, ANDed.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records match.</exception>
    public async Task<int?> FindIdByUniqueFieldAsync(
        string field, object? value, OdooDomain? filters = null, OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        var ids = await SearchIdsAsync(UniqueDomain(field, value, filters), null, null, 0, context, cancellationToken).ConfigureAwait(false);
        if (ids.Count > 1) throw UniqueMultiple(field, value, [.. ids], "search");
        return ids.Count == 1 ? ids[0] : null;
    }

    /// <summary>
    /// The one record whose <paramref name="field"/> equals <paramref name="value"/>, as a dictionary (one <c>search_read</c>;
    /// the reference's <c>get_by_unique_field(..., as_dict=True)</c>); keys as in <see cref="GetDictionaryAsync"/>.
    /// </summary>
    /// <param name="field">A local or Odoo name.</param>
    /// <param name="value">The value.</param>
    /// <param name="filters">More conditions, ANDed.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="rawNames">Key by Odoo field names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">No record matches.</exception>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records match.</exception>
    public async Task<IReadOnlyDictionary<string, JsonElement>> GetDictionaryByUniqueFieldAsync(
        string field, object? value, OdooDomain? filters = null, IEnumerable<string>? fields = null, bool rawNames = false,
        OdooContext? context = null, CancellationToken cancellationToken = default) =>
        await FindDictionaryByUniqueFieldAsync(field, value, filters, fields, rawNames, context, cancellationToken).ConfigureAwait(false)
        ?? throw UniqueNotFound(field, value, "search_read");

    /// <summary>The one record whose <paramref name="field"/> equals <paramref name="value"/>, as a dictionary, or <see langword="null"/>. Several matches are still an error.</summary>
    /// <param name="field">A local or Odoo name.</param>
    /// <param name="value">The value.</param>
    /// <param name="filters">More conditions, ANDed.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="rawNames">Key by Odoo field names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records match.</exception>
    public async Task<IReadOnlyDictionary<string, JsonElement>?> FindDictionaryByUniqueFieldAsync(
        string field, object? value, OdooDomain? filters = null, IEnumerable<string>? fields = null, bool rawNames = false,
        OdooContext? context = null, CancellationToken cancellationToken = default)
    {
        var rows = await SearchDictionariesAsync(UniqueDomain(field, value, filters), fields, null, null, 0, rawNames, context, cancellationToken).ConfigureAwait(false);
        if (rows.Count > 1)
        {
            throw UniqueMultiple(field, value, [.. rows.Select(r => r.TryGetValue("id", out var e) || r.TryGetValue("Id", out e) ? e.GetInt32() : 0)], "search_read");
        }
        return rows.Count == 1 ? rows[0] : null;
    }

    private static OdooDomain UniqueDomain(string field, object? value, OdooDomain? filters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        return OdooDomain.Where(field, "=", value) & (filters ?? OdooDomain.All);
    }

    private OdooRecordNotFoundException UniqueNotFound(string field, object? value, string method) =>
        new($"{RecordName} record not found with '{field}' value: {FormatPlain(value)}") { Model = ModelName, Method = method };

    private OdooMultipleRecordsFoundException UniqueMultiple(string field, object? value, int[] ids, string method) =>
        new($"Multiple {RecordName} records found with '{field}' value {FormatLiteral(value)} when only one was expected: {string.Join(", ", ids)}")
        {
            Model = ModelName,
            Method = method,
            FoundIds = ids,
        };

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>> ReadDictionariesAsync(
        IReadOnlyList<int> ids, IEnumerable<string>? fields, bool rawNames, OdooContext? context, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var call = new OdooCall(ModelName, "read")
        {
            Ids = ids,
            Arguments = [new OdooArgument("fields", EncodeFields(fields))],
            Context = context,
            IsReadOnly = true,
        };
        return await Client.ExecuteAsync(call, DictionaryReader(rawNames), cancellationToken).ConfigureAwait(false);
    }
}
