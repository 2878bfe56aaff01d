using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Odoo.Managers;
using Odoo.Testing;
using Odoo.Values;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// The model-specific methods of the reference, each checked for the exact ORM calls it makes (from
/// the in-memory server's request log) and for its result. Add-on methods the stock server does not
/// have (send_openstack_invoice_email, price_get, create_invoices...) are registered as custom methods.
/// </summary>
public sealed class ManagerMethodTests : IAsyncLifetime
{
    private TestOdoo _t = null!;

    private OdooTestServer Server => _t.Server;

    private OpenStackOdooClient Odoo => _t.Odoo;

    public async Task InitializeAsync() => _t = await TestOdoo.StartAsync();

    public async Task DisposeAsync() => await _t.DisposeAsync();

    private async Task AssertCallsAsync(params string[] expected)
    {
        var calls = await _t.CallsAsync(expected.Length);
        Assert.Equal(expected, calls.Select(c => c.ToString()).ToArray());
        Server.ClearRequests();
    }

    private static int[] Ids(JsonNode? ids) => ids is JsonArray a ? [.. a.Select(n => n!.GetValue<int>())] : [];

    private int Move(string state = "draft") => Server.Create("account.move", new { name = "INV/1", state, move_type = "out_invoice" });

    // ------------------------------------------------------------------ account.move

    [Fact]
    public async Task ActionPost_posts_every_given_invoice_in_one_call_and_the_record_form_posts_itself()
    {
        Server.RegisterMethod("account.move", "action_post", call =>
        {
            call.Server.Write("account.move", call.Ids, new { state = "posted" });
            return false;
        });
        var a = Move();
        var b = Move();
        var c = Move();
        Server.ClearRequests();

        await Odoo.AccountMoves.ActionPostAsync([a, b, a]);
        await AssertCallsAsync($"account.move.action_post [[{a},{b},{a}]] {{}}");
        Assert.Equal("posted", Server.GetValue("account.move", a, "state"));
        Assert.Equal("posted", Server.GetValue("account.move", b, "state"));
        Assert.Equal("draft", Server.GetValue("account.move", c, "state"));

        var move = await Odoo.AccountMoves.GetAsync(c, ["State"]);
        Assert.Equal(AccountMoveState.Draft, move.State);
        Server.ClearRequests();
        await move.ActionPostAsync();
        await AssertCallsAsync($"account.move.action_post [[{c}]] {{}}");
        Assert.Equal(AccountMoveState.Posted, (await Odoo.AccountMoves.GetAsync(c)).State);
        Server.ClearRequests();

        await Odoo.AccountMoves.ActionPostAsync([move]);
        await AssertCallsAsync($"account.move.action_post [[{c}]] {{}}");
    }

    [Fact]
    public async Task SendOpenStackInvoiceEmail_sends_the_invoice_id_and_a_copy_of_the_email_context()
    {
        var sent = new List<(int[] Ids, string? Context)>();
        Server.RegisterMethod("account.move", "send_openstack_invoice_email", call =>
        {
            call.TryGetArgument("email_ctx", -1, out var ctx);
            sent.Add(([.. call.Ids], ctx.ValueKind == System.Text.Json.JsonValueKind.Undefined ? "<missing>" : ctx.GetRawText()));
            return null;
        });
        var id = Move("posted");
        Server.ClearRequests();

        await Odoo.AccountMoves.SendOpenStackInvoiceEmailAsync(id, new Dictionary<string, object?> { ["email_to"] = "billing@example.com" });
        await AssertCallsAsync($$$"""account.move.send_openstack_invoice_email [[{{{id}}}]] {"email_ctx":{"email_to":"billing@example.com"}}""");

        await Odoo.AccountMoves.SendOpenStackInvoiceEmailAsync(id, new Dictionary<string, object?>());
        await AssertCallsAsync($"account.move.send_openstack_invoice_email [[{id}]] {{\"email_ctx\":null}}");

        var move = await Odoo.AccountMoves.GetAsync(id);
        Server.ClearRequests();
        await move.SendOpenStackInvoiceEmailAsync();
        await AssertCallsAsync($"account.move.send_openstack_invoice_email [[{id}]] {{\"email_ctx\":null}}");

        Assert.Equal(3, sent.Count);
        Assert.All(sent, s => Assert.Equal([id], s.Ids));
        Assert.Equal("""{"email_to":"billing@example.com"}""", sent[0].Context);
        Assert.Equal("null", sent[1].Context);
    }

    // ------------------------------------------------------------------ ir.attachment

    [Fact]
    public async Task Upload_creates_a_binary_attachment_with_base64_contents_on_the_record()
    {
        var moveId = Move();
        var move = await Odoo.AccountMoves.GetAsync(moveId);
        var data = Encoding.UTF8.GetBytes("%PDF-1.7 invoice");
        Server.ClearRequests();

        var id = await Odoo.Attachments.UploadAsync("INV-1.pdf", data, move, new OdooValues
        {
            ["Mimetype"] = "application/pdf",
            ["datas"] = "ignored",
            ["Url"] = "https://ignored.example",
            ["type"] = "url",
        });
        var b64 = Convert.ToBase64String(data);
        await AssertCallsAsync($$"""ir.attachment.create [{"name":"INV-1.pdf","res_id":{{moveId}},"res_model":"account.move","datas":"{{b64}}","mimetype":"application/pdf","type":"binary"}] {}""");

        var attachment = await Odoo.Attachments.GetAsync(id);
        Assert.Equal("INV-1.pdf", attachment.Name);
        Assert.Equal(AttachmentType.Binary, attachment.Type);
        Assert.Equal("account.move", attachment.ResModel);
        Assert.Equal(moveId, attachment.ResId);
        Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(data)), attachment.Checksum);
        Assert.Equal(b64, Server.GetValue("ir.attachment", id, "datas"));
    }

    [Fact]
    public async Task Upload_from_a_stream_round_trips_large_contents_and_download_checks_the_checksum()
    {
        var moveId = Move();
        var data = new byte[200_003]; // several chunks, not a multiple of 3
        new Random(42).NextBytes(data);
        using var stream = new MemoryStream(data);
        var id = await Odoo.Attachments.UploadAsync("usage.csv", stream, "account.move", moveId);
        Assert.Equal(Convert.ToBase64String(data), Server.GetValue("ir.attachment", id, "datas"));
        Server.ClearRequests();

        var downloaded = await Odoo.Attachments.DownloadAsync(id);
        await AssertCallsAsync($$"""ir.attachment.read [[{{id}}]] {"fields":["datas","checksum"]}""");
        Assert.Equal(data, downloaded);

        using var copy = new MemoryStream();
        Assert.Equal(data.Length, await Odoo.Attachments.DownloadToAsync(id, copy));
        Assert.Equal(data, copy.ToArray());
        await using (var read = await Odoo.Attachments.OpenReadAsync(id))
        {
            Assert.Equal(data.Length, read.Length);
        }
        Server.ClearRequests();

        var attachment = await Odoo.Attachments.GetAsync(id);
        Server.ClearRequests();
        Assert.Equal(data, await attachment.DownloadAsync()); // the record form always asks the server
        await AssertCallsAsync($$"""ir.attachment.read [[{{id}}]] {"fields":["datas","checksum"]}""");

        Assert.True(await Odoo.Attachments.ContentMatchesAsync(id, data));
        await AssertCallsAsync($$"""ir.attachment.read [[{{id}}]] {"fields":["checksum"]}""");
        Assert.False(await Odoo.Attachments.ContentMatchesAsync(id, new MemoryStream([1, 2, 3])));
        Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(data)), AttachmentManager.ComputeChecksum(data));
    }

    [Fact]
    public async Task Upload_without_a_target_fails_before_any_request_with_the_reference_messages()
    {
        Server.ClearRequests();
        var noId = await Assert.ThrowsAsync<ArgumentException>(() => Odoo.Attachments.UploadAsync("a.txt", new byte[] { 1 }, "account.move", 0));
        Assert.StartsWith("Either record or res_id must be specified when uploading attachment: a.txt", noId.Message, StringComparison.Ordinal);
        var noModel = await Assert.ThrowsAsync<ArgumentException>(() => Odoo.Attachments.UploadAsync("a.txt", new byte[] { 1 }, "", 5));
        Assert.StartsWith("res_model must be specified for a record reference using res_id 5 when uploading attachment: a.txt", noModel.Message, StringComparison.Ordinal);
        await AssertCallsAsync();
    }

    [Fact]
    public async Task Download_reports_missing_url_and_corrupted_attachments()
    {
        await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => Odoo.Attachments.DownloadAsync(999_999));
        var url = Server.Create("ir.attachment", new { name = "link", type = "url", url = "https://example.com/x" });
        await Assert.ThrowsAsync<OdooValueException>(() => Odoo.Attachments.DownloadAsync(url));

        // A stored checksum that does not match the contents.
        Server.AddFields("ir.attachment", new OdooFieldSchema("checksum", OdooFieldType.Char));
        var bad = Server.Create("ir.attachment", new { name = "bad", type = "binary", datas = Convert.ToBase64String([1, 2, 3]), checksum = new string('0', 40) });
        var e = await Assert.ThrowsAsync<OdooAttachmentChecksumException>(() => Odoo.Attachments.DownloadAsync(bad));
        Assert.Equal(bad, e.AttachmentId);
        Assert.Equal(new string('0', 40), e.Expected);
        Assert.Equal(Convert.ToHexStringLower(SHA1.HashData([1, 2, 3])), e.Actual);
    }

    [Fact]
    public async Task Reupload_writes_new_contents_and_the_extra_fields_but_never_type_or_url()
    {
        var id = await Odoo.Attachments.UploadAsync("a.txt", "v1"u8.ToArray(), "account.move", Move());
        Server.ClearRequests();

        await Odoo.Attachments.ReuploadAsync(id, "v2"u8.ToArray(), new OdooValues { ["Description"] = "second", ["Type"] = "url", ["url"] = "x" });
        await AssertCallsAsync($$"""ir.attachment.write [[{{id}}],{"datas":"{{Convert.ToBase64String("v2"u8.ToArray())}}","description":"second"}] {}""");
        Assert.Equal("v2"u8.ToArray(), await Odoo.Attachments.DownloadAsync(id));

        var attachment = await Odoo.Attachments.GetAsync(id);
        await attachment.ReuploadAsync(new MemoryStream("v3"u8.ToArray()));
        Assert.Equal("v3"u8.ToArray(), await Odoo.Attachments.DownloadAsync(id));
        Assert.Equal("second", (await Odoo.Attachments.GetAsync(id)).Description);
    }

    [Fact]
    public async Task RegisterAsMainAttachment_calls_the_attachment_method_with_force()
    {
        Server.RegisterMethod("ir.attachment", "register_as_main_attachment", call =>
        {
            var force = !call.TryGetArgument("force", 0, out var f) || f.GetBoolean();
            foreach (var id in call.Ids)
            {
                var model = (string)call.Server.GetValue("ir.attachment", id, "res_model")!;
                var resId = Convert.ToInt32(call.Server.GetValue("ir.attachment", id, "res_id"), System.Globalization.CultureInfo.InvariantCulture);
                if (force || call.Server.GetValue(model, resId, "message_main_attachment_id") is null)
                {
                    call.Server.Write(model, [resId], new { message_main_attachment_id = id });
                }
            }
            return null;
        });
        var moveId = Move();
        var first = await Odoo.Attachments.UploadAsync("one.pdf", "1"u8.ToArray(), "account.move", moveId);
        var second = await Odoo.Attachments.UploadAsync("two.pdf", "2"u8.ToArray(), "account.move", moveId);
        Server.ClearRequests();

        await Odoo.Attachments.RegisterAsMainAttachmentAsync(first);
        await AssertCallsAsync($"ir.attachment.register_as_main_attachment [[{first}]] {{\"force\":true}}");
        var move = await Odoo.AccountMoves.GetAsync(moveId);
        Assert.Equal(first, move.MessageMainAttachmentId);
        Assert.Equal("one.pdf", move.MessageMainAttachmentName);
        Assert.Equal(first, (await move.LoadMessageMainAttachmentAsync())!.Id);

        var attachment = await Odoo.Attachments.GetAsync(second);
        Server.ClearRequests();
        await attachment.RegisterAsMainAttachmentAsync(force: false);
        await AssertCallsAsync($"ir.attachment.register_as_main_attachment [[{second}]] {{\"force\":false}}");
        Assert.Equal(first, (await Odoo.AccountMoves.GetAsync(moveId)).MessageMainAttachmentId);
    }

    [Fact]
    public async Task GetResModelManager_finds_the_manager_of_the_linked_model_without_a_request()
    {
        var linked = await Odoo.Attachments.UploadAsync("x", "x"u8.ToArray(), "account.move", Move());
        var loose = Server.Create("ir.attachment", new { name = "loose", type = "binary" });
        var odd = Server.Create("ir.attachment", new { name = "odd", type = "binary", res_model = "stock.picking", res_id = 1 });
        var attachments = await Odoo.Attachments.ListAsync([linked, loose, odd]);
        Server.ClearRequests();

        Assert.Same(Odoo.AccountMoves, attachments.Single(a => a.Id == linked).GetResModelManager());
        Assert.Null(attachments.Single(a => a.Id == loose).GetResModelManager());
        Assert.Throws<KeyNotFoundException>(() => attachments.Single(a => a.Id == odd).GetResModelManager());
        Assert.Same(Odoo.Partners, Odoo.GetManager("res.partner"));
        await AssertCallsAsync();
    }

    // ------------------------------------------------------------------ product.pricelist

    [Fact]
    public async Task GetPrice_asks_price_get_and_negates_the_price_for_negative_quantities()
    {
        var asked = new List<double>();
        Server.RegisterMethod("product.pricelist", "price_get", call =>
        {
            call.TryGetArgument("qty", 1, out var qty);
            asked.Add(qty.GetDouble());
            var result = new JsonObject();
            foreach (var id in call.Ids) result[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = 12.5;
            return result;
        });
        var pricelist = Server.Create("product.pricelist", new { name = "Public" });
        var product = Server.Create("product.product", new { name = "vCPU hour" });
        Server.ClearRequests();

        Assert.Equal(12.5, await Odoo.Pricelists.GetPriceAsync(pricelist, product, 3));
        await AssertCallsAsync($"product.pricelist.price_get [[{pricelist}],{product},3] {{}}");

        Assert.Equal(-12.5, await Odoo.Pricelists.GetPriceAsync(pricelist, product, -2));
        await AssertCallsAsync($"product.pricelist.price_get [[{pricelist}],{product},0] {{}}");

        var record = await Odoo.Pricelists.GetAsync(pricelist);
        var productRecord = await Odoo.Products.GetAsync(product);
        Server.ClearRequests();
        Assert.Equal(12.5, await record.GetPriceAsync(productRecord, 1.5));
        await AssertCallsAsync($"product.pricelist.price_get [[{pricelist}],{product},1.5] {{}}");
        Assert.Equal([3, 0, 1.5], asked);
    }

    // ------------------------------------------------------------------ product.product

    [Fact]
    public async Task Sellable_company_products_are_the_companys_active_sellable_ones()
    {
        var company = Server.Create("res.company", new { name = "Catalyst Cloud" });
        var other = Server.Create("res.company", new { name = "Other" });
        var sellable = Server.Create("product.product", new { name = "vCPU", company_id = company, active = true, sale_ok = true });
        var sellable2 = Server.Create("product.product", new { name = "RAM", company_id = company, active = true, sale_ok = true });
        Server.Create("product.product", new { name = "Internal", company_id = company, active = true, sale_ok = false });
        Server.Create("product.product", new { name = "Old", company_id = company, active = false, sale_ok = true });
        Server.Create("product.product", new { name = "vCPU", company_id = other, active = true, sale_ok = true });
        Server.ClearRequests();

        var products = await Odoo.Products.GetSellableCompanyProductsAsync(company, ["Name"], "Name");
        await AssertCallsAsync($$"""product.product.search_read [["&","&",["company_id","=",{{company}}],["active","=",true],["sale_ok","=",true]]] {"fields":["name"],"order":"name"}""");
        Assert.Equal([sellable2, sellable], products.Select(p => p.Id));

        var byName = await Odoo.Products.GetSellableCompanyProductByNameAsync(company, "vCPU");
        await AssertCallsAsync($$"""product.product.search_read [["&","&","&",["name","=","vCPU"],["company_id","=",{{company}}],["active","=",true],["sale_ok","=",true]]] {}""");
        Assert.Equal(sellable, byName.Id);

        var companyRecord = await Odoo.Companies.GetAsync(company);
        Assert.Equal(sellable, (await Odoo.Products.GetSellableCompanyProductByNameAsync(companyRecord, "vCPU")).Id);
        Assert.Null(await Odoo.Products.FindSellableCompanyProductByNameAsync(company, "Internal"));
        var missing = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => Odoo.Products.GetSellableCompanyProductByNameAsync(company, "Old"));
        Assert.Equal("Product record not found with 'name' value: Old", missing.Message);

        Server.Create("product.product", new { name = "vCPU", company_id = company, active = true, sale_ok = true });
        await Assert.ThrowsAsync<OdooMultipleRecordsFoundException>(() => Odoo.Products.FindSellableCompanyProductByNameAsync(company, "vCPU"));
    }

    // ------------------------------------------------------------------ openstack.project

    [Fact]
    public async Task GetByOsId_finds_the_project_with_that_OpenStack_id()
    {
        var id = Server.Create("openstack.project", new { name = "demo", os_id = "8d3c5a1f0e2b4c69a7d1e0f2b3c4d5e6" });
        Server.ClearRequests();

        var project = await Odoo.Projects.GetByOsIdAsync("8d3c5a1f0e2b4c69a7d1e0f2b3c4d5e6");
        await AssertCallsAsync("""openstack.project.search_read [[["os_id","=","8d3c5a1f0e2b4c69a7d1e0f2b3c4d5e6"]]] {}""");
        Assert.Equal(id, project.Id);
        Assert.Equal("demo", project.Name);
        Assert.Null(await Odoo.Projects.FindByOsIdAsync("nope"));
        var e = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => Odoo.Projects.GetByOsIdAsync("nope"));
        Assert.Equal("Project record not found with 'os_id' value: nope", e.Message);
    }

    // ------------------------------------------------------------------ sale.order

    [Fact]
    public async Task Sale_orders_are_confirmed_cancelled_and_invoiced_with_one_call_each()
    {
        Server.RegisterMethod("sale.order", "action_confirm", call =>
        {
            call.Server.Write("sale.order", call.Ids, new { state = "sale" });
            return true;
        });
        Server.RegisterMethod("sale.order", "action_cancel", call =>
        {
            call.Server.Write("sale.order", call.Ids, new { state = "cancel" });
            return new JsonObject { ["type"] = "ir.actions.act_window" }; // ignored
        });
        Server.RegisterMethod("sale.order", "create_invoices", call =>
        {
            foreach (var id in call.Ids)
            {
                var invoice = call.Server.Create("account.move", new { name = "INV/SO", move_type = "out_invoice", state = "draft" });
                call.Server.Write("sale.order", [id], new { invoice_ids = new[] { invoice }, invoice_count = 1 });
            }
            return new JsonArray(1, 2, 3); // ignored
        });
        var order = Server.Create("sale.order", new { name = "S00001", state = "draft" });
        Server.ClearRequests();

        await Odoo.SaleOrders.ActionConfirmAsync(order);
        await AssertCallsAsync($"sale.order.action_confirm [[{order}]] {{}}");
        var record = await Odoo.SaleOrders.GetAsync(order);
        Assert.Equal(SaleOrderState.Sale, record.State);
        Server.ClearRequests();

        await record.CreateInvoicesAsync();
        await AssertCallsAsync($"sale.order.create_invoices [[{order}]] {{}}");
        var invoiced = await Odoo.SaleOrders.GetAsync(order);
        Assert.Single(invoiced.InvoiceIds);
        Assert.Equal(1, invoiced.InvoiceCount);
        Assert.Equal("INV/SO", (await invoiced.LoadInvoicesAsync())[0].Name);
        Server.ClearRequests();

        await Odoo.SaleOrders.ActionCancelAsync(invoiced);
        await AssertCallsAsync($"sale.order.action_cancel [[{order}]] {{}}");
        Assert.Equal(SaleOrderState.Cancel, (await Odoo.SaleOrders.GetAsync(order)).State);
        Server.ClearRequests();
        await record.ActionConfirmAsync();
        await record.ActionCancelAsync();
        await AssertCallsAsync($"sale.order.action_confirm [[{order}]] {{}}", $"sale.order.action_cancel [[{order}]] {{}}");
    }

    // ------------------------------------------------------------------ openstack.volume_discount_range

    [Fact]
    public async Task GetForCharge_picks_the_best_band_of_the_group_or_of_customers_without_one()
    {
        var group = Server.Create("openstack.customer_group", new { name = "Education" });
        var small = Server.Create("openstack.volume_discount_range", new { name = "0-1000", min = 0.0, max = 1000.0, use_max = true, discount_percent = 5.0 });
        var big = Server.Create("openstack.volume_discount_range", new { name = "500+", min = 500.0, use_max = false, discount_percent = 10.0 });
        var tie = Server.Create("openstack.volume_discount_range", new { name = "500+ (zero max)", min = 500.0, max = 0.0, use_max = true, discount_percent = 10.0 });
        var edu = Server.Create("openstack.volume_discount_range", new { name = "edu", min = 0.0, use_max = false, discount_percent = 20.0, customer_group = group });
        Server.ClearRequests();

        Assert.Equal(small, (await Odoo.VolumeDiscountRanges.GetForChargeAsync(100))!.Id);
        await AssertCallsAsync("""openstack.volume_discount_range.search_read [[["customer_group","=",false]]] {}""");

        // 700 is in all three generic bands; 10% wins, and of the two 10% bands the last one listed.
        Assert.Equal(tie, (await Odoo.VolumeDiscountRanges.GetForChargeAsync(700))!.Id);
        // max is exclusive: at 1000 the first band no longer applies.
        Assert.Equal(tie, (await Odoo.VolumeDiscountRanges.GetForChargeAsync(1000))!.Id);
        Assert.Null(await Odoo.VolumeDiscountRanges.GetForChargeAsync(-1));
        Server.ClearRequests();

        var groupRecord = await Odoo.CustomerGroups.GetAsync(group);
        Server.ClearRequests();
        Assert.Equal(edu, (await Odoo.VolumeDiscountRanges.GetForChargeAsync(10, groupRecord))!.Id);
        await AssertCallsAsync($$"""openstack.volume_discount_range.search_read [[["customer_group","=",{{group}}]]] {}""");
        Assert.Equal(small, (await Odoo.VolumeDiscountRanges.GetForChargeAsync(10, customerGroupId: 0))!.Id);
        Assert.NotEqual(big, tie);
    }

    // ------------------------------------------------------------------ mixins and the client

    [Fact]
    public async Task Named_and_coded_lookups_search_by_name_and_code()
    {
        var currency = Server.Create("res.currency", new { name = "NZD", symbol = "$" });
        var voucher = Server.Create("openstack.voucher_code", new { name = "SPRING", code = "SPRING" });
        Server.ClearRequests();

        Assert.Equal(currency, (await Odoo.Currencies.GetByNameAsync("NZD")).Id);
        await AssertCallsAsync("""res.currency.search_read [[["name","=","NZD"]]] {}""");
        Assert.Equal(voucher, (await Odoo.VoucherCodes.GetByCodeAsync("SPRING")).Id);
        await AssertCallsAsync("""openstack.voucher_code.search_read [[["code","=","SPRING"]]] {}""");
        Assert.Null(await Odoo.Taxes.FindByNameAsync("GST"));
    }

    [Fact]
    public async Task GetUserAsync_reads_the_user_on_every_call()
    {
        Server.ClearRequests();
        var first = await Odoo.GetUserAsync();
        var second = await Odoo.GetUserAsync();
        Assert.Equal(Server.AdminUid, Odoo.UserId);
        Assert.Equal(Odoo.UserId, first.Id);
        Assert.Equal(first, second);
        Assert.NotSame(first, second);
        await AssertCallsAsync($"res.users.read [[{Odoo.UserId}]] {{}}", $"res.users.read [[{Odoo.UserId}]] {{}}");
        Assert.Same(Odoo.Client, OpenStackOdooClient.FromClient(Odoo.Client).Client);
        Assert.Same(Odoo.ReferralCodes, OpenStackOdooClient.FromClient(Odoo.Client).ReferralCodes);
    }
}
