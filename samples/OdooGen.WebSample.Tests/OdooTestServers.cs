using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Odoo.Testing;

namespace OdooGen.WebSample.Tests;

/// <summary>
/// The pattern for testing an application that uses Odoo: start an in-memory Odoo per database
/// (<see cref="OdooTestServer"/>, the real wire protocol on a loopback port), point the application's
/// configuration at them, and drive the application through <see cref="WebApplicationFactory{TEntryPoint}"/>.
/// Nothing in the application is replaced: the real client, DI registrations, health checks and logging run.
/// </summary>
public sealed class OdooTestServers : IAsyncLifetime
{
    public OdooTestServer Sales { get; private set; } = null!;

    public OdooTestServer Archive { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sales = await OdooTestServer.StartAsync(new OdooTestServerOptions { Database = "sales" });
        Archive = await OdooTestServer.StartAsync(new OdooTestServerOptions { Database = "archive" });
    }

    public async Task DisposeAsync()
    {
        await Sales.DisposeAsync();
        await Archive.DisposeAsync();
    }

    /// <summary>The application, configured for the two test servers (<paramref name="salesPassword"/> to try a wrong one).</summary>
    public WebApplicationFactory<Program> App(string? salesPassword = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            Point(web, "Sales", Sales, salesPassword);
            Point(web, "Archive", Archive, null);
        });

    private static void Point(IWebHostBuilder web, string name, OdooTestServer server, string? password)
    {
        web.UseSetting($"Odoo:{name}:Url", server.BaseUrl.ToString());
        web.UseSetting($"Odoo:{name}:Database", server.Database);
        web.UseSetting($"Odoo:{name}:Username", server.Username);
        web.UseSetting($"Odoo:{name}:Password", password ?? server.Password);
    }
}
