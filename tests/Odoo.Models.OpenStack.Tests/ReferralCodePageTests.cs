using Odoo.Managers;
using Odoo.Testing;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// The reference's referral code page (seeds/000_60f97d2c5bb8506e.txt), in C#: connect with the
/// page's parameters, <c>referral_codes.get(1234)</c>, every field the page lists, the lookup by code,
/// the credit types by id, name and record, and the referrals by ids and records.
/// </summary>
public sealed class ReferralCodePageTests
{
    [Fact]
    public async Task The_referral_code_page_example_works_against_the_in_memory_server()
    {
        // The page connects as test-user / <password> to database odoodb over jsonrpc on localhost:8069.
        // The in-memory server listens on an ephemeral port; everything else is the page's.
        var options = new OdooTestServerOptions { Database = "odoodb" };
        options.Users.Add(new OdooTestUserDefinition("test-user", "<password>"));
        await using var server = await OdooTestServer.StartAsync(options);
        TestOdoo.ApplySchema(server);

        var (newcomerType, rewardType, _, alice, bob) = TestOdoo.SeedReferralCodePage(server);

        await using var odoo_client = await OpenStackOdooClient.ConnectAsync(new OdooClientOptions
        {
            Host = "localhost",
            Port = server.Port,
            Protocol = OdooProtocol.JsonRpc,
            Database = "odoodb",
            Username = "test-user",
            Password = "<password>",
        });
        server.ClearRequests();

        // >>> odoo_client.referral_codes.get(1234)
        ReferralCode code = await odoo_client.ReferralCodes.GetAsync(1234);
        Assert.Equal(1, server.CountCalls("openstack.referral_code", "read"));
        Assert.Equal(1234, code.Id);
        Assert.StartsWith("ReferralCode {", code.ToString(), StringComparison.Ordinal);
        Assert.Contains("id: 1234", code.ToString(), StringComparison.Ordinal);

        // Every field the page lists.
        Assert.Equal(-1, code.AllowedUses); // unlimited
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

        // Records: fetched once, then cached.
        server.ClearRequests();
        CreditType referralType = await code.LoadReferralCreditTypeAsync();
        Assert.Equal(newcomerType, referralType.Id);
        Assert.Equal("Referral credit", referralType.Name);
        Assert.False(referralType.Refundable);
        Assert.Same(referralType, await code.LoadReferralCreditTypeAsync());
        Assert.Same(referralType, code.ReferralCreditType);
        CreditType rewardCreditType = await code.LoadRewardCreditTypeAsync();
        Assert.Equal(rewardType, rewardCreditType.Id);
        Assert.True(rewardCreditType.Refundable);
        Assert.Same(rewardCreditType, code.RewardCreditType);
        IReadOnlyList<Partner> referrals = await code.LoadReferralsAsync();
        Assert.Equal(["Alice", "Bob"], referrals.Select(p => p.Name).Order());
        Assert.Same(referrals, await code.LoadReferralsAsync());
        Assert.Same(referrals, code.Referrals);
        Assert.Equal(2, server.CountCalls("openstack.credit.type", "read"));
        Assert.Equal(1, server.CountCalls("res.partner", "read"));

        // The coded mixin, and the credit type's named mixin.
        server.ClearRequests();
        var byCode = await odoo_client.ReferralCodes.GetByCodeAsync("WELCOME10");
        Assert.Equal(1234, byCode.Id);
        Assert.Equal(code, byCode);
        Assert.Null(await odoo_client.ReferralCodes.FindByCodeAsync("NOPE"));
        var notFound = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => odoo_client.ReferralCodes.GetByCodeAsync("NOPE"));
        Assert.StartsWith("ReferralCode record not found with '", notFound.Message, StringComparison.Ordinal);
        Assert.EndsWith("' value: NOPE", notFound.Message, StringComparison.Ordinal);
        Assert.Equal(newcomerType, (await odoo_client.CreditTypes.GetByNameAsync("Referral credit")).Id);

        // Credit types by id and by record, through their own manager.
        Assert.Equal("Reward credit", (await odoo_client.CreditTypes.GetAsync(code.RewardCreditTypeId)).Name);
        var partners = await odoo_client.Partners.ListAsync(code.ReferralIds);
        Assert.Equal(code.ReferralIds.Order(), partners.Select(p => p.Id).Order());
        Assert.All(partners, p => Assert.Equal(1234, p.OsReferralId));

        // The user the page logged in as.
        var user = await odoo_client.GetUserAsync();
        Assert.Equal(odoo_client.UserId, user.Id);
        Assert.Equal("test-user", server.Users.Single(u => u.Uid == user.Id).Login);
    }
}
