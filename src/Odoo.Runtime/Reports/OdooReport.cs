using System.Globalization;
using System.Net;
using System.Text.Json;
using Odoo.Domains;
using Odoo.Transport;

namespace Odoo.Reports;

/// <summary>A report Odoo can print (<c>ir.actions.report</c>).</summary>
/// <param name="Id">The <c>ir.actions.report</c> id.</param>
/// <param name="Name">The name users see in the Print menu, for example <c>PDF</c>.</param>
/// <param name="ReportName">The technical name the report routes take, for example <c>account.report_invoice_with_payments</c>.</param>
/// <param name="ReportType">How it renders: <c>qweb-pdf</c>, <c>qweb-html</c> or <c>qweb-text</c>.</param>
/// <param name="Model">The model whose records it prints, for example <c>account.move</c>.</param>
public sealed record OdooReport(int Id, string Name, string ReportName, string ReportType, string Model)
{
    /// <summary>Whether the report renders to PDF (<c>qweb-pdf</c>).</summary>
    public bool IsPdf => ReportType == "qweb-pdf";
}
