using Odoo.Domains;
using Odoo.Managers;
using Odoo.Testing;
using Odoo.Values;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// The OpenStack models over Odoo 19's JSON-2 (<c>POST /json/2/&lt;model&gt;/&lt;method&gt;</c>, bearer API key)
/// against an in-memory 19.0 server: the referral code page, a typed-domain search, create/update/delete,
/// a model-specific method backed by a custom server method, and auto-detection picking JSON-2. Every
/// ORM call is checked in the server's request log to have arrived as JSON-2.
/// </summary>
public sealed class Json2Tests : IAsyncLifetime
{
    private TestOdoo _t = null!;

    private OdooTestServer Server => _t.Server;

    private OpenStackOdooClient Odoo => _t.Odoo;

    public async Task InitializeAsync()
    {
        _t = await TestOdoo.StartAsync(version: "19.0", protocol: OdooProtocol.Json2);
        await _t.CallsAsync(1); // the connection's res.users.context_get, logged just after its answer
        _t.Server.ClearRequests();
    }

    public async Task DisposeAsync() => await _t.DisposeAsync();

    /// <summary>
    /// Waits for <paramref name="count"/> ORM calls, then checks every request since the last
    /// <see cref="OdooTestServer.ClearRequests"/> came over JSON-2 on its own route, and clears the log.
    /// </summary>
    private async Task<IReadOnlyList<OrmCall>> Json2CallsAsync(int count)
    {
        var calls = await _t.CallsAsync(count);
        Assert.Equal(count, calls.Count);
        var requests = Server.Requests;
        Assert.Equal(count, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal(OdooRequestProtocol.Json2, r.Protocol);
            Assert.Equal("POST", r.HttpMethod);
            Assert.Equal($"/json/2/{r.Model}/{r.Method}", r.Path);
            Assert.Null(r.Service);
            Assert.Equal(200, r.StatusCode);
            Assert.Equal(2, r.Uid); // the admin, identified by the API key alone
        });
        Server.ClearRequests();
        return calls;
    }

    private (int Newcomer, int Reward, int Code, int Alice, int Bob) SeedReferralCode()
    {
        var seeded = TestOdoo.SeedReferralCodePage(Server);
        Server.ClearRequests();
        return seeded;
    }

    [Fact]
    public void The_client_talks_json2_to_an_odoo_19_server()
    {
        Assert.Equal(OdooProtocol.Json2, Odoo.Client.Protocol);
        Assert.Equal(19, Odoo.Client.ServerVersion.Major);
        Assert.Equal(2, Odoo.UserId);
    }

    [Fact]
    public async Task The_referral_code_page_works_over_json2()
    {
        var (newcomerType, rewardType, id, alice, bob) = SeedReferralCode();

        // >>> odoo_client.referral_codes.get(1234): one read.
        ReferralCode code = await Odoo.ReferralCodes.GetAsync(1234);
        var read = Assert.Single(await Json2CallsAsync(1));
        Assert.Equal("openstack.referral_code", read.Model);
        Assert.Equal("read", read.Method);
        Assert.StartsWith("{\"ids\":[1234]", read.Kwargs, StringComparison.Ordinal);
        Assert.Equal("[]", read.Args); // JSON-2 has no positional arguments

        // Every field the page lists.
        Assert.Equal(id, code.Id);
        Assert.Equal(-1, code.AllowedUses);
        Assert.Equal(300.0, code.BeforeRewardUsageThreshold);
        Assert.Equal("WELCOME10", code.Code);
        Assert.Equal("Referral code WELCOME10", code.Name);
        Assert.Equal([alice, bob], code.ReferralIds.Order());
        Assert.Equal(50.0, code.ReferralCreditAmount);
        Assert.Equal(30, code.ReferralCreditDuration);
        Assert.Equal(newcomerType, code.ReferralCreditTypeId);
        Assert.Equal("Referral credit", code.ReferralCreditTypeName);
        Assert.Equal(25.5, code.RewardCreditAmount);
        Assert.Equal(90, code.RewardCreditDuration);
        Assert.Equal(rewardType, code.RewardCreditTypeId);
        Assert.Equal("Reward credit", code.RewardCreditTypeName);
        // Ids and names came with the read: no request for them.
        await Json2CallsAsync(0);

        // The lookup by code: one search_read.
        var byCode = await Odoo.ReferralCodes.GetByCodeAsync("WELCOME10");
        Assert.Equal(code, byCode);
        var search = Assert.Single(await Json2CallsAsync(1));
        Assert.Equal("openstack.referral_code.search_read", $"{search.Model}.{search.Method}");
        Assert.Contains("\"domain\":[[\"code\",\"=\",\"WELCOME10\"]]", search.Kwargs, StringComparison.Ordinal);
        await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => Odoo.ReferralCodes.GetByCodeAsync("NOPE"));
        await Json2CallsAsync(1);

        // The credit type record: one read, then cached.
        CreditType referralType = await code.LoadReferralCreditTypeAsync();
        Assert.Equal(newcomerType, referralType.Id);
        Assert.Equal("Referral credit", referralType.Name);
        Assert.False(referralType.Refundable);
        Assert.Same(referralType, await code.LoadReferralCreditTypeAsync());
        Assert.Same(referralType, code.ReferralCreditType);
        var typeRead = Assert.Single(await Json2CallsAsync(1));
        Assert.Equal($"openstack.credit.type.read", $"{typeRead.Model}.{typeRead.Method}");
        Assert.StartsWith($"{{\"ids\":[{newcomerType}]", typeRead.Kwargs, StringComparison.Ordinal);

        // The referrals: every id in one batched read, then cached.
        IReadOnlyList<Partner> referrals = await code.LoadReferralsAsync();
        Assert.Equal(["Alice", "Bob"], referrals.Select(p => p.Name).Order());
        Assert.Equal([alice, bob], referrals.Select(p => p.Id).Order());
        Assert.All(referrals, p => Assert.Equal(id, p.OsReferralId));
        Assert.Same(referrals, await code.LoadReferralsAsync());
        Assert.Same(referrals, code.Referrals);
        var partnersRead = Assert.Single(await Json2CallsAsync(1));
        Assert.Equal("res.partner.read", $"{partnersRead.Model}.{partnersRead.Method}");
        Assert.Contains(alice.ToString(), partnersRead.Kwargs, StringComparison.Ordinal);
        Assert.Contains(bob.ToString(), partnersRead.Kwargs, StringComparison.Ordinal);

        // The credit type by id through its own manager, and the user the client is logged in as.
        Assert.Equal("Reward credit", (await Odoo.CreditTypes.GetAsync(code.RewardCreditTypeId)).Name);
        var user = await Odoo.GetUserAsync();
        Assert.Equal(Odoo.UserId, user.Id);
        Assert.Equal(Server.Username, Server.Users.Single(u => u.Uid == user.Id).Login);
        await Json2CallsAsync(2);
    }

    [Fact]
    public async Task A_typed_domain_is_encoded_to_odoo_names_and_values_over_json2()
    {
        var (newcomerType, rewardType, id, _, _) = SeedReferralCode();
        var other = Server.Create("openstack.referral_code", new
        {
            code = "OTHER", allowed_uses = 3, referral_credit_type = rewardType, reward_credit_type = rewardType, reward_credit_amount = 10.0,
        });
        var order = Server.Create("sale.order", new { name = "S00001", state = "sale" });
        Server.Create("sale.order", new { name = "S00002", state = "draft" });
        Server.ClearRequests();
        var referralType = await Odoo.CreditTypes.GetAsync(newcomerType);
        await Json2CallsAsync(1);

        // Local names, a record as a many2one value, the Id form, and numbers.
        var domain = OdooDomain.Equal(nameof(ReferralCode.ReferralCreditType), referralType)
            & OdooDomain.Equal("RewardCreditTypeId", rewardType)
            & (OdooDomain.Where(nameof(ReferralCode.AllowedUses), "=", -1) | OdooDomain.Where(nameof(ReferralCode.AllowedUses), ">", 100))
            & OdooDomain.Where(nameof(ReferralCode.RewardCreditAmount), ">", 20.0);
        var found = await Odoo.ReferralCodes.SearchAsync(domain, [nameof(ReferralCode.Code), nameof(ReferralCode.ReferralCreditType)]);
        Assert.Equal([id], found.Select(r => r.Id));
        Assert.Equal("WELCOME10", found[0].Code);
        var call = Assert.Single(await Json2CallsAsync(1));
        Assert.Equal("openstack.referral_code.search_read", $"{call.Model}.{call.Method}");
        Assert.Equal(
            $"{{\"domain\":[\"&\",\"&\",\"&\",[\"referral_credit_type\",\"=\",{newcomerType}],[\"reward_credit_type\",\"=\",{rewardType}]," +
            "\"|\",[\"allowed_uses\",\"=\",-1],[\"allowed_uses\",\">\",100],[\"reward_credit_amount\",\">\",20]]," +
            "\"fields\":[\"code\",\"referral_credit_type\"]}",
            call.Kwargs);

        // Negation, in, and an enum value encoded as its selection key.
        Assert.Equal([other], await Odoo.ReferralCodes.SearchIdsAsync(!OdooDomain.In(nameof(ReferralCode.Code), new[] { "WELCOME10" })));
        await Json2CallsAsync(1);
        var sold = await Odoo.SaleOrders.SearchAsync(OdooDomain.Equal(nameof(SaleOrder.State), SaleOrderState.Sale), [nameof(SaleOrder.Name), nameof(SaleOrder.State)]);
        Assert.Equal([order], sold.Select(o => o.Id));
        Assert.Equal(SaleOrderState.Sale, sold[0].State);
        Assert.Equal(1, await Odoo.SaleOrders.CountAsync(OdooDomain.Equal(nameof(SaleOrder.State), SaleOrderState.Draft)));
        var calls = await Json2CallsAsync(2);
        Assert.Contains("\"domain\":[[\"state\",\"=\",\"sale\"]]", calls[0].Kwargs, StringComparison.Ordinal);
        Assert.Equal("sale.order.search_count", $"{calls[1].Model}.{calls[1].Method}");
        Assert.Contains("\"domain\":[[\"state\",\"=\",\"draft\"]]", calls[1].Kwargs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referral_code_is_created_updated_and_deleted_over_json2()
    {
        var (newcomerType, rewardType, _, _, _) = SeedReferralCode();

        var id = await Odoo.ReferralCodes.CreateAsync(new OdooValues
        {
            [nameof(ReferralCode.Code)] = "SPRING24",
            [nameof(ReferralCode.AllowedUses)] = 5,
            [nameof(ReferralCode.BeforeRewardUsageThreshold)] = 100.0,
            [nameof(ReferralCode.ReferralCreditAmount)] = 20.0,
            [nameof(ReferralCode.ReferralCreditDuration)] = 14,
            [nameof(ReferralCode.ReferralCreditType)] = newcomerType,
            [nameof(ReferralCode.RewardCreditAmount)] = 10.0,
            [nameof(ReferralCode.RewardCreditDuration)] = 60,
            [nameof(ReferralCode.RewardCreditType)] = rewardType,
        });
        var create = Assert.Single(await Json2CallsAsync(1));
        Assert.Equal("openstack.referral_code.create", $"{create.Model}.{create.Method}");
        // One record: a single values dict, which Odoo's create (model_create_multi) accepts as vals_list.
        Assert.Contains("\"vals_list\":{\"code\":\"SPRING24\",\"allowed_uses\":5", create.Kwargs, StringComparison.Ordinal);
        Assert.Contains($"\"referral_credit_type\":{newcomerType}", create.Kwargs, StringComparison.Ordinal);

        var created = await Odoo.ReferralCodes.GetAsync(id);
        Assert.Equal("SPRING24", created.Code);
        Assert.Equal(5, created.AllowedUses);
        Assert.Equal(100.0, created.BeforeRewardUsageThreshold);
        Assert.Equal(20.0, created.ReferralCreditAmount);
        Assert.Equal(14, created.ReferralCreditDuration);
        Assert.Equal(newcomerType, created.ReferralCreditTypeId);
        Assert.Equal("Referral credit", created.ReferralCreditTypeName);
        Assert.Equal(10.0, created.RewardCreditAmount);
        Assert.Equal(60, created.RewardCreditDuration);
        Assert.Equal(rewardType, created.RewardCreditTypeId);
        Assert.Empty(created.ReferralIds);
        await Json2CallsAsync(1);

        await Odoo.ReferralCodes.UpdateAsync(id, new OdooValues
        {
            [nameof(ReferralCode.AllowedUses)] = -1,
            [nameof(ReferralCode.ReferralCreditType)] = rewardType,
            [nameof(ReferralCode.RewardCreditAmount)] = 12.5,
        });
        var write = Assert.Single(await Json2CallsAsync(1));
        Assert.Equal("openstack.referral_code.write", $"{write.Model}.{write.Method}");
        Assert.StartsWith($"{{\"ids\":[{id}],\"vals\":{{\"allowed_uses\":-1,\"referral_credit_type\":{rewardType},\"reward_credit_amount\":12.5}}", write.Kwargs, StringComparison.Ordinal);
        var updated = await Odoo.ReferralCodes.GetAsync(id);
        Assert.Equal(-1, updated.AllowedUses);
        Assert.Equal(rewardType, updated.ReferralCreditTypeId);
        Assert.Equal("Reward credit", updated.ReferralCreditTypeName);
        Assert.Equal(12.5, updated.RewardCreditAmount);
        Assert.Equal("SPRING24", updated.Code);
        await Json2CallsAsync(1);

        await Odoo.ReferralCodes.DeleteAsync(id);
        var unlink = Assert.Single(await Json2CallsAsync(1));
        Assert.Equal("openstack.referral_code.unlink", $"{unlink.Model}.{unlink.Method}");
        Assert.StartsWith($"{{\"ids\":[{id}]", unlink.Kwargs, StringComparison.Ordinal);
        Assert.False(Server.Exists("openstack.referral_code", id));
        Assert.Null(await Odoo.ReferralCodes.FindAsync(id));
        await Json2CallsAsync(1);
    }

    [Fact]
    public async Task A_sale_order_is_confirmed_through_a_custom_server_method_over_json2()
    {
        var received = new List<int[]>();
        Server.RegisterMethod("sale.order", "action_confirm", call =>
        {
            received.Add([.. call.Ids]);
            call.Server.Write("sale.order", call.Ids, new { state = "sale" });
            return true;
        });
        var order = Server.Create("sale.order", new { name = "S00001", state = "draft" });
        var other = Server.Create("sale.order", new { name = "S00002", state = "draft" });
        Server.ClearRequests();

        await Odoo.SaleOrders.ActionConfirmAsync(order);
        var confirm = Assert.Single(await Json2CallsAsync(1));
        Assert.Equal($"sale.order.action_confirm [] {{\"ids\":[{order}]}}", confirm.ToString());
        Assert.Equal([[order]], received);
        Assert.Equal("sale", Server.GetValue("sale.order", order, "state"));
        Assert.Equal("draft", Server.GetValue("sale.order", other, "state"));

        // The record form confirms itself.
        var record = await Odoo.SaleOrders.GetAsync(other);
        Assert.Equal(SaleOrderState.Draft, record.State);
        await record.ActionConfirmAsync();
        var calls = await Json2CallsAsync(2);
        Assert.Equal($"sale.order.action_confirm [] {{\"ids\":[{other}]}}", calls[1].ToString());
        Assert.Equal(SaleOrderState.Sale, (await Odoo.SaleOrders.GetAsync(other)).State);
        await Json2CallsAsync(1);
    }

    [Fact]
    public async Task Auto_picks_json2_on_an_odoo_19_server()
    {
        await using var auto = await TestOdoo.StartAsync(version: "19.0", protocol: OdooProtocol.Auto);
        await auto.CallsAsync(1);
        Assert.Equal(OdooProtocol.Json2, auto.Odoo.Client.Protocol);
        Assert.Equal(19, auto.Odoo.Client.ServerVersion.Major);
        // Detection never logged in over JSON-RPC: every ORM call went to /json/2.
        Assert.DoesNotContain(auto.Server.Requests, r => r.Protocol == OdooRequestProtocol.JsonRpc);
        Assert.Contains(auto.Server.Requests, r => r.Protocol == OdooRequestProtocol.Json2 && r is { Model: "res.users", Method: "context_get" });
        auto.Server.ClearRequests();

        var moveId = auto.Server.Create("account.move", new { name = "INV/1", state = "draft", move_type = "out_invoice" });
        auto.Server.ClearRequests();
        var move = await auto.Odoo.AccountMoves.GetAsync(moveId);
        Assert.Equal(AccountMoveState.Draft, move.State);
        var calls = await auto.CallsAsync(1);
        Assert.Equal("account.move.read", $"{Assert.Single(calls).Model}.{calls[0].Method}");
        Assert.Equal(OdooRequestProtocol.Json2, Assert.Single(auto.Server.Requests).Protocol);
    }
}
