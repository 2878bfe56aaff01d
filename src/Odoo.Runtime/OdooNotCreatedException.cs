using System.Text;

namespace Odoo;

/// <summary>
/// A create whose answer was lost (connection dropped, timeout, server stopped) and whose natural key matches no record
/// afterwards: nothing was created, and creating again is safe (see <c>OdooManager.CreateOrGetAsync</c>).
/// </summary>
public class OdooNotCreatedException : OdooRecordNotFoundException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What was created, why its answer was lost, and that no record exists.</param>
    /// <param name="innerException">The transport failure that lost the answer.</param>
    public OdooNotCreatedException(string message, Exception innerException) : base(message, innerException) { }
}
