using Odoo.Domains;
using Odoo.Fields;
using Odoo.Values;

namespace Odoo;

// The typed forms: field references and generated values types, checked by the compiler. Each sends the
// request of the string form it stands for.
public abstract partial class OdooManager<TRecord>
{
    /// <summary>
    /// Gets the one record whose <paramref name="field"/> equals <paramref name="value"/> (one <c>search_read</c>);
    /// the typed form of <see cref="GetByUniqueFieldAsync(string, object?, OdooDomain?, IEnumerable{string}?, OdooContext?, CancellationToken)"/>.
    /// </summary>
    /// <typeparam name="TValue">The field's type.</typeparam>
    /// <param name="field">A field of <typeparamref name="TRecord"/>, for example <c>ReferralCode.Fields.Code</c>.</param>
    /// <param name="value">The value.</param>
    /// <param name="filters">More conditions, ANDed.</param>
    /// <param name="fields">The fields to read.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">No record matches.</exception>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records match.</exception>
    public Task<TRecord> GetByUniqueFieldAsync<TValue>(
        OdooValueField<TRecord, TValue> field, TValue value, OdooDomain? filters = null, IEnumerable<string>? fields = null,
        OdooContext? context = null, CancellationToken cancellationToken = default) =>
        GetByUniqueFieldAsync((field ?? throw new ArgumentNullException(nameof(field))).Path, value, filters, fields, context, cancellationToken);

    /// <summary>
    /// Finds the one record whose <paramref name="field"/> equals <paramref name="value"/>, or <see langword="null"/>
    /// (one <c>search_read</c>); the typed form of <see cref="FindByUniqueFieldAsync(string, object?, OdooDomain?, IEnumerable{string}?, OdooContext?, CancellationToken)"/>.
    /// </summary>
    /// <typeparam name="TValue">The field's type.</typeparam>
    /// <param name="field">A field of <typeparamref name="TRecord"/>.</param>
    /// <param name="value">The value.</param>
    /// <param name="filters">More conditions, ANDed.</param>
    /// <param name="fields">The fields to read.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records match.</exception>
    public Task<TRecord?> FindByUniqueFieldAsync<TValue>(
        OdooValueField<TRecord, TValue> field, TValue value, OdooDomain? filters = null, IEnumerable<string>? fields = null,
        OdooContext? context = null, CancellationToken cancellationToken = default) =>
        FindByUniqueFieldAsync((field ?? throw new ArgumentNullException(nameof(field))).Path, value, filters, fields, context, cancellationToken);

    /// <summary>Creates one record from typed values (one <c>create</c>); only the properties that were set are sent.</summary>
    /// <param name="values">The generated values type of <typeparamref name="TRecord"/>, for example <c>new ReferralCodeValues { Code = "X" }</c>.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new record's id.</returns>
    public Task<int> CreateAsync(OdooRecordValues<TRecord> values, OdooContext? context = null, CancellationToken cancellationToken = default) =>
        CreateAsync(Untyped(values), context, cancellationToken);

    /// <summary>Creates several records from typed values in one <c>create</c>.</summary>
    /// <param name="values">One values object per record.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new ids, in the order of <paramref name="values"/>.</returns>
    public Task<IReadOnlyList<int>> CreateManyAsync(IEnumerable<OdooRecordValues<TRecord>> values, OdooContext? context = null, CancellationToken cancellationToken = default) =>
        CreateManyAsync((values ?? throw new ArgumentNullException(nameof(values))).Select(Untyped).ToList(), context, cancellationToken);

    /// <summary>Writes typed values to one record (one <c>write</c>); only the properties that were set are sent.</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="values">The values to write.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task UpdateAsync(int id, OdooRecordValues<TRecord> values, OdooContext? context = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, Untyped(values), context, cancellationToken);

    /// <summary>Writes the same typed values to several records (one <c>write</c>).</summary>
    /// <param name="ids">The records' ids.</param>
    /// <param name="values">The values to write.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task UpdateAsync(IEnumerable<int> ids, OdooRecordValues<TRecord> values, OdooContext? context = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(ids, Untyped(values), context, cancellationToken);

    private static OdooValues Untyped(OdooRecordValues<TRecord> values) =>
        (values ?? throw new ArgumentNullException(nameof(values))).ToOdooValues();
}
