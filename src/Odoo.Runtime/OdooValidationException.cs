using System.Text;

namespace Odoo;

/// <summary>A constraint failed: <c>odoo.exceptions.ValidationError</c> (required, unique, foreign key, Python constraints).</summary>
public class OdooValidationException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooValidationException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}
