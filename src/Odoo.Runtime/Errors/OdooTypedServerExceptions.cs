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

/// <summary>
/// Odoo has no field of that name on the model: <c>builtins.ValueError</c> "Invalid field 'x' on model 'm'" (in
/// <c>fields</c>, <c>order</c> or create/write values) or "Invalid field m.x in leaf ..." (in a domain). The name
/// came from a raw Odoo name the client passed through (names declared on the model are checked before sending), or
/// the declaration does not match the server: check the spelling, that the module adding the field is installed, and
/// run the drift check (<c>odoogen check</c>).
/// </summary>
public class OdooUnknownFieldException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooUnknownFieldException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }

    /// <summary>The model Odoo looked the field up on (for a dotted path, the model of the last step), as Odoo named it.</summary>
    public string? FieldModel { get; init; }

    /// <summary>The field name Odoo did not know.</summary>
    public string? Field { get; init; }
}

/// <summary>
/// A value does not fit its field on the server: <c>builtins.ValueError</c> from Odoo's conversion ("invalid literal
/// for int() with base 10: 'abc'", "Wrong value for m.f: 'x'") or a PostgreSQL data error
/// (<c>psycopg2.errors.InvalidTextRepresentation</c> "invalid input syntax for type integer", an invalid date,
/// a number out of range). The message names the field when Odoo or the SQL excerpt does, and the value, but never the
/// SQL text (<see cref="OdooServerException.ServerMessage"/> keeps Odoo's words). Nothing was applied: fix the value
/// (values of declared fields are checked before sending; this comes from raw names, domains or server-side rules).
/// </summary>
public class OdooInvalidValueException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooInvalidValueException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }

    /// <summary>The field (or column) the value was for, when Odoo's message names it.</summary>
    public string? Field { get; init; }

    /// <summary>The refused value as Odoo quoted it, when it did.</summary>
    public string? Value { get; init; }

    /// <summary>The type the value should have had (for example <c>integer</c>), when Odoo's message says.</summary>
    public string? ExpectedType { get; init; }
}

/// <summary>
/// The server is shutting down or restarting, or lost its database connection in the middle of the call:
/// Odoo answered <c>psycopg2.InterfaceError</c> ("connection already closed") or <c>psycopg2.OperationalError</c>
/// ("server closed the connection unexpectedly", "terminating connection due to administrator command", "the database
/// system is shutting down"), or the server (or a proxy in front of it) answered HTTP 503. Transient: reads were already
/// retried (<see cref="OdooClientOptions.MaxReadRetries"/>); retry later. A write, create or method call was not
/// resent: Odoo rolls back a transaction whose connection failed, but as with any lost answer check before redoing it.
/// </summary>
public class OdooServerUnavailableException : OdooTransportException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What was asked and what happened.</param>
    /// <param name="innerException">The cause.</param>
    public OdooServerUnavailableException(string message, Exception? innerException = null) : base(message, innerException) { }

    /// <summary>Odoo's exception class (for example <c>psycopg2.InterfaceError</c>), or <see langword="null"/> for an HTTP 503.</summary>
    public string? ExceptionName { get; init; }

    /// <summary>The message Odoo sent, as it sent it, or <see langword="null"/> for an HTTP 503.</summary>
    public string? ServerMessage { get; init; }
}
