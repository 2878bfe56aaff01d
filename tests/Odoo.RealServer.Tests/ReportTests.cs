using System.Text;
using Odoo.Models.OpenStack;
using Odoo.Values;

namespace Odoo.RealServer.Tests;

/// <summary>Reports on the real server: listing <c>ir.actions.report</c>, rendering a posted invoice with wkhtmltopdf, and the typed errors.</summary>
[Collection(RealOdooCollection.Name)]
public sealed class ReportTests(RealOdooFixture fixture)
{
    private OpenStackOdooClient Odoo => fixture.Odoo;

    private async Task<int> PostedInvoiceAsync(Cleanup cleanup)
    {
        var t = new Targets(Odoo, cleanup);
        var id = cleanup.Add("account.move", await Odoo.AccountMoves.CreateAsync(new OdooValues
        {
            ["MoveType"] = AccountMoveType.OutInvoice, ["partner_id"] = await t.Partner(), ["InvoiceDate"] = DateOnly.FromDateTime(DateTime.UtcNow),
            ["InvoiceLines"] = new[] { OdooCommand.Create(new OdooValues { ["Name"] = RealOdoo.Name("report line"), ["Quantity"] = 2.0, ["PriceUnit"] = 21.5, ["Taxes"] = OdooCommand.Clear() }) },
        }));
        await Odoo.AccountMoves.ActionPostAsync(id);
        return id;
    }

    [Fact]
    public async Task The_invoice_reports_of_account_move_are_listed()
    {
        var reports = await Odoo.Client.Reports.ListAsync("account.move");
        var invoice = Assert.Single(reports, r => r.ReportName == AccountMoveManager.InvoiceReportName);
        Assert.Equal("qweb-pdf", invoice.ReportType);
        Assert.True(invoice.IsPdf);
        Assert.Equal("account.move", invoice.Model);
        Assert.Contains(reports, r => r.ReportName == "account.report_invoice");
        Assert.All(reports, r => Assert.Equal("account.move", r.Model));
    }

    [Fact]
    public async Task A_posted_invoice_renders_to_a_pdf_as_bytes_stream_and_file()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var id = await PostedInvoiceAsync(cleanup);
        var move = await Odoo.AccountMoves.GetAsync(id);

        var pdf = await Odoo.AccountMoves.DownloadInvoicePdfAsync(move);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.True(pdf.Length > 1000, $"a PDF of {pdf.Length} bytes");

        using var stream = new MemoryStream();
        await Odoo.Client.Reports.RenderPdfAsync("account.report_invoice", [id], stream);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(stream.GetBuffer(), 0, 4));

        var path = Path.Combine(Path.GetTempPath(), $"{RealOdoo.Run}-invoice.pdf");
        try
        {
            await Odoo.Client.Reports.RenderPdfToFileAsync(AccountMoveManager.InvoiceReportName, [id], path);
            var head = new byte[4];
            await using (var file = File.OpenRead(path)) await file.ReadExactlyAsync(head);
            Assert.Equal("%PDF", Encoding.ASCII.GetString(head));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_invoice_printed_twice_in_one_call_is_a_typed_error_not_an_empty_pdf()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var id = await PostedInvoiceAsync(cleanup);

        // Odoo 18 with Debian's wkhtmltopdf answers 200, application/pdf, Content-Length 0.
        var e = await Assert.ThrowsAsync<OdooServerException>(() => Odoo.Client.Reports.RenderPdfAsync(AccountMoveManager.InvoiceReportName, [id, id]));
        Assert.Equal("EmptyPdf", e.ExceptionName);
        Assert.Equal(200, e.HttpStatus);
    }

    [Fact]
    public async Task A_client_without_a_web_session_opens_one_for_the_report()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var id = await PostedInvoiceAsync(cleanup);
        var options = RealOdoo.Options();
        options.UseWebSession = false;
        await using var client = await OdooClient.ConnectAsync(options);
        var pdf = await client.Reports.RenderPdfAsync(AccountMoveManager.InvoiceReportName, [id]);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
    }

    [Fact]
    public async Task An_unknown_report_is_a_typed_error_naming_it()
    {
        var e = await Assert.ThrowsAsync<OdooReportNotFoundException>(() => Odoo.Client.Reports.RenderPdfAsync("account.no_such_report_rep17", [1]));
        Assert.Equal("account.no_such_report_rep17", e.ReportName);
        Assert.Contains("'account.no_such_report_rep17'", e.Message);
        Assert.Contains($"'{RealOdoo.Database}'", e.Message);
    }

    [Fact]
    public async Task An_invoice_that_does_not_exist_is_a_missing_record_error()
    {
        var e = await Assert.ThrowsAsync<OdooMissingRecordException>(() => Odoo.AccountMoves.DownloadInvoicePdfAsync(999_999_999));
        Assert.Contains("does not exist", e.Message);
        Assert.Equal([999_999_999], e.Ids);
    }

    [Fact]
    public async Task A_user_who_may_not_read_invoices_gets_an_access_error()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var id = await PostedInvoiceAsync(cleanup);
        var (_, login, password) = await Support.UserAsync(Odoo, cleanup, "noinvoices", "base.group_user");
        await using var user = await OdooClient.ConnectAsync(RealOdoo.Options(login, password));
        var e = await Assert.ThrowsAsync<OdooAccessException>(() => user.Reports.RenderPdfAsync(AccountMoveManager.InvoiceReportName, [id]));
        Assert.Equal(403, e.HttpStatus);
        Assert.Contains("account.move", e.Message);
        Assert.DoesNotContain(password, e.ToString());
    }
}
