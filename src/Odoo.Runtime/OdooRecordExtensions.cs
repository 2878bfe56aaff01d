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
