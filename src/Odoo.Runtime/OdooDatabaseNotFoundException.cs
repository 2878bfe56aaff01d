namespace Odoo;

/// <summary>
/// The database named in <see cref="OdooClientOptions.Database"/> does not exist on the server (or its
/// <c>db_filter</c> hides it). Odoo 18 says so in two ways: <c>/jsonrpc</c> answers
/// <c>psycopg2.OperationalError</c> "connection to server at ... failed: FATAL: database "x" does not exist", and
/// <c>/web/session/authenticate</c> answers <c>odoo.exceptions.AccessError</c> "Database not found.".
/// When this happened while connecting, the client asked the server for its databases (<c>db.list</c>) and lists
/// them in <see cref="AvailableDatabases"/>; a server that refuses the listing (<c>list_db = False</c>) leaves it
/// <see langword="null"/>. Fix <see cref="OdooClientOptions.Database"/>.
/// </summary>
public class OdooDatabaseNotFoundException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooDatabaseNotFoundException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }

    /// <summary>The database that was asked for, when known.</summary>
    public string? Database { get; init; }

    /// <summary>
    /// The databases the server lists (<c>db.list</c>), asked only when the error happened while connecting;
    /// <see langword="null"/> when not asked or when the server refuses to list them.
    /// </summary>
    public IReadOnlyList<string>? AvailableDatabases { get; init; }
}
