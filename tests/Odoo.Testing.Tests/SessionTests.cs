using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Odoo.Testing.Tests;

/// <summary>Web sessions, the request log's session fields and the cost model.</summary>
public sealed class SessionTests
{
    private const string CallKw = """{"jsonrpc":"2.0","method":"call","params":{"model":"res.partner","method":"search_read","args":[[["id","=",1]]],"kwargs":{"fields":["name"]}},"id":2}""";

    private static string Authenticate(OdooTestServer server, string login, string password)
        => $$"""{"jsonrpc":"2.0","method":"call","params":{"db":"{{server.Database}}","login":"{{login}}","password":"{{password}}"},"id":1}""";

    private static string ExecuteKw(OdooTestServer server, string password)
        => $$"""{"jsonrpc":"2.0","method":"call","params":{"service":"object","method":"execute_kw","args":["{{server.Database}}",2,"{{password}}","res.partner","search_read",[[["id","=",1]]],{"fields":["name"]}]},"id":3}""";

    [Fact]
    public async Task The_log_shows_which_requests_carried_the_authenticated_session_cookie()
    {
        await using var server = await OdooTestServer.StartAsync();
        using var http = Rpc.Client(server, cookies: true);
        await Rpc.PostAsync(http, "/web/webclient/version_info", """{"jsonrpc":"2.0","method":"call","params":{},"id":1}""");
        await Rpc.PostAsync(http, "/web/session/authenticate", Authenticate(server, "admin", "admin"));
        var (_, viaWeb, _) = await Rpc.PostAsync(http, "/web/dataset/call_kw", CallKw);
        var (_, viaJsonRpc, _) = await Rpc.PostAsync(http, "/jsonrpc", ExecuteKw(server, "admin"));
        Assert.NotNull(viaWeb!["result"]);
        Assert.NotNull(viaJsonRpc!["result"]);

        var log = server.Requests;
        Assert.Equal(4, log.Count);
        Assert.Null(log[0].SessionId);                                    // version_info: no cookie yet
        Assert.False(log[0].AuthenticatedSession);
        Assert.NotNull(log[1].SessionId);                                 // authenticate sends the anonymous cookie back...
        Assert.False(log[1].AuthenticatedSession);                        // ...which is no session
        Assert.All(log.Skip(2), r => Assert.True(r.AuthenticatedSession)); // every call after connecting carries the session
        Assert.Equal(log[2].SessionId, log[3].SessionId);
        Assert.NotEqual(log[1].SessionId, log[2].SessionId);              // authenticate rotated it
        Assert.Equal(2, log[2].Uid);
        Assert.Equal(1, server.SessionCount);

        server.ExpireSessions();
        Assert.Equal(0, server.SessionCount);
        var (_, expired, _) = await Rpc.PostAsync(http, "/web/dataset/call_kw", CallKw);
        Assert.Equal("odoo.http.SessionExpiredException", (string)expired!["error"]!["data"]!["name"]!);
        Assert.Equal(JsonValueKind.Null, expired["id"]?.GetValueKind() ?? JsonValueKind.Null);
        var (_, stillWorks, _) = await Rpc.PostAsync(http, "/jsonrpc", ExecuteKw(server, "admin")); // /jsonrpc ignores the session
        Assert.NotNull(stillWorks!["result"]);
        Assert.All(server.Requests.Skip(4), r => Assert.False(r.AuthenticatedSession));
    }

    [Fact]
    public async Task A_session_is_bound_to_its_user_and_the_password_in_jsonrpc_args_still_counts()
    {
        await using var server = await OdooTestServer.StartAsync();
        var clerk = server.AddUser("clerk", "secret");
        using var http = Rpc.Client(server, cookies: true);
        await Rpc.PostAsync(http, "/web/session/authenticate", Authenticate(server, "clerk", "secret"));
        await Rpc.PostAsync(http, "/web/dataset/call_kw", CallKw);
        Assert.Equal(clerk.Uid, server.Requests[^1].Uid);

        var (_, denied, _) = await Rpc.PostAsync(http, "/jsonrpc", ExecuteKw(server, "wrong"));
        Assert.Equal("odoo.exceptions.AccessDenied", (string)denied!["error"]!["data"]!["name"]!);
        Assert.True(server.Requests[^1].AuthenticatedSession);
    }

    [Fact]
    public async Task Destroy_ends_the_session_and_sets_a_new_anonymous_cookie()
    {
        await using var server = await OdooTestServer.StartAsync();
        using var http = Rpc.Client(server, cookies: true);
        await Rpc.PostAsync(http, "/web/session/authenticate", Authenticate(server, "admin", "admin"));
        var (_, destroyed, response) = await Rpc.PostAsync(http, "/web/session/destroy", """{"jsonrpc":"2.0","method":"call","params":{},"id":5}""");
        Assert.False(destroyed!.AsObject().ContainsKey("result"));       // None: Odoo leaves "result" out
        Assert.Equal(2, response.Headers.GetValues("Set-Cookie").Count());
        Assert.Equal(0, server.SessionCount);
        var (_, after, _) = await Rpc.PostAsync(http, "/web/dataset/call_kw", CallKw);
        Assert.Equal(100, (int)after!["error"]!["code"]!);
    }

    [Fact]
    public async Task Answers_close_the_connection_unless_keep_alive_is_set()
    {
        await using var closing = await OdooTestServer.StartAsync();
        using var http = Rpc.Client(closing);
        var (_, _, closed) = await Rpc.PostAsync(http, "/jsonrpc", ExecuteKw(closing, "admin"));
        Assert.True(closed.Headers.ConnectionClose);

        await using var keeping = await OdooTestServer.StartAsync(new OdooTestServerOptions { KeepAlive = true });
        using var http2 = Rpc.Client(keeping);
        var (_, _, kept) = await Rpc.PostAsync(http2, "/jsonrpc", ExecuteKw(keeping, "admin"));
        Assert.NotEqual(true, kept.Headers.ConnectionClose);
    }

    [Fact]
    public async Task The_cost_model_charges_calls_without_an_authenticated_session_more()
    {
        var cost = new OdooCostModel { PerRequest = TimeSpan.FromMilliseconds(1), WithoutSession = TimeSpan.FromMilliseconds(2) };
        await using var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { CostModel = cost });
        using var http = Rpc.Client(server, cookies: true);
        await Rpc.PostAsync(http, "/jsonrpc", ExecuteKw(server, "admin"));                          // no cookie
        await Rpc.PostAsync(http, "/web/session/authenticate", Authenticate(server, "admin", "admin")); // no cookie yet
        await Rpc.PostAsync(http, "/jsonrpc", ExecuteKw(server, "admin"));                          // the session cookie
        await Rpc.PostAsync(http, "/web/dataset/call_kw", CallKw);                                   // the session cookie

        Assert.Equal(
            [TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)],
            server.Requests.Select(r => r.ChargedDelay));
    }

    [Fact]
    public async Task Without_a_cost_model_nothing_is_charged()
    {
        await using var server = await OdooTestServer.StartAsync();
        using var http = Rpc.Client(server);
        await Rpc.PostAsync(http, "/jsonrpc", ExecuteKw(server, "admin"));
        Assert.Equal(TimeSpan.Zero, Assert.Single(server.Requests).ChargedDelay);
    }

    [Fact]
    public async Task A_json_route_needs_a_json_content_type()
    {
        await using var server = await OdooTestServer.StartAsync();
        using var http = Rpc.Client(server);
        var (status, _, response) = await Rpc.PostAsync(http, "/jsonrpc", ExecuteKw(server, "admin"), new Dictionary<string, string> { ["Content-Type"] = "text/plain" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("is type=&#39;json&#39;", await response.Content.ReadAsStringAsync());
    }
}
