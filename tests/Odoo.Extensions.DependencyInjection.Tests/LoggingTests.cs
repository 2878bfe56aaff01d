using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Odoo.Domains;
using Odoo.Testing;

namespace Odoo.Extensions.DependencyInjection.Tests;

/// <summary>The client logs through the container's ILogger: connect, version, renewals, retries, failures; never a secret.</summary>
public sealed class LoggingTests : IAsyncLifetime
{
    private const string Secret = "s3cret-Horse-battery";
    private OdooTestServer _server = null!;
    private readonly CapturingLoggerProvider _logs = new();

    public async Task InitializeAsync()
    {
        _server = await OdooTestServer.StartAsync(new OdooTestServerOptions { AdminPassword = Secret });
        _server.Seed("res.partner", new { name = "Acme" });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ServiceProvider Services(params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["Odoo:Url"] = _server.BaseUrl.ToString(),
            ["Odoo:Database"] = _server.Database,
            ["Odoo:Username"] = _server.Username,
            ["Odoo:Password"] = Secret,
            ["Odoo:RetryDelay"] = "00:00:00.001",
        };
        foreach (var (key, value) in extra) values[key] = value;
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddOdooClient(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Odoo"));
        return services.BuildServiceProvider();
    }

    private void AssertNoSecret() =>
        Assert.All(_logs.Entries, e => Assert.DoesNotContain(Secret, e.AllText, StringComparison.Ordinal));

    [Fact]
    public async Task Connecting_logs_the_server_the_detected_version_and_the_protocol_at_information_once()
    {
        await using var provider = Services();
        var client = await provider.GetRequiredService<IOdooClientProvider>().GetClientAsync();

        var events = _logs.Odoo;
        Assert.Equal(["Connecting", "VersionDetected", "Connected"], events.Select(e => e.Id.Name!).ToArray());
        Assert.Equal([1000, 1003, 1001], events.Select(e => e.Id.Id).ToArray());
        var connected = events[^1];
        Assert.Equal(LogLevel.Information, connected.Level);
        Assert.Equal(("18.0", _server.Database, 2), ((string)connected["ServerVersion"]!, (string)connected["Database"]!, (int)connected["UserId"]!));
        Assert.Equal(OdooProtocol.JsonRpc, connected["Protocol"]);
        Assert.All(events.Take(2), e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.Equal(client.BaseUrl, connected["BaseUrl"]);
        AssertNoSecret();
    }

    [Fact]
    public async Task A_refused_login_is_logged_as_an_error_naming_the_database_without_the_password()
    {
        _server.AddUser("billing", "other-password");
        await using var provider = Services(("Odoo:Username", "billing"));

        await Assert.ThrowsAsync<OdooAccessDeniedException>(async () => await provider.GetRequiredService<IOdooClientProvider>().GetClientAsync());

        var failed = Assert.Single(_logs.Odoo, e => e.Id.Id == 1002);
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Equal(_server.Database, failed["Database"]);
        Assert.IsType<OdooAccessDeniedException>(failed.Exception);
        Assert.DoesNotContain(_logs.Odoo, e => e.Id.Id is 1030 or 1031); // the probes of connecting are not logged as failed calls
        AssertNoSecret();
    }

    [Fact]
    public async Task A_retried_read_is_logged_with_the_model_the_method_and_the_reason()
    {
        await using var provider = Services();
        var client = await provider.GetRequiredService<IOdooClientProvider>().GetClientAsync();
        _server.Faults.Add(OdooFault.ServiceUnavailable()).For(model: "res.partner", method: "search_count").Once();

        Assert.Equal(1, await client.Manager<Contact>().CountAsync(OdooDomain.Where("Name", "=", "Acme")));

        var retry = Assert.Single(_logs.Odoo, e => e.Id.Name == "RetryingRead");
        Assert.Equal((1020, LogLevel.Warning), (retry.Id.Id, retry.Level));
        Assert.Equal(("res.partner", "search_count", 1), ((string)retry["Model"]!, (string)retry["Method"]!, (int)retry["Retry"]!));
        Assert.StartsWith(nameof(OdooServerUnavailableException) + ": ", (string)retry["Reason"]!, StringComparison.Ordinal);
        AssertNoSecret();
    }

    [Fact]
    public async Task A_refused_call_is_a_warning_and_a_failed_one_an_error_both_naming_model_and_method()
    {
        await using var provider = Services(("Odoo:MaxReadRetries", "0"));
        var client = await provider.GetRequiredService<IOdooClientProvider>().GetClientAsync();
        await Assert.ThrowsAnyAsync<OdooServerException>(() => client.Model("res.partner").SearchCountAsync(OdooDomain.Where("no_such_field", "=", 1)));
        _server.Faults.Add(OdooFault.InternalServerError()).For(model: "res.partner", method: "search_count").Once();
        await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").SearchCountAsync());

        var refused = Assert.Single(_logs.Odoo, e => e.Id.Id == 1030);
        Assert.Equal((LogLevel.Warning, "res.partner", "search_count"), (refused.Level, (string)refused["Model"]!, (string)refused["Method"]!));
        Assert.Equal("server_error", refused["Outcome"]);
        var failed = Assert.Single(_logs.Odoo, e => e.Id.Id == 1031);
        Assert.Equal((LogLevel.Error, "res.partner", "search_count", "transport_error"), (failed.Level, (string)failed["Model"]!, (string)failed["Method"]!, (string)failed["Outcome"]!));
        AssertNoSecret();
    }

    [Fact]
    public async Task A_renewed_web_session_is_logged_once_at_information()
    {
        await using var provider = Services();
        var client = await provider.GetRequiredService<IOdooClientProvider>().GetClientAsync();
        _server.ExpireSessions();

        Assert.Equal(1, await client.Manager<Contact>().CountAsync(OdooDomain.Where("Name", "=", "Acme")));

        var renewed = Assert.Single(_logs.Odoo, e => e.Id.Id == 1010);
        Assert.Equal((LogLevel.Information, "SessionRenewed", _server.Username), (renewed.Level, renewed.Id.Name, (string)renewed["Username"]!));
        AssertNoSecret();
    }
}
