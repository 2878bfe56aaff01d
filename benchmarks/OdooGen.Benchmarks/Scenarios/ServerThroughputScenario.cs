using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Odoo.Testing;
using OdooGen.Benchmarks.Support;

namespace OdooGen.Benchmarks.Scenarios;

/// <summary>
/// How many <c>search_read</c> requests of 100 referral codes Odoo.Testing answers per second, with
/// 1, 8 and 32 concurrent callers. The callers post a prepared JSON-RPC body with a raw
/// <see cref="HttpClient"/>, so the figure is the server's (plus loopback HTTP), not the client's.
/// </summary>
public sealed class ServerThroughputScenario : IAsyncDisposable
{
    private readonly OdooTestServer _server;
    private readonly HttpClient _http;
    private readonly byte[] _body;

    private ServerThroughputScenario(OdooTestServer server)
    {
        _server = server;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = server.BaseUrl };
        _body = Encoding.UTF8.GetBytes(
            $$"""{"jsonrpc":"2.0","method":"call","params":{"service":"object","method":"execute_kw","args":["{{server.Database}}",{{server.AdminUid}},"{{server.Password}}","{{BenchOdoo.ReferralModel}}","search_read",[[]],{"fields":["code","name","allowed_uses","referral_credit_amount","referral_credit_type","reward_credit_type"],"limit":100,"order":"id"}]},"id":1}""");
    }

    /// <summary>Starts a server with 1,000 referral codes and no request log (it would grow with the run).</summary>
    public static async Task<ServerThroughputScenario> StartAsync() => new(await BenchOdoo.StartAsync(1_000));

    /// <summary>Runs <paramref name="callers"/> concurrent callers for <paramref name="duration"/>; returns requests per second.</summary>
    public async Task<double> RequestsPerSecondAsync(int callers, TimeSpan duration)
    {
        await SendAsync(); // warm the connection and the server's code
        long done = 0;
        var stopwatch = Stopwatch.StartNew();
        var until = stopwatch.Elapsed + duration;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (stopwatch.Elapsed < until)
            {
                await SendAsync();
                Interlocked.Increment(ref done);
            }
        })));
        return done / stopwatch.Elapsed.TotalSeconds;
    }

    private async Task SendAsync()
    {
        using var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync("/jsonrpc", content);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length < 1_000) throw new InvalidOperationException("The server answered too little for 100 records: " + Encoding.UTF8.GetString(bytes));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }
}
