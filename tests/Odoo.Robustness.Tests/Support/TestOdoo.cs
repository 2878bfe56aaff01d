using System.Globalization;
using Odoo.Models.OpenStack;
using Odoo.Testing;

namespace Odoo.Robustness.Tests.Support;

/// <summary>Servers with the 36 OpenStack models and referral codes whose content names their id, and clients on them.</summary>
internal static class TestOdoo
{
    public const string ReferralModel = "openstack.referral_code";

    public const int CreditTypeCount = 3;

    /// <summary>The code of referral code <paramref name="id"/>: every seeded record says which one it is.</summary>
    public static string CodeOf(int id) => "CODE-" + id.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Starts a server with the schema, three credit types and referral codes 1..<paramref name="codes"/>.</summary>
    public static async Task<OdooTestServer> StartAsync(int codes, OdooTestServerOptions? options = null)
    {
        var server = await OdooTestServer.StartAsync(options);
        try
        {
            // The 36 models as a real Odoo 18 with the test addon has them (not from the declarations under test).
            Odoo.Models.OpenStack.Tests.RealSchema.ApplyTo(server);
            SeedCodes(server, 1, codes);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Seeds referral codes <paramref name="firstId"/>.. (and the credit types on the first call).</summary>
    public static void SeedCodes(OdooTestServer server, int firstId, int count)
    {
        if (!server.Exists("openstack.credit.type", 1))
        {
            var product = server.Create("product.product", new { name = "Cloud credit" });
            for (var t = 1; t <= CreditTypeCount; t++)
            {
                server.Seed("openstack.credit.type", new { id = t, name = "Credit type " + t.ToString(CultureInfo.InvariantCulture), product, refundable = t % 2 == 0 });
            }
        }
        server.SeedMany(ReferralModel, Enumerable.Range(firstId, count).Select(id => (object)new
        {
            id,
            code = CodeOf(id),
            name = "Referral code " + CodeOf(id),
            allowed_uses = id,
            before_reward_usage_threshold = id * 0.5,
            referral_credit_amount = 50.0,
            referral_credit_duration = 30,
            referral_credit_type = 1 + (id % CreditTypeCount),
            reward_credit_amount = 25.5,
            reward_credit_duration = 90,
            reward_credit_type = 1 + ((id + 1) % CreditTypeCount),
        }));
    }

    /// <summary>Connects over JSON-RPC as the admin.</summary>
    public static Task<OpenStackOdooClient> ConnectAsync(OdooTestServer server, Action<OdooClientOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var options = Options(server);
        configure?.Invoke(options);
        return OpenStackOdooClient.ConnectAsync(options, cancellationToken);
    }

    public static OdooClientOptions Options(OdooTestServer server) => new()
    {
        Url = server.BaseUrl,
        Database = server.Database,
        Username = server.Username,
        Password = server.Password,
        Protocol = OdooProtocol.JsonRpc,
    };

    /// <summary>
    /// Waits (with the server's <see cref="OdooTestServer.DefaultRequestWaitTimeout"/>) until the server logged at
    /// least <paramref name="atLeast"/> calls of <paramref name="method"/> on the referral model, then a little longer
    /// so that a late duplicate would show; returns the count. The server logs dropped and aborted requests only
    /// after the client has already seen the failure.
    /// </summary>
    public static Task<int> SettledCallCountAsync(OdooTestServer server, string method, int atLeast) =>
        server.WaitForCallsAsync(ReferralModel, method, atLeast, settle: TimeSpan.FromMilliseconds(150));
}
