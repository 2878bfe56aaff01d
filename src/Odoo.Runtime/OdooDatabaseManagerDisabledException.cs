namespace Odoo;

/// <summary>
/// The server's database manager is disabled (<c>list_db = False</c> in Odoo's configuration): Odoo refuses to list,
/// create, duplicate, rename, drop, dump and restore databases over the network (<c>AccessDenied</c>).
/// </summary>
public class OdooDatabaseManagerDisabledException : OdooAccessDeniedException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooDatabaseManagerDisabledException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}
