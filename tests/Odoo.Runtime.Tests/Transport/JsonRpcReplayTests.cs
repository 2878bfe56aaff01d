using System.Text.Json;

namespace Odoo.Runtime.Tests.Transport;

/// <summary>
/// Replays every recorded execute_kw sample (Odoo 18.0): the client must send the same call
/// (plus its context) and map the recorded answer to the right value or exception.
/// </summary>
public sealed class JsonRpcReplayTests
{
    private static async Task<(OdooClient Client, FakeOdoo Fake)> ReplayAsync(string sample, string password = "admin")
    {
        var fake = new FakeOdoo { ExecuteKw = (_, _) => Task.FromResult(WireSamples.Response(sample)) };
        var client = await fake.ConnectAsync(o => o.Password = password);
        return (client, fake);
    }

    private static Dictionary<string, object?> Values(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task Search_read_res_partner()
    {
        var (client, fake) = await ReplayAsync("07-execute_kw-search_read-res.partner");
        await using var _ = client;
        var rows = await client.Model("res.partner").SearchReadAsync(
            new object[] { new object[] { "is_company", "=", true } },
            ["id", "name", "email", "country_id", "create_date"], limit: 3, order: "id");

        FakeOdoo.AssertSameCall("07-execute_kw-search_read-res.partner", fake.ExecuteKwRequests.Single());
        Assert.Equal(3, rows.Count);
        Assert.Equal("YourCompany", rows[0].GetProperty("name").GetString());
        Assert.Equal(233, rows[0].GetProperty("country_id")[0].GetInt32());
        Assert.Equal("Deco Addict", rows[2].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Search_res_partner_with_tuple_domain()
    {
        var (client, fake) = await ReplayAsync("08-execute_kw-search-res.partner");
        await using var _ = client;
        var ids = await client.Model("res.partner").SearchAsync(new[] { ("is_company", "=", (object)true) }, limit: 2, order: "id");
        FakeOdoo.AssertSameCall("08-execute_kw-search-res.partner", fake.ExecuteKwRequests.Single());
        Assert.Equal([1, 9], ids);
    }

    [Fact]
    public async Task Read_res_partner()
    {
        var (client, fake) = await ReplayAsync("09-execute_kw-read-res.partner");
        await using var _ = client;
        var rows = await client.Model("res.partner").ReadAsync([1, 9],
            ["name", "parent_id", "child_ids", "category_id", "active", "os_customer_group", "os_projects"]);
        FakeOdoo.AssertSameCall("09-execute_kw-read-res.partner", fake.ExecuteKwRequests.Single());
        Assert.Equal(2, rows.Count);
        Assert.Equal(JsonValueKind.False, rows[0].GetProperty("parent_id").ValueKind);
        Assert.Equal(3, rows[1].GetProperty("child_ids").GetArrayLength());
    }

    [Fact]
    public async Task Search_count_res_partner()
    {
        var (client, fake) = await ReplayAsync("10-execute_kw-search_count-res.partner");
        await using var _ = client;
        var count = await client.Model("res.partner").SearchCountAsync(new object[] { new object[] { "is_company", "=", true } });
        FakeOdoo.AssertSameCall("10-execute_kw-search_count-res.partner", fake.ExecuteKwRequests.Single());
        Assert.Equal(9, count);
    }

    [Fact]
    public async Task Fields_get()
    {
        var (client, fake) = await ReplayAsync("11-execute_kw-fields_get-openstack.referral_code");
        await using var _ = client;
        var fields = await client.Model("openstack.referral_code").FieldsGetAsync(["string", "type", "required", "readonly", "relation", "selection"]);
        FakeOdoo.AssertSameCall("11-execute_kw-fields_get-openstack.referral_code", fake.ExecuteKwRequests.Single());
        Assert.Equal("many2one", fields.GetProperty("referral_credit_type").GetProperty("type").GetString());
        Assert.Equal("openstack.credit.type", fields.GetProperty("referral_credit_type").GetProperty("relation").GetString());
    }

    [Fact]
    public async Task Search_read_product_product()
    {
        var (client, fake) = await ReplayAsync("12-execute_kw-search_read-product.product");
        await using var _ = client;
        var rows = await client.Model("product.product").SearchReadAsync(
            new object[] { new object[] { "sale_ok", "=", true } },
            ["name", "default_code", "list_price", "categ_id", "uom_id", "taxes_id"], limit: 2, order: "id");
        FakeOdoo.AssertSameCall("12-execute_kw-search_read-product.product", fake.ExecuteKwRequests.Single());
        Assert.Equal(400.0, rows[1].GetProperty("list_price").GetDouble());
    }

    [Fact]
    public async Task Create_one()
    {
        var (client, fake) = await ReplayAsync("13-execute_kw-create-openstack.credit.type");
        await using var _ = client;
        var id = await client.Model("openstack.credit.type").CreateAsync(Values(("name", "Wire sample credit type"), ("product", 1), ("refundable", true)));
        FakeOdoo.AssertSameCall("13-execute_kw-create-openstack.credit.type", fake.ExecuteKwRequests.Single());
        Assert.Equal(3, id);
    }

    [Fact]
    public async Task Create_many()
    {
        var (client, fake) = await ReplayAsync("14-execute_kw-create-multi-openstack.referral_code");
        await using var _ = client;
        var ids = await client.Model("openstack.referral_code").CreateManyAsync([
            Values(("code", "WIRE-RC-1"), ("referral_credit_type", 3), ("reward_credit_type", 3), ("allowed_uses", 5)),
            Values(("code", "WIRE-RC-2"), ("referral_credit_type", 3), ("reward_credit_type", 3)),
        ]);
        FakeOdoo.AssertSameCall("14-execute_kw-create-multi-openstack.referral_code", fake.ExecuteKwRequests.Single());
        Assert.Equal([7, 8], ids);
    }

    [Theory]
    [InlineData("15-execute_kw-write-openstack.referral_code")]
    [InlineData("22-execute_kw-write-deleted-ids-no-error")]
    public async Task Write(string sample)
    {
        var (client, fake) = await ReplayAsync(sample);
        await using var _ = client;
        var args = WireSamples.Request(sample)["params"]!["args"]![5]!.AsArray();
        var ids = args[0]!.AsArray().Select(n => (int)n!).ToArray();
        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(args[1]!.ToJsonString())!
            .ToDictionary(p => p.Key, p => (object?)p.Value);
        await client.Model("openstack.referral_code").WriteAsync(ids, values);
        FakeOdoo.AssertSameCall(sample, fake.ExecuteKwRequests.Single());
    }

    [Fact]
    public async Task Read_after_write()
    {
        var (client, fake) = await ReplayAsync("16-execute_kw-read-openstack.referral_code");
        await using var _ = client;
        var rows = await client.Model("openstack.referral_code").ReadAsync([7, 8],
            ["code", "name", "allowed_uses", "referral_credit_amount", "referral_credit_type", "referrals", "create_date", "write_uid"]);
        FakeOdoo.AssertSameCall("16-execute_kw-read-openstack.referral_code", fake.ExecuteKwRequests.Single());
        Assert.Equal(25.5, rows[0].GetProperty("referral_credit_amount").GetDouble());
    }

    [Theory]
    [InlineData("20-execute_kw-unlink-openstack.referral_code", "openstack.referral_code", new[] { 7, 8 })]
    [InlineData("30-execute_kw-unlink-openstack.credit.type", "openstack.credit.type", new[] { 3 })]
    public async Task Unlink(string sample, string model, int[] ids)
    {
        var (client, fake) = await ReplayAsync(sample);
        await using var _ = client;
        await client.Model(model).UnlinkAsync(ids);
        FakeOdoo.AssertSameCall(sample, fake.ExecuteKwRequests.Single());
    }

    [Fact]
    public async Task Read_of_deleted_ids_is_empty()
    {
        var (client, fake) = await ReplayAsync("21-execute_kw-read-deleted-ids-empty");
        await using var _ = client;
        var rows = await client.Model("openstack.referral_code").ReadAsync([7, 8], ["code"]);
        FakeOdoo.AssertSameCall("21-execute_kw-read-deleted-ids-empty", fake.ExecuteKwRequests.Single());
        Assert.Empty(rows);
    }

    [Fact]
    public async Task Bad_password_on_execute_kw_is_access_denied()
    {
        var (client, fake) = await ReplayAsync("05-execute_kw-bad-password-AccessDenied", password: "wrong-password");
        await using var _ = client;
        var ex = await Assert.ThrowsAsync<OdooAccessDeniedException>(() => client.Model("res.partner").SearchAsync(Array.Empty<object>(), limit: 1));
        FakeOdoo.AssertSameCall("05-execute_kw-bad-password-AccessDenied", fake.ExecuteKwRequests.Single());
        Assert.Equal("odoo.exceptions.AccessDenied", ex.ExceptionName);
        Assert.Equal("res.partner.search failed (odoo.exceptions.AccessDenied): Access Denied", ex.Message);
        Assert.DoesNotContain("wrong-password", ex.ToString());
    }

    [Fact]
    public async Task Constraint_violation_on_write_is_a_validation_error()
    {
        var (client, fake) = await ReplayAsync("17-execute_kw-write-ValidationError-constraint");
        await using var _ = client;
        var ex = await Assert.ThrowsAsync<OdooValidationException>(() =>
            client.Model("openstack.referral_code").WriteAsync([7], Values(("allowed_uses", -5))));
        FakeOdoo.AssertSameCall("17-execute_kw-write-ValidationError-constraint", fake.ExecuteKwRequests.Single());
        Assert.Equal(
            "openstack.referral_code.write(7) failed (odoo.exceptions.ValidationError): Allowed uses must be -1 (unlimited) or a non-negative number.",
            ex.Message);
        Assert.Equal("openstack.referral_code", ex.Model);
        Assert.Equal("write", ex.Method);
        Assert.Equal([7], ex.Ids);
        Assert.Equal(["Allowed uses must be -1 (unlimited) or a non-negative number."], ex.Arguments);
        Assert.StartsWith("Traceback", ex.Debug);
        Assert.Equal(200, ex.HttpStatus);
    }

    [Theory]
    [InlineData("18-execute_kw-create-ValidationError-unique", "must be unique")]
    [InlineData("19-execute_kw-create-ValidationError-required", "a mandatory field is not set")]
    [InlineData("26-execute_kw-create-ValidationError-foreign-key", "openstack_referral_code_referral_credit_type_fkey")]
    public async Task Database_constraints_on_create_are_validation_errors(string sample, string expectedText)
    {
        var (client, fake) = await ReplayAsync(sample);
        await using var _ = client;
        var vals = WireSamples.Request(sample)["params"]!["args"]![5]![0]!;
        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(vals.ToJsonString())!.ToDictionary(p => p.Key, p => (object?)p.Value);
        var ex = await Assert.ThrowsAsync<OdooValidationException>(() => client.Model("openstack.referral_code").CreateAsync(values));
        FakeOdoo.AssertSameCall(sample, fake.ExecuteKwRequests.Single());
        Assert.StartsWith("openstack.referral_code.create failed (odoo.exceptions.ValidationError): ", ex.Message);
        Assert.Contains(expectedText, ex.Message);
        Assert.Contains(expectedText, ex.ServerMessage);
    }

    [Fact]
    public async Task Write_on_missing_record_is_a_missing_record_error()
    {
        var (client, fake) = await ReplayAsync("23-execute_kw-write-MissingError");
        await using var _ = client;
        var ex = await Assert.ThrowsAsync<OdooMissingRecordException>(() =>
            client.Model("res.partner").WriteAsync([999999], Values(("name", "nobody"))));
        FakeOdoo.AssertSameCall("23-execute_kw-write-MissingError", fake.ExecuteKwRequests.Single());
        Assert.StartsWith("res.partner.write(999999) failed (odoo.exceptions.MissingError): Record does not exist or has been deleted.", ex.Message);
        Assert.Equal([999999], ex.Ids);
    }

    [Fact]
    public async Task Unlink_of_missing_record_is_a_missing_record_error()
    {
        var (client, fake) = await ReplayAsync("24-execute_kw-unlink-MissingError");
        await using var _ = client;
        var ex = await Assert.ThrowsAsync<OdooMissingRecordException>(() => client.Model("res.partner").UnlinkAsync([999999]));
        FakeOdoo.AssertSameCall("24-execute_kw-unlink-MissingError", fake.ExecuteKwRequests.Single());
        Assert.StartsWith("res.partner.unlink(999999) failed", ex.Message);
    }

    [Fact]
    public async Task Generic_call_copy_of_missing_record()
    {
        var (client, fake) = await ReplayAsync("25-execute_kw-copy-MissingError");
        await using var _ = client;
        var ex = await Assert.ThrowsAsync<OdooMissingRecordException>(() => client.Model("openstack.credit.type").CallAsync("copy", ids: [999999]));
        FakeOdoo.AssertSameCall("25-execute_kw-copy-MissingError", fake.ExecuteKwRequests.Single());
        Assert.StartsWith("openstack.credit.type.copy(999999) failed", ex.Message);
    }

    [Fact]
    public async Task Unknown_model_is_a_user_error()
    {
        var (client, fake) = await ReplayAsync("27-execute_kw-unknown-model");
        await using var _ = client;
        var ex = await Assert.ThrowsAsync<OdooUserException>(() => client.Model("no.such.model").SearchAsync());
        FakeOdoo.AssertSameCall("27-execute_kw-unknown-model", fake.ExecuteKwRequests.Single());
        Assert.Equal("no.such.model.search failed (odoo.exceptions.UserError): Object no.such.model doesn't exist", ex.Message);
    }

    [Fact]
    public async Task Unknown_method_is_a_plain_server_error()
    {
        var (client, fake) = await ReplayAsync("28-execute_kw-unknown-method");
        await using var _ = client;
        var ex = await Assert.ThrowsAsync<OdooServerException>(() => client.Model("res.partner").CallAsync("no_such_method", args: [Array.Empty<object>()]));
        FakeOdoo.AssertSameCall("28-execute_kw-unknown-method", fake.ExecuteKwRequests.Single());
        Assert.Equal(typeof(OdooServerException), ex.GetType());
        Assert.Equal("builtins.AttributeError", ex.ExceptionName);
        Assert.Contains("The method 'no_such_method' does not exist on the model 'res.partner'", ex.Message);
    }

    [Fact]
    public async Task Private_method_is_an_access_error()
    {
        var (client, fake) = await ReplayAsync("29-execute_kw-private-method");
        await using var _ = client;
        var ex = await Assert.ThrowsAsync<OdooAccessException>(() => client.Model("res.partner").CallAsync("_compute_display_name", ids: [1, 9]));
        FakeOdoo.AssertSameCall("29-execute_kw-private-method", fake.ExecuteKwRequests.Single());
        Assert.StartsWith("res.partner._compute_display_name(1, 9) failed (odoo.exceptions.AccessError)", ex.Message);
    }

    [Fact]
    public async Task Name_search_sends_positional_arguments_and_reads_pairs()
    {
        var fake = new FakeOdoo { ExecuteKw = (_, _) => Task.FromResult(FakeOdoo.RpcResult("""[[10, "Deco Addict"], [9, "Wood Corner"]]""")) };
        await using var client = await fake.ConnectAsync();
        var found = await client.Model("res.partner").NameSearchAsync("o", limit: 5);
        Assert.Equal([(10, "Deco Addict"), (9, "Wood Corner")], found);
        var args = fake.ExecuteKwRequests.Single().Args;
        Assert.Equal("""["o",[],"ilike",5]""", args[5]!.ToJsonString());
    }

    [Fact]
    public async Task Every_call_carries_the_client_context_merged_with_the_call_context()
    {
        var fake = new FakeOdoo { ExecuteKw = (_, _) => Task.FromResult(FakeOdoo.RpcResult("0")) };
        await using var client = await fake.ConnectAsync();
        await client.Model("res.partner").SearchCountAsync(context: OdooContext.Empty.WithActiveTest(false).WithLang("nl_BE"));
        var context = fake.ExecuteKwRequests.Single().Args[6]!["context"]!;
        Assert.Equal("""{"active_test":false,"lang":"nl_BE","tz":"Europe/Brussels","uid":2}""", context.ToJsonString());
    }
}
