using System.Text.Json.Nodes;

namespace Odoo.Runtime.Tests.Transport;

public sealed class ConcurrencyTests
{
    /// <summary>Echoes the request: search with limit N answers [N, N+1] (JSON-RPC kwargs or JSON-2 body), after a random short delay.</summary>
    private static async Task<HttpResponseMessage> Echo(RecordedRequest r, bool json2, CancellationToken ct)
    {
        await Task.Delay(Random.Shared.Next(0, 3), ct);
        var limit = json2 ? (int)r.Json!["limit"]! : (int)r.Args[6]!["limit"]!;
        var model = json2 ? r.Path.Split('/')[3] : (string)r.Args[3]!;
        var offset = model == "res.partner" ? 0 : 1_000_000;
        var result = $"[{limit + offset}, {limit + offset + 1}]";
        return json2 ? FakeOdoo.Text(result) : FakeOdoo.RpcResult(result);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task One_client_hammered_from_32_tasks_answers_every_request_with_its_own_response(bool json2)
    {
        FakeOdoo fake;
        OdooClient client;
        if (json2)
        {
            fake = Json2Tests.Odoo19((r, ct) => Echo(r, json2: true, ct));
            client = await Json2Tests.ConnectJson2(fake);
        }
        else
        {
            fake = new FakeOdoo { ExecuteKw = (r, ct) => Echo(r, json2: false, ct) };
            client = await fake.ConnectAsync();
        }
        await using var _ = client;
        const int Tasks = 32, CallsPerTask = 25;
        using var start = new SemaphoreSlim(0);
        var workers = Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            await start.WaitAsync();
            for (var i = 0; i < CallsPerTask; i++)
            {
                var n = (t * 1000) + i + 1;
                var model = (n % 2 == 0) ? "res.partner" : "sale.order";
                var ids = await client.Model(model).SearchAsync(limit: n);
                var expected = n + (model == "res.partner" ? 0 : 1_000_000);
                Assert.Equal([expected, expected + 1], ids);
            }
        })).ToArray();
        start.Release(Tasks);
        await Task.WhenAll(workers);
        Assert.Equal(Tasks * CallsPerTask, fake.Requests.Count(r => r.Path == "/jsonrpc" ? r.RpcMethod == "execute_kw" : r.Path.EndsWith("/search", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Request_ids_are_unique_per_client()
    {
        var fake = new FakeOdoo { ExecuteKw = (_, _) => Task.FromResult(FakeOdoo.RpcResult("[]")) };
        await using var client = await fake.ConnectAsync();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.Model("res.partner").SearchAsync()));
        var ids = fake.Requests.Where(r => r.Path == "/jsonrpc").Select(r => (long)r.Json!["id"]!).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}

public sealed class RetryTests
{
    private static (FakeOdoo Fake, Func<int> Count) Failing(int failures, Func<HttpResponseMessage> failure, string success = "[1]")
    {
        var count = 0;
        var fake = new FakeOdoo
        {
            ExecuteKw = (_, _) =>
            {
                var n = Interlocked.Increment(ref count);
                return Task.FromResult(n <= failures ? failure() : FakeOdoo.RpcResult(success));
            },
        };
        return (fake, () => Volatile.Read(ref count));
    }

    private static HttpResponseMessage Unavailable() => FakeOdoo.Text("<html>503 Service Unavailable</html>", 503, "text/html");

    [Fact]
    public async Task Reads_are_retried_after_5xx()
    {
        var (fake, count) = Failing(2, Unavailable);
        await using var client = await fake.ConnectAsync(o => o.MaxReadRetries = 2);
        Assert.Equal(new[] { 1 }, await client.Model("res.partner").SearchAsync());
        Assert.Equal(3, count());
    }

    [Fact]
    public async Task Reads_are_retried_after_a_dropped_connection()
    {
        var count = 0;
        var fake = new FakeOdoo
        {
            ExecuteKw = (_, _) => Interlocked.Increment(ref count) == 1
                ? throw new HttpRequestException("reset", new IOException("Connection reset by peer"))
                : Task.FromResult(FakeOdoo.RpcResult("[4]")),
        };
        await using var client = await fake.ConnectAsync();
        var rows = await client.Model("res.partner").ReadAsync([4]);
        Assert.Equal(2, count);
        Assert.Equal(4, rows[0].GetInt32());
    }

    [Fact]
    public async Task Reads_are_retried_after_a_timeout()
    {
        var count = 0;
        var fake = new FakeOdoo
        {
            ExecuteKw = async (_, ct) =>
            {
                if (Interlocked.Increment(ref count) == 1) await Task.Delay(TimeSpan.FromSeconds(10), ct);
                return FakeOdoo.RpcResult("7");
            },
        };
        await using var client = await fake.ConnectAsync(o => o.Timeout = TimeSpan.FromSeconds(1));
        Assert.Equal(7, await client.Model("res.partner").SearchCountAsync());
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task Reads_give_up_after_max_retries_with_the_last_transport_error()
    {
        var (fake, count) = Failing(100, Unavailable);
        await using var client = await fake.ConnectAsync(o => o.MaxReadRetries = 3);
        var ex = await Assert.ThrowsAsync<OdooServerUnavailableException>(() => client.Model("res.partner").SearchReadAsync());
        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(4, count());
    }

    [Fact]
    public async Task No_retry_when_disabled()
    {
        var (fake, count) = Failing(1, Unavailable);
        await using var client = await fake.ConnectAsync(o => o.MaxReadRetries = 0);
        await Assert.ThrowsAsync<OdooServerUnavailableException>(() => client.Model("res.partner").SearchAsync());
        Assert.Equal(1, count());
    }

    public static TheoryData<string> Failures() => ["503", "drop", "timeout"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_create_is_never_sent_twice(string failure)
    {
        var count = 0;
        var fake = new FakeOdoo
        {
            ExecuteKw = async (_, ct) =>
            {
                Interlocked.Increment(ref count);
                switch (failure)
                {
                    case "503":
                        return Unavailable();
                    case "drop":
                        throw new HttpRequestException("reset", new IOException("Connection reset by peer"));
                    default:
                        await Task.Delay(TimeSpan.FromSeconds(10), ct);
                        return FakeOdoo.RpcResult("1");
                }
            },
        };
        await using var client = await fake.ConnectAsync(o =>
        {
            o.MaxReadRetries = 5;
            o.Timeout = TimeSpan.FromSeconds(1);
        });
        await Assert.ThrowsAnyAsync<OdooTransportException>(() => client.Model("res.partner").CreateAsync(new Dictionary<string, object?> { ["name"] = "Once" }));
        await Assert.ThrowsAnyAsync<OdooTransportException>(() => client.Model("res.partner").WriteAsync([1], new Dictionary<string, object?> { ["name"] = "Once" }));
        await Assert.ThrowsAnyAsync<OdooTransportException>(() => client.Model("res.partner").CallAsync("action_archive", ids: [1]));
        Assert.Equal(3, count);
    }

    [Fact]
    public async Task Server_protocol_and_client_errors_are_not_retried()
    {
        var count = 0;
        var answers = new Queue<Func<HttpResponseMessage>>([
            () => FakeOdoo.RpcError("odoo.exceptions.AccessError", "no"),
            () => FakeOdoo.Text("<html/>", 200, "text/html"),
            () => FakeOdoo.Text("bad request", 400, "text/plain"),
        ]);
        var fake = new FakeOdoo
        {
            ExecuteKw = (_, _) =>
            {
                Interlocked.Increment(ref count);
                lock (answers) return Task.FromResult(answers.Dequeue()());
            },
        };
        await using var client = await fake.ConnectAsync(o => o.MaxReadRetries = 5);
        await Assert.ThrowsAsync<OdooAccessException>(() => client.Model("res.partner").SearchAsync());
        await Assert.ThrowsAsync<OdooProtocolException>(() => client.Model("res.partner").SearchAsync());
        await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").SearchAsync());
        Assert.Equal(3, count);
    }

    [Fact]
    public async Task Retries_are_also_applied_to_json2_reads()
    {
        var count = 0;
        var fake = Json2Tests.Odoo19((_, _) => Task.FromResult(Interlocked.Increment(ref count) == 1 ? Unavailable() : FakeOdoo.Text("3")));
        await using var client = await Json2Tests.ConnectJson2(fake, o => o.MaxReadRetries = 1);
        Assert.Equal(3, await client.Model("res.partner").SearchCountAsync());
        Assert.Equal(2, count);
        _ = JsonNode.Parse("{}");
    }
}
