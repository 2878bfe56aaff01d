using System.Text;

namespace Odoo;

/// <summary>The user may not do this: <c>odoo.exceptions.AccessError</c> (HTTP 403 on JSON-2).</summary>
public class OdooAccessException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooAccessException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}
