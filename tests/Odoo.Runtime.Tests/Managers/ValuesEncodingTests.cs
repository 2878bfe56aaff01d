using Odoo.Managers;
using Odoo.Values;

namespace Odoo.Runtime.Tests.Managers;

public sealed class ValuesEncodingTests
{
    private static string Encode(OdooValues v, string version = "17.0") => v.Encode(ReferralCode.Metadata, OdooVersion.Parse(version)).ToString();

    [Fact]
    public void Local_names_aliases_and_plain_values()
    {
        var v = new OdooValues
        {
            ["Code"] = "ABC",
            ["Uses"] = 5,
            ["Expiry"] = new DateOnly(2025, 1, 31),
            ["ValidFrom"] = new DateTime(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc),
            ["State"] = CodeState.Expired,
            ["x_custom"] = "raw",
        };
        Assert.Equal("""{"code":"ABC","allowed_uses":5,"expiry_date":"2025-01-31","valid_from":"2025-01-01 08:00:00","state":"expired","x_custom":"raw"}""", Encode(v));
    }

    [Fact]
    public void Many2one_takes_an_id_a_record_or_null()
    {
        var credit = DomainEncodingTests.Decode<CreditType>("""{"id":9,"name":"cash"}""");
        Assert.Equal("""{"referral_credit_type":4}""", Encode(new OdooValues().Set("ReferralCreditTypeId", 4)));
        Assert.Equal("""{"referral_credit_type":9}""", Encode(new OdooValues().Set("ReferralCreditType", credit)));
        Assert.Equal("""{"referral_credit_type":false}""", Encode(new OdooValues().Set("ReferralCreditType", null)));
        Assert.Equal("""{"referral_credit_type":3}""", Encode(new OdooValues().Set("ReferralCreditTypeName", 3)));
        var ex = Assert.Throws<ArgumentException>(() => Encode(new OdooValues().Set("ReferralCreditType", "cash")));
        Assert.StartsWith("Unsupported value for the many2one field 'ReferralCreditType' of ReferralCode: \"cash\".", ex.Message);
    }

    [Fact]
    public void A_list_of_ids_replaces_the_relation_and_an_empty_list_clears_it()
    {
        var p = DomainEncodingTests.Decode<Partner>("""{"id":8}""");
        Assert.Equal("""{"referrals":[[6,0,[1,2,8]]]}""", Encode(new OdooValues().Set("ReferralIds", new object[] { 1, 2, p })));
        Assert.Equal("""{"referrals":[[6,0,[]]]}""", Encode(new OdooValues().Set("Referrals", Array.Empty<int>())));
        Assert.Equal("""{"referrals":[[5,0,0]]}""", Encode(new OdooValues().Set("Referrals", null)));
    }

    [Fact]
    public void Commands_cover_every_x2many_operation()
    {
        var v = new OdooValues().Set("Referrals", new object[]
        {
            OdooCommand.Create(new OdooValues().Set("Name", "New").Set("ParentId", 3)),
            OdooCommand.Update(5, new OdooValues { ["Name"] = "Renamed" }),
            OdooCommand.Delete(6),
            OdooCommand.Unlink(7),
            OdooCommand.Link(8),
            OdooCommand.Clear(),
            OdooCommand.Set([1, 2]),
            new OdooValues { ["Name"] = "Nested" },
        });
        Assert.Equal(
            """{"referrals":[[0,0,{"name":"New","parent_id":3}],[1,5,{"name":"Renamed"}],[2,6,0],[3,7,0],[4,8,0],[5,0,0],[6,0,[1,2]],[0,0,{"name":"Nested"}]]}""",
            Encode(v));
        Assert.Equal("""{"referrals":[[4,8,0]]}""", Encode(new OdooValues().Set("Referrals", OdooCommand.Link(8))));
    }

    [Fact]
    public void Mixing_ids_with_commands_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Encode(new OdooValues().Set("Referrals", new object[] { 5, OdooCommand.Link(6) })));
        Assert.Contains("mixes ids with commands", ex.Message);
    }

    [Fact]
    public void Keys_that_resolve_to_the_same_field_conflict_before_any_request()
    {
        var ex = Assert.Throws<ArgumentException>(() => Encode(new OdooValues { ["ReferralCreditType"] = 1, ["ReferralCreditTypeId"] = 2 }));
        Assert.StartsWith("The keys 'ReferralCreditType' and 'ReferralCreditTypeId' both resolve to the Odoo field 'referral_credit_type' of ReferralCode; set it once.", ex.Message);
        var ex2 = Assert.Throws<ArgumentException>(() => Encode(new OdooValues { ["AllowedUses"] = 1, ["allowed_uses"] = 2 }));
        Assert.Contains("'AllowedUses' and 'allowed_uses'", ex2.Message);
    }

    [Fact]
    public void Version_specific_keys()
    {
        Assert.Equal("""{"type":"entry"}""", Encode(new OdooValues { ["MoveType"] = "entry" }, "13.0+e"));
        Assert.Equal("""{"move_type":"entry"}""", Encode(new OdooValues { ["MoveType"] = "entry" }, "16.0"));
    }

    [Fact]
    public void Setting_a_key_twice_keeps_the_last_value_but_add_refuses()
    {
        var v = new OdooValues().Set("Code", "A").Set("Code", "B");
        Assert.Equal("""{"code":"B"}""", Encode(v));
        Assert.Throws<ArgumentException>(() => new OdooValues { { "Code", "A" }, { "Code", "B" } });
    }

    [Fact]
    public void Field_lists_and_orders_are_translated()
    {
        var meta = ReferralCode.Metadata;
        var v = OdooVersion.Parse("13.0");
        Assert.Equal(["code", "allowed_uses", "referral_credit_type", "type", "x_raw"],
            OdooFieldEncoding.EncodeFields(meta, v, ["Code", "Uses", "AllowedUses", "allowed_uses", "ReferralCreditTypeId", "CreditType", "MoveType", "x_raw"])!);
        Assert.Null(OdooFieldEncoding.EncodeFields(meta, v, null));
        Assert.Null(OdooFieldEncoding.EncodeFields(meta, v, []));
        Assert.Equal("create_date desc, name, type asc, x_other", OdooFieldEncoding.EncodeOrder(meta, v, "CreateDate desc, Name,MoveType asc, x_other"));
        Assert.Equal("referral_credit_type.name desc", OdooFieldEncoding.EncodeOrder(meta, v, "ReferralCreditType.Name desc"));
    }
}
