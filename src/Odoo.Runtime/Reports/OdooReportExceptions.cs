namespace Odoo;

/// <summary>
/// No report of that name: Odoo's <c>ir.actions.report</c> has no record whose <c>report_name</c> (or XML id) is
/// <see cref="ReportName"/>. Odoo's report route answers HTTP 500 without a reason; the client then looks the name up
/// and raises this. List the reports of a model with <see cref="Reports.OdooReports.ListAsync(string?, CancellationToken)"/>.
/// </summary>
public class OdooReportNotFoundException : OdooNotFoundException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class (<c>ValueError</c> on Odoo 18).</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooReportNotFoundException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }

    /// <summary>The report name that was asked for.</summary>
    public string? ReportName { get; init; }
}

/// <summary>
/// The server cannot render PDF files: Odoo renders them with the <c>wkhtmltopdf</c> program, which is not installed
/// (or broken) on the server ("Unable to find Wkhtmltopdf on this system", a <c>UserError</c>, HTTP 400). Install it
/// on the Odoo server (Debian: <c>apt-get install wkhtmltopdf</c>) and restart Odoo, which looks for it at start-up.
/// </summary>
public class OdooPdfRenderingUnavailableException : OdooUserException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooPdfRenderingUnavailableException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }

    /// <summary>The report that was asked for.</summary>
    public string? ReportName { get; init; }
}

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
