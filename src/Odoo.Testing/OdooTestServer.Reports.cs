using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Odoo.Testing.Internal;

namespace Odoo.Testing;

public sealed partial class OdooTestServer
{
    /// <summary>The report Odoo 18 prints invoices with (<c>account.account_invoices</c>, <c>is_invoice_report</c>).</summary>
    private const string InvoiceReportName = "account.report_invoice_with_payments";

    private volatile bool _pdfRenderingAvailable = true;

    /// <summary>
    /// Whether PDF reports render (Odoo finds <c>wkhtmltopdf</c>); starts as <see cref="OdooTestServerOptions.PdfRenderingAvailable"/>.
    /// Off, <c>/report/pdf/...</c> answers what Odoo 18 answers without the program: HTTP 400 with the UserError
    /// "Unable to find Wkhtmltopdf on this system. The PDF can not be created." (odoo/addons/base/models/ir_actions_report.py).
    /// </summary>
    public bool PdfRenderingAvailable
    {
        get => _pdfRenderingAvailable;
        set => _pdfRenderingAvailable = value;
    }

    /// <summary>
    /// Registers a report (an <c>ir.actions.report</c> record) in the server's database, optionally with an XML id
    /// (<c>module.name</c>, an <c>ir.model.data</c> record) the report route also accepts. The server starts with Odoo
    /// 18's two invoice reports of <c>account.move</c>: <c>account.report_invoice_with_payments</c> ("PDF", XML id
    /// <c>account.account_invoices</c>) and <c>account.report_invoice</c> ("PDF without Payment", XML id
    /// <c>account.account_invoices_without_payment</c>).
    /// </summary>
    /// <param name="reportName">The technical name the route takes, for example <c>sale.report_saleorder</c>.</param>
    /// <param name="model">The model whose records it prints.</param>
    /// <param name="name">The name users see; <see langword="null"/> for <paramref name="reportName"/>.</param>
    /// <param name="reportType"><c>qweb-pdf</c> (the default), <c>qweb-html</c> or <c>qweb-text</c>.</param>
    /// <param name="xmlId">An XML id such as <c>sale.action_report_saleorder</c>; <see langword="null"/> for none.</param>
    /// <returns>The report's <c>ir.actions.report</c> id.</returns>
    /// <exception cref="ArgumentException">A name is empty, or the XML id has no module part.</exception>
    public int RegisterReport(string reportName, string model, string? name = null, string reportType = "qweb-pdf", string? xmlId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reportName);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(reportType);
        if (xmlId is not null && (xmlId.IndexOf('.', StringComparison.Ordinal) is <= 0 || xmlId.EndsWith('.')))
            throw new ArgumentException($"'{xmlId}' is not an XML id: it reads module.name.", nameof(xmlId));
        using (var scope = _store.Enter())
        {
            var store = scope.Store;
            return store.Records.Transaction(() => AddReport(store, reportName, model, name ?? reportName, reportType, xmlId));
        }
    }

    private static void SeedInvoiceReports(Store store)
    {
        // addons/account/views/account_report.xml (18.0)
        AddReport(store, InvoiceReportName, "account.move", "PDF", "qweb-pdf", "account.account_invoices");
        AddReport(store, "account.report_invoice", "account.move", "PDF without Payment", "qweb-pdf", "account.account_invoices_without_payment");
    }

    private static int AddReport(Store store, string reportName, string model, string name, string reportType, string? xmlId)
    {
        var id = store.Records.Create(store.Schema.Table("ir.actions.report"), JsonSerializer.SerializeToElement(new
        {
            name, model, report_type = reportType, report_name = reportName, report_file = reportName,
        }), SeedUid);
        if (xmlId is not null)
        {
            var dot = xmlId.IndexOf('.', StringComparison.Ordinal);
            store.Records.Create(store.Schema.Table("ir.model.data"), JsonSerializer.SerializeToElement(new
            {
                module = xmlId[..dot], name = xmlId[(dot + 1)..], model = "ir.actions.report", res_id = id,
            }), SeedUid);
        }
        return id;
    }

    /// <summary>
    /// addons/web/controllers/report.py (18.0), <c>report_routes</c>: <c>/report/&lt;converter&gt;/&lt;reportname&gt;[/&lt;docids&gt;]</c>,
    /// type='http', auth='user', website=True. Errors are the frontend error pages of http_routing (ir_http._handle_error):
    /// UserError 400, AccessError 403, anything else 500.
    /// </summary>
    private Reply Report(HttpContext ctx, string path, OdooRecordedRequest record, WebSession? session)
    {
        var parts = path["/report/".Length..].Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0) || parts[0] is "barcode" or "download" or "check_wkhtmltopdf")
            return new Reply { Status = 404, ContentType = "text/html;charset=utf-8", Text = Html.NotFound };
        var converter = parts[0];
        var reportName = Uri.UnescapeDataString(parts[1]);
        record.Method = "report/" + converter;
        // auth='user': a visitor without a session goes to the login page, the URL kept in ?redirect= (with its '?').
        var store = session is null ? null : StoreOf(session.Db);
        if (session is null || store is null)
        {
            var location = "/web/login?redirect=" + Uri.EscapeDataString(path + "?" + ctx.Request.QueryString.Value?.TrimStart('?'));
            return new Reply { Status = 303, ContentType = HtmlContentType, Text = Html.Redirect(location), Location = location };
        }
        record.Uid = session.Uid;
        record.Database = session.Db;
        // docids = [int(i) for i in docids.split(',') if i.isdigit()]
        var ids = parts.Length == 3
            ? parts[2].Split(',').Where(i => i.Length > 0 && i.All(char.IsAsciiDigit)).Select(i => int.Parse(i, CultureInfo.InvariantCulture)).ToList()
            : [];
        record.Args = JsonSerializer.SerializeToElement(ids);
        // The session is saved (and its cookie set again) on every answer of a user route, errors included.
        var cookies = new List<string> { SessionCookieHeader(record.SessionId!) };
        try
        {
            List<string> pages;
            using (var scope = store.Enter())
            {
                var data = scope.Store;
                // ir.actions.report._get_report: by report_name, then by XML id; else ValueError -> HTTP 500.
                var reports = data.Schema.Table("ir.actions.report");
                var report = reports.Ordered.FirstOrDefault(r => Equals(r.Values[reports.Field("report_name")!.Slot], reportName))
                    ?? ReportByXmlId(data, reports, reportName)
                    ?? throw OdooServerError.ValueError($"Fetching report '{reportName}': report not found");
                var model = (string)report.Values[reports.Field("model")!.Slot]!;
                record.Model = model;
                var t = data.Schema.TryTable(model) ?? throw new OdooServerError("builtins.KeyError", $"'{model}'");
                data.Access.Check(t, OdooOperation.Read, session.Uid);
                var rows = data.Records.ExistingRows(t, ids.Distinct().ToList(), raiseMissing: true, session.Uid);
                if (reportName == InvoiceReportName && t.Field("move_type") is { Storage: FieldStorage.Slot } moveType
                    && rows.Any(r => Equals(r.Values[moveType.Slot], "entry")))
                    throw OdooServerError.UserError("Only invoices could be printed.");
                if (converter == "pdf" && !PdfRenderingAvailable)
                    throw OdooServerError.UserError("Unable to find Wkhtmltopdf on this system. The PDF can not be created.");
                var byId = rows.ToDictionary(r => r.Id);
                pages = ids.Count == 0
                    ? [reportName]
                    : ids.Select(id => $"{reportName}: {model}({id}) {data.Records.DisplayName(t, byId[id])}").ToList();
            }
            switch (converter)
            {
                case "pdf":
                    // Odoo 18 with Debian's wkhtmltopdf (0.12.6, unpatched Qt) answers a record printed twice in one call
                    // with HTTP 200, application/pdf and an empty body (ids "2,2" on a real server).
                    if (ids.Count != ids.Distinct().Count())
                        return new Reply { ContentType = "application/pdf", Bytes = [], Cookies = cookies };
                    return new Reply { ContentType = "application/pdf", Bytes = Pdf.Render(pages), Cookies = cookies };
                case "html":
                    return new Reply { ContentType = HtmlContentType, Text = "<!DOCTYPE html>\n<html><body>" + string.Concat(pages.Select(p => "<article>" + Html.Escape(p) + "</article>")) + "</body></html>", Cookies = cookies };
                case "text":
                    return new Reply { ContentType = "text/plain", Text = string.Join("\n", pages), Cookies = cookies };
                default:
                    throw new OdooServerError("werkzeug.exceptions.HTTPException", $"Converter {converter} not implemented.");
            }
        }
        catch (OdooServerError error)
        {
            record.ErrorName = error.Name;
            var (status, html) = error.Name switch
            {
                "odoo.exceptions.AccessError" => (403, Html.FrontendError403(error.Message)),
                "odoo.exceptions.UserError" or "odoo.exceptions.MissingError" or "odoo.exceptions.ValidationError" => (400, Html.FrontendError400(error.Message)),
                _ => (500, Html.FrontendError500),
            };
            return new Reply { Status = status, ContentType = "text/html;charset=utf-8", Text = html, Cookies = cookies };
        }
    }

    private static Row? ReportByXmlId(Store store, ModelTable reports, string reference)
    {
        var dot = reference.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return null;
        var data = store.Schema.Table("ir.model.data");
        foreach (var row in data.Ordered)
        {
            if (Equals(row.Values[data.Field("module")!.Slot], reference[..dot]) && Equals(row.Values[data.Field("name")!.Slot], reference[(dot + 1)..])
                && Equals(row.Values[data.Field("model")!.Slot], "ir.actions.report") && row.Values[data.Field("res_id")!.Slot] is { } id and not false)
                return reports.Rows.GetValueOrDefault(Convert.ToInt32(id, CultureInfo.InvariantCulture));
        }
        return null;
    }
}

/// <summary>A small, valid PDF: one page of text per printed record.</summary>
internal static class Pdf
{
    public static byte[] Render(IReadOnlyList<string> pages)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(" ", pages.Select((_, i) => $"{4 + (2 * i)} 0 R"))}] /Count {pages.Count} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        for (var i = 0; i < pages.Count; i++)
        {
            var content = $"BT /F1 12 Tf 56 780 Td ({Escape(pages[i])}) Tj ET";
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + (2 * i)} 0 R >>");
            objects.Add($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
        }
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(sb.Length);
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = sb.Length;
        sb.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) sb.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        sb.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '(' or ')') sb.Append('\\').Append(c);
            else sb.Append(c is >= ' ' and <= '~' ? c : '?');
        }
        return sb.ToString();
    }
}
