using System.Text;
using System.Text.RegularExpressions;
using Odoo.Reports;
using Odoo.Testing;

namespace Odoo.Runtime.Tests.Reports;

/// <summary>The report client (<c>client.Reports</c>) against the in-memory Odoo's report routes.</summary>
public sealed class ReportClientTests : IAsyncLifetime
{
    private const string InvoiceReport = "account.report_invoice_with_payments";
    private OdooTestServer _server = null!;
    private OdooClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await OdooTestServer.StartAsync();
        _server.DefineModel(new OdooModelSchema("account.move", "Journal Entry")
            .Char("name", "Number")
            .Selection("move_type", ["entry", "out_invoice", "out_refund", "in_invoice"], "Type", configure: f => f.Default = "entry"));
        _client = await OdooClient.ConnectAsync(Options(_server.Username, _server.Password));
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    private OdooClientOptions Options(string login, string password) => new()
    {
        Url = _server.BaseUrl,
        Database = _server.Database,
        Username = login,
        Password = password,
        Timeout = TimeSpan.FromSeconds(10),
        RetryDelay = TimeSpan.FromMilliseconds(1),
    };

    private int Invoice(string name) => _server.Create("account.move", new { name, move_type = "out_invoice" });

    private static string Text(byte[] pdf) => Encoding.ASCII.GetString(pdf);

    private static int PageCount(byte[] pdf) => int.Parse(Regex.Match(Text(pdf), @"/Type /Pages /Kids \[[^\]]*\] /Count (\d+)").Groups[1].Value);

    [Fact]
    public async Task The_reports_of_a_model_are_listed_with_name_technical_name_type_and_model()
    {
        _server.RegisterReport("base.report_partner_card", "res.partner", "Partner card", xmlId: "base.action_partner_card");

        var invoices = await _client.Reports.ListAsync("account.move");
        Assert.Equal(
            [new OdooReport(invoices[0].Id, "PDF", InvoiceReport, "qweb-pdf", "account.move"), new OdooReport(invoices[1].Id, "PDF without Payment", "account.report_invoice", "qweb-pdf", "account.move")],
            invoices);
        Assert.All(invoices, r => Assert.True(r.IsPdf));

        var partner = Assert.Single(await _client.Reports.ListAsync("res.partner"));
        Assert.Equal(("Partner card", "base.report_partner_card"), (partner.Name, partner.ReportName));
        Assert.Equal(3, (await _client.Reports.ListAsync()).Count);
        Assert.Empty(await _client.Reports.ListAsync("res.country"));
    }

    [Fact]
    public async Task An_invoice_renders_to_pdf_bytes_a_stream_and_a_file()
    {
        var id = Invoice("INV/2026/00042");

        var pdf = await _client.Reports.RenderPdfAsync(InvoiceReport, [id]);
        Assert.StartsWith("%PDF-", Text(pdf));
        Assert.EndsWith("%%EOF\n", Text(pdf));
        Assert.Contains("INV/2026/00042", Text(pdf));
        Assert.Equal(1, PageCount(pdf));

        using var stream = new MemoryStream();
        await _client.Reports.RenderPdfAsync("account.report_invoice", [id], stream);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(stream.ToArray()));

        var path = Path.Combine(Path.GetTempPath(), $"odoogen-report-{Guid.NewGuid():N}.pdf");
        try
        {
            await _client.Reports.RenderPdfToFileAsync(InvoiceReport, [id], path);
            Assert.Equal(pdf, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            File.Delete(path);
        }

        var requests = _server.Requests.Where(r => r.Path.StartsWith("/report/", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"/report/pdf/{InvoiceReport}/{id}", $"/report/pdf/account.report_invoice/{id}", $"/report/pdf/{InvoiceReport}/{id}"], requests.Select(r => r.Path));
        Assert.All(requests, r => Assert.True(r.AuthenticatedSession && r.StatusCode == 200 && r.Model == "account.move" && r.Method == "report/pdf"));
    }

    [Fact]
    public async Task Several_records_render_into_one_pdf_with_a_page_each_and_an_xml_id_names_the_report_too()
    {
        var first = Invoice("INV/1");
        var second = Invoice("INV/2");
        var pdf = await _client.Reports.RenderPdfAsync("account.account_invoices", [first, second]);
        Assert.Equal(2, PageCount(pdf));
        Assert.Contains("INV/1", Text(pdf));
        Assert.Contains("INV/2", Text(pdf));
    }

    [Fact]
    public async Task An_unknown_report_is_a_typed_error_naming_it_and_the_database()
    {
        var e = await Assert.ThrowsAsync<OdooReportNotFoundException>(() => _client.Reports.RenderPdfAsync("account.no_such_report", [1]));
        Assert.Equal("account.no_such_report", e.ReportName);
        Assert.Equal(500, e.HttpStatus);
        Assert.Contains("'account.no_such_report'", e.Message);
        Assert.Contains($"'{_server.Database}'", e.Message);
    }

    [Fact]
    public async Task A_record_that_does_not_exist_is_a_missing_record_error()
    {
        var e = await Assert.ThrowsAsync<OdooMissingRecordException>(() => _client.Reports.RenderPdfAsync(InvoiceReport, [999_999]));
        Assert.Equal(400, e.HttpStatus);
        Assert.Equal([999_999], e.Ids);
        Assert.Contains("Record does not exist or has been deleted.", e.Message);
        Assert.Contains("account.move(999999,)", e.Message);
    }

    [Fact]
    public async Task A_journal_entry_is_refused_by_the_invoice_report()
    {
        var entry = _server.Create("account.move", new { name = "MISC/1", move_type = "entry" });
        var e = await Assert.ThrowsAsync<OdooUserException>(() => _client.Reports.RenderPdfAsync(InvoiceReport, [entry]));
        Assert.Contains("Only invoices could be printed.", e.Message);
    }

    [Fact]
    public async Task A_user_who_may_not_read_the_records_gets_an_access_error_without_the_password()
    {
        var id = Invoice("INV/9");
        var user = _server.AddUser(new OdooTestUserDefinition("clerk", "clerk-secret-pw-7731"));
        _server.DenyAccess("account.move", OdooOperation.Read, user.Uid, "Invoicing / Billing");
        await using var clerk = await OdooClient.ConnectAsync(Options(user.Login, user.Password));

        var e = await Assert.ThrowsAsync<OdooAccessException>(() => clerk.Reports.RenderPdfAsync(InvoiceReport, [id]));
        Assert.Equal(403, e.HttpStatus);
        Assert.Contains("(account.move)", e.Message);
        Assert.DoesNotContain("clerk-secret-pw-7731", e.ToString());
    }

    [Fact]
    public async Task A_server_without_wkhtmltopdf_is_a_typed_error_and_leaves_no_file()
    {
        var id = Invoice("INV/3");
        _server.PdfRenderingAvailable = false;
        var path = Path.Combine(Path.GetTempPath(), $"odoogen-report-{Guid.NewGuid():N}.pdf");

        var e = await Assert.ThrowsAsync<OdooPdfRenderingUnavailableException>(() => _client.Reports.RenderPdfToFileAsync(InvoiceReport, [id], path));
        Assert.Equal(InvoiceReport, e.ReportName);
        Assert.Contains("Unable to find Wkhtmltopdf on this system", e.Message);
        Assert.Contains("apt-get install wkhtmltopdf", e.Message);
        Assert.False(File.Exists(path));

        _server.PdfRenderingAvailable = true;
        Assert.StartsWith("%PDF", Text(await _client.Reports.RenderPdfAsync(InvoiceReport, [id])));
    }

    [Fact]
    public async Task An_empty_pdf_is_a_typed_error_not_an_empty_file()
    {
        var id = Invoice("INV/4");
        var path = Path.Combine(Path.GetTempPath(), $"odoogen-report-{Guid.NewGuid():N}.pdf");

        // The same record twice: Odoo 18 with Debian's wkhtmltopdf answers 200, application/pdf, 0 bytes.
        var e = await Assert.ThrowsAsync<OdooServerException>(() => _client.Reports.RenderPdfAsync(InvoiceReport, [id, id]));
        Assert.Equal("EmptyPdf", e.ExceptionName);
        Assert.Contains("empty PDF", e.Message);
        Assert.Equal([id, id], e.Ids);
        using var stream = new MemoryStream();
        await Assert.ThrowsAsync<OdooServerException>(() => _client.Reports.RenderPdfAsync(InvoiceReport, [id, id], stream));
        Assert.Equal(0, stream.Length);
        await Assert.ThrowsAsync<OdooServerException>(() => _client.Reports.RenderPdfToFileAsync(InvoiceReport, [id, id], path));
        Assert.False(File.Exists(path));

        Assert.StartsWith("%PDF", Text(await _client.Reports.RenderPdfAsync(InvoiceReport, [id])));
    }

    [Fact]
    public async Task A_client_without_a_web_session_opens_one_for_the_report()
    {
        var id = Invoice("INV/4");
        var options = Options(_server.Username, _server.Password);
        options.UseWebSession = false;
        await using var client = await OdooClient.ConnectAsync(options);
        _server.ClearRequests();

        var pdf = await client.Reports.RenderPdfAsync(InvoiceReport, [id]);

        Assert.StartsWith("%PDF", Text(pdf));
        Assert.Equal(["/web/session/authenticate", $"/report/pdf/{InvoiceReport}/{id}"], _server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task An_api_key_cannot_open_the_web_session_reports_need()
    {
        var id = Invoice("INV/5");
        var options = Options(_server.Username, _server.ApiKey);
        await using var client = await OdooClient.ConnectAsync(options);

        var e = await Assert.ThrowsAsync<OdooWebSessionRequiredException>(() => client.Reports.RenderPdfAsync(InvoiceReport, [id]));
        Assert.Contains("web session", e.Message);
        Assert.DoesNotContain(_server.ApiKey, e.ToString());
        Assert.DoesNotContain(_server.Requests, r => r.Path.StartsWith("/report/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json2_cannot_render_reports()
    {
        await using var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { Version = "19.0" });
        await using var client = await OdooClient.ConnectAsync(new OdooClientOptions
        {
            Url = server.BaseUrl, Database = server.Database, Username = server.Username, ApiKey = server.ApiKey, Protocol = OdooProtocol.Json2,
        });
        var e = await Assert.ThrowsAsync<OdooWebSessionRequiredException>(() => client.Reports.RenderPdfAsync(InvoiceReport, [1]));
        Assert.Contains("JSON-2", e.Message);
    }

    [Fact]
    public async Task Bad_arguments_fail_before_any_request()
    {
        _server.ClearRequests();
        await Assert.ThrowsAsync<ArgumentException>(() => _client.Reports.RenderPdfAsync("account/report", [1]));
        await Assert.ThrowsAsync<ArgumentException>(() => _client.Reports.RenderPdfAsync(InvoiceReport, []));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.Reports.RenderPdfAsync(InvoiceReport, [0]));
        Assert.Empty(_server.Requests);
    }
}
