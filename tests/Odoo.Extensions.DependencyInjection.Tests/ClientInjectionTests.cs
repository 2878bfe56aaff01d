using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Odoo.Domains;
using Odoo.Testing;

namespace Odoo.Extensions.DependencyInjection.Tests;

/// <summary>A service that takes the client itself in its constructor.</summary>
public sealed class ContactDirectory(OdooClient odoo)
{
    public OdooClient Client => odoo;

    public Task<int> CountAsync(string name) => odoo.Manager<Contact>().CountAsync(OdooDomain.Where("Name", "=", name));
}

/// <summary>A service that takes two keyed clients, one per database.</summary>
public sealed class TwoDatabases([FromKeyedServices("eu")] OdooClient eu, [FromKeyedServices("us")] OdooClient us)
{
    public OdooClient Eu => eu;

    public OdooClient Us => us;
}

public sealed class ClientInjectionTests : IAsyncLifetime
{
    private OdooTestServer _eu = null!;
    private OdooTestServer _us = null!;

    public async Task InitializeAsync()
    {
        _eu = await OdooTestServer.StartAsync(new OdooTestServerOptions { Database = "eu" });
        _us = await OdooTestServer.StartAsync(new OdooTestServerOptions { Database = "us", AdminPassword = "us-secret-Pw1" });
        _eu.Seed("res.partner", new { name = "Acme EU" }, new { name = "Shared" });
        _us.Seed("res.partner", new { name = "Acme US" }, new { name = "Shared" }, new { name = "Shared" });
    }

    public async Task DisposeAsync()
    {
        await _eu.DisposeAsync();
        await _us.DisposeAsync();
    }

    private static IConfiguration Section(OdooTestServer server, string? password = null, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["Url"] = server.BaseUrl.ToString(),
            ["Database"] = server.Database,
            ["Username"] = server.Username,
            ["Password"] = password ?? server.Password,
            ["Protocol"] = "JsonRpc",
        };
        foreach (var (key, value) in extra) values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static int Logins(OdooTestServer server) =>
        server.CountRequests(r => r.Path == "/web/session/authenticate" || (r.Service == "common" && r.Method is "login" or "authenticate"));

    [Fact]
    public async Task A_service_takes_the_client_itself_which_connects_once_on_first_use()
    {
        var services = new ServiceCollection();
        services.AddOdooClient(Section(_eu));
        services.AddSingleton<ContactDirectory>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Equal(0, _eu.CountRequests()); // building the container sends nothing
        var directories = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => provider.GetRequiredService<ContactDirectory>())));

        Assert.Equal(1, await directories[0].CountAsync("Shared"));
        Assert.All(directories, d => Assert.Same(directories[0].Client, d.Client));
        Assert.Same(await provider.GetRequiredService<IOdooClientProvider>().GetClientAsync(), provider.GetRequiredService<OdooClient>());
        Assert.Equal(1, Logins(_eu));
    }

    [Fact]
    public void A_failed_first_connection_is_retried_on_the_next_resolution()
    {
        var services = new ServiceCollection();
        services.AddOdooClient(Section(_eu, password: "wrong-password-1"));
        var provider = services.BuildServiceProvider();

        var denied = Assert.Throws<OdooAccessDeniedException>(() => provider.GetRequiredService<OdooClient>());
        Assert.DoesNotContain("wrong-password-1", denied.ToString(), StringComparison.Ordinal);
        var afterFirst = Logins(_eu);
        Assert.Throws<OdooAccessDeniedException>(() => provider.GetRequiredService<OdooClient>());
        Assert.True(afterFirst > 0);
        Assert.Equal(2 * afterFirst, Logins(_eu)); // the second resolution made its own attempt
        provider.Dispose(); // synchronous disposal works: nothing was connected
    }

    [Fact]
    public async Task Keyed_clients_reach_two_databases_from_one_container()
    {
        var services = new ServiceCollection();
        services.AddKeyedOdooClient("eu", Section(_eu));
        services.AddKeyedOdooClient("us", Section(_us));
        services.AddSingleton<TwoDatabases>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var both = provider.GetRequiredService<TwoDatabases>();

        Assert.Equal(("eu", "us"), (both.Eu.Database, both.Us.Database));
        Assert.Equal(1, await both.Eu.Manager<Contact>().CountAsync(OdooDomain.Where("Name", "=", "Shared")));
        Assert.Equal(2, await both.Us.Manager<Contact>().CountAsync(OdooDomain.Where("Name", "=", "Shared")));
        Assert.Same(both.Us, await provider.GetRequiredKeyedService<IOdooClientProvider>("us").GetClientAsync());
        Assert.Null(provider.GetService<OdooClient>()); // no default client was registered
        Assert.Null(provider.GetService<IOdooClientProvider>());
        Assert.Equal((1, 1), (Logins(_eu), Logins(_us)));
    }

    [Fact]
    public void Registering_two_clients_under_one_key_or_an_empty_key_is_refused()
    {
        var services = new ServiceCollection();
        services.AddKeyedOdooClient("eu", Section(_eu));

        var twice = Assert.Throws<ArgumentException>(() => services.AddKeyedOdooClient("eu", Section(_us)));
        Assert.Contains("'eu'", twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => services.AddKeyedOdooClient("", o => o.Url = _eu.BaseUrl));
    }

    [Fact]
    public async Task Keyed_clients_have_their_own_named_http_client_and_options()
    {
        var services = new ServiceCollection();
        var eu = services.AddKeyedOdooClient("eu", Section(_eu));
        var us = services.AddKeyedOdooClient("us", o =>
        {
            o.Url = _us.BaseUrl;
            o.Database = _us.Database;
            o.Username = _us.Username;
            o.Password = _us.Password;
        });
        var defaults = services.AddOdooClient(Section(_eu));
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(("Odoo:eu", "Odoo:us", "Odoo"), (eu.Name, us.Name, defaults.Name));
        Assert.Equal(("eu", "us", (string?)null), (eu.ServiceKey, us.ServiceKey, defaults.ServiceKey));
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<OdooClientOptions>>();
        Assert.Equal(("eu", "us", "eu"), (options.Get("eu").Database, options.Get("us").Database, options.CurrentValue.Database));
        Assert.NotSame(provider.GetRequiredKeyedService<OdooClient>("eu"), provider.GetRequiredService<OdooClient>());
    }

    [Fact]
    public async Task The_health_check_is_healthy_with_the_server_version_and_unhealthy_without_the_password_when_login_is_refused()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKeyedOdooClient("eu", Section(_eu));
        services.AddKeyedOdooClient("us", Section(_us, password: "not-the-password-9"));
        services.AddHealthChecks().AddOdooClient("eu", tags: ["ready"]).AddOdooClient("us");
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var eu = report.Entries["odoo:eu"];
        Assert.Equal(HealthStatus.Healthy, eu.Status);
        Assert.Equal(("18.0", "eu", "JsonRpc", 2), (eu.Data["server_version"], eu.Data["database"], eu.Data["protocol"], eu.Data["user_id"]));
        Assert.Contains("ready", eu.Tags);
        var us = report.Entries["odoo:us"];
        Assert.Equal(HealthStatus.Unhealthy, us.Status);
        Assert.IsType<OdooAccessDeniedException>(us.Exception);
        Assert.Contains("'us'", us.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-9", us.Description + us.Exception, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
    }

    [Fact]
    public async Task The_health_check_calls_odoo_each_time_so_a_revoked_session_or_a_down_server_turns_it_unhealthy()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOdooClient(Section(_eu, extra: ("MaxReadRetries", "0")));
        services.AddHealthChecks().AddOdooClient(failureStatus: HealthStatus.Degraded);
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        _eu.Faults.Add(OdooFault.ServiceUnavailable()).For(model: "res.users", method: "context_get").Once();
        var report = await health.CheckHealthAsync();

        Assert.Equal(HealthStatus.Degraded, report.Entries["odoo"].Status);
        Assert.Equal(503, Assert.IsAssignableFrom<OdooTransportException>(report.Entries["odoo"].Exception).StatusCode);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
    }

    private static IHost BuildHost(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        configure(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task Connect_on_start_makes_a_wrong_password_fail_the_host_start()
    {
        using var host = BuildHost(s => s.AddKeyedOdooClient("us", Section(_us, password: "typo-in-the-password")).ConnectOnStart());

        var denied = await Assert.ThrowsAsync<OdooAccessDeniedException>(() => host.StartAsync());

        Assert.Contains("'us'", denied.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("typo-in-the-password", denied.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_on_start_connects_before_the_first_use_so_resolving_the_client_sends_nothing()
    {
        using var host = BuildHost(s =>
        {
            s.AddOdooClient(Section(_eu)).ConnectOnStart().ConnectOnStart();
            s.AddKeyedOdooClient("us", Section(_us)).ConnectOnStart();
        });

        await host.StartAsync();
        var requests = (_eu.CountRequests(), _us.CountRequests());
        var eu = host.Services.GetRequiredService<OdooClient>();
        var us = host.Services.GetRequiredKeyedService<OdooClient>("us");

        Assert.Equal(requests, (_eu.CountRequests(), _us.CountRequests()));
        Assert.Equal(("eu", "us"), (eu.Database, us.Database));
        Assert.Equal((1, 1), (Logins(_eu), Logins(_us)));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_wrapper_is_injected_itself_and_keyed()
    {
        var services = new ServiceCollection();
        services.AddKeyedOdooClient("us", Section(_us), client => new ContactDirectory(client));
        await using var provider = services.BuildServiceProvider();

        var directory = provider.GetRequiredKeyedService<ContactDirectory>("us");

        Assert.Equal(2, await directory.CountAsync("Shared"));
        Assert.Same(directory, await provider.GetRequiredKeyedService<IOdooClientProvider<ContactDirectory>>("us").GetClientAsync());
    }
}
