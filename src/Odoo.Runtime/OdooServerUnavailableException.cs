namespace Odoo;

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
