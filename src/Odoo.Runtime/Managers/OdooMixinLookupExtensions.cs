using System.Text.Json;

namespace Odoo.Managers;

/// <summary>
/// The id-only and dictionary forms of the lookups by name and by code (the reference's <c>get_by_name</c> /
/// <c>get_by_code</c> with <c>as_id=True</c> or <c>as_dict=True</c>); <c>Find…</c> is <c>optional=True</c>.
/// </summary>
public static class OdooMixinLookupExtensions
{
    /// <summary>The id of the one record with this name (one <c>search</c>).</summary>
    /// <typeparam name="TRecord">A named record type.</typeparam>
    /// <param name="manager">The manager.</param>
    /// <param name="name">The name.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">No record has the name.</exception>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records have the name.</exception>
    public static Task<int> GetIdByNameAsync<TRecord>(this OdooManager<TRecord> manager, string name, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>, INamedRecord =>
        Require(manager).GetIdByUniqueFieldAsync(NameField<TRecord>(), name, null, context, cancellationToken);

    /// <summary>The id of the one record with this name, or <see langword="null"/> (several are still an error).</summary>
    /// <typeparam name="TRecord">A named record type.</typeparam>
    /// <param name="manager">The manager.</param>
    /// <param name="name">The name.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records have the name.</exception>
    public static Task<int?> FindIdByNameAsync<TRecord>(this OdooManager<TRecord> manager, string name, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>, INamedRecord =>
        Require(manager).FindIdByUniqueFieldAsync(NameField<TRecord>(), name, null, context, cancellationToken);

    /// <summary>The one record with this name as a dictionary (one <c>search_read</c>; keys as <see cref="OdooRecord.ToDictionary"/>, or Odoo names when <paramref name="rawNames"/>).</summary>
    /// <typeparam name="TRecord">A named record type.</typeparam>
    /// <param name="manager">The manager.</param>
    /// <param name="name">The name.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="rawNames">Key by Odoo field names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">No record has the name.</exception>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records have the name.</exception>
    public static Task<IReadOnlyDictionary<string, JsonElement>> GetDictionaryByNameAsync<TRecord>(this OdooManager<TRecord> manager, string name, IEnumerable<string>? fields = null, bool rawNames = false, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>, INamedRecord =>
        Require(manager).GetDictionaryByUniqueFieldAsync(NameField<TRecord>(), name, null, fields, rawNames, context, cancellationToken);

    /// <summary>The one record with this name as a dictionary, or <see langword="null"/> (several are still an error).</summary>
    /// <typeparam name="TRecord">A named record type.</typeparam>
    /// <param name="manager">The manager.</param>
    /// <param name="name">The name.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="rawNames">Key by Odoo field names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records have the name.</exception>
    public static Task<IReadOnlyDictionary<string, JsonElement>?> FindDictionaryByNameAsync<TRecord>(this OdooManager<TRecord> manager, string name, IEnumerable<string>? fields = null, bool rawNames = false, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>, INamedRecord =>
        Require(manager).FindDictionaryByUniqueFieldAsync(NameField<TRecord>(), name, null, fields, rawNames, context, cancellationToken);

    /// <summary>The id of the one record with this code (one <c>search</c>).</summary>
    /// <typeparam name="TRecord">A coded record type.</typeparam>
    /// <param name="manager">The manager.</param>
    /// <param name="code">The code.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">No record has the code.</exception>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records have the code.</exception>
    public static Task<int> GetIdByCodeAsync<TRecord>(this OdooManager<TRecord> manager, string code, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>, ICodedRecord =>
        Require(manager).GetIdByUniqueFieldAsync(CodeField<TRecord>(), code, null, context, cancellationToken);

    /// <summary>The id of the one record with this code, or <see langword="null"/> (several are still an error).</summary>
    /// <typeparam name="TRecord">A coded record type.</typeparam>
    /// <param name="manager">The manager.</param>
    /// <param name="code">The code.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records have the code.</exception>
    public static Task<int?> FindIdByCodeAsync<TRecord>(this OdooManager<TRecord> manager, string code, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>, ICodedRecord =>
        Require(manager).FindIdByUniqueFieldAsync(CodeField<TRecord>(), code, null, context, cancellationToken);

    /// <summary>The one record with this code as a dictionary (one <c>search_read</c>).</summary>
    /// <typeparam name="TRecord">A coded record type.</typeparam>
    /// <param name="manager">The manager.</param>
    /// <param name="code">The code.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="rawNames">Key by Odoo field names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">No record has the code.</exception>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records have the code.</exception>
    public static Task<IReadOnlyDictionary<string, JsonElement>> GetDictionaryByCodeAsync<TRecord>(this OdooManager<TRecord> manager, string code, IEnumerable<string>? fields = null, bool rawNames = false, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>, ICodedRecord =>
        Require(manager).GetDictionaryByUniqueFieldAsync(CodeField<TRecord>(), code, null, fields, rawNames, context, cancellationToken);

    /// <summary>The one record with this code as a dictionary, or <see langword="null"/> (several are still an error).</summary>
    /// <typeparam name="TRecord">A coded record type.</typeparam>
    /// <param name="manager">The manager.</param>
    /// <param name="code">The code.</param>
    /// <param name="fields">Local or Odoo names of the fields to read.</param>
    /// <param name="rawNames">Key by Odoo field names.</param>
    /// <param name="context">Context entries for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooMultipleRecordsFoundException">Several records have the code.</exception>
    public static Task<IReadOnlyDictionary<string, JsonElement>?> FindDictionaryByCodeAsync<TRecord>(this OdooManager<TRecord> manager, string code, IEnumerable<string>? fields = null, bool rawNames = false, OdooContext? context = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>, ICodedRecord =>
        Require(manager).FindDictionaryByUniqueFieldAsync(CodeField<TRecord>(), code, null, fields, rawNames, context, cancellationToken);

    private static OdooManager<TRecord> Require<TRecord>(OdooManager<TRecord> manager) where TRecord : OdooRecord, IOdooRecord<TRecord>
    {
        ArgumentNullException.ThrowIfNull(manager);
        return manager;
    }

    // The local name when declared (so aliases and version names apply); otherwise the Odoo name.
    private static string NameField<TRecord>() where TRecord : OdooRecord, IOdooRecord<TRecord> =>
        TRecord.Metadata.FindByName(nameof(INamedRecord.Name)) is null ? "name" : nameof(INamedRecord.Name);

    private static string CodeField<TRecord>() where TRecord : OdooRecord, IOdooRecord<TRecord> =>
        TRecord.Metadata.FindByName(nameof(ICodedRecord.Code)) is null ? "code" : nameof(ICodedRecord.Code);
}
