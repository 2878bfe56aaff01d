using System.Text.Json;
using Odoo.Testing;

namespace Odoo.Runtime.Tests.Transport;

/// <summary>
/// The client against the in-memory Odoo server (Odoo.Testing) over real loopback HTTP, on Odoo 18
/// (JSON-RPC only) and Odoo 19 (JSON-2 and JSON-RPC).
/// </summary>
public sealed class LoopbackTests
{
    public static TheoryData<string, OdooProtocol, OdooProtocol> Servers() => new()
    {
        { "18.0", OdooProtocol.JsonRpc, OdooProtocol.JsonRpc },
        { "18.0", OdooProtocol.Auto, OdooProtocol.JsonRpc },
        { "19.0", OdooProtocol.JsonRpc, OdooProtocol.JsonRpc },
        { "19.0", OdooProtocol.Json2, OdooProtocol.Json2 },
        { "19.0", OdooProtocol.Auto, OdooProtocol.Json2 },
    };

    private static OdooClientOptions Options(OdooTestServer server, OdooProtocol protocol) => new()
    {
        Url = server.BaseUrl,
        Protocol = protocol,
        Database = server.Database,
        Username = server.Username,
        Password = server.Password,
        ApiKey = protocol == OdooProtocol.JsonRpc ? null : server.ApiKey,
        Timeout = TimeSpan.FromSeconds(10),
        RetryDelay = TimeSpan.FromMilliseconds(1),
    };

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Connect_and_use_every_raw_call(string version, OdooProtocol requested, OdooProtocol expected)
    {
        await using var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { Version = version });
        await using var client = await OdooClient.ConnectAsync(Options(server, requested));

        Assert.Equal(expected, client.Protocol);
        Assert.Equal(version, client.ServerVersion.Text);
        Assert.Equal(server.AdminUid, client.UserId);

        var partners = client.Model("res.partner");
        var name = "Loopback " + Guid.NewGuid().ToString("N")[..8];
        var id = await partners.CreateAsync(new Dictionary<string, object?> { ["name"] = name, ["is_company"] = true, ["email"] = "a@example.com" });
        Assert.True(id > 0);
        var ids = await partners.CreateManyAsync([
            new Dictionary<string, object?> { ["name"] = name + " child 1", ["parent_id"] = id },
            new Dictionary<string, object?> { ["name"] = name + " child 2", ["parent_id"] = id },
        ]);
        Assert.Equal(2, ids.Length);

        var rows = await partners.SearchReadAsync(new object[] { new object[] { "name", "=", name } }, ["name", "email", "is_company"]);
        Assert.Equal("a@example.com", Assert.Single(rows).GetProperty("email").GetString());

        Assert.Equal([id], await partners.SearchAsync(new[] { ("name", "=", (object)name) }));
        Assert.Equal(3, await partners.SearchCountAsync(new object[] { new object[] { "name", "ilike", name } }));

        await partners.WriteAsync([id], new Dictionary<string, object?> { ["email"] = "b@example.com" });
        var read = await partners.ReadAsync([id], ["email", "child_ids"]);
        Assert.Equal("b@example.com", read[0].GetProperty("email").GetString());
        Assert.Equal(2, read[0].GetProperty("child_ids").GetArrayLength());

        var found = await partners.NameSearchAsync(name + " child", limit: 10);
        Assert.Equal(2, found.Count);

        var fields = await partners.FieldsGetAsync(["type", "relation"]);
        Assert.Equal("many2one", fields.GetProperty("parent_id").GetProperty("type").GetString());

        var viaCall = await partners.CallAsync("search_count", kwargs: new Dictionary<string, object?> { ["domain"] = new object[] { new object[] { "name", "ilike", name } } });
        Assert.Equal(3, viaCall.GetInt32());

        await partners.UnlinkAsync([.. ids, id]);
        Assert.Equal(0, await partners.SearchCountAsync(new object[] { new object[] { "name", "ilike", name } }));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Server_errors_are_typed(string version, OdooProtocol requested, OdooProtocol expected)
    {
        await using var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { Version = version });
        await using var client = await OdooClient.ConnectAsync(Options(server, requested));
        Assert.Equal(expected, client.Protocol);

        var missing = await Assert.ThrowsAsync<OdooMissingRecordException>(() =>
            client.Model("res.partner").WriteAsync([999999], new Dictionary<string, object?> { ["name"] = "nobody" }));
        Assert.StartsWith("res.partner.write(999999) failed", missing.Message);

        await Assert.ThrowsAnyAsync<OdooServerException>(() => client.Model("no.such.model").SearchAsync());
        await Assert.ThrowsAsync<OdooAccessException>(() => client.Model("res.partner").CallAsync("_compute_display_name", ids: [1]));
    }

    [Theory]
    [InlineData("18.0", OdooProtocol.JsonRpc)]
    [InlineData("19.0", OdooProtocol.Json2)]
    public async Task Bad_credentials_are_access_denied(string version, OdooProtocol protocol)
    {
        await using var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { Version = version });
        var options = Options(server, protocol);
        options.Password = "wrong-password";
        options.ApiKey = protocol == OdooProtocol.Json2 ? "wrong-api-key" : null;
        var ex = await Assert.ThrowsAsync<OdooAccessDeniedException>(() => OdooClient.ConnectAsync(options));
        Assert.DoesNotContain("wrong-password", ex.ToString());
        Assert.DoesNotContain("wrong-api-key", ex.ToString());
    }

    [Theory]
    [InlineData("18.0", OdooProtocol.JsonRpc)]
    [InlineData("19.0", OdooProtocol.Json2)]
    public async Task Injected_faults_map_to_transport_and_protocol_errors(string version, OdooProtocol protocol)
    {
        await using var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { Version = version });
        var options = Options(server, protocol);
        options.MaxReadRetries = 0;
        options.Timeout = TimeSpan.FromSeconds(2);
        await using var client = await OdooClient.ConnectAsync(options);
        var partners = client.Model("res.partner");

        server.Faults.Add(OdooFault.BadGateway()).For(model: "res.partner", method: "search_count").Once();
        Assert.Equal(502, (await Assert.ThrowsAsync<OdooTransportException>(() => partners.SearchCountAsync())).StatusCode);

        server.Faults.Add(OdooFault.Html()).For(model: "res.partner", method: "search_count").Once();
        await Assert.ThrowsAsync<OdooProtocolException>(() => partners.SearchCountAsync());

        server.Faults.Add(OdooFault.TruncatedJson()).For(model: "res.partner", method: "search_count").Once();
        await Assert.ThrowsAsync<OdooProtocolException>(() => partners.SearchCountAsync());

        server.Faults.Add(OdooFault.DropConnection()).For(model: "res.partner", method: "search_count").Once();
        var dropped = await Assert.ThrowsAsync<OdooTransportException>(() => partners.SearchCountAsync());
        Assert.Null(dropped.StatusCode);

        server.Faults.Add(OdooFault.Delay(TimeSpan.FromSeconds(20))).For(model: "res.partner", method: "search_count").Once();
        Assert.True((await Assert.ThrowsAsync<OdooTransportException>(() => partners.SearchCountAsync())).IsTimeout);

        Assert.True(await partners.SearchCountAsync() > 0);
    }

    [Fact]
    public async Task Dropped_read_is_retried_but_create_is_sent_once()
    {
        await using var server = await OdooTestServer.StartAsync();
        await using var client = await OdooClient.ConnectAsync(Options(server, OdooProtocol.JsonRpc));
        server.Faults.Add(OdooFault.DropConnection()).For(model: "res.partner", method: "search_read").Once();
        var rows = await client.Model("res.partner").SearchReadAsync(limit: 1);
        Assert.Single(rows);
        Assert.Equal(2, server.CountCalls("res.partner", "search_read"));

        server.Faults.Add(OdooFault.DropConnection()).For(model: "res.partner", method: "create").Once();
        await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").CreateAsync(new Dictionary<string, object?> { ["name"] = "Once" }));
        // The server logs a dropped request when its handler unwinds, which may be just after the client saw the drop.
        Assert.Equal(1, await server.WaitForCallsAsync("res.partner", "create", atLeast: 1, settle: TimeSpan.FromMilliseconds(150)));
    }

    [Theory]
    [InlineData("18.0", OdooProtocol.JsonRpc)]
    [InlineData("19.0", OdooProtocol.Json2)]
    public async Task One_client_shared_by_32_tasks(string version, OdooProtocol protocol)
    {
        await using var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { Version = version });
        await using var client = await OdooClient.ConnectAsync(Options(server, protocol));
        var partners = client.Model("res.partner");
        await Task.WhenAll(Enumerable.Range(0, 32).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                var name = $"Hammer {version} {t}-{i}";
                var id = await partners.CreateAsync(new Dictionary<string, object?> { ["name"] = name });
                var rows = await partners.ReadAsync([id], ["name"]);
                Assert.Equal(name, rows.Single().GetProperty("name").GetString());
            }
        })));
        Assert.Equal(160, await partners.SearchCountAsync(new object[] { new object[] { "name", "=like", $"Hammer {version} %" } }));
    }

    [Fact]
    public async Task Records_read_over_loopback_keep_odoo_shapes()
    {
        await using var server = await OdooTestServer.StartAsync();
        await using var client = await OdooClient.ConnectAsync(Options(server, OdooProtocol.JsonRpc));
        var id = await client.Model("res.partner").CreateAsync(new Dictionary<string, object?> { ["name"] = "Shapes" });
        var row = (await client.Model("res.partner").ReadAsync([id], ["parent_id", "category_id", "email"]))[0];
        Assert.Equal(JsonValueKind.False, row.GetProperty("parent_id").ValueKind);
        Assert.Equal(JsonValueKind.Array, row.GetProperty("category_id").ValueKind);
        Assert.Equal(JsonValueKind.False, row.GetProperty("email").ValueKind);
    }
}
