using Odoo.Managers;
using Odoo.Transport;
using Odoo.Values;

namespace Odoo;

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
