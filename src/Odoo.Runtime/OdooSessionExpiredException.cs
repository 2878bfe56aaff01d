using System.Text;

namespace Odoo;

/// <summary>The web session expired (<c>odoo.http.SessionExpiredException</c>, JSON-RPC error code 100).</summary>
public class OdooSessionExpiredException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooSessionExpiredException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}
