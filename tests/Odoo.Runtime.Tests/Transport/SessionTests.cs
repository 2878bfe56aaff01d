using System.Text.Json;
using Odoo.Testing;

namespace Odoo.Runtime.Tests.Transport;

/// <summary>
/// Password logins over JSON-RPC open an authenticated web session and send its cookie on every call
/// (<c>/web/dataset/call_kw</c>), renew it once when Odoo forgets it, and destroy it on dispose.
/// Checked on the in-memory Odoo's request log.
/// </summary>
public sealed class SessionTests
{
    private static OdooClientOptions Options(OdooTestServer server) => new()
    {
        Url = server.BaseUrl,
        Protocol = OdooProtocol.JsonRpc,
        Database = server.Database,
        Username = server.Username,
        Password = server.Password,
        Timeout = TimeSpan.FromSeconds(30),
        RetryDelay = TimeSpan.FromMilliseconds(1),
    };

    private static bool IsAuthenticate(OdooRecordedRequest r) => r.Path == "/web/session/authenticate";

    private static bool IsCallKw(OdooRecordedRequest r) => r.Path.StartsWith("/web/dataset/call_kw/", StringComparison.Ordinal);

    private static async Task<int[]> SeedPartnersAsync(OdooTestServer server, int count, string prefix)
    {
        var ids = server.SeedMany("res.partner", Enumerable.Range(0, count).Select(i => (object)new { name = $"{prefix} {i:D4}" }));
        await Task.CompletedTask;
        return [.. ids];
    }

    [Fact]
    public async Task Connect_opens_a_web_session_in_two_requests_and_every_call_carries_it()
    {
        await using var server = await OdooTestServer.StartAsync();
        await using var client = await OdooClient.ConnectAsync(Options(server));

        var connect = server.Requests;
        Assert.Equal(["/web/webclient/version_info", "/web/session/authenticate"], connect.Select(r => r.Path));
        Assert.Equal(server.AdminUid, client.UserId);
        Assert.Equal("en_US", client.Context.Lang);
        Assert.Equal(server.AdminUid, client.Context["uid"]);

        server.ClearRequests();
        var partners = client.Model("res.partner");
        var id = await partners.CreateAsync(new Dictionary<string, object?> { ["name"] = "Session partner" });
        var rows = await partners.ReadAsync([id], ["name"]);
        await partners.WriteAsync([id], new Dictionary<string, object?> { ["name"] = "Session partner 2" });
        Assert.Equal(1, await partners.SearchCountAsync(new object[] { new object[] { "name", "=", "Session partner 2" } }));
        await partners.UnlinkAsync([id]);

        Assert.Equal("Session partner", Assert.Single(rows).GetProperty("name").GetString());
        var calls = server.Requests;
        Assert.Equal(5, calls.Count);
        Assert.All(calls, r =>
        {
            Assert.True(IsCallKw(r), $"{r.Path} is not a session call");
            Assert.Equal(OdooRequestProtocol.Web, r.Protocol);
            Assert.Equal(server.AdminUid, r.Uid);
            Assert.Equal(200, r.StatusCode);
            Assert.Null(r.ErrorName);
        });
        Assert.Equal(["create", "read", "write", "search_count", "unlink"], calls.Select(r => r.Method));
        Assert.Equal("/web/dataset/call_kw/res.partner/read", calls[1].Path);
    }

    [Fact]
    public async Task Every_call_after_connect_carries_the_authenticated_session_cookie()
    {
        await using var server = await OdooTestServer.StartAsync();
        await using var client = await OdooClient.ConnectAsync(Options(server));
        server.ClearRequests();

        var partners = client.Model("res.partner");
        for (var i = 0; i < 20; i++) await partners.SearchCountAsync();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => partners.SearchReadAsync(limit: 1)));

        var calls = server.Requests;
        Assert.Equal(36, calls.Count);
        Assert.All(calls, r => Assert.True(r.AuthenticatedSession, $"{r.Path} #{r.Sequence} carried no authenticated session"));
        Assert.Single(calls.Select(r => r.SessionId).Distinct());
    }

    [Fact]
    public async Task Behind_a_keep_alive_server_the_client_reuses_its_connection()
    {
        // Odoo's own server answers Connection: close (a new connection per request); a reverse proxy keeps them open.
        await using var proxied = await OdooTestServer.StartAsync(new OdooTestServerOptions { KeepAlive = true });
        await using var client = await OdooClient.ConnectAsync(Options(proxied));
        for (var i = 0; i < 30; i++) await client.Model("res.partner").SearchCountAsync();

        Assert.Equal(32, proxied.CountRequests());
        Assert.Single(proxied.Requests.Select(r => r.ConnectionId).Distinct());

        await using var direct = await OdooTestServer.StartAsync();
        await using var directClient = await OdooClient.ConnectAsync(Options(direct));
        for (var i = 0; i < 5; i++) await directClient.Model("res.partner").SearchCountAsync();
        Assert.Equal(direct.CountRequests(), direct.Requests.Select(r => r.ConnectionId).Distinct().Count());
        Assert.All(direct.Requests, r => Assert.NotNull(r.ConnectionId));
    }

    [Fact]
    public async Task Session_calls_send_the_same_arguments_and_context_as_execute_kw()
    {
        await using var server = await OdooTestServer.StartAsync();
        await using var client = await OdooClient.ConnectAsync(Options(server));
        server.ClearRequests();

        var context = OdooContext.Empty.WithLang("fr_FR");
        await client.Model("res.partner").SearchReadAsync(new object[] { new object[] { "id", ">", 0 } }, ["name"], limit: 2, context: context);

        var call = Assert.Single(server.Requests);
        Assert.Equal("search_read", call.Method);
        Assert.Equal("res.partner", call.Model);
        var condition = Assert.Single(call.Args!.Value[0].EnumerateArray().ToArray());
        Assert.Equal(["id", ">", "0"], condition.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()));
        var kwargs = call.Kwargs!.Value;
        Assert.Equal(2, kwargs.GetProperty("limit").GetInt32());
        Assert.Equal("fr_FR", kwargs.GetProperty("context").GetProperty("lang").GetString());
        Assert.Equal(server.AdminUid, kwargs.GetProperty("context").GetProperty("uid").GetInt32());
    }

    [Fact]
    public async Task An_api_key_uses_session_less_jsonrpc_calls()
    {
        await using var server = await OdooTestServer.StartAsync();
        var options = Options(server);
        options.Password = null;
        options.ApiKey = server.ApiKey;
        await using var client = await OdooClient.ConnectAsync(options);
        await client.Model("res.partner").SearchCountAsync();

        Assert.DoesNotContain(server.Requests, IsAuthenticate);
        Assert.DoesNotContain(server.Requests, IsCallKw);
        Assert.Contains(server.Requests, r => r.Path == "/jsonrpc" && r.Method == "search_count");
    }

    [Fact]
    public async Task An_api_key_given_as_the_password_falls_back_to_session_less_calls()
    {
        // Odoo's session login is interactive and refuses API keys; common.login accepts them.
        await using var server = await OdooTestServer.StartAsync();
        var options = Options(server);
        options.Password = server.ApiKey;
        await using var client = await OdooClient.ConnectAsync(options);
        await client.Model("res.partner").SearchCountAsync();

        Assert.Equal(["/web/webclient/version_info", "/web/session/authenticate", "/jsonrpc", "/jsonrpc", "/jsonrpc"], server.Requests.Select(r => r.Path));
        Assert.Equal("odoo.exceptions.AccessDenied", server.Requests[1].ErrorName);
        Assert.Equal(["login", "context_get", "search_count"], server.Requests.Skip(2).Select(r => r.Method));
        Assert.Equal(server.AdminUid, client.UserId);
    }

    [Fact]
    public async Task Turning_the_web_session_off_sends_session_less_jsonrpc_calls()
    {
        await using var server = await OdooTestServer.StartAsync();
        var options = Options(server);
        options.UseWebSession = false;
        await using var client = await OdooClient.ConnectAsync(options);
        await client.Model("res.partner").SearchCountAsync();

        Assert.Equal(["/web/webclient/version_info", "/jsonrpc", "/jsonrpc", "/jsonrpc"], server.Requests.Select(r => r.Path));
        Assert.Contains("UseWebSession = false", options.ToString());
    }

    [Fact]
    public async Task An_expired_session_in_a_loop_of_reads_is_renewed_once_and_no_read_fails()
    {
        await using var server = await OdooTestServer.StartAsync();
        var ids = await SeedPartnersAsync(server, 100, "Loop");
        await using var client = await OdooClient.ConnectAsync(Options(server));
        var partners = client.Model("res.partner");
        server.ClearRequests();

        var names = new List<string>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (i == 50) server.ExpireSessions();
            var row = Assert.Single(await partners.ReadAsync([ids[i]], ["name"]));
            names.Add(row.GetProperty("name").GetString()!);
        }

        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"Loop {i:D4}"), names);
        Assert.Equal(1, server.CountRequests(IsAuthenticate));
        Assert.Equal(1, server.CountRequests(r => r.ErrorName == "odoo.http.SessionExpiredException"));
        Assert.Equal(101, server.CountRequests(IsCallKw));
    }

    [Fact]
    public async Task A_write_refused_for_an_expired_session_is_sent_again_and_runs_once()
    {
        await using var server = await OdooTestServer.StartAsync();
        await using var client = await OdooClient.ConnectAsync(Options(server));
        var partners = client.Model("res.partner");
        server.ExpireSessions();
        server.ClearRequests();

        var id = await partners.CreateAsync(new Dictionary<string, object?> { ["name"] = "Created once" });

        Assert.Equal([id], server.Search("res.partner", """[["name","=","Created once"]]"""));
        Assert.Equal(["create", "authenticate", "create"], server.Requests.Select(r => r.Method));
        Assert.Equal("odoo.http.SessionExpiredException", server.Requests[0].ErrorName);
    }

    [Fact]
    public async Task Concurrent_calls_that_find_the_session_expired_share_one_re_authentication()
    {
        await using var server = await OdooTestServer.StartAsync();
        var ids = await SeedPartnersAsync(server, 32, "Concurrent");
        await using var client = await OdooClient.ConnectAsync(Options(server));
        var partners = client.Model("res.partner");
        await partners.ReadAsync([ids[0]], ["name"]);
        server.ExpireSessions();
        server.ClearRequests();

        var results = await Task.WhenAll(ids.Select(async id =>
        {
            var row = Assert.Single(await partners.ReadAsync([id], ["name"]));
            return (id, row.GetProperty("id").GetInt32());
        }));

        Assert.All(results, r => Assert.Equal(r.id, r.Item2));
        Assert.Equal(1, server.CountRequests(IsAuthenticate));
    }

    [Fact]
    public async Task A_stream_across_an_expired_session_yields_every_record_once()
    {
        await using var server = await OdooTestServer.StartAsync();
        var ids = await SeedPartnersAsync(server, 250, "Stream");
        await using var client = await OdooClient.ConnectAsync(Options(server));
        server.ClearRequests();

        var seen = new List<int>();
        await foreach (var partner in client.Manager<Odoo.Runtime.Tests.Managers.Partner>().StreamAsync(Odoo.Domains.OdooDomain.Where("name", "=like", "Stream %"), fields: ["name"], batchSize: 50))
        {
            seen.Add(partner.Id);
            if (seen.Count == 120) server.ExpireSessions();
        }

        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(1, server.CountRequests(IsAuthenticate));
    }

    [Fact]
    public async Task Disposing_the_client_destroys_the_web_session()
    {
        await using var server = await OdooTestServer.StartAsync();
        var client = await OdooClient.ConnectAsync(Options(server));
        await client.DisposeAsync();

        Assert.Equal("/web/session/destroy", server.Requests[^1].Path);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.Model("res.partner").SearchCountAsync());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_by_both_logins_and_named_in_the_error()
    {
        await using var server = await OdooTestServer.StartAsync();
        var options = Options(server);
        options.Password = "not-the-password";

        var ex = await Assert.ThrowsAsync<OdooAccessDeniedException>(() => OdooClient.ConnectAsync(options));

        Assert.Contains($"'{server.Database}'", ex.Message);
        Assert.DoesNotContain("not-the-password", ex.ToString());
        Assert.Equal(1, server.CountRequests(IsAuthenticate));
    }
}

