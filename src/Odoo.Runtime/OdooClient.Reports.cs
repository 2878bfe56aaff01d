using Odoo.Reports;

namespace Odoo;

public sealed partial class OdooClient
{
    /// <summary>
    /// Odoo's reports: list them (<c>ir.actions.report</c>) and render them to PDF through the web session
    /// (<c>/report/pdf/&lt;report_name&gt;/&lt;ids&gt;</c>). No request is made until a method is called.
    /// </summary>
    /// <example><code>
    /// byte[] pdf = await client.Reports.RenderPdfAsync("account.report_invoice_with_payments", [invoiceId], ct);
    /// </code></example>
    public OdooReports Reports => new(this);
}
