using System.Text;

namespace Odoo;

/// <summary>A business rule refused the call: <c>odoo.exceptions.UserError</c> (JSON-2 422; over JSON-RPC also an unknown model).</summary>
public class OdooUserException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooUserException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}
