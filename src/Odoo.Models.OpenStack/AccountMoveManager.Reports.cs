namespace Odoo.Models.OpenStack;

public partial class AccountMoveManager
{
    /// <summary>
    /// The report Odoo 18 prints and e-mails invoices with (<c>account.account_invoices</c>, "PDF": the invoice with its
    /// payments): <c>account.report_invoice_with_payments</c>. The variant without payments is <c>account.report_invoice</c>.
    /// </summary>
    public const string InvoiceReportName = "account.report_invoice_with_payments";

    /// <summary>
    /// Renders an invoice to PDF with Odoo's invoice report (<see cref="InvoiceReportName"/>) through the web session
    /// (<c>GET /report/pdf/account.report_invoice_with_payments/&lt;id&gt;</c>); see <see cref="Reports.OdooReports"/>.
    /// </summary>
    /// <param name="id">The invoice (<c>account.move</c>) id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The PDF's bytes (they start with <c>%PDF</c>).</returns>
    /// <exception cref="OdooAccessException">The user may not read the invoice.</exception>
    /// <exception cref="OdooMissingRecordException">The invoice does not exist.</exception>
    /// <exception cref="OdooPdfRenderingUnavailableException">The server has no <c>wkhtmltopdf</c>.</exception>
    /// <exception cref="OdooWebSessionRequiredException">The client logged in with an API key, which cannot open the web session reports need.</exception>
    public Task<byte[]> DownloadInvoicePdfAsync(int id, CancellationToken cancellationToken = default) =>
        Client.Reports.RenderPdfAsync(InvoiceReportName, [ManagerSupport.CheckId(id, nameof(id))], cancellationToken);

    /// <summary>Renders an invoice to PDF (see <see cref="DownloadInvoicePdfAsync(int, CancellationToken)"/>).</summary>
    /// <param name="move">The invoice.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The PDF's bytes.</returns>
    public Task<byte[]> DownloadInvoicePdfAsync(AccountMove move, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(move);
        return DownloadInvoicePdfAsync(move.Id, cancellationToken);
    }

    /// <summary>Renders an invoice to PDF into a stream, as it arrives (see <see cref="DownloadInvoicePdfAsync(int, CancellationToken)"/>).</summary>
    /// <param name="id">The invoice id.</param>
    /// <param name="destination">Where the PDF goes (not closed).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DownloadInvoicePdfAsync(int id, Stream destination, CancellationToken cancellationToken = default) =>
        Client.Reports.RenderPdfAsync(InvoiceReportName, [ManagerSupport.CheckId(id, nameof(id))], destination, cancellationToken);
}
