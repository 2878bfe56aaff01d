using Odoo.Domains;
using Odoo.Values;

namespace Odoo.Runtime.Tests.Managers;

/// <summary>
/// Mistakes the client can see from the generated metadata fail before any request: a C#-style name that matches no
/// declared name (in fields, order, domains and values), and a value that cannot fit its declared field.
/// </summary>
public sealed class PreRequestCheckTests
{
    private static (OdooManager<ReferralCode> Manager, ScriptedTransport Transport) Codes()
    {
        var client = ScriptedTransport.Client(_ => "[]", out var transport);
        return (client.Manager<ReferralCode>(), transport);
    }

    [Fact]
    public async Task A_misspelt_property_in_fields_fails_naming_the_model_and_the_closest_names()
    {
        var (codes, transport) = Codes();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => codes.SearchAsync(fields: ["Code", "AlowedUses"]));
        Assert.Equal(
            "ReferralCode (openstack.referral_code) has no field or property named 'AlowedUses'. Did you mean 'AllowedUses'? Use a declared property name, or the Odoo field name (snake_case) for a field the declaration does not have. (Parameter 'name')",
            ex.Message);
        Assert.Empty(transport.Calls);
    }

    [Fact]
    public void Misspelt_names_fail_in_order_domains_and_values_too()
    {
        var (codes, _) = Codes();
        Assert.Contains("'CreateDate'", Assert.Throws<ArgumentException>(() => codes.EncodeOrder("CreatDate desc")).Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'Code'", Assert.Throws<ArgumentException>(() => codes.EncodeDomain(OdooDomain.Equal("Cod", "X"))).Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'Name'", Assert.Throws<ArgumentException>(() => codes.EncodeValues(new OdooValues { ["Nmae"] = "x" })).Message, StringComparison.Ordinal);
        // through a relation: the name is checked on the related model
        Assert.Contains("CreditType (openstack.credit.type) has no field or property named 'Nam'",
            Assert.Throws<ArgumentException>(() => codes.EncodeDomain(OdooDomain.Equal("ReferralCreditType.Nam", "X"))).Message, StringComparison.Ordinal);
        // nothing close: the declared names are listed
        Assert.Contains("Declared names: ", Assert.Throws<ArgumentException>(() => codes.EncodeFields(["Zzzzzzzzzz"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Odoo_style_names_pass_through_for_fields_the_declaration_lacks()
    {
        var (codes, _) = Codes();
        Assert.Equal(["code", "x_studio_note", "partner_id.country_id"], codes.EncodeFields(["Code", "x_studio_note", "partner_id.country_id"]));
        Assert.Equal("x_rank desc", codes.EncodeOrder("x_rank desc"));
        Assert.Equal("""[["x_flag","=",true]]""", codes.EncodeDomain(OdooDomain.Equal("x_flag", true)).ToString());
        Assert.Equal("""{"x_note":"n"}""", codes.EncodeValues(new OdooValues { ["x_note"] = "n" }).ToString());
    }

    [Theory]
    [InlineData("AllowedUses", "abc", "AllowedUses is an integer field (allowed_uses) and the value is a String. Pass an int or long")]
    [InlineData("allowed_uses", 1.5, "AllowedUses is an integer field (allowed_uses) and the value is a Double.")]
    [InlineData("Code", 5, "Code is a text field (code) and the value is a Int32. Pass a string")]
    [InlineData("Expiry", "2025-01-01T00:00:00", null)]
    [InlineData("Expiry", 20250101, "Expiry is a date field (expiry_date) and the value is a Int32.")]
    [InlineData("ValidFrom", true, "ValidFrom is a datetime field (valid_from) and the value is a Boolean.")]
    public void A_value_that_cannot_fit_its_field_fails_before_sending(string key, object value, string? expected)
    {
        var (codes, transport) = Codes();
        if (expected is null)
        {
            codes.EncodeValues(new OdooValues { [key] = value });
            return;
        }
        var ex = Assert.Throws<ArgumentException>(() => codes.EncodeValues(new OdooValues { [key] = value }));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"The value for '{key}' of ReferralCode does not fit the field: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(key, ex.ParamName);
        Assert.Empty(transport.Calls);
    }

    [Fact]
    public void Values_that_fit_are_encoded()
    {
        var (codes, _) = Codes();
        var encoded = codes.EncodeValues(new OdooValues
        {
            ["AllowedUses"] = 3L,
            ["Code"] = "C",
            ["Name"] = null,
            ["Expiry"] = new DateOnly(2025, 6, 1),
            ["ValidFrom"] = false,
            ["State"] = CodeState.Active,
        });
        Assert.Equal("""{"allowed_uses":3,"code":"C","name":null,"expiry_date":"2025-06-01","valid_from":false,"state":"active"}""", encoded.ToString());
    }

    [Fact]
    public async Task Update_with_a_value_that_does_not_fit_sends_nothing()
    {
        var (codes, transport) = Codes();
        await Assert.ThrowsAsync<ArgumentException>(() => codes.UpdateAsync(3, new OdooValues { ["AllowedUses"] = "3" }));
        Assert.Empty(transport.Calls);
    }
}
