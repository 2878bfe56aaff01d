namespace Odoo;

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
