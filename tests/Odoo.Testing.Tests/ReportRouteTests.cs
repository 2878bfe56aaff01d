using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Odoo.Testing.Tests;

/// <summary>
/// The report routes and the db service on the wire, compared with what a real Odoo 18 answered (recorded with curl on
/// a server with the account module: see docs/reports-and-databases.md).
/// </summary>
public sealed class ReportRouteTests
{
    private static async Task<(OdooTestServer Server, HttpClient Http)> StartAsync(bool login = true)
    {
        var server = await OdooTestServer.StartAsync();
        server.DefineModel(new OdooModelSchema("account.move", "Journal Entry").Char("name", "Number").Selection("move_type", ["entry", "out_invoice"], "Type"));
        var http = Rpc.Client(server, cookies: true);
        if (login)
            await Rpc.PostAsync(http, "/web/session/authenticate", $$"""{"jsonrpc":"2.0","method":"call","params":{"db":"{{server.Database}}","login":"admin","password":"admin"},"id":1}""");
        return (server, http);
    }

    [Fact]
    public async Task Without_a_session_the_route_redirects_to_the_login_page_as_odoo_does()
    {
        var (server, http) = await StartAsync(login: false);
        await using var _ = server;
        using var __ = http;
        using var response = await http.GetAsync("/report/pdf/account.report_invoice/1");
        // Real Odoo 18: 303 SEE OTHER, Location: /web/login?redirect=%2Freport%2Fpdf%2Faccount.report_invoice%2F1%3F
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/web/login?redirect=%2Freport%2Fpdf%2Faccount.report_invoice%2F1%3F", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_pdf_answers_application_pdf_with_its_length_and_the_session_cookie_again()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        using var __ = http;
        var id = server.Create("account.move", new { name = "INV/7", move_type = "out_invoice" });
        using var response = await http.GetAsync($"/report/pdf/account.report_invoice_with_payments/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.StartsWith("%PDF-1.4\n", Encoding.ASCII.GetString(bytes));
        Assert.Contains("session_id=", string.Join(";", response.Headers.GetValues("Set-Cookie")));
    }

    [Fact]
    public async Task The_failures_are_odoo_18s_frontend_error_pages()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        using var __ = http;

        // Real Odoo 18: an unknown report is a ValueError, the 500 page without a message.
        using (var unknown = await http.GetAsync("/report/pdf/account.nope_report/1"))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, unknown.StatusCode);
            Assert.Equal(("text/html", "utf-8"), (unknown.Content.Headers.ContentType!.MediaType, unknown.Content.Headers.ContentType.CharSet));
            Assert.Contains("500: Internal Server Error", await unknown.Content.ReadAsStringAsync());
        }

        // Real Odoo 18: 400, "<strong>Error message:</strong>\n<pre>Record does not exist or has been deleted.\n(Record: account.move(999999999,), User: 2)</pre>"
        using (var missing = await http.GetAsync("/report/pdf/account.report_invoice_with_payments/999999999"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            var page = await missing.Content.ReadAsStringAsync();
            Assert.Contains("<strong>Error message:</strong>\n            <pre>Record does not exist or has been deleted.\n(Record: account.move(999999999,), User: 2)</pre>", page);
        }

        server.PdfRenderingAvailable = false;
        var id = server.Create("account.move", new { name = "INV/8", move_type = "out_invoice" });
        using (var nopdf = await http.GetAsync($"/report/pdf/account.report_invoice/{id}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nopdf.StatusCode);
            Assert.Contains("<pre>Unable to find Wkhtmltopdf on this system. The PDF can not be created.</pre>", await nopdf.Content.ReadAsStringAsync());
        }
        // HTML rendering does not need wkhtmltopdf.
        using (var html = await http.GetAsync($"/report/html/account.report_invoice/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            Assert.Contains("INV/8", await html.Content.ReadAsStringAsync());
        }

        server.DenyAccess("account.move", OdooOperation.Read, server.AdminUid, "Invoicing / Billing");
        using var denied = await http.GetAsync($"/report/pdf/account.report_invoice/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var deniedPage = await denied.Content.ReadAsStringAsync();
        Assert.Contains("403: Forbidden", deniedPage);
        Assert.Contains("You are not allowed to access &#39;Journal Entry&#39; (account.move) records.", deniedPage);
    }

    [Fact]
    public async Task The_report_models_hold_odoo_18s_invoice_reports_and_their_xml_ids()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        using var __ = http;
        var reports = await Rpc.CallAsync(http, server, "ir.actions.report", "search_read", [new JsonArray()], new JsonObject { ["fields"] = new JsonArray("name", "report_name", "report_type", "model") });
        Assert.Equal(
            ["PDF|account.report_invoice_with_payments|qweb-pdf|account.move", "PDF without Payment|account.report_invoice|qweb-pdf|account.move"],
            reports!.AsArray().Select(r => $"{r!["name"]}|{r["report_name"]}|{r["report_type"]}|{r["model"]}"));
        var xmlIds = await Rpc.CallAsync(http, server, "ir.model.data", "search_read", [new JsonArray()], new JsonObject { ["fields"] = new JsonArray("module", "name", "model") });
        Assert.Equal(["account.account_invoices", "account.account_invoices_without_payment"], xmlIds!.AsArray().Select(r => $"{r!["module"]}.{r["name"]}").Order());
    }
}
