using System.Globalization;
using System.Net;
using System.Text.Json;
using Odoo.Domains;
using Odoo.Transport;

namespace Odoo.Reports;

/// <summary>
/// Odoo's reports (OdooRPC's <c>report</c> service): lists them (<c>ir.actions.report</c>) and renders them to PDF
/// through the authenticated web session, as the browser does: <c>GET /report/pdf/&lt;report_name&gt;/&lt;id,id,...&gt;</c>
/// (the route of Odoo 11 to 19). Get it from <see cref="OdooClient.Reports"/>.
/// </summary>
/// <remarks>
/// <para>The report route needs a web session cookie. A client that logged in with a password has one (or opens one
/// on first use when <see cref="OdooClientOptions.UseWebSession"/> is off); an API key cannot open one, so rendering
/// then throws <see cref="OdooWebSessionRequiredException"/> (JSON-2 included). Listing works with any credentials.</para>
/// <para>Errors: an unknown report is <see cref="OdooReportNotFoundException"/>; records the user may not read are
/// <see cref="OdooAccessException"/>; records that do not exist are <see cref="OdooMissingRecordException"/>; a server
/// without <c>wkhtmltopdf</c> is <see cref="OdooPdfRenderingUnavailableException"/>.</para>
/// </remarks>
public sealed class OdooReports
{
    private const string ReportModel = "ir.actions.report";
    private static readonly string[] ReportFields = ["name", "report_name", "report_type", "model"];

    private readonly OdooClient _client;

    internal OdooReports(OdooClient client) => _client = client;

    /// <summary>
    /// Lists the reports of a model (one <c>search_read</c> on <c>ir.actions.report</c>), ordered by name.
    /// </summary>
    /// <param name="model">The model, for example <c>account.move</c>; <see langword="null"/> for every report.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reports (empty when the model has none).</returns>
    public async Task<IReadOnlyList<OdooReport>> ListAsync(string? model = null, CancellationToken cancellationToken = default)
    {
        if (model is not null) ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var rows = await _client.Model(ReportModel).SearchReadAsync(
            model is null ? OdooDomain.All : OdooDomain.Equal("model", model), ReportFields, "name, id",
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var reports = new List<OdooReport>(rows.Count);
        foreach (var row in rows)
        {
            reports.Add(new OdooReport(
                row.GetProperty("id").GetInt32(),
                Text(row, "name"),
                Text(row, "report_name"),
                Text(row, "report_type"),
                Text(row, "model")));
        }
        return reports;
    }

    private static string Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;

    /// <summary>Renders a report for records to PDF and returns the file's bytes.</summary>
    /// <param name="reportName">The report's technical name (<see cref="OdooReport.ReportName"/>), for example <c>account.report_invoice</c>; an XML id such as <c>account.account_invoices</c> also works.</param>
    /// <param name="ids">The records to print (at least one; all of the report's model). Several ids give one PDF.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The PDF (it starts with <c>%PDF</c>).</returns>
    /// <exception cref="OdooReportNotFoundException">No report has that name.</exception>
    /// <exception cref="OdooAccessException">The user may not read the records.</exception>
    /// <exception cref="OdooMissingRecordException">A record does not exist.</exception>
    /// <exception cref="OdooPdfRenderingUnavailableException">The server has no <c>wkhtmltopdf</c>.</exception>
    /// <exception cref="OdooWebSessionRequiredException">The client cannot open a web session (API key, JSON-2).</exception>
    /// <exception cref="OdooServerException">Odoo answered an empty PDF (<see cref="OdooServerException.ExceptionName"/> <c>EmptyPdf</c>).</exception>
    public async Task<byte[]> RenderPdfAsync(string reportName, IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await RenderPdfAsync(reportName, ids, buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Renders a report for records to PDF, writing the file to <paramref name="destination"/> as it arrives.</summary>
    /// <param name="reportName">The report's technical name (<see cref="OdooReport.ReportName"/>).</param>
    /// <param name="ids">The records to print (at least one).</param>
    /// <param name="destination">Where the PDF goes (not closed). Nothing is written when Odoo refuses.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="OdooReportNotFoundException">No report has that name.</exception>
    /// <exception cref="OdooAccessException">The user may not read the records.</exception>
    /// <exception cref="OdooMissingRecordException">A record does not exist.</exception>
    /// <exception cref="OdooPdfRenderingUnavailableException">The server has no <c>wkhtmltopdf</c>.</exception>
    /// <exception cref="OdooWebSessionRequiredException">The client cannot open a web session (API key, JSON-2).</exception>
    /// <exception cref="OdooServerException">Odoo answered an empty PDF (<see cref="OdooServerException.ExceptionName"/> <c>EmptyPdf</c>).</exception>
    public Task RenderPdfAsync(string reportName, IEnumerable<int> ids, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite) throw new ArgumentException("The destination stream is not writable.", nameof(destination));
        return RenderCoreAsync(CheckName(reportName), CheckIds(ids), destination, cancellationToken);
    }

    /// <summary>Renders a report for records to a PDF file (created or overwritten; removed again when Odoo refuses).</summary>
    /// <param name="reportName">The report's technical name (<see cref="OdooReport.ReportName"/>).</param>
    /// <param name="ids">The records to print (at least one).</param>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="OdooReportNotFoundException">No report has that name.</exception>
    /// <exception cref="OdooAccessException">The user may not read the records.</exception>
    /// <exception cref="OdooMissingRecordException">A record does not exist.</exception>
    /// <exception cref="OdooPdfRenderingUnavailableException">The server has no <c>wkhtmltopdf</c>.</exception>
    /// <exception cref="OdooWebSessionRequiredException">The client cannot open a web session (API key, JSON-2).</exception>
    /// <exception cref="OdooServerException">Odoo answered an empty PDF (<see cref="OdooServerException.ExceptionName"/> <c>EmptyPdf</c>).</exception>
    public async Task RenderPdfToFileAsync(string reportName, IEnumerable<int> ids, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = CheckName(reportName);
        var list = CheckIds(ids);
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var ok = false;
        try
        {
            await using (file.ConfigureAwait(false))
            {
                await RenderCoreAsync(name, list, file, cancellationToken).ConfigureAwait(false);
            }
            ok = true;
        }
        finally
        {
            if (!ok) File.Delete(path);
        }
    }

    private static string CheckName(string reportName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reportName);
        if (reportName.Contains('/') || reportName.Contains('?') || reportName.Contains('#'))
            throw new ArgumentException($"'{reportName}' is not a report name: a report's technical name (ir.actions.report report_name) such as 'account.report_invoice' has no '/', '?' or '#'.", nameof(reportName));
        return reportName;
    }

    private static int[] CheckIds(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.ToArray();
        if (list.Length == 0) throw new ArgumentException("Pass at least one record id to print.", nameof(ids));
        foreach (var id in list)
        {
            if (id <= 0) throw new ArgumentOutOfRangeException(nameof(ids), id, "Record ids are positive.");
        }
        return list;
    }

    private async Task RenderCoreAsync(string reportName, int[] ids, Stream destination, CancellationToken cancellationToken)
    {
        var info = new CallInfo($"Rendering report '{reportName}' for {DescribeIds(ids)} (GET /report/pdf)", ReportModel, "report/pdf", ids);
        if (_client.Transport is not JsonRpcTransport rpc)
        {
            throw new OdooWebSessionRequiredException(
                $"{info.Description} needs a web session: Odoo's report routes accept only a session cookie, and this client uses JSON-2 with an API key, which cannot open one. Connect with a login and password over JSON-RPC (Protocol = OdooProtocol.JsonRpc) to render reports.")
            { Model = ReportModel, Method = "report/pdf", Ids = ids };
        }
        if (!await rpc.EnsureWebSessionAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new OdooWebSessionRequiredException(
                $"{info.Description} needs a web session, and Odoo refused to open one for '{_client.Database}': the client holds an API key (Odoo opens web sessions only for a password) or the user has two-factor authentication. Connect with the user's password to render reports.")
            { Model = ReportModel, Method = "report/pdf", Ids = ids };
        }
        var path = "report/pdf/" + Uri.EscapeDataString(reportName) + "/" + string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var http = rpc.Http;
        for (var attempt = 0; ; attempt++)
        {
            var generation = rpc.SessionGeneration;
            using var response = await http.SendStreamingAsync(HttpMethod.Get, path, null, "application/pdf", info, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location && location.OriginalString.Contains("/web/login", StringComparison.Ordinal))
            {
                // auth='user': Odoo sends a visitor without a valid session to the login page. Open the session again, once.
                if (attempt == 0 && rpc.UsesSession)
                {
                    await rpc.RenewWebSessionAsync(generation, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (attempt == 0 && await rpc.EnsureWebSessionAgainAsync(cancellationToken).ConfigureAwait(false)) continue;
                throw new OdooSessionExpiredException("odoo.http.SessionExpiredException", "redirected to /web/login",
                    http.Redactor.Redact($"{info.Description} failed: Odoo at {http.BaseUrl} sent the request to its login page (HTTP {status}): the web session of '{_client.Database}' is not valid and could not be opened again."))
                { HttpStatus = status, Model = ReportModel, Method = "report/pdf", Ids = ids };
            }
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (status == 200 && string.Equals(mediaType, "application/pdf", StringComparison.OrdinalIgnoreCase))
            {
                if (response.Content.Headers.ContentLength == 0)
                {
                    // Odoo sends Content-Length with every PDF; 0 bytes is a rendering that failed without an error page.
                    throw new OdooServerException("EmptyPdf", "",
                        http.Redactor.Redact($"{info.Description} failed: Odoo at {http.BaseUrl} answered an empty PDF (HTTP 200, 0 bytes). Odoo 18 with Debian's wkhtmltopdf does so when a record is printed twice in one call; print each record once (or one record per call)."))
                    { HttpStatus = status, Model = ReportModel, Method = "report/pdf", Ids = ids };
                }
                await http.CopyBodyAsync(response, destination, info, cancellationToken).ConfigureAwait(false);
                return;
            }
            var page = await OdooHttpConnection.ReadTextAsync(response, 256 * 1024, cancellationToken).ConfigureAwait(false);
            throw await ErrorAsync(reportName, ids, info, status, response.ReasonPhrase, mediaType, page, http, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<OdooException> ErrorAsync(string reportName, int[] ids, CallInfo info, int status, string? reason, string? mediaType,
        string page, OdooHttpConnection http, CancellationToken cancellationToken)
    {
        var redactor = http.Redactor;
        var serverMessage = redactor.Redact(OdooHtmlError.Extract(page) ?? "");
        var said = serverMessage.Length > 0 ? ": " + serverMessage : "";
        switch (status)
        {
            case 403:
                return new OdooAccessException("odoo.exceptions.AccessError", serverMessage,
                    redactor.Redact($"{info.Description} failed (HTTP 403 AccessError): the user may not read the records{said}"))
                { HttpStatus = status, Model = ReportModel, Method = "report/pdf", Ids = ids };
            case 400 when serverMessage.Contains("wkhtmltopdf", StringComparison.OrdinalIgnoreCase):
                return new OdooPdfRenderingUnavailableException("odoo.exceptions.UserError", serverMessage,
                    redactor.Redact($"{info.Description} failed (HTTP 400 UserError): Odoo at {http.BaseUrl} cannot render PDF files{said}. Odoo renders PDFs with the wkhtmltopdf program: install it on the server (Debian: apt-get install wkhtmltopdf) and restart Odoo, which looks for it when it starts."))
                { HttpStatus = status, ReportName = reportName, Model = ReportModel, Method = "report/pdf", Ids = ids };
            case 400 when serverMessage.Contains("does not exist or has been deleted", StringComparison.OrdinalIgnoreCase):
                return new OdooMissingRecordException("odoo.exceptions.MissingError", serverMessage,
                    redactor.Redact($"{info.Description} failed (HTTP 400 MissingError){said}"))
                { HttpStatus = status, Model = ReportModel, Method = "report/pdf", Ids = ids };
            case 400:
                return new OdooUserException("odoo.exceptions.UserError", serverMessage,
                    redactor.Redact($"{info.Description} failed (HTTP 400 UserError){said}"))
                { HttpStatus = status, Model = ReportModel, Method = "report/pdf", Ids = ids };
        }
        if (status is 500 or 404 && await ReportExistsAsync(reportName, cancellationToken).ConfigureAwait(false) == false)
        {
            return new OdooReportNotFoundException("ValueError", $"Fetching report '{reportName}': report not found",
                redactor.Redact($"{info.Description} failed (HTTP {status}): database '{_client.Database}' has no report named '{reportName}' (ir.actions.report report_name or XML id). List a model's reports with client.Reports.ListAsync(model); the invoice reports are 'account.report_invoice_with_payments' and 'account.report_invoice'."))
            { HttpStatus = status, ReportName = reportName, Model = ReportModel, Method = "report/pdf", Ids = ids };
        }
        if (status == 200)
        {
            return new OdooProtocolException(redactor.Redact(
                $"{info.Description}: Odoo at {http.BaseUrl} answered HTTP 200 with {mediaType ?? "no Content-Type"} instead of a PDF{said}. Is the report a PDF report (report_type qweb-pdf)?"))
            { BodyExcerpt = serverMessage, Model = ReportModel, Method = "report/pdf", Ids = ids };
        }
        return new OdooServerException(status == 500 ? "InternalServerError" : "HTTP " + status, serverMessage,
            redactor.Redact($"{info.Description} failed: Odoo at {http.BaseUrl} answered HTTP {status} {reason}{said}. Odoo's log has the cause."))
        { HttpStatus = status, Model = ReportModel, Method = "report/pdf", Ids = ids };
    }

    /// <summary>Whether a report of that technical name or XML id exists; <see langword="null"/> when the user may not look.</summary>
    private async Task<bool?> ReportExistsAsync(string reportName, CancellationToken cancellationToken)
    {
        try
        {
            var byName = await _client.Model(ReportModel).SearchCountAsync(OdooDomain.Equal("report_name", reportName), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (byName > 0) return true;
            var dot = reportName.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == reportName.Length - 1) return false;
            var byXmlId = await _client.Model("ir.model.data").SearchCountAsync(OdooDomain.And(
                OdooDomain.Equal("module", reportName[..dot]),
                OdooDomain.Equal("name", reportName[(dot + 1)..]),
                OdooDomain.Equal("model", ReportModel)), cancellationToken: cancellationToken).ConfigureAwait(false);
            return byXmlId > 0;
        }
        catch (OdooServerException)
        {
            return null;
        }
    }

    private static string DescribeIds(int[] ids) =>
        ids.Length == 1 ? "record " + ids[0].ToString(CultureInfo.InvariantCulture)
        : ids.Length <= 10 ? "records " + string.Join(", ", ids)
        : $"{ids.Length} records";
}

/// <summary>The error text of Odoo's HTML error pages (report routes, database manager).</summary>
internal static class OdooHtmlError
{
    /// <summary>
    /// The message of an Odoo error page: the <c>&lt;pre&gt;</c> after "Error message:" (website error pages), the
    /// database manager's <c>alert-danger</c> box, or the page title; decoded, white space collapsed, at most 1000
    /// characters. <see langword="null"/> when the page holds none.
    /// </summary>
    public static string? Extract(string page)
    {
        if (string.IsNullOrEmpty(page)) return null;
        var text = After(page, "Error message:", "<pre>", "</pre>")
            ?? After(page, "alert-danger", ">", "</div>")
            ?? After(page, "<title>", "", "</title>");
        if (text is null) return null;
        text = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]+>", " ");
        text = WebUtility.HtmlDecode(text);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
        if (text.Length > 1000) text = text[..1000] + "...";
        return text.Length == 0 ? null : text;
    }

    private static string? After(string page, string marker, string open, string close)
    {
        var at = page.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return null;
        at += marker.Length;
        if (open.Length > 0)
        {
            var o = page.IndexOf(open, at, StringComparison.Ordinal);
            if (o < 0 || o - at > 400) return null;
            at = o + open.Length;
        }
        var end = page.IndexOf(close, at, StringComparison.Ordinal);
        return end < 0 ? null : page[at..end];
    }
}
