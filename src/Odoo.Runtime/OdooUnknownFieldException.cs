namespace Odoo;

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
