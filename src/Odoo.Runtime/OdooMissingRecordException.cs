using System.Text;

namespace Odoo;

/// <summary>The records do not exist (any more): <c>odoo.exceptions.MissingError</c>.</summary>
public class OdooMissingRecordException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooMissingRecordException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}
