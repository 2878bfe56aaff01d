using System.Text;

namespace Odoo;

/// <summary>
/// Odoo 19's JSON-2 answered 404 <c>werkzeug.exceptions.NotFound</c>: the model does not exist ("the model 'x.y' does not
/// exist"), the method does not exist ("The method 'res.partner.x' does not exist"), or the route is not
/// <c>POST /json/2/&lt;model&gt;/&lt;method&gt;</c>. (Over JSON-RPC an unknown model is a <c>UserError</c>: <see cref="OdooUserException"/>.)
/// Records that were deleted are <see cref="OdooMissingRecordException"/>, not this.
/// </summary>
public class OdooNotFoundException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooNotFoundException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }

    /// <summary>Creates the error with its cause.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    /// <param name="innerException">The error as first read.</param>
    public OdooNotFoundException(string exceptionName, string serverMessage, string message, Exception innerException) : base(exceptionName, serverMessage, message, innerException) { }
}
