namespace Odoo;

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
