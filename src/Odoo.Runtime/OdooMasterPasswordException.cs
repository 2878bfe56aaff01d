namespace Odoo;

/// <summary>
/// The server refused the master password (the database manager's password, <c>admin_passwd</c> in Odoo's
/// configuration): <c>odoo.exceptions.AccessDenied</c> from a database-service call that needs it.
/// </summary>
public class OdooMasterPasswordException : OdooAccessDeniedException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooMasterPasswordException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}
