using System.Text;
using Odoo.Domains;
using Odoo.Models.OpenStack;
using Odoo.Values;

namespace Odoo.RealServer.Tests;

/// <summary>Every model-specific method of Odoo.Models.OpenStack, on the real server with the openstack_models addon.</summary>
[Collection(RealOdooCollection.Name)]
public sealed class ModelMethodTests(RealOdooFixture fixture)
{
    private OpenStackOdooClient Odoo => fixture.Odoo;

    private async Task<int> InvoiceAsync(Cleanup cleanup, Targets t, double price = 40.0) =>
        cleanup.Add("account.move", await Odoo.AccountMoves.CreateAsync(new OdooValues
        {
            ["MoveType"] = AccountMoveType.OutInvoice, ["partner_id"] = await t.Partner(), ["InvoiceDate"] = DateOnly.FromDateTime(DateTime.UtcNow),
            ["InvoiceLines"] = new[] { OdooCommand.Create(new OdooValues { ["Name"] = "usage", ["Quantity"] = 1.0, ["PriceUnit"] = price, ["Taxes"] = OdooCommand.Clear() }) },
        }));

    [Fact]
    public async Task Account_moves_post_and_email()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var t = new Targets(Odoo, cleanup);
        var a = await InvoiceAsync(cleanup, t);
        var b = await InvoiceAsync(cleanup, t);
        var c = await InvoiceAsync(cleanup, t);
        var d = await InvoiceAsync(cleanup, t);
        await Odoo.AccountMoves.ActionPostAsync(a);
        await Odoo.AccountMoves.ActionPostAsync([b, c]);
        var moves = await Odoo.AccountMoves.ListAsync([a, b, c, d]);
        Assert.Equal([AccountMoveState.Posted, AccountMoveState.Posted, AccountMoveState.Posted, AccountMoveState.Draft], moves.Select(m => m.State));
        Assert.All(moves.Take(3), m => Assert.StartsWith("INV/", m.Name));
        Assert.All(moves.Take(3), m => Assert.Equal(AccountMovePaymentState.NotPaid, m.PaymentState));
        await moves[3].ActionPostAsync();
        Assert.Equal(AccountMoveState.Draft, moves[3].State); // the record is not refreshed
        Assert.Equal(AccountMoveState.Posted, (await moves[3].RefreshAsync()).State);
        // posting twice is refused by Odoo
        var again = await Assert.ThrowsAsync<OdooUserException>(async () => await Odoo.AccountMoves.ActionPostAsync(await Odoo.AccountMoves.ListAsync([a])));
        Assert.Contains("must be in draft", again.ServerMessage);

        await Odoo.AccountMoves.SendOpenStackInvoiceEmailAsync(a, new Dictionary<string, object?> { ["period"] = "2025-06", ["total"] = 40.0 });
        await moves[1].SendOpenStackInvoiceEmailAsync();
        var notes = await Odoo.Client.Model("mail.message").SearchReadAsync(
            new object[] { new object[] { "model", "=", "account.move" }, new object[] { "res_id", "in", new[] { a, b } }, new object[] { "body", "ilike", "OpenStack invoice e-mail requested" } },
            ["res_id", "body"], order: "id");
        Assert.Equal([a, b], notes.Select(n => n.GetProperty("res_id").GetInt32()));
        Assert.Contains("(2 context value(s))", notes[0].GetProperty("body").GetString());
        Assert.Contains("(0 context value(s))", notes[1].GetProperty("body").GetString());
    }

    [Fact]
    public async Task Attachments_upload_download_check_reupload_and_become_main()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var t = new Targets(Odoo, cleanup);
        var invoice = await InvoiceAsync(cleanup, t);
        var move = await Odoo.AccountMoves.GetAsync(invoice);
        var first = Encoding.UTF8.GetBytes("%PDF-1.4 first invoice " + RealOdoo.Run);
        var second = Encoding.UTF8.GetBytes(new string('x', 300_000) + RealOdoo.Run); // a larger file, streamed

        var id = cleanup.Add("ir.attachment", await Odoo.Attachments.UploadAsync(RealOdoo.Name("invoice.pdf"), first, move, new OdooValues { ["Mimetype"] = "application/pdf" }));
        using (var stream = new MemoryStream(second))
        {
            cleanup.Add("ir.attachment", await Odoo.Attachments.UploadAsync(RealOdoo.Name("big.txt"), stream, "account.move", invoice));
        }
        var attachments = await Odoo.Attachments.SearchAsync(OdooDomain.Equal("ResModel", "account.move") & OdooDomain.Equal("ResId", invoice), order: "Id");
        Assert.Equal(2, attachments.Count);
        var attachment = attachments[0];
        Assert.Equal(id, attachment.Id);
        Assert.Equal("application/pdf", attachment.Mimetype);
        Assert.Equal(AttachmentType.Binary, attachment.Type);
        Assert.Equal(AttachmentManager.ComputeChecksum(first), attachment.Checksum);
        Assert.Throws<OdooFieldNotLoadedException>(() => attachment.Datas); // not in the default fields

        Assert.Equal(first, await Odoo.Attachments.DownloadAsync(id));
        Assert.Equal(second, await attachments[1].DownloadAsync());
        using (var target = new MemoryStream())
        {
            Assert.Equal(second.Length, await Odoo.Attachments.DownloadToAsync(attachments[1].Id, target));
            Assert.Equal(second, target.ToArray());
        }
        await using (var read = await Odoo.Attachments.OpenReadAsync(id))
        {
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(first, copy.ToArray());
        }
        Assert.True(await Odoo.Attachments.ContentMatchesAsync(id, first));
        Assert.False(await Odoo.Attachments.ContentMatchesAsync(id, second));
        using (var stream = new MemoryStream(second))
        {
            Assert.True(await Odoo.Attachments.ContentMatchesAsync(attachments[1].Id, stream));
        }
        await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => Odoo.Attachments.DownloadAsync(int.MaxValue - 1));

        // Re-upload: bytes, then a stream with more values.
        await Odoo.Attachments.ReuploadAsync(id, second);
        Assert.Equal(second, await Odoo.Attachments.DownloadAsync(id));
        using (var stream = new MemoryStream(first))
        {
            await attachment.ReuploadAsync(stream, new OdooValues { ["Description"] = "re-uploaded" });
        }
        var reuploaded = await Odoo.Attachments.GetAsync(id);
        Assert.Equal(AttachmentManager.ComputeChecksum(first), reuploaded.Checksum);
        Assert.Equal("re-uploaded", reuploaded.Description);

        Assert.IsType<AccountMoveManager>(attachments[1].GetResModelManager());
    }

    [Fact]
    public async Task Attachments_become_the_main_attachment_of_their_record()
    {
        // register_as_main_attachment returns None, and Odoo's JSON-RPC answer then has no "result" member at all.
        await using var cleanup = new Cleanup(Odoo.Client);
        var t = new Targets(Odoo, cleanup);
        var invoice = await InvoiceAsync(cleanup, t);
        var move = await Odoo.AccountMoves.GetAsync(invoice);
        var first = cleanup.Add("ir.attachment", await Odoo.Attachments.UploadAsync(RealOdoo.Name("a.pdf"), "first"u8.ToArray(), move));
        var second = await Odoo.Attachments.GetAsync(cleanup.Add("ir.attachment", await Odoo.Attachments.UploadAsync(RealOdoo.Name("b.pdf"), "second"u8.ToArray(), move)));
        Assert.Null(move.MessageMainAttachmentId);
        await Odoo.Attachments.RegisterAsMainAttachmentAsync(first);
        Assert.Equal(first, (await move.RefreshAsync()).MessageMainAttachmentId);
        await second.RegisterAsMainAttachmentAsync(force: false); // keeps the existing one
        Assert.Equal(first, (await move.RefreshAsync()).MessageMainAttachmentId);
        await second.RegisterAsMainAttachmentAsync();
        var main = await (await move.RefreshAsync()).LoadMessageMainAttachmentAsync();
        Assert.Equal(second.Id, main!.Id);
    }

    [Fact]
    public async Task Pricelists_give_prices()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var t = new Targets(Odoo, cleanup);
        var product = await t.Product(3); // list price 30
        var pricelist = await Odoo.Pricelists.GetAsync(await t.Pricelist());
        Assert.Equal(30.0, await Odoo.Pricelists.GetPriceAsync(pricelist.Id, product, 1));
        cleanup.Add("product.pricelist.item", await Odoo.Client.Model("product.pricelist.item").CreateAsync(new Dictionary<string, object?>
        {
            ["pricelist_id"] = pricelist.Id, ["applied_on"] = "0_product_variant", ["product_id"] = product, ["compute_price"] = "fixed", ["fixed_price"] = 7.5, ["min_quantity"] = 10,
        }));
        Assert.Equal(30.0, await Odoo.Pricelists.GetPriceAsync(pricelist.Id, product, 2));
        Assert.Equal(7.5, await pricelist.GetPriceAsync(product, 10));
        var p = await Odoo.Products.GetAsync(product);
        Assert.Equal(7.5, await Odoo.Pricelists.GetPriceAsync(pricelist, p, 12));
        Assert.Equal(-30.0, await pricelist.GetPriceAsync(p, -3)); // negative quantities: the price of 0 units, negated
    }

    [Fact]
    public async Task Products_sellable_by_company()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var company = await Support.CompanyIdAsync(Odoo);
        var sellable = await Support.ProductAsync(Odoo, cleanup, "sellable", extra: new OdooValues { ["Company"] = company });
        var notForSale = await Support.ProductAsync(Odoo, cleanup, "not for sale", extra: new OdooValues { ["Company"] = company, ["SaleOk"] = false });
        var archived = await Support.ProductAsync(Odoo, cleanup, "archived", extra: new OdooValues { ["Company"] = company });
        await Odoo.Products.UpdateAsync(archived, new OdooValues { ["Active"] = false });
        var everywhere = await Support.ProductAsync(Odoo, cleanup, "no company");

        var products = await Odoo.Products.GetSellableCompanyProductsAsync(company, fields: ["Name", "Company"], order: "Id desc");
        var ids = products.Select(p => p.Id).ToList();
        Assert.Contains(sellable, ids);
        Assert.DoesNotContain(notForSale, ids);
        Assert.DoesNotContain(archived, ids);
        Assert.DoesNotContain(everywhere, ids);
        Assert.All(products, p => Assert.Equal(company, p.CompanyId));
        Assert.Equal(ids.OrderDescending(), ids);
        var companyRecord = await Odoo.Companies.GetAsync(company);
        Assert.Equal(ids, (await Odoo.Products.GetSellableCompanyProductsAsync(companyRecord, order: "Id desc")).Select(p => p.Id));

        Assert.Equal(sellable, (await Odoo.Products.GetSellableCompanyProductByNameAsync(company, RealOdoo.Name("product sellable"))).Id);
        Assert.Equal(sellable, (await Odoo.Products.GetSellableCompanyProductByNameAsync(companyRecord, RealOdoo.Name("product sellable"), fields: ["Name"])).Id);
        Assert.Null(await Odoo.Products.FindSellableCompanyProductByNameAsync(company, RealOdoo.Name("product not for sale")));
        await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => Odoo.Products.GetSellableCompanyProductByNameAsync(company, RealOdoo.Name("product no company")));
    }

    [Fact]
    public async Task Projects_by_openstack_id()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var t = new Targets(Odoo, cleanup);
        var project = await Odoo.Projects.GetAsync(await t.Project());
        var byOsId = await Odoo.Projects.GetByOsIdAsync(project.OsId);
        Assert.Equal(project.Id, byOsId.Id);
        Assert.Equal(RealOdoo.Name("project 1"), (await Odoo.Projects.FindByOsIdAsync(project.OsId, fields: ["Name"]))!.Name);
        Assert.Null(await Odoo.Projects.FindByOsIdAsync("0000" + Guid.NewGuid().ToString("N")));
        var none = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => Odoo.Projects.GetByOsIdAsync("nope-" + RealOdoo.Run));
        Assert.Contains("nope-" + RealOdoo.Run, none.Message);
        var dup = await Assert.ThrowsAsync<OdooValidationException>(() => Odoo.Projects.CreateAsync(new OdooValues { ["Name"] = "dup", ["OsId"] = project.OsId, ["Owner"] = project.OwnerId }));
        Assert.Contains("An OpenStack project ID must be unique.", dup.ServerMessage);
    }

    [Fact]
    public async Task Sale_orders_confirm_invoice_and_cancel()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var t = new Targets(Odoo, cleanup);
        async Task<int> OrderAsync() => cleanup.Add("sale.order", await Odoo.SaleOrders.CreateAsync(new OdooValues
        {
            ["Partner"] = await t.Partner(), ["OsProject"] = await t.Project(),
            ["OrderLine"] = new[] { OdooCommand.Create(new OdooValues { ["Product"] = await t.Product(), ["ProductUomQty"] = 2.0, ["PriceUnit"] = 15.0, ["Taxes"] = OdooCommand.Clear() }) },
        }));
        var first = await OrderAsync();
        var second = await OrderAsync();
        var third = await OrderAsync();

        await Odoo.SaleOrders.ActionConfirmAsync(first);
        var order = await Odoo.SaleOrders.GetAsync(first);
        Assert.Equal(SaleOrderState.Sale, order.State);
        Assert.Equal(SaleInvoiceStatus.ToInvoice, order.InvoiceStatus);
        await order.CreateInvoicesAsync();
        order = await order.RefreshAsync();
        cleanup.Add("account.move", order.InvoiceIds);
        Assert.Equal(1, order.InvoiceCount);
        var invoices = await order.LoadInvoicesAsync();
        Assert.Equal(30.0, Assert.Single(invoices).AmountUntaxed);
        Assert.Equal(AccountMoveState.Draft, invoices[0].State);
        Assert.Equal(SaleInvoiceStatus.Invoiced, order.InvoiceStatus);

        var record = await Odoo.SaleOrders.GetAsync(second);
        await record.ActionConfirmAsync();
        await Odoo.SaleOrders.CreateInvoicesAsync(record);
        var invoiced = await record.RefreshAsync();
        cleanup.Add("account.move", invoiced.InvoiceIds);
        Assert.Single(invoiced.InvoiceIds);

        await Odoo.SaleOrders.ActionCancelAsync(third);
        Assert.Equal(SaleOrderState.Cancel, (await Odoo.SaleOrders.GetAsync(third, ["State"])).State);
        var draft = await Odoo.SaleOrders.GetAsync(await OrderAsync());
        await draft.ActionCancelAsync();
        Assert.Equal(SaleOrderState.Cancel, (await draft.RefreshAsync()).State);
    }

    [Fact]
    public async Task Volume_discount_bands_for_a_charge()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var group = cleanup.Add("openstack.customer_group", await Odoo.CustomerGroups.CreateAsync(new OdooValues { ["Name"] = RealOdoo.Name("band group") }));
        var bands = Odoo.VolumeDiscountRanges;
        var low = cleanup.Add("openstack.volume_discount_range", await bands.CreateAsync(new OdooValues { ["CustomerGroup"] = group, ["Min"] = 0.0, ["Max"] = 1000.0, ["UseMax"] = true, ["DiscountPercent"] = 2.0 }));
        var mid = cleanup.Add("openstack.volume_discount_range", await bands.CreateAsync(new OdooValues { ["CustomerGroup"] = group, ["Min"] = 1000.0, ["Max"] = 5000.0, ["UseMax"] = true, ["DiscountPercent"] = 5.0 }));
        var open = cleanup.Add("openstack.volume_discount_range", await bands.CreateAsync(new OdooValues { ["CustomerGroup"] = group, ["Min"] = 5000.0, ["UseMax"] = false, ["DiscountPercent"] = 10.0 }));
        var generic = cleanup.Add("openstack.volume_discount_range", await bands.CreateAsync(new OdooValues { ["Min"] = 4e12, ["DiscountPercent"] = 99.5 }));

        Assert.Equal(low, (await bands.GetForChargeAsync(999.99, group))!.Id);
        Assert.Equal(mid, (await bands.GetForChargeAsync(1000, group))!.Id); // the upper bound is exclusive
        Assert.Equal(open, (await bands.GetForChargeAsync(1e9, group))!.Id);
        Assert.Null(await bands.GetForChargeAsync(-1, group));
        var groupRecord = await Odoo.CustomerGroups.GetAsync(group);
        Assert.Equal(mid, (await bands.GetForChargeAsync(4999, groupRecord))!.Id);
        // Without a group, only bands without one count: ours is the best for a huge charge, and never a group band.
        var best = await bands.GetForChargeAsync(5e12);
        Assert.Equal(generic, best!.Id);
        Assert.Null(best.CustomerGroupId);
        Assert.Equal("4000000000000.0+ (99.5%)", best.Name);
        var noGroup = await bands.GetForChargeAsync(1000, (CustomerGroup?)null);
        Assert.True(noGroup is null || noGroup.CustomerGroupId is null);
    }
}
