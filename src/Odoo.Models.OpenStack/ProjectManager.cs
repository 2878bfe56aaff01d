namespace Odoo.Models.OpenStack;

/// <summary>Project lookups of the OpenStack integration.</summary>
public partial class ProjectManager
{
    /// <summary>Reads the project with an OpenStack (Keystone) project id (one <c>search_read</c> on <c>os_id</c>).</summary>
    /// <param name="osId">The OpenStack project id.</param>
    /// <param name="fields">Local or Odoo names of the fields to read; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">No project has that id: <c>Project record not found with 'os_id' value: ...</c>.</exception>
    /// <exception cref="OdooMultipleRecordsFoundException">Several projects have it.</exception>
    public Task<Project> GetByOsIdAsync(string osId, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(osId);
        return GetByUniqueFieldAsync("os_id", osId, fields: fields, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Like <see cref="GetByOsIdAsync"/> but returns <see langword="null"/> when no project matches
    /// (several matches are still an error): the Python client's <c>optional=True</c>.
    /// </summary>
    /// <param name="osId">The OpenStack project id.</param>
    /// <param name="fields">Local or Odoo names of the fields to read; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooMultipleRecordsFoundException">Several projects have the id.</exception>
    public Task<Project?> FindByOsIdAsync(string osId, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(osId);
        return FindByUniqueFieldAsync("os_id", osId, fields: fields, cancellationToken: cancellationToken);
    }
}
