using System.Text;

namespace Odoo.Models.OpenStack.Tests;

/// <summary><c>odoo.AccountMoves.DownloadInvoicePdfAsync</c> against the in-memory Odoo's report route.</summary>
public sealed class InvoicePdfTests : IAsyncLifetime
{
    private TestOdoo _t = null!;

    public async Task InitializeAsync() => _t = await TestOdoo.StartAsync();

    public async Task DisposeAsync() => await _t.DisposeAsync();

    private int Move(string name, string moveType = "out_invoice") => _t.Server.Create("account.move", new { name, state = "posted", move_type = moveType });

    [Fact]
    public async Task An_invoice_downloads_as_a_pdf_through_odoo_18s_invoice_report()
    {
        var id = Move("INV/2026/00031");
        var move = await _t.Odoo.AccountMoves.GetAsync(id);
        _t.Server.ClearRequests();

        var pdf = await _t.Odoo.AccountMoves.DownloadInvoicePdfAsync(move);

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Contains("INV/2026/00031", Encoding.ASCII.GetString(pdf));
        var request = Assert.Single(_t.Server.Requests, r => r.Path.StartsWith("/report/", StringComparison.Ordinal));
        Assert.Equal($"/report/pdf/{AccountMoveManager.InvoiceReportName}/{id}", request.Path);
        Assert.Equal("account.report_invoice_with_payments", AccountMoveManager.InvoiceReportName);

        using var stream = new MemoryStream();
        await _t.Odoo.AccountMoves.DownloadInvoicePdfAsync(id, stream);
        Assert.Equal(pdf, stream.ToArray());
    }

    [Fact]
    public async Task An_invoice_that_does_not_exist_is_a_missing_record_error()
    {
        var e = await Assert.ThrowsAsync<OdooMissingRecordException>(() => _t.Odoo.AccountMoves.DownloadInvoicePdfAsync(424_242));
        Assert.Equal([424_242], e.Ids);
        Assert.Contains("account.move(424242,)", e.Message);
    }

    [Fact]
    public async Task A_journal_entry_is_not_an_invoice()
    {
        var entry = Move("MISC/2026/0001", "entry");
        var e = await Assert.ThrowsAsync<OdooUserException>(() => _t.Odoo.AccountMoves.DownloadInvoicePdfAsync(entry));
        Assert.Contains("Only invoices could be printed.", e.Message);
    }

    [Fact]
    public async Task A_server_without_wkhtmltopdf_is_a_typed_error()
    {
        var id = Move("INV/2026/00032");
        _t.Server.PdfRenderingAvailable = false;
        var e = await Assert.ThrowsAsync<OdooPdfRenderingUnavailableException>(() => _t.Odoo.AccountMoves.DownloadInvoicePdfAsync(id));
        Assert.Equal(AccountMoveManager.InvoiceReportName, e.ReportName);
    }

    [Fact]
    public async Task An_invalid_id_fails_before_any_request()
    {
        _t.Server.ClearRequests();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _t.Odoo.AccountMoves.DownloadInvoicePdfAsync(0));
        Assert.Empty(_t.Server.Requests);
    }
}
