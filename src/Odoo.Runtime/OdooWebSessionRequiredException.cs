namespace Odoo;

/// <summary>
/// The operation needs an authenticated web session (a <c>session_id</c> cookie), which this connection cannot open:
/// Odoo's report routes (<c>/report/pdf/...</c>) accept only a browser-style session, and Odoo opens one only for a
/// login with its password (<c>/web/session/authenticate</c>), never for an API key (accepted on <c>/jsonrpc</c> and
/// JSON-2 only) nor for a user with two-factor authentication. Connect with
/// <see cref="OdooClientOptions.Password"/> to render reports.
/// </summary>
public class OdooWebSessionRequiredException : OdooException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What was asked and why it needs a session.</param>
    public OdooWebSessionRequiredException(string message) : base(message) { }
}
