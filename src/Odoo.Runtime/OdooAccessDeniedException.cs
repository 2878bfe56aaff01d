using System.Text;

namespace Odoo;

/// <summary>Bad credentials: <c>odoo.exceptions.AccessDenied</c> (403 on JSON-2), a login that answered <c>false</c>, or (JSON-2) HTTP 401 for a missing or refused API key.</summary>
public class OdooAccessDeniedException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooAccessDeniedException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}
