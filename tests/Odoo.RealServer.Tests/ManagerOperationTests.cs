using System.Text.Json;
using Odoo.Domains;
using Odoo.Managers;
using Odoo.Models.OpenStack;
using Odoo.Values;

namespace Odoo.RealServer.Tests;

/// <summary>Every manager operation on the real server, on partner tags (res.partner.category) and the named and coded mixins.</summary>
[Collection(RealOdooCollection.Name)]
public sealed class ManagerOperationTests(RealOdooFixture fixture)
{
    private OpenStackOdooClient Odoo => fixture.Odoo;

    private static OdooDomain Mine(string tag) => OdooDomain.Where(nameof(PartnerCategory.Name), "=like", RealOdoo.Name(tag) + "%");

    [Fact]
    public async Task Create_many_get_find_list_search_count_stream_dictionaries_update_delete()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var tags = Odoo.PartnerCategories;
        var names = Enumerable.Range(1, 12).Select(i => RealOdoo.Name($"mgr {i:D2}")).ToList();

        // Create many: one create, the ids in order.
        var ids = cleanup.Add("res.partner.category", await tags.CreateManyAsync(names.Select((n, i) => new OdooValues { ["Name"] = n, ["Color"] = i % 4 })));
        Assert.Equal(12, ids.Count);
        Assert.Equal(ids.Order(), ids);
        Assert.Empty(await tags.CreateManyAsync(Array.Empty<OdooValues>()));
        var parent = cleanup.Add("res.partner.category", await tags.CreateAsync(new OdooValues { ["Name"] = RealOdoo.Name("mgr parent"), ["Color"] = 9 }));
        await tags.UpdateAsync(ids.Take(3), new OdooValues { ["Parent"] = parent });

        // Get, find.
        var first = await tags.GetAsync(ids[0]);
        Assert.Equal(names[0], first.Name);
        Assert.Equal(0, first.Color);
        Assert.Equal(first.Color, first.Colour);
        Assert.True(first.Active);
        Assert.Equal(parent, first.ParentId);
        Assert.Equal(RealOdoo.Name("mgr parent"), first.ParentName);
        Assert.Equal($"{parent}/{ids[0]}/", first.ParentPath);
        Assert.Null(await tags.FindAsync(int.MaxValue - 7));
        var missing = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => tags.GetAsync(int.MaxValue - 7));
        Assert.Equal($"PartnerCategory record not found with ID: {int.MaxValue - 7}", missing.Message);
        var partial = await tags.GetAsync(ids[1], fields: ["Name"]);
        Assert.Equal(names[1], partial.Name);
        var notLoaded = Assert.Throws<OdooFieldNotLoadedException>(() => partial.Color);
        Assert.Equal("color", notLoaded.RemoteField);

        // List: Odoo's order is the order asked; missing ids fail, ListExisting drops them.
        var listed = await tags.ListAsync([ids[5], ids[2], ids[9]]);
        Assert.Equal([ids[5], ids[2], ids[9]], listed.Select(t => t.Id));
        var listMissing = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => tags.ListAsync([ids[0], int.MaxValue - 3]));
        Assert.Equal([int.MaxValue - 3], listMissing.MissingIds);
        var existing = await tags.ListExistingAsync([ids[0], int.MaxValue - 3, ids[1]]);
        Assert.Equal([ids[0], ids[1]], existing.Select(t => t.Id).Order());
        Assert.Empty(await tags.ListAsync([]));

        // Search: domain, order, limit, offset, fields, include.
        var all = await tags.SearchAsync(Mine("mgr "), order: "Id");
        Assert.Equal(ids.Append(parent), all.Select(t => t.Id));
        var page = await tags.SearchAsync(Mine("mgr 0") | Mine("mgr 1"), fields: ["Name", "Color"], order: "Color desc, Name", limit: 4, offset: 2);
        var expectedOrder = names.Select((n, i) => (n, c: i % 4)).OrderByDescending(x => x.c).ThenBy(x => x.n, StringComparer.Ordinal).Skip(2).Take(4).Select(x => x.n);
        Assert.Equal(expectedOrder, page.Select(t => t.Name));
        var withParent = await tags.SearchAsync(OdooDomain.In("Id", ids.Take(4).ToArray()), order: "Id",
            include: [OdooInclude.Of(PartnerCategory.Relations.Parent)]);
        Assert.Equal(RealOdoo.Name("mgr parent"), withParent[0].Parent!.Name);
        Assert.Null(withParent[3].Parent);
        var byParentName = await tags.SearchAsync(OdooDomain.Equal("Parent.Name", RealOdoo.Name("mgr parent")), order: "Name desc");
        Assert.Equal(names.Take(3).Reverse(), byParentName.Select(t => t.Name));

        // Count, search ids.
        Assert.Equal(13, await tags.CountAsync(Mine("mgr ")));
        Assert.Equal(3, await tags.CountAsync(Mine("mgr ") & OdooDomain.Equal("Color", 1)));
        Assert.Equal(ids.Skip(4).Take(3), await tags.SearchIdsAsync(Mine("mgr "), order: "Id", limit: 3, offset: 4));
        Assert.Equal(ids.Reverse().Prepend(parent), await tags.SearchIdsAsync(Mine("mgr "), order: "Id desc"));

        // Stream in small pages: every record once, in id order.
        var streamed = new List<int>();
        await foreach (var t in tags.StreamAsync(Mine("mgr "), fields: ["Name"], batchSize: 5)) streamed.Add(t.Id);
        Assert.Equal(ids.Append(parent), streamed);

        // Unique field, name.
        var byName = await tags.GetByUniqueFieldAsync("Name", names[4]);
        Assert.Equal(ids[4], byName.Id);
        Assert.Null(await tags.FindByUniqueFieldAsync("Name", RealOdoo.Name("nope")));
        var noneFound = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => tags.GetByUniqueFieldAsync("Name", RealOdoo.Name("nope")));
        Assert.Contains($"'Name' value: {RealOdoo.Name("nope")}", noneFound.Message);
        var several = await Assert.ThrowsAsync<OdooMultipleRecordsFoundException>(() => tags.GetByUniqueFieldAsync("Color", 2, Mine("mgr ")));
        Assert.Equal([ids[2], ids[6], ids[10]], several.FoundIds.Order());
        var filtered = await tags.FindByUniqueFieldAsync("Color", 2, Mine("mgr 03"));
        Assert.Equal(ids[2], filtered!.Id);

        // Dictionaries: raw JSON keyed by C# names, or by Odoo names.
        var rows = await tags.SearchDictionariesAsync(Mine("mgr 0"), fields: ["Name", "Color", "Parent"], order: "Id", limit: 2);
        Assert.Equal(names[0], rows[0]["Name"].GetString());
        // A many2one is keyed as its two halves, like record.ToDictionary().
        Assert.Equal(parent, rows[0]["ParentId"].GetInt32());
        Assert.Equal(RealOdoo.Name("mgr parent"), rows[0]["ParentName"].GetString());
        Assert.False(rows[0].ContainsKey("Parent"));
        var rawRows = await tags.ListDictionariesAsync([ids[3]], fields: ["Name", "Parent"], rawNames: true);
        Assert.Equal(names[3], rawRows[0]["name"].GetString());
        Assert.Equal(JsonValueKind.False, rawRows[0]["parent_id"].ValueKind);

        // Update one and several; record extensions.
        await tags.UpdateAsync(ids[0], new OdooValues { ["Color"] = 11, ["Parent"] = null });
        var updated = await tags.GetAsync(ids[0]);
        Assert.Equal(11, updated.Color);
        Assert.Null(updated.ParentId);
        await tags.UpdateAsync(ids.Skip(1).Take(2), new OdooValues { ["Active"] = false });
        Assert.Equal(10, await tags.CountAsync(Mine("mgr ") & OdooDomain.Where("Id", "!=", parent)));
        Assert.Equal(2, (await tags.SearchAsync(Mine("mgr "), context: OdooContext.Empty.WithActiveTest(false))).Count(t => !t.Active));
        await updated.UpdateAsync(new OdooValues { ["Color"] = 7 });
        Assert.Equal(11, updated.Color); // the snapshot is unchanged
        var refreshed = await updated.RefreshAsync();
        Assert.Equal(7, refreshed.Color);

        // Delete: one, several, records.
        await refreshed.DeleteAsync();
        await tags.DeleteAsync(ids[3]);
        await tags.DeleteAsync([ids[4], ids[5]]);
        await tags.DeleteAsync(await tags.ListAsync([ids[6]]));
        Assert.Equal([ids[1], ids[2]], (await tags.ListExistingAsync(ids.Take(7))).Select(t => t.Id)); // read sees archived records
        Assert.Equal(ids.Skip(7).Append(parent), await tags.SearchIdsAsync(Mine("mgr "), order: "Id"));
    }

    [Fact]
    public async Task By_name_on_stock_and_openstack_models()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var usd = await Odoo.Currencies.GetByNameAsync("USD");
        Assert.Equal("$", usd.Symbol);
        Assert.Null(await Odoo.Currencies.FindByNameAsync("QQQ"));
        var none = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => Odoo.Currencies.GetByNameAsync("QQQ"));
        Assert.Equal("Currency record not found with 'Name' value: QQQ", none.Message);

        var product = await Support.ProductAsync(Odoo, cleanup, "byname");
        var name = RealOdoo.Name("credit type byname");
        var id = cleanup.Add("openstack.credit.type", await Odoo.CreditTypes.CreateAsync(new OdooValues { ["Name"] = name, ["Product"] = product }));
        var type = await Odoo.CreditTypes.GetByNameAsync(name, fields: ["Name", "Product"]);
        Assert.Equal(id, type.Id);
        Assert.Equal(product, type.ProductId);
        Assert.Equal(id, (await Odoo.CreditTypes.FindByNameAsync(name))!.Id);
        cleanup.Add("openstack.credit.type", await Odoo.CreditTypes.CreateAsync(new OdooValues { ["Name"] = name, ["Product"] = product }));
        await Assert.ThrowsAsync<OdooMultipleRecordsFoundException>(() => Odoo.CreditTypes.GetByNameAsync(name));
    }

    [Fact]
    public async Task By_code_on_referral_and_voucher_codes()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var product = await Support.ProductAsync(Odoo, cleanup, "bycode");
        var type = cleanup.Add("openstack.credit.type", await Odoo.CreditTypes.CreateAsync(new OdooValues { ["Name"] = RealOdoo.Name("bycode type"), ["Product"] = product }));
        var code = RealOdoo.Run + "-REF";
        var refId = cleanup.Add("openstack.referral_code", await Odoo.ReferralCodes.CreateAsync(new OdooValues
        {
            ["Code"] = code, ["AllowedUses"] = 3, ["ReferralCreditType"] = type, ["RewardCreditType"] = type,
        }));
        var referral = await Odoo.ReferralCodes.GetByCodeAsync(code);
        Assert.Equal(refId, referral.Id);
        Assert.Equal(type, referral.ReferralCreditTypeId);
        Assert.Equal(RealOdoo.Name("bycode type"), (await referral.LoadReferralCreditTypeAsync()).Name);
        Assert.Null(await Odoo.ReferralCodes.FindByCodeAsync(code + "-NOPE"));
        var none = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => Odoo.ReferralCodes.GetByCodeAsync(code + "-NOPE"));
        Assert.Equal($"ReferralCode record not found with 'Code' value: {code}-NOPE", none.Message);

        var voucher = RealOdoo.Run + "-VOUCHER";
        var vId = cleanup.Add("openstack.voucher_code", await Odoo.VoucherCodes.CreateAsync(new OdooValues { ["Code"] = voucher, ["CreditType"] = type, ["CreditAmount"] = 25.0 }));
        var found = await Odoo.VoucherCodes.FindByCodeAsync(voucher);
        Assert.Equal(vId, found!.Id);
        Assert.Equal(25.0, found.CreditAmount);
        Assert.Equal(vId, (await Odoo.VoucherCodes.GetByCodeAsync(voucher, fields: ["Code"])).Id);
    }
}
