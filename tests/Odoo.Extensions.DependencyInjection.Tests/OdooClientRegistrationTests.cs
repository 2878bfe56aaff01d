using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Odoo.Domains;
using Odoo.Models.OpenStack;
using Odoo.Testing;
using Odoo.Tests.Shared;

namespace Odoo.Extensions.DependencyInjection.Tests;

/// <summary>A contact, as this test assembly declares it (the generator writes the rest).</summary>
[OdooModel("res.partner")]
public partial record Contact
{
    /// <summary>The name.</summary>
    public partial string? Name { get; }

    /// <summary>The e-mail address.</summary>
    public partial string? Email { get; }
}

public sealed class OdooClientRegistrationTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private OdooTestServer _server = null!;

    public async Task InitializeAsync()
    {
        // The server's injected delays end when a test advances this clock.
        _server = await OdooTestServer.StartAsync(new OdooTestServerOptions { TimeProvider = _clock });
        _server.Seed("res.partner",
            new { name = "Acme Cloud", email = "billing@acme.example" },
            new { name = "Globex", email = "ops@globex.example" });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IConfiguration Configuration(params (string Key, string? Value)[] extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["Odoo:Url"] = _server.BaseUrl.ToString(),
            ["Odoo:Database"] = _server.Database,
            ["Odoo:Username"] = _server.Username,
            ["Odoo:Password"] = _server.Password,
            ["Odoo:Protocol"] = "JsonRpc",
            ["Odoo:Timeout"] = "00:00:30",
        };
        foreach (var (key, value) in extra) values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static Task<int> CountGlobexAsync(OdooClient odoo) => odoo.Manager<Contact>().CountAsync(OdooDomain.Where("Name", "=", "Globex"));

    // A password login opens a web session (/web/session/authenticate); common.login is the session-less fallback.
    private int Logins() => _server.CountRequests(r => r.Path == "/web/session/authenticate" || (r.Service == "common" && r.Method is "login" or "authenticate"));

    [Fact]
    public async Task A_client_configured_from_configuration_is_resolved_and_runs_a_query_through_the_http_client_factory()
    {
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        services.AddOdooClient(Configuration().GetSection("Odoo")).AddHttpMessageHandler(() => counter);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var odoo = await provider.GetRequiredService<IOdooClientProvider>().GetClientAsync();
        var contacts = await odoo.Manager<Contact>().SearchAsync(OdooDomain.Where("Email", "like", "acme"));

        var acme = Assert.Single(contacts);
        Assert.Equal(("Acme Cloud", "billing@acme.example"), (acme.Name, acme.Email));
        Assert.Equal(_server.Database, odoo.Database);
        Assert.Equal(OdooProtocol.JsonRpc, odoo.Protocol);
        Assert.True(counter.Requests >= 2, $"expected the login and the search through the factory's handler, saw {counter.Requests}");
        Assert.Equal(TimeSpan.FromSeconds(30), provider.GetRequiredService<IOptions<OdooClientOptions>>().Value.Timeout);
    }

    [Fact]
    public async Task The_client_is_shared_and_concurrent_first_calls_log_in_once()
    {
        var services = new ServiceCollection();
        services.AddOdooClient(Configuration().GetSection("Odoo"));
        await using var provider = services.BuildServiceProvider();
        var clients = provider.GetRequiredService<IOdooClientProvider>();

        var all = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => clients.GetClientAsync().AsTask()));

        Assert.All(all, c => Assert.Same(all[0], c));
        Assert.Same(all[0], await clients.GetClientAsync());
        Assert.Equal(1, Logins());
    }

    [Fact]
    public async Task A_failed_connection_is_retried_by_the_next_call()
    {
        // Connecting tries the session login three times (two retries): all three fail.
        _server.Faults.Add(OdooFault.ServiceUnavailable()).OnPath("/web/session/authenticate").Times(3);
        var services = new ServiceCollection();
        services.AddOdooClient(Configuration().GetSection("Odoo"));
        await using var provider = services.BuildServiceProvider();
        var clients = provider.GetRequiredService<IOdooClientProvider>();

        await Assert.ThrowsAnyAsync<OdooException>(() => clients.GetClientAsync().AsTask());
        var odoo = await clients.GetClientAsync();

        Assert.Equal(1, await CountGlobexAsync(odoo));
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_connection_for_the_others()
    {
        // The login waits on the server until the test advances the server's clock: the impatient caller gives up
        // while it is held, whatever the machine's speed.
        var hold = _server.Faults.Add(OdooFault.Delay(TimeSpan.FromMinutes(10))).OnPath("/web/session/authenticate").Once();
        var services = new ServiceCollection();
        services.AddOdooClient(Configuration().GetSection("Odoo"));
        await using var provider = services.BuildServiceProvider();
        var clients = provider.GetRequiredService<IOdooClientProvider>();

        using var impatient = new CancellationTokenSource();
        var first = clients.GetClientAsync(impatient.Token).AsTask();
        var second = clients.GetClientAsync().AsTask();
        await _clock.NextTimerAsync(); // the server holds the connection's login
        await impatient.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.False(second.IsCompleted); // the other caller still waits for the same connection
        _clock.Advance(TimeSpan.FromMinutes(10));
        var odoo = await second;
        Assert.Equal(1, hold.Applied);
        Assert.Equal(1, await CountGlobexAsync(odoo));
        Assert.Equal(1, Logins());
    }

    [Fact]
    public async Task The_openstack_client_is_a_typed_wrapper_of_the_same_connection()
    {
        var services = new ServiceCollection();
        services.AddOdooClient(Configuration().GetSection("Odoo"), OpenStackOdooClient.FromClient);
        await using var provider = services.BuildServiceProvider();

        var openStack = await provider.GetRequiredService<IOdooClientProvider<OpenStackOdooClient>>().GetClientAsync();
        var partners = await openStack.Partners.SearchAsync(OdooDomain.Where("Name", "=", "Globex"), fields: ["Name"]);

        Assert.Equal("Globex", Assert.Single(partners).Name);
        Assert.Same(await provider.GetRequiredService<IOdooClientProvider>().GetClientAsync(), openStack.Client);
        Assert.Same(openStack, await provider.GetRequiredService<IOdooClientProvider<OpenStackOdooClient>>().GetClientAsync());
    }

    [Fact]
    public async Task Options_can_be_set_in_code()
    {
        var services = new ServiceCollection();
        services.AddOdooClient(o =>
        {
            o.Url = _server.BaseUrl;
            o.Database = _server.Database;
            o.Username = _server.Username;
            o.ApiKey = _server.ApiKey;
            o.Context = OdooContext.Empty.WithLang("fr_FR");
        });
        await using var provider = services.BuildServiceProvider();

        var odoo = await provider.GetRequiredService<IOdooClientProvider>().GetClientAsync();

        Assert.Equal("fr_FR", odoo.Context.Lang);
        Assert.Equal(1, await CountGlobexAsync(odoo));
    }

    [Fact]
    public void Every_option_binds_from_configuration_with_invariant_formats()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Odoo:Host"] = "erp.example.com",
            ["Odoo:Port"] = "8443",
            ["Odoo:UseHttps"] = "true",
            ["Odoo:Protocol"] = "json2",
            ["Odoo:Database"] = "prod",
            ["Odoo:Username"] = "billing",
            ["Odoo:Password"] = "secret",
            ["Odoo:ApiKey"] = "key",
            ["Odoo:VerifyTls"] = "false",
            ["Odoo:ServerVersion"] = "19.0+e",
            ["Odoo:Timeout"] = "00:01:30",
            ["Odoo:MaxReadRetries"] = "4",
            ["Odoo:RetryDelay"] = "00:00:00.500",
            ["Odoo:UserAgent"] = "billing-service/2.1",
            ["Odoo:Context:lang"] = "nl_NL",
            ["Odoo:Context:active_test"] = "false",
            ["Odoo:Context:allowed_company_ids:0"] = "1",
            ["Odoo:Context:allowed_company_ids:1"] = "3",
        }).Build();
        var services = new ServiceCollection();
        services.AddOdooClient(config.GetSection("Odoo"));
        using var provider = services.BuildServiceProvider();

        var o = provider.GetRequiredService<IOptions<OdooClientOptions>>().Value;

        Assert.Equal(("erp.example.com", 8443, true, OdooProtocol.Json2), (o.Host, o.Port, o.UseHttps, o.Protocol));
        Assert.Equal(("prod", "billing", "secret", "key"), (o.Database, o.Username, o.Password, o.ApiKey));
        Assert.Equal((false, "19.0+e", "billing-service/2.1"), (o.VerifyTls, o.ServerVersion, o.UserAgent));
        Assert.Equal((TimeSpan.FromSeconds(90), 4, TimeSpan.FromMilliseconds(500)), (o.Timeout, o.MaxReadRetries, o.RetryDelay));
        Assert.Equal("nl_NL", o.Context!.Lang);
        Assert.False(o.Context.ActiveTest);
        Assert.Equal(new object[] { 1, 3 }, (object?[])o.Context["allowed_company_ids"]!);

        config["Odoo:Url"] = "https://other.example.com";
        config["Odoo:Host"] = null;
        config["Odoo:Port"] = null;
        config["Odoo:CaCertificatePath"] = "/etc/ssl/private-ca.pem";
        var url = new ServiceCollection().AddOdooClient(config.GetSection("Odoo")).Services.BuildServiceProvider()
            .GetRequiredService<IOptionsMonitor<OdooClientOptions>>();
        Assert.Throws<OptionsValidationException>(() => url.CurrentValue); // CaCertificatePath with VerifyTls = false
    }

    [Fact]
    public void The_binder_covers_every_settable_option_but_the_injected_http_objects()
    {
        var settable = typeof(OdooClientOptions).GetProperties()
            .Where(p => p.CanWrite)
            .Select(p => p.Name)
            .Except([nameof(OdooClientOptions.HttpClient), nameof(OdooClientOptions.HttpMessageHandler), nameof(OdooClientOptions.LoggerFactory)])
            .Order();

        Assert.Equal(settable, OdooClientOptionsBinder.BoundOptions.Order());
    }

    [Fact]
    public void The_connect_options_are_a_full_copy_with_the_factory_client()
    {
        var original = new OdooClientOptions
        {
            Url = new Uri("https://erp.example.com"),
            Host = "h",
            Port = 1,
            UseHttps = true,
            Protocol = OdooProtocol.Json2,
            Database = "db",
            Username = "u",
            Password = "p",
            ApiKey = "k",
            VerifyTls = false,
            CaCertificatePath = "ca.pem",
            ServerVersion = "19.0",
            Timeout = TimeSpan.FromSeconds(7),
            MaxReadRetries = 5,
            RetryDelay = TimeSpan.FromSeconds(3),
            MaxRetryDelay = TimeSpan.FromSeconds(9),
            ReadRetryBudget = TimeSpan.FromSeconds(30),
            MaxConcurrentCalls = 4,
            UseWebSession = false,
            UserAgent = "ua",
            Context = OdooContext.Empty.WithLang("de_DE"),
            LoggerFactory = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
        };
        var copy = OdooClientProvider.Copy(original);
        foreach (var property in typeof(OdooClientOptions).GetProperties().Where(p => p.CanWrite))
        {
            Assert.Equal(property.GetValue(original), property.GetValue(copy));
            if (property.Name is not (nameof(OdooClientOptions.HttpClient) or nameof(OdooClientOptions.HttpMessageHandler)))
            {
                Assert.True(property.GetValue(original) is not null && !Equals(property.GetValue(original), property.GetValue(new OdooClientOptions())),
                    $"Set {property.Name} to a non-default value in this test, so that the copy is checked.");
            }
        }

        var services = new ServiceCollection();
        services.AddHttpClient();
        using var provider = services.BuildServiceProvider();
        var connect = OdooClientProvider.CreateConnectOptions(original, provider.GetRequiredService<IHttpClientFactory>());
        Assert.NotNull(connect.HttpClient);
        Assert.Equal((true, null), (connect.VerifyTls, connect.CaCertificatePath)); // applied to the factory's primary handler instead
        Assert.Equal((false, "ca.pem"), (original.VerifyTls, original.CaCertificatePath)); // the shared options are untouched
    }

    [Fact]
    public async Task Invalid_options_fail_naming_the_option()
    {
        var services = new ServiceCollection();
        services.AddOdooClient(Configuration(("Odoo:Database", null)).GetSection("Odoo"));
        await using var provider = services.BuildServiceProvider();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => provider.GetRequiredService<IOdooClientProvider>().GetClientAsync().AsTask());

        Assert.Contains("Database is required", ex.Message);
        Assert.DoesNotContain(_server.Password, ex.Message);
    }

    [Fact]
    public async Task A_malformed_value_names_its_key_but_not_the_value()
    {
        var services = new ServiceCollection();
        services.AddOdooClient(Configuration(("Odoo:Timeout", "soon")).GetSection("Odoo"));
        await using var provider = services.BuildServiceProvider();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetRequiredService<IOdooClientProvider>().GetClientAsync().AsTask());

        Assert.Equal("The configuration value at 'Odoo:Timeout' is not a valid time span (for example 00:00:30).", ex.Message);
    }

    [Fact]
    public async Task Disposing_the_container_disposes_the_client()
    {
        var services = new ServiceCollection();
        services.AddOdooClient(Configuration().GetSection("Odoo"));
        var provider = services.BuildServiceProvider();
        var clients = provider.GetRequiredService<IOdooClientProvider>();
        var odoo = await clients.GetClientAsync();

        await provider.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => odoo.Manager<Contact>().CountAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => clients.GetClientAsync().AsTask());
    }

    [Fact]
    public async Task Connecting_never_posts_to_the_callers_synchronization_context()
    {
        var services = new ServiceCollection();
        services.AddOdooClient(Configuration().GetSection("Odoo"));
        await using var provider = services.BuildServiceProvider();
        var clients = provider.GetRequiredService<IOdooClientProvider>();
        var context = new CountingContext();
        var previous = SynchronizationContext.Current;
        ValueTask<OdooClient> connecting;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            connecting = clients.GetClientAsync();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        Assert.Equal(1, await CountGlobexAsync(await connecting));
        Assert.Equal(0, context.Posts); // a UI or legacy ASP.NET context is never needed (nor blocked) to connect
    }

    /// <summary>Counts the continuations posted to it (and runs them on the thread pool).</summary>
    private sealed class CountingContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
