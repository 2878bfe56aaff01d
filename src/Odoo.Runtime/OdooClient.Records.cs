using System.Collections.Concurrent;
using System.Text.Json;
using Odoo.Serialization;
using Odoo.Transport;

namespace Odoo;

public sealed partial class OdooClient
{
    private readonly ConcurrentDictionary<Type, object> _managers = new();

    /// <summary>
    /// Returns this client's single instance of a manager, creating it on first use. Generated
    /// client properties (<c>client.ReferralCodes</c>) call this.
    /// </summary>
    /// <typeparam name="TManager">The manager type.</typeparam>
    /// <param name="factory">Creates the manager for this client.</param>
    public TManager GetManager<TManager>(Func<OdooClient, TManager> factory) where TManager : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (_managers.TryGetValue(typeof(TManager), out var existing)) return (TManager)existing;
        return (TManager)_managers.GetOrAdd(typeof(TManager), static (_, s) => s.factory(s.client), (factory, client: this));
    }

    /// <summary>
    /// Returns this client's manager for <typeparamref name="TRecord"/>: the full typed API (get, list, search,
    /// stream, create, update, delete) for any <c>[OdooModel]</c> record, including those declared in other assemblies.
    /// It is the record's generated manager, the same instance as the client property (<c>client.ReferralCodes</c>),
    /// so hand-written manager members and overrides apply.
    /// </summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    public OdooManager<TRecord> Manager<TRecord>() where TRecord : OdooRecord, IOdooRecord<TRecord> =>
        TRecord.GetManager(this);

    /// <summary>
    /// Reads records by id in one <c>read</c> call; ids Odoo does not return are left out. The one read by ids
    /// of the runtime: managers (<c>GetAsync</c>, <c>ListAsync</c>, refresh) and relation loaders all come here.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="ids">The ids.</param>
    /// <param name="fields">The Odoo field names to read; <see langword="null"/> for the model's default (all fields).</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    internal async Task<IReadOnlyList<T>> ReadManyAsync<T>(IReadOnlyList<int> ids, IReadOnlyList<string>? fields, OdooContext? context, CancellationToken cancellationToken)
        where T : OdooRecord, IOdooRecord<T>
    {
        fields ??= T.Metadata.DefaultFields;
        var source = new OdooRecordSource(this, fields, context);
        return await OdooOrm.ReadAsync<IReadOnlyList<T>>(
            this, T.Metadata.ModelName, ids, fields, context, (ref Utf8JsonReader r) => OdooJsonReader.ReadRecords<T>(ref r, source), [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one record by id; <see langword="null"/> when it does not exist.</summary>
    internal async Task<T?> ReadOneAsync<T>(int id, OdooContext? context, CancellationToken cancellationToken)
        where T : OdooRecord, IOdooRecord<T>
    {
        var list = await ReadManyAsync<T>([id], null, context, cancellationToken).ConfigureAwait(false);
        return list.Count > 0 ? list[0] : null;
    }
}
