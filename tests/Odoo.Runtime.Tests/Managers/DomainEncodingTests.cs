using Odoo.Domains;

namespace Odoo.Runtime.Tests.Managers;

public sealed class DomainEncodingTests
{
    private static readonly OdooVersion V17 = OdooVersion.Parse("17.0");

    private static string Encode(OdooDomain d, string version = "17.0") => d.ToJson(ReferralCode.Metadata, OdooVersion.Parse(version));

    [Fact]
    public void Local_names_become_odoo_names()
    {
        var d = OdooDomain.Where("Code", "=", "ABC") & OdooDomain.Where("AllowedUses", ">", 0);
        Assert.Equal("""["&",["code","=","ABC"],["allowed_uses",">",0]]""", Encode(d));
    }

    [Fact]
    public void Aliases_id_and_name_forms_resolve_to_the_relation()
    {
        Assert.Equal("""[["allowed_uses","=",3]]""", Encode(OdooDomain.Equal("UsesAlias", 3)));
        Assert.Equal("""[["referral_credit_type","=",4]]""", Encode(OdooDomain.Equal("ReferralCreditTypeId", 4)));
        Assert.Equal("""[["referral_credit_type","ilike","cash"]]""", Encode(OdooDomain.Where("ReferralCreditTypeName", "ilike", "cash")));
        Assert.Equal("""[["referral_credit_type","=",4]]""", Encode(OdooDomain.Equal("CreditType", 4)));
        Assert.Equal("""[["referrals","in",[1,2]]]""", Encode(OdooDomain.In("ReferralIds", new[] { 1, 2 })));
    }

    [Fact]
    public void Dotted_paths_follow_relation_targets()
    {
        Assert.Equal("""[["referrals.parent_id.name","=","Acme"]]""", Encode(OdooDomain.Equal("Referrals.Parent.Name", "Acme")));
        Assert.Equal("""[["referral_credit_type.name","=","x"]]""", Encode(OdooDomain.Equal("ReferralCreditTypeId.Name", "x")));
        // A path through a non-relation is kept as written after the first segment.
        Assert.Equal("""[["code.Foo","=",1]]""", Encode(OdooDomain.Equal("Code.Foo", 1)));
    }

    [Fact]
    public void Undeclared_names_pass_through()
    {
        Assert.Equal("""[["x_studio_field","!=",false]]""", Encode(OdooDomain.NotEqual("x_studio_field", false)));
        Assert.Equal("""[["allowed_uses","=",1]]""", Encode(OdooDomain.Equal("allowed_uses", 1)));
    }

    [Fact]
    public void Version_specific_names_match_major_minor()
    {
        Assert.Equal("""[["type","=","out_invoice"]]""", Encode(OdooDomain.Equal("MoveType", "out_invoice"), "13.0"));
        Assert.Equal("""[["type","=","out_invoice"]]""", Encode(OdooDomain.Equal("MoveType", "out_invoice"), "13.0+e"));
        Assert.Equal("""[["move_type","=","out_invoice"]]""", Encode(OdooDomain.Equal("MoveType", "out_invoice"), "17.0"));
    }

    [Fact]
    public void Values_are_encoded_by_field_type()
    {
        var local = new DateTime(2024, 6, 1, 12, 30, 45, DateTimeKind.Utc);
        var d = OdooDomain.Where("Expiry", ">=", new DateOnly(2024, 6, 1))
              & OdooDomain.Where("ValidFrom", "<", local)
              & OdooDomain.Where("ValidFrom", ">", new DateTimeOffset(2024, 6, 1, 14, 0, 0, TimeSpan.FromHours(2)))
              & OdooDomain.Where("ValidFrom", ">", new DateOnly(2024, 1, 2))
              & OdooDomain.Equal("State", CodeState.Active)
              & OdooDomain.In("State", new object[] { CodeState.Draft, "expired" })
              & OdooDomain.Equal("ReferralCreditType", null);
        Assert.Equal(
            """["&","&","&","&","&","&",["expiry_date",">=","2024-06-01"],["valid_from","<","2024-06-01 12:30:45"],["valid_from",">","2024-06-01 12:00:00"],["valid_from",">","2024-01-02 00:00:00"],["state","=","active"],["state","in",["draft","expired"]],["referral_credit_type","=",false]]""",
            Encode(d));
    }

    [Fact]
    public void Local_datetimes_are_converted_to_utc()
    {
        var localTime = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Local);
        var expected = localTime.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($$"""[["valid_from","=","{{expected}}"]]""", Encode(OdooDomain.Equal("ValidFrom", localTime)));
    }

    [Fact]
    public void An_enum_that_is_not_a_selection_option_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Encode(OdooDomain.Equal("Code", CodeState.Active)));
        Assert.Contains("Code has no selection options", ex.Message);
        Assert.Throws<ArgumentException>(() => Encode(OdooDomain.Equal("x_undeclared", CodeState.Active)));
    }

    [Fact]
    public void Or_and_not_use_prefix_operators()
    {
        var d = OdooDomain.Equal("Code", "A") | OdooDomain.Equal("Code", "B") | !OdooDomain.Equal("Name", "C");
        Assert.Equal("""["|","|",["code","=","A"],["code","=","B"],"!",["name","=","C"]]""", Encode(d));
        var nested = OdooDomain.Equal("Code", "A") & (OdooDomain.Equal("Name", "x") | OdooDomain.Equal("Name", "y"));
        Assert.Equal("""["&",["code","=","A"],"|",["name","=","x"],["name","=","y"]]""", Encode(nested));
    }

    [Fact]
    public void ToString_shows_names_and_values_as_written_without_a_model()
    {
        var d = (OdooDomain.Equal("AllowedUses", -1) | OdooDomain.Equal("State", CodeState.Draft))
              & OdooDomain.In("State", new object[] { CodeState.Active, "expired" })
              & !OdooDomain.Equal("ReferralCreditType", null);
        Assert.Equal(
            """["&", "&", "|", ("AllowedUses", "=", -1), ("State", "=", CodeState.Draft), ("State", "in", [CodeState.Active, "expired"]), "!", ("ReferralCreditType", "=", null)]""",
            d.ToString());
        Assert.Equal("""[("Expiry", ">=", "2024-06-01"), ("Uses", ">", 2.5), ("Code", "ilike", "café")]""",
            OdooDomain.FromList([("Expiry", ">=", new DateOnly(2024, 6, 1)), ("Uses", ">", 2.5), ("Code", "ilike", "café")]).ToString());
        Assert.Equal("""[("Tags", "any", [("Name", "=", "VIP")])]""", OdooDomain.Where("Tags", "any", OdooDomain.Equal("Name", "VIP")).ToString());
        Assert.Equal("""[("Referrals", "in", [Partner(7)])]""", OdooDomain.In("Referrals", new[] { DomainEncodingTests.Decode<Partner>("""{"id":7,"name":"A"}""") }).ToString());
        Assert.Equal("[]", OdooDomain.All.ToString());
        Assert.Equal("""["!", [1, "=", 1]]""", (!OdooDomain.All).ToString());
        Assert.Equal("""["&", ["code","=","A"], ("Name", "=", "x")]""", (OdooDomain.Raw("""[["code","=","A"]]""") & OdooDomain.Equal("Name", "x")).ToString());
        // The wire form is unchanged: the enum needs the model to become its selection key.
        Assert.Equal("""["&","&","|",["allowed_uses","=",-1],["state","=","draft"],["state","in",["active","expired"]],"!",["referral_credit_type","=",false]]""", Encode(d));
    }

    [Fact]
    public void The_empty_domain_matches_everything()
    {
        Assert.Equal("[]", Encode(OdooDomain.All));
        Assert.Equal("""[["code","=","A"]]""", Encode(OdooDomain.All & OdooDomain.Equal("Code", "A")));
        Assert.Equal("[]", Encode(OdooDomain.All | OdooDomain.Equal("Code", "A")));
        Assert.Equal("""["!",[1,"=",1]]""", Encode(!OdooDomain.All));
    }

    [Fact]
    public void List_form_encodes_names_and_is_anded_when_combined()
    {
        OdooDomain list = new object[] { ("Code", "=", "A"), "|", new object[] { "Name", "=", "x" }, ("Name", "=", "y") };
        Assert.Equal("""[["code","=","A"],"|",["name","=","x"],["name","=","y"]]""", Encode(list));
        Assert.Equal("""["|",["allowed_uses","=",1],"&",["code","=","A"],"|",["name","=","x"],["name","=","y"]]""",
            Encode(OdooDomain.Equal("Uses", 1) | list));
    }

    [Fact]
    public void Raw_domains_are_sent_verbatim()
    {
        var raw = OdooDomain.Raw("""[["Code","=","A"],["x","=",1]]""");
        Assert.Equal("""[["Code","=","A"],["x","=",1]]""", Encode(raw));
        Assert.Equal("""["!","&",["Code","=","A"],["x","=",1]]""", Encode(!raw));
    }

    [Fact]
    public void Records_are_sent_as_ids()
    {
        var partner = Decode<Partner>("""{"id":7,"name":"Acme"}""");
        Assert.Equal("""[["referrals","in",[7,8]]]""", Encode(OdooDomain.In("Referrals", new object[] { partner, 8 })));
        Assert.Equal("""[["x_partner","=",7]]""", Encode(OdooDomain.Equal("x_partner", partner)));
    }

    [Fact]
    public void Any_takes_a_domain_over_the_related_model()
    {
        var d = OdooDomain.Where("Referrals", "any", OdooDomain.Equal("Parent.Name", "Acme"));
        Assert.Equal("""[["referrals","any",[["parent_id.name","=","Acme"]]]]""", Encode(d));
    }

    [Fact]
    public void Recursive_aliases_are_reported()
    {
        var meta = new Odoo.Metadata.OdooModelMetadata("x.loop", "Tests.Loop",
        [
            new("A", "a", Odoo.Metadata.OdooFieldKind.Char) { AliasOf = "B" },
            new("B", "b", Odoo.Metadata.OdooFieldKind.Char) { AliasOf = "C" },
            new("C", "c", Odoo.Metadata.OdooFieldKind.Char) { AliasOf = "A" },
        ]);
        var ex = Assert.Throws<ArgumentException>(() => OdooDomain.Equal("A", 1).ToJson(meta));
        Assert.StartsWith("Found recursive field alias definitions on Loop: A -> B -> C -> A", ex.Message);
    }

    internal static T Decode<T>(string json) where T : OdooRecord, IOdooRecord<T>
    {
        var r = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        r.Read();
        return T.Decode(ref r, OdooRecordSource.Detached);
    }
}
