using System.Text;

namespace Odoo;

/// <summary>
/// The records could not be locked because a concurrent transaction holds them: <c>odoo.exceptions.LockError</c>
/// (HTTP 409 on JSON-2). Odoo rolled the call back, so nothing was applied. Reads are retried like transient failures
/// (<see cref="OdooClientOptions.MaxReadRetries"/>); a write, create or method call is not: retry it yourself once the
/// other transaction is done.
/// </summary>
public class OdooLockException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooLockException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}
