using Xunit.Abstractions;
using Odoo.Domains;
using Odoo.Models.OpenStack;
using Odoo.Values;

namespace Odoo.RealServer.Tests;

/// <summary>
/// The typed exceptions for the real server's real errors: type, and the key parts of the message.
/// Where the client has no typed error yet (bad database, unknown field, wrong argument), the tests
/// pin what it raises today.
/// </summary>
[Collection(RealOdooCollection.Name)]
public sealed class ErrorTests(RealOdooFixture fixture, ITestOutputHelper output)
{
    private OpenStackOdooClient Odoo => fixture.Odoo;

    [Fact]
    public async Task Bad_password_is_access_denied_without_the_password()
    {
        const string wrong = "not-the-password-42";
        var e = await Assert.ThrowsAsync<OdooAccessDeniedException>(() => RealOdoo.ConnectAsync(password: wrong));
        output.WriteLine($"{e.GetType().Name}: {e.Message}");
        Assert.Contains($"'{RealOdoo.Database}'", e.Message);
        Assert.Contains($"'{RealOdoo.Username}'", e.Message);
        Assert.Contains("refused", e.Message);
        Assert.DoesNotContain(wrong, e.Message);
        Assert.DoesNotContain(wrong, e.ToString());
    }

    [Fact]
    public async Task Unknown_login_is_access_denied()
    {
        var e = await Assert.ThrowsAsync<OdooAccessDeniedException>(() => RealOdoo.ConnectAsync(username: RealOdoo.Run + "-nobody", password: "whatever-1234"));
        Assert.Contains($"'{RealOdoo.Run}-nobody'", e.Message);
    }

    [Fact]
    public async Task A_bad_database_is_a_database_not_found_error_listing_the_servers_databases()
    {
        // /web/session/authenticate answers odoo.exceptions.AccessError "Database not found."; the client names the
        // database and lists the server's databases (db.list).
        var database = RealOdoo.Run + "_nodb";
        var e = await Assert.ThrowsAnyAsync<OdooException>(() => OpenStackOdooClient.ConnectAsync(RealOdoo.Options(database: database)));
        output.WriteLine($"{e.GetType().Name}: {e.Message}");
        var missing = Assert.IsType<OdooDatabaseNotFoundException>(e, exactMatch: true);
        Assert.Equal("odoo.exceptions.AccessError", missing.ExceptionName);
        Assert.Equal("Database not found.", missing.ServerMessage);
        Assert.Equal(database, missing.Database);
        Assert.Contains(RealOdoo.Database, missing.AvailableDatabases ?? []);
        Assert.Contains($"'{database}'", e.Message);
        Assert.DoesNotContain(RealOdoo.Password.Length >= 4 ? RealOdoo.Password : "\u0000", e.ToString());
    }

    [Fact]
    public async Task A_user_without_groups_gets_access_errors()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var (_, login, password) = await Support.UserAsync(Odoo, cleanup, "nogroups");
        await using var user = await RealOdoo.ConnectAsync(login, password);
        var read = await Assert.ThrowsAsync<OdooAccessException>(() => user.PartnerCategories.SearchAsync(limit: 1));
        Assert.Equal("odoo.exceptions.AccessError", read.ExceptionName);
        Assert.Contains("You are not allowed to access 'Partner Tags' (res.partner.category) records.", read.ServerMessage);
        Assert.Equal("res.partner.category", read.Model);
        Assert.Equal("search_read", read.Method);
        var create = await Assert.ThrowsAsync<OdooAccessException>(() => user.CreditTypes.CreateAsync(new OdooValues { ["Name"] = "x", ["Product"] = 1 }));
        Assert.Contains("(openstack.credit.type)", create.ServerMessage);
        Assert.Contains("create", create.ServerMessage);
    }

    [Fact]
    public async Task A_failed_constraint_is_a_validation_error()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var a = await Support.PartnerAsync(Odoo, cleanup, "cycle a");
        var b = await Support.PartnerAsync(Odoo, cleanup, "cycle b", new OdooValues { ["Parent"] = a });
        var e = await Assert.ThrowsAsync<OdooValidationException>(() => Odoo.Partners.UpdateAsync(a, new OdooValues { ["Parent"] = b }));
        Assert.Equal("odoo.exceptions.ValidationError", e.ExceptionName);
        Assert.Equal("You cannot create recursive Partner hierarchies.", e.ServerMessage);
        Assert.Equal("res.partner", e.Model);
        Assert.Equal("write", e.Method);
        Assert.Equal([a], e.Ids);
        Assert.Null((await Odoo.Partners.GetAsync(a, ["Parent"])).ParentId); // rolled back
    }

    [Fact]
    public async Task A_cycle_in_a_parent_store_hierarchy_is_a_user_error()
    {
        // Tags keep a parent_path: the ORM finds the cycle while updating it, before the tag's own
        // constraint ("You can not create recursive tags."), and raises a UserError.
        await using var cleanup = new Cleanup(Odoo.Client);
        var a = cleanup.Add("res.partner.category", await Odoo.PartnerCategories.CreateAsync(new OdooValues { ["Name"] = RealOdoo.Name("cycle a") }));
        var b = cleanup.Add("res.partner.category", await Odoo.PartnerCategories.CreateAsync(new OdooValues { ["Name"] = RealOdoo.Name("cycle b"), ["Parent"] = a }));
        var e = await Assert.ThrowsAsync<OdooUserException>(() => Odoo.PartnerCategories.UpdateAsync(a, new OdooValues { ["Parent"] = b }));
        Assert.Equal("odoo.exceptions.UserError", e.ExceptionName);
        Assert.Equal("Recursion Detected.", e.ServerMessage);
        Assert.Null((await Odoo.PartnerCategories.GetAsync(a)).ParentId);
    }

    [Fact]
    public async Task A_unique_violation_is_a_validation_error_with_the_constraint_message()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var e = await Assert.ThrowsAsync<OdooValidationException>(() => Odoo.Currencies.CreateAsync(new OdooValues { ["Name"] = "USD", ["Symbol"] = "$" }));
        Assert.Equal("odoo.exceptions.ValidationError", e.ExceptionName);
        Assert.Contains("The currency code must be unique!", e.ServerMessage);

        var product = await Support.ProductAsync(Odoo, cleanup, "unique");
        var type = cleanup.Add("openstack.credit.type", await Odoo.CreditTypes.CreateAsync(new OdooValues { ["Name"] = RealOdoo.Name("unique"), ["Product"] = product }));
        var values = new OdooValues { ["Code"] = RealOdoo.Run + "-DUP", ["ReferralCreditType"] = type, ["RewardCreditType"] = type };
        cleanup.Add("openstack.referral_code", await Odoo.ReferralCodes.CreateAsync(values));
        var dup = await Assert.ThrowsAsync<OdooValidationException>(() => Odoo.ReferralCodes.CreateAsync(values));
        Assert.Contains("A referral code must be unique.", dup.ServerMessage);
        Assert.Equal(1, await Odoo.ReferralCodes.CountAsync(OdooDomain.Equal("Code", RealOdoo.Run + "-DUP")));
    }

    [Fact]
    public async Task Foreign_key_violations_are_validation_errors()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        // Deleting a record another one requires (ondelete restrict).
        var category = cleanup.Add("product.category", await Odoo.ProductCategories.CreateAsync(new OdooValues { ["Name"] = RealOdoo.Name("fk category") }));
        await Support.ProductAsync(Odoo, cleanup, "fk", extra: new OdooValues { ["Categ"] = category });
        var delete = await Assert.ThrowsAsync<OdooValidationException>(() => Odoo.ProductCategories.DeleteAsync(category));
        Assert.Contains("another model requires the record being deleted", delete.ServerMessage);
        Assert.NotNull(await Odoo.ProductCategories.FindAsync(category));

        // Pointing at a record that does not exist.
        var product = await Support.ProductAsync(Odoo, cleanup, "fk2");
        var create = await Assert.ThrowsAsync<OdooValidationException>(() => Odoo.CreditTypes.CreateAsync(new OdooValues
        {
            ["Name"] = RealOdoo.Name("fk type"), ["Product"] = product, ["OnlyForProducts"] = new[] { int.MaxValue - 11 },
        }));
        Assert.Contains("The operation cannot be completed", create.ServerMessage);
    }

    [Fact]
    public async Task A_missing_required_value_is_a_validation_error()
    {
        var e = await Assert.ThrowsAsync<OdooValidationException>(() => Odoo.CreditTypes.CreateAsync(new OdooValues { ["Name"] = RealOdoo.Name("no product") }));
        Assert.Contains("mandatory field is not set", e.ServerMessage);
        Assert.Contains("openstack.credit.type", e.ServerMessage);
    }

    [Fact]
    public async Task A_deleted_record_is_a_missing_record_error()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var id = await Odoo.Partners.CreateAsync(new OdooValues { ["Name"] = RealOdoo.Name("gone") });
        await Odoo.Partners.DeleteAsync(id);
        var e = await Assert.ThrowsAsync<OdooMissingRecordException>(() => Odoo.Partners.UpdateAsync(id, new OdooValues { ["Email"] = "x@example.com" }));
        Assert.Equal("odoo.exceptions.MissingError", e.ExceptionName);
        Assert.Equal($"Record does not exist or has been deleted.\n(Record: res.partner({id},), User: {Odoo.UserId})", e.ServerMessage);
        Assert.Equal("res.partner", e.Model);
        Assert.Equal([id], e.Ids);
        var confirm = await Assert.ThrowsAsync<OdooMissingRecordException>(() => Odoo.SaleOrders.ActionConfirmAsync(int.MaxValue - 5));
        Assert.Equal("action_confirm", confirm.Method);
        // A read of a missing id is not an error on Odoo 18: the manager reports it.
        var get = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => Odoo.Partners.GetAsync(id));
        Assert.Equal([id], get.MissingIds);

        // Models without write overrides accept a write or an unlink of a deleted record silently.
        var tag = await Odoo.PartnerCategories.CreateAsync(new OdooValues { ["Name"] = RealOdoo.Name("gone tag") });
        await Odoo.PartnerCategories.DeleteAsync(tag);
        await Odoo.PartnerCategories.UpdateAsync(tag, new OdooValues { ["Color"] = 3 });
        await Odoo.PartnerCategories.DeleteAsync(tag);
        Assert.Null(await Odoo.PartnerCategories.FindAsync(tag));
    }

    [Fact]
    public async Task A_refused_business_operation_is_a_user_error()
    {
        await using var cleanup = new Cleanup(Odoo.Client);
        var partner = await Support.PartnerAsync(Odoo, cleanup, "usererror");
        var product = await Support.ProductAsync(Odoo, cleanup, "usererror");
        var order = cleanup.Add("sale.order", await Odoo.SaleOrders.CreateAsync(new OdooValues
        {
            ["Partner"] = partner,
            ["OrderLine"] = new[] { OdooCommand.Create(new OdooValues { ["Product"] = product, ["ProductUomQty"] = 1.0 }) },
        }));
        await Odoo.SaleOrders.ActionConfirmAsync(order);
        var e = await Assert.ThrowsAsync<OdooUserException>(() => Odoo.SaleOrders.DeleteAsync(order));
        Assert.Equal("odoo.exceptions.UserError", e.ExceptionName);
        Assert.Contains("You can not delete a sent quotation or a confirmed sales order. You must first cancel it.", e.ServerMessage);
    }

    [Fact]
    public async Task An_unknown_model_is_not_found()
    {
        // Over /web/dataset/call_kw (session logins) Odoo answers werkzeug's 404 NotFound, which does not name the model;
        // over /jsonrpc it was a UserError "Object openstack.no_such_model doesn't exist".
        var e = await Assert.ThrowsAsync<OdooNotFoundException>(() => Odoo.Client.Model("openstack.no_such_model").SearchCountAsync());
        output.WriteLine($"{e.GetType().Name}: {e.Message}");
        Assert.Equal("werkzeug.exceptions.NotFound", e.ExceptionName);
        Assert.Contains("404", e.ServerMessage);
        Assert.Equal("openstack.no_such_model", e.Model);
        Assert.Contains("openstack.no_such_model", e.Message);
    }

    [Fact]
    public async Task An_unknown_field_is_an_unknown_field_error_naming_model_and_field()
    {
        var inDomain = await Assert.ThrowsAnyAsync<OdooServerException>(() => Odoo.Client.Model("res.partner.category").SearchAsync(
            new object[] { new object[] { "no_such_field", "=", 1 } }));
        output.WriteLine($"{inDomain.GetType().Name}: {inDomain.Message}");
        var domain = Assert.IsType<OdooUnknownFieldException>(inDomain, exactMatch: true);
        Assert.Equal("builtins.ValueError", domain.ExceptionName);
        Assert.Contains("Invalid field res.partner.category.no_such_field", domain.ServerMessage);
        Assert.Equal(("res.partner.category", "no_such_field"), (domain.FieldModel, domain.Field));

        var inWrite = await Assert.ThrowsAnyAsync<OdooServerException>(() => Odoo.Client.Model("res.partner.category").CreateAsync(
            new Dictionary<string, object?> { ["name"] = RealOdoo.Name("unknown field"), ["no_such_field"] = 1 }));
        output.WriteLine($"{inWrite.GetType().Name}: {inWrite.Message}");
        var write = Assert.IsType<OdooUnknownFieldException>(inWrite, exactMatch: true);
        Assert.Equal("builtins.ValueError", write.ExceptionName);
        Assert.Equal(("res.partner.category", "no_such_field"), (write.FieldModel, write.Field));
    }

    [Fact]
    public async Task A_wrong_argument_is_a_generic_server_error_today()
    {
        var e = await Assert.ThrowsAnyAsync<OdooServerException>(() => Odoo.Client.Model("res.partner.category").CallAsync(
            "search", args: [Array.Empty<object>()], kwargs: new Dictionary<string, object?> { ["no_such_argument"] = 1 }));
        output.WriteLine($"{e.GetType().Name}: {e.Message}");
        Assert.IsType<OdooServerException>(e, exactMatch: true);
        Assert.Equal("builtins.TypeError", e.ExceptionName);
        Assert.Contains("no_such_argument", e.ServerMessage);
        var method = await Assert.ThrowsAnyAsync<OdooServerException>(() => Odoo.Client.Model("res.partner.category").CallAsync("no_such_method", args: []));
        output.WriteLine($"{method.GetType().Name}: {method.Message}");
        Assert.Contains("no_such_method", method.ServerMessage);
    }
}
