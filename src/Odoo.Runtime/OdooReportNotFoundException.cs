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
