using System.Text;

namespace Odoo;

/// <summary>No record matched: a get by id, a list with missing ids, or a lookup by a unique field.</summary>
public class OdooRecordNotFoundException : OdooException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What was looked for.</param>
    public OdooRecordNotFoundException(string message) : base(message) { }

    /// <summary>Creates the error with its cause.</summary>
    /// <param name="message">What was looked for.</param>
    /// <param name="innerException">The cause.</param>
    public OdooRecordNotFoundException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The ids that were not found (sorted, distinct), when the lookup was by id.</summary>
    public IReadOnlyList<int> MissingIds { get; init; } = [];
}
