using System.Text.Json.Nodes;
using Odoo.Domains;
using Odoo.Testing;
using Odoo.Values;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// The typed forms (generated <c>{Record}.Fields</c> references and <c>{Record}Values</c> types): each sends exactly
/// the request of the string form it stands for, which the in-memory server records.
/// </summary>
public sealed class TypedApiTests : IAsyncLifetime
{
    private TestOdoo _t = null!;

    private OdooTestServer Server => _t.Server;

    private OpenStackOdooClient Odoo => _t.Odoo;

    public async Task InitializeAsync() => _t = await TestOdoo.StartAsync();

    public async Task DisposeAsync() => await _t.DisposeAsync();

    private async Task<OrmCall> OneCallAsync(Func<Task> action)
    {
        Server.ClearRequests();
        await action();
        var calls = await _t.CallsAsync(1);
        Assert.Single(calls);
        Server.ClearRequests();
        return calls[0];
    }

    [Fact]
    public async Task A_typed_search_sends_the_domain_fields_order_and_limit_of_its_string_form()
    {
        var typed = await OneCallAsync(() => Odoo.ReferralCodes.SearchAsync(
            ReferralCode.Fields.AllowedUses > 0 & ReferralCode.Fields.ReferralCreditAmount >= 50.0,
            fields: [ReferralCode.Fields.Code],
            order: ReferralCode.Fields.ReferralCreditAmount.Descending,
            limit: 10));
        var strings = await OneCallAsync(() => Odoo.ReferralCodes.SearchAsync(
            OdooDomain.Where("AllowedUses", ">", 0) & OdooDomain.Where("ReferralCreditAmount", ">=", 50.0),
            fields: ["Code"],
            order: "ReferralCreditAmount desc",
            limit: 10));

        Assert.Equal(strings, typed);
        Assert.Equal("openstack.referral_code", typed.Model);
        Assert.Equal("search_read", typed.Method);
        var sent = Merge(typed);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["&",["allowed_uses",">",0],["referral_credit_amount",">=",50.0]]"""), sent["domain"]), sent["domain"]?.ToJsonString());
        Assert.Equal("""["code"]""", sent["fields"]!.ToJsonString());
        Assert.Equal("referral_credit_amount desc", sent["order"]!.GetValue<string>());
        Assert.Equal(10, sent["limit"]!.GetValue<int>());
    }

    /// <summary>The arguments of a search_read by name, wherever the client put them (positional or keyword).</summary>
    private static JsonObject Merge(OrmCall call)
    {
        string[] names = ["domain", "fields", "offset", "limit", "order"];
        var result = new JsonObject();
        var args = JsonNode.Parse(call.Args)!.AsArray();
        for (var i = 0; i < args.Count && i < names.Length; i++) result[names[i]] = args[i]?.DeepClone();
        foreach (var (name, value) in JsonNode.Parse(call.Kwargs)!.AsObject()) result[name] = value?.DeepClone();
        return result;
    }

    public static TheoryData<string, Func<OdooDomain>, Func<OdooDomain>> Domains() => new()
    {
        { "==", () => ReferralCode.Fields.Code == "WELCOME10", () => OdooDomain.Where("Code", "=", "WELCOME10") },
        { "!=", () => ReferralCode.Fields.Code != "WELCOME10", () => OdooDomain.Where("Code", "!=", "WELCOME10") },
        { "== null", () => ReferralCode.Fields.Name == null, () => OdooDomain.Where("Name", "=", null) },
        { ">", () => ReferralCode.Fields.AllowedUses > 0, () => OdooDomain.Where("AllowedUses", ">", 0) },
        { "<", () => ReferralCode.Fields.AllowedUses < 5, () => OdooDomain.Where("AllowedUses", "<", 5) },
        { ">=", () => ReferralCode.Fields.ReferralCreditAmount >= 50.5, () => OdooDomain.Where("ReferralCreditAmount", ">=", 50.5) },
        { "<=", () => ReferralCode.Fields.ReferralCreditAmount <= 50.5, () => OdooDomain.Where("ReferralCreditAmount", "<=", 50.5) },
        { "in", () => ReferralCode.Fields.AllowedUses.In(1, 2, 3), () => OdooDomain.In("AllowedUses", new[] { 1, 2, 3 }) },
        { "not in", () => ReferralCode.Fields.Code.NotIn("A", "B"), () => OdooDomain.NotIn("Code", new[] { "A", "B" }) },
        { "like", () => ReferralCode.Fields.Code.Like("SPRING-%"), () => OdooDomain.Where("Code", "like", "SPRING-%") },
        { "not like", () => ReferralCode.Fields.Code.NotLike("SPRING-%"), () => OdooDomain.Where("Code", "not like", "SPRING-%") },
        { "ilike", () => ReferralCode.Fields.Code.ILike("spring"), () => OdooDomain.Where("Code", "ilike", "spring") },
        { "not ilike", () => ReferralCode.Fields.Code.NotILike("spring"), () => OdooDomain.Where("Code", "not ilike", "spring") },
        { "=like", () => ReferralCode.Fields.Code.EqualsLike("SPRING-_"), () => OdooDomain.Where("Code", "=like", "SPRING-_") },
        { "=ilike", () => ReferralCode.Fields.Code.EqualsILike("spring-_"), () => OdooDomain.Where("Code", "=ilike", "spring-_") },
        { "many2one == id", () => ReferralCode.Fields.ReferralCreditType == 11, () => OdooDomain.Where("ReferralCreditType", "=", 11) },
        { "many2one != id", () => ReferralCode.Fields.ReferralCreditType != 11, () => OdooDomain.Where("ReferralCreditType", "!=", 11) },
        { "many2one == null", () => ReferralCode.Fields.RewardCreditType == null, () => OdooDomain.Where("RewardCreditType", "=", null) },
        { "many2one in", () => ReferralCode.Fields.ReferralCreditType.In(11, 12), () => OdooDomain.In("ReferralCreditType", new[] { 11, 12 }) },
        { "child_of", () => Partner.Fields.Parent.ChildOf(7), () => OdooDomain.Where("Parent", "child_of", 7) },
        { "parent_of", () => Partner.Fields.Parent.ParentOf(7), () => OdooDomain.Where("Parent", "parent_of", 7) },
        { "path", () => ReferralCode.Fields.ReferralCreditType.Then(CreditType.Fields.Name) == "Referral credit", () => OdooDomain.Where("ReferralCreditType.Name", "=", "Referral credit") },
        { "any", () => ReferralCode.Fields.Referrals.Any(Partner.Fields.Name.ILike("ann")), () => OdooDomain.Where("Referrals", "any", OdooDomain.Where("Name", "ilike", "ann")) },
        { "not any", () => ReferralCode.Fields.Referrals.NotAny(Partner.Fields.Active == false), () => OdooDomain.Where("Referrals", "not any", OdooDomain.Where("Active", "=", false)) },
        { "x2many contains", () => ReferralCode.Fields.Referrals.Contains(5), () => OdooDomain.In("Referrals", new[] { 5 }) },
        { "x2many empty", () => ReferralCode.Fields.Referrals.IsEmpty(), () => OdooDomain.Where("Referrals", "=", false) },
        { "enum", () => SaleOrder.Fields.State == SaleOrderState.Sale, () => OdooDomain.Where("State", "=", SaleOrderState.Sale) },
        { "date", () => Credit.Fields.ExpiryDate < new DateOnly(2026, 12, 31), () => OdooDomain.Where("ExpiryDate", "<", new DateOnly(2026, 12, 31)) },
        { "datetime", () => SaleOrder.Fields.DateOrder >= new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), () => OdooDomain.Where("DateOrder", ">=", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc)) },
        { "& | !", () => (ReferralCode.Fields.AllowedUses == -1 | ReferralCode.Fields.AllowedUses > 10) & !(ReferralCode.Fields.Code == "X"),
            () => (OdooDomain.Where("AllowedUses", "=", -1) | OdooDomain.Where("AllowedUses", ">", 10)) & !OdooDomain.Where("Code", "=", "X") },
    };

    [Theory]
    [MemberData(nameof(Domains))]
    public void Every_typed_operator_encodes_to_the_wire_of_its_string_form(string name, Func<OdooDomain> typed, Func<OdooDomain> strings)
    {
        var model = name switch
        {
            "child_of" or "parent_of" => Odoo.Partners.EncodeDomain(typed()).ToString() + " | " + Odoo.Partners.EncodeDomain(strings()),
            "enum" or "datetime" => Odoo.SaleOrders.EncodeDomain(typed()).ToString() + " | " + Odoo.SaleOrders.EncodeDomain(strings()),
            "date" => Odoo.Credits.EncodeDomain(typed()).ToString() + " | " + Odoo.Credits.EncodeDomain(strings()),
            _ => Odoo.ReferralCodes.EncodeDomain(typed()).ToString() + " | " + Odoo.ReferralCodes.EncodeDomain(strings()),
        };
        var halves = model.Split(" | ");
        Assert.Equal(halves[1], halves[0]);
        Assert.DoesNotContain("\"Code\"", halves[0], StringComparison.Ordinal); // Odoo names went out, not C# names
    }

    [Fact]
    public void The_typed_path_and_odoo_name_are_the_declared_ones()
    {
        Assert.Equal("ReferralCreditType.Name", ReferralCode.Fields.ReferralCreditType.Then(CreditType.Fields.Name).Path);
        Assert.Equal("referral_credit_type.name", ReferralCode.Fields.ReferralCreditType.Then(CreditType.Fields.Name).OdooName);
        Assert.Equal("""[["referral_credit_type.name","=","Referral credit"]]""",
            Odoo.ReferralCodes.EncodeDomain(ReferralCode.Fields.ReferralCreditType.Then(CreditType.Fields.Name) == "Referral credit").ToString());
        Assert.Equal("ReferralCreditAmount desc, Code asc", ReferralCode.Fields.ReferralCreditAmount.Descending.ThenBy(ReferralCode.Fields.Code.Ascending).Text);
    }

    [Fact]
    public async Task A_typed_unique_lookup_sends_the_string_forms_request()
    {
        var (_, _, codeId, _, _) = TestOdoo.SeedReferralCodePage(Server);
        ReferralCode? found = null;
        var typed = await OneCallAsync(async () => found = await Odoo.ReferralCodes.GetByUniqueFieldAsync(ReferralCode.Fields.Code, "WELCOME10"));
        var strings = await OneCallAsync(() => Odoo.ReferralCodes.GetByUniqueFieldAsync("Code", "WELCOME10"));
        Assert.Equal(strings, typed);
        Assert.Equal(codeId, found!.Id);
    }

    [Fact]
    public async Task Typed_values_send_only_what_was_set_and_link_by_record_or_id()
    {
        var (newcomer, reward, _, alice, _) = TestOdoo.SeedReferralCodePage(Server);
        var creditType = await Odoo.CreditTypes.GetAsync(newcomer);

        var values = new ReferralCodeValues
        {
            Code = "TYPED-1",
            AllowedUses = 3,
            ReferralCreditType = creditType,
            RewardCreditType = reward,
            Referrals = [OdooCommand<Partner>.Link(alice)],
        };
        Assert.True(values.IsSet(nameof(ReferralCodeValues.Code)));
        Assert.False(values.IsSet(nameof(ReferralCodeValues.ReferralCreditAmount)));
        Assert.Throws<InvalidOperationException>(() => values.ReferralCreditAmount);
        var id = 0;
        var typed = await OneCallAsync(async () => id = await Odoo.ReferralCodes.CreateAsync(values));
        var strings = await OneCallAsync(() => Odoo.ReferralCodes.CreateAsync(new OdooValues
        {
            ["Code"] = "TYPED-1",
            ["AllowedUses"] = 3,
            ["ReferralCreditType"] = newcomer,
            ["RewardCreditType"] = reward,
            ["Referrals"] = new[] { OdooCommand.Link(alice) },
        }));
        Assert.Equal(strings, typed);
        Assert.Equal("create", typed.Method);
        var sent = JsonNode.Parse(typed.Args)![0]!.AsObject();
        Assert.Equal(["code", "allowed_uses", "referral_credit_type", "reward_credit_type", "referrals"], sent.Select(p => p.Key));
        Assert.Equal(newcomer, sent["referral_credit_type"]!.GetValue<int>());
        Assert.Equal($"[[4,{alice},0]]", sent["referrals"]!.ToJsonString().Replace("false", "0", StringComparison.Ordinal));
        Assert.Equal("TYPED-1", Server.GetValue("openstack.referral_code", id, "code"));
    }

    [Fact]
    public async Task Typed_updates_and_nested_creates_reach_the_server()
    {
        var (newcomer, _, codeId, _, _) = TestOdoo.SeedReferralCodePage(Server);
        await Odoo.ReferralCodes.UpdateAsync(codeId, new ReferralCodeValues { AllowedUses = 7 });
        Assert.Equal(7L, Convert.ToInt64(Server.GetValue("openstack.referral_code", codeId, "allowed_uses"), System.Globalization.CultureInfo.InvariantCulture));

        // A link that may be empty is cleared with null (Odoo's False).
        var parent = await Odoo.Partners.CreateAsync(new PartnerValues { Name = "Parent" });
        var child = await Odoo.Partners.CreateAsync(new PartnerValues { Name = "Child", Parent = parent });
        Assert.Equal((long)parent, Convert.ToInt64(Server.GetValue("res.partner", child, "parent_id"), System.Globalization.CultureInfo.InvariantCulture));
        await Odoo.Partners.UpdateAsync(child, new PartnerValues { Parent = null });
        Assert.Null(Server.GetValue("res.partner", child, "parent_id"));

        var code = await Odoo.ReferralCodes.GetAsync(codeId);
        await code.UpdateAsync(new ReferralCodeValues { Referrals = [OdooCommand<Partner>.Create(new PartnerValues { Name = "Carol" })] });
        var carol = await Odoo.Partners.GetByUniqueFieldAsync(Partner.Fields.Name, "Carol");
        Assert.Contains(carol.Id, (await code.RefreshAsync()).ReferralIds);

        var ids = await Odoo.CreditTypes.CreateManyAsync([new CreditTypeValues { Name = "A", Product = (await Odoo.CreditTypes.GetAsync(newcomer)).ProductId }, new CreditTypeValues { Name = "B", Product = (await Odoo.CreditTypes.GetAsync(newcomer)).ProductId }]);
        Assert.Equal(2, ids.Count);
        Assert.Equal("B", Server.GetValue("openstack.credit.type", ids[1], "name"));
    }
}
