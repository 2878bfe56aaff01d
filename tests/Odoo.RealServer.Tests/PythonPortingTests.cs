using Odoo.Domains;
using Odoo.Managers;
using Odoo.Models.OpenStack;
using Odoo.Values;

namespace Odoo.RealServer.Tests;

/// <summary>
/// Porting from the Python reference on the real server: the reference's local names work as strings, a misspelt
/// name fails before any request, the id and dictionary lookups, one read per related model for a whole list, and
/// default fields that keep the base properties usable.
/// </summary>
[Collection(RealOdooCollection.Name)]
public sealed class PythonPortingTests(RealOdooFixture fixture)
{
    private OpenStackOdooClient Odoo => fixture.Odoo;

    private async Task<(int Type, int Reward, int Code, int Partner)> SeedAsync(Cleanup cleanup, string tag)
    {
        var product = await Support.ProductAsync(Odoo, cleanup, "py " + tag);
        var type = cleanup.Add("openstack.credit.type", await Odoo.CreditTypes.CreateAsync(new OdooValues { ["name"] = RealOdoo.Name("py type " + tag), ["product_id"] = product }));
        var reward = cleanup.Add("openstack.credit.type", await Odoo.CreditTypes.CreateAsync(new OdooValues { ["name"] = RealOdoo.Name("py reward " + tag), ["product"] = product }));
        // The reference's keyword names, as strings: the _id and _name forms of a relation both name its field.
        var code = cleanup.Add("openstack.referral_code", await Odoo.ReferralCodes.CreateAsync(new OdooValues
        {
            ["code"] = RealOdoo.Run + "-PY-" + tag,
            ["referral_credit_type_id"] = type,
            ["reward_credit_type_name"] = reward,
            ["allowed_uses"] = 3,
        }));
        var partner = await Support.PartnerAsync(Odoo, cleanup, "py " + tag);
        await Odoo.ReferralCodes.UpdateAsync(code, new Dictionary<string, object?> { ["referral_ids"] = new[] { partner } });
        return (type, reward, code, partner);
    }

    [Fact]
    public async Task The_reference_names_work_as_strings_and_misspellings_fail_before_a_request()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var (type, reward, code, partner) = await SeedAsync(cleanup, "names");
        var codeText = RealOdoo.Run + "-PY-names";
        var codes = Odoo.ReferralCodes;

        var found = await codes.SearchAsync(
            OdooDomain.Equal("code", codeText) & OdooDomain.Equal("referral_credit_type_id", type) & OdooDomain.In("referral_ids", new[] { partner })
            & OdooDomain.Equal("create_user.login", "admin") & OdooDomain.Equal("CreateUid.Name", (await Odoo.GetUserAsync()).Name),
            fields: ["code", "referral_credit_type_id", "reward_credit_type_name", "referral_ids", "create_date"],
            order: "create_date desc, allowed_uses");
        var record = Assert.Single(found);
        Assert.Equal(code, record.Id);
        Assert.Equal(type, record.ReferralCreditTypeId);
        Assert.Equal(reward, record.RewardCreditTypeId);
        Assert.Equal([partner], record.ReferralIds);
        Assert.NotNull(record.CreateDate);

        Assert.Equal(code, await codes.GetIdByUniqueFieldAsync("code", codeText));
        Assert.Equal(code, await codes.GetIdByCodeAsync(codeText));
        Assert.Null(await codes.FindIdByCodeAsync(codeText + "-none"));
        Assert.Equal(type, await Odoo.CreditTypes.GetIdByNameAsync(RealOdoo.Name("py type names")));

        // A query dictionary has the keys of the record's dictionary.
        string[] fields = ["code", "referral_credit_type", "referral_ids", "write_uid"];
        var dict = await codes.GetDictionaryByCodeAsync(codeText, fields);
        var typed = await codes.GetAsync(code, fields);
        Assert.Equal(typed.ToDictionary().Keys.Order(StringComparer.Ordinal), dict.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(type, dict["ReferralCreditTypeId"].GetInt32());
        Assert.Equal(RealOdoo.Name("py type names"), dict["ReferralCreditTypeName"].GetString());
        Assert.Equal(typed.ToDictionary(raw: true).Keys.Order(StringComparer.Ordinal), (await codes.GetDictionaryAsync(code, fields, rawNames: true)).Keys.Order(StringComparer.Ordinal));

        // Misspelt: a typed error naming the model and the closest name, and nothing reaches Odoo (which would say "Invalid field").
        var e = await Assert.ThrowsAsync<ArgumentException>(() => codes.SearchAsync(OdooDomain.Equal("referal_credit_type_id", type)));
        Assert.Contains("ReferralCode (openstack.referral_code) has no field or property named 'referal_credit_type_id'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'referral_credit_type_id'", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => codes.UpdateAsync(code, new OdooValues { ["alowed_uses"] = 4 }));
        Assert.Equal(3, (await codes.GetAsync(code, ["allowed_uses"])).AllowedUses);
    }

    [Fact]
    public async Task A_list_loads_all_its_relations_and_default_fields_keep_the_base_record_usable()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var (type, reward, code, partner) = await SeedAsync(cleanup, "load");
        var codes = await Odoo.ReferralCodes.SearchAsync(OdooDomain.Equal("code", RealOdoo.Run + "-PY-load"));
        await codes.LoadAllRelationsAsync(depth: 2);
        var loaded = Assert.Single(codes);
        Assert.True(loaded.ReferralCreditType.Id == type && loaded.RewardCreditType!.Id == reward);
        Assert.Equal([partner], loaded.Referrals.Select(p => p.Id));
        Assert.Equal(RealOdoo.Name("product py load"), loaded.ReferralCreditType.Product.Name);

        // Attachment has declared default fields: the base properties still hold values after a plain get.
        var attachment = cleanup.Add("ir.attachment", await Odoo.Attachments.UploadAsync(RealOdoo.Name("py.txt"), "py"u8.ToArray(), "openstack.referral_code", code));
        var read = await Odoo.Attachments.GetAsync(attachment);
        Assert.NotNull(read.CreateDate);
        Assert.NotNull(read.WriteDate);
        Assert.Equal(RealOdoo.Name("py.txt"), read.DisplayName);
        Assert.Equal(Odoo.UserId, read.CreateUid);
        Assert.False(string.IsNullOrEmpty(read.CreateName));
        Assert.Equal(Odoo.UserId, read.WriteUid);
        Assert.Throws<OdooFieldNotLoadedException>(() => read.Datas); // still left out of the default fields
    }
}
