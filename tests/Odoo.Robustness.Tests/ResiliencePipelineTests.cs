using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Odoo.Testing;
using Polly;

namespace Odoo.Robustness.Tests;

/// <summary>
/// The client on an <see cref="HttpClient"/> from IHttpClientFactory with a Microsoft.Extensions.Http.Resilience
/// pipeline (rate limiter, retry, circuit breaker), as docs/reliability.md shows it. The pipeline may retry reads; a
/// create reaches the server once, whether the retry is told which requests are safe
/// (<see cref="OdooHttpRequest.IsRetrySafe"/>) or retries every transient failure.
/// </summary>
public sealed class ResiliencePipelineTests : IAsyncLifetime
{
    private OdooTestServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync() => _server = await OdooTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    /// <summary>An HttpClient whose pipeline retries three times at once; <paramref name="onlySafe"/> limits it to requests that are safe to resend.</summary>
    private HttpClient PipelineClient(bool onlySafe)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("odoo").AddResilienceHandler("odoo", pipeline =>
        {
            pipeline.AddRateLimiter(new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = 1000, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            var retry = new HttpRetryStrategyOptions { MaxRetryAttempts = 3, Delay = TimeSpan.Zero, BackoffType = DelayBackoffType.Constant, UseJitter = false };
            if (onlySafe)
            {
                var transient = retry.ShouldHandle;
                retry.ShouldHandle = args => OdooHttpRequest.IsRetrySafe(args.Context.GetRequestMessage()) ? transient(args) : PredicateResult.False();
            }
            pipeline.AddRetry(retry);
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { FailureRatio = 0.9, MinimumThroughput = 100, SamplingDuration = TimeSpan.FromSeconds(30) });
        });
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<IHttpClientFactory>().CreateClient("odoo");
    }

    private Task<OdooClient> ConnectAsync(HttpClient http) => OdooClient.ConnectAsync(new OdooClientOptions
    {
        Url = _server.BaseUrl,
        Database = _server.Database,
        Username = _server.Username,
        Password = _server.Password,
        Protocol = OdooProtocol.JsonRpc,
        HttpClient = http,
        MaxReadRetries = 0, // only the pipeline retries here
    });

    private static Dictionary<string, object?> Partner(string name) => new() { ["name"] = name };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_pipeline_retries_a_read_and_never_resends_a_create(bool onlySafe)
    {
        await using var client = await ConnectAsync(PipelineClient(onlySafe));
        var partners = client.Model("res.partner");

        // A read that fails once: the pipeline sends it again and the caller sees the result.
        _server.Faults.Add(OdooFault.ServiceUnavailable()).For(model: "res.partner", method: "search_count").Once();
        Assert.True(await partners.SearchCountAsync() >= 1);
        Assert.Equal(2, await _server.WaitForCallsAsync("res.partner", "search_count", 2, settle: TimeSpan.FromMilliseconds(100)));

        // A create that fails: it reached the server once, and no second request followed it.
        _server.Faults.Add(OdooFault.ServiceUnavailable()).For(model: "res.partner", method: "create").Once();
        var before = _server.CountRequests();
        var ex = await Assert.ThrowsAnyAsync<OdooTransportException>(() => partners.CreateAsync(Partner("Sent once")));
        Assert.Equal(1, await _server.WaitForCallsAsync("res.partner", "create", 1, settle: TimeSpan.FromMilliseconds(150)));
        Assert.Equal(before + 1, _server.CountRequests());
        Assert.Equal(0, _server.Count("res.partner", """[["name", "=", "Sent once"]]"""));
        if (onlySafe)
        {
            // Told which requests are safe, the pipeline hands the 503 back as it came.
            Assert.IsType<OdooServerUnavailableException>(ex);
        }
        else
        {
            // A pipeline that retries everything is stopped before the create's second copy leaves.
            Assert.Contains("is not read-only, so it is never resent", ex.ToString());
        }

        // The client still works afterwards, and a healthy create goes through once.
        var id = await partners.CreateAsync(Partner("Created"));
        Assert.Equal(1, _server.Count("res.partner", $"[[\"id\", \"=\", {id}]]"));
    }

    [Fact]
    public void Only_reads_are_safe_to_retry()
    {
        Assert.False(OdooHttpRequest.IsRetrySafe(null));
        Assert.True(OdooHttpRequest.IsRetrySafe(new HttpRequestMessage(HttpMethod.Get, "http://odoo.test/web/version")));
    }
}
