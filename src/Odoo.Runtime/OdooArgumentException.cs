using System.Text;

namespace Odoo;

/// <summary>
/// Odoo 19's JSON-2 could not bind the arguments to the method's Python signature: HTTP 422
/// <c>werkzeug.exceptions.UnprocessableEntity</c> ("missing a required argument: 'domain'", "got an unexpected keyword
/// argument 'x'", or "cannot call res.partner.create with ids" for an <c>@api.model</c> method). A programming mistake
/// in the call: check the parameter names (<see cref="OdooServerException.ServerMessage"/> has Odoo's words).
/// </summary>
public class OdooArgumentException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooArgumentException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}
