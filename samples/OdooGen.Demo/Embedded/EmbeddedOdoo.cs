using Odoo.Models.OpenStack;
using Odoo.Testing;

namespace OdooGen.Demo.Embedded;

/// <summary>Starts the in-memory Odoo 18 (Odoo.Testing) with the OpenStack models and the demo's billing data.</summary>
internal static class EmbeddedOdoo
{
    /// <summary>Starts the server on a free loopback port; dispose it when done.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<OdooTestServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { Version = "18.0" }, cancellationToken);
        try
        {
            // Every model of the OpenStack package, with exactly the fields the records declare.
            server.DefineModels(typeof(ReferralCode).Assembly, configure: BillingData.AddBusinessRules);
            BillingData.Seed(server);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}
