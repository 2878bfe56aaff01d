namespace Odoo;

/// <summary>
/// A database of that name already exists (create, duplicate, rename or restore into an existing name:
/// <c>odoo.service.db.DatabaseExists</c>, PostgreSQL's <c>DuplicateDatabase</c>, or "Database already exists").
/// </summary>
public class OdooDatabaseExistsException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooDatabaseExistsException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }

    /// <summary>Creates the error with its cause.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    /// <param name="innerException">The error as Odoo answered it.</param>
    public OdooDatabaseExistsException(string exceptionName, string serverMessage, string message, Exception innerException) : base(exceptionName, serverMessage, message, innerException) { }

    /// <summary>The database name that is taken.</summary>
    public string? Database { get; init; }
}
