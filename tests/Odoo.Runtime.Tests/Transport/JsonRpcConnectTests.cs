using System.Text.Json.Nodes;

namespace Odoo.Runtime.Tests.Transport;

public sealed class JsonRpcConnectTests
{
    [Fact]
    public async Task Connect_detects_version_logs_in_and_fetches_the_user_context()
    {
        var fake = new FakeOdoo();
        await using var client = await fake.ConnectAsync(o => o.Context = OdooContext.Empty.With("active_test", false).WithLang("fr_BE"));

        Assert.Equal("18.0", client.ServerVersion.Text);
        Assert.Equal(18, client.ServerVersion.Major);
        Assert.Equal(2, client.UserId);
        Assert.Equal("odoodb", client.Database);
        Assert.Equal(OdooProtocol.JsonRpc, client.Protocol);
        Assert.Equal(new Uri(FakeOdoo.BaseUrl), client.BaseUrl);
        // user context + uid, overridden by the configured entries
        Assert.Equal("fr_BE", client.Context.Lang);
        Assert.Equal("Europe/Brussels", client.Context.TimeZone);
        Assert.Equal(2, client.Context["uid"]);
        Assert.False(client.Context.ActiveTest);

        var requests = fake.Requests.ToArray();
        Assert.Equal(3, requests.Length);

        // 1. version_info exactly like sample 01 (but for the id)
        Assert.Equal("/web/webclient/version_info", requests[0].Path);
        Assert.Equal(HttpMethod.Post, requests[0].Method);
        AssertSameEnvelope(WireSamples.Request("01-version_info"), requests[0].Json!.AsObject());

        // 2. common.login exactly like sample 03
        Assert.Equal("/jsonrpc", requests[1].Path);
        AssertSameEnvelope(WireSamples.Request("03-common-login"), requests[1].Json!.AsObject());

        // 3. object.execute res.users context_get (positional only, as OdooRPC does)
        Assert.Equal("object", requests[2].Service);
        Assert.Equal("execute", requests[2].RpcMethod);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["odoodb", 2, "admin", "res.users", "context_get"]"""), requests[2].Args));

        foreach (var r in requests)
        {
            Assert.StartsWith("application/json", r.ContentType);
            Assert.Equal("utf-8", System.Net.Http.Headers.MediaTypeHeaderValue.Parse(r.ContentType!).CharSet);
            Assert.StartsWith("OdooGen/", r.Header("User-Agent"));
        }
    }

    private static void AssertSameEnvelope(JsonObject expected, JsonObject actual)
    {
        Assert.Equal("2.0", (string?)actual["jsonrpc"]);
        Assert.Equal("call", (string?)actual["method"]);
        Assert.True(actual["id"] is JsonValue, "id must be a number");
        Assert.True(JsonNode.DeepEquals(expected["params"], actual["params"]), $"params: expected {expected["params"]!.ToJsonString()} got {actual["params"]!.ToJsonString()}");
    }

    [Fact]
    public async Task Configured_server_version_skips_detection()
    {
        var fake = new FakeOdoo();
        await using var client = await fake.ConnectAsync(o => o.ServerVersion = "saas~17.2+e");

        Assert.Equal("saas~17.2+e", client.ServerVersion.Text);
        Assert.Equal(17, client.ServerVersion.Major);
        Assert.True(client.ServerVersion.IsSaas);
        Assert.DoesNotContain(fake.Requests, r => r.Path.StartsWith("/web/", StringComparison.Ordinal));
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task Login_answering_false_is_access_denied_naming_database_and_user()
    {
        var fake = new FakeOdoo { Login = _ => WireSamples.Response("04-common-login-bad-password") };

        var ex = await Assert.ThrowsAsync<OdooAccessDeniedException>(() => fake.ConnectAsync(o => o.Password = "wrong-password"));

        Assert.Contains("'odoodb'", ex.Message);
        Assert.Contains("'admin'", ex.Message);
        Assert.DoesNotContain("wrong-password", ex.ToString());
        Assert.Equal("login", ex.Method);
        // no call after a refused login
        Assert.DoesNotContain(fake.Requests, r => r.Service == "object");
        AssertLoginSentLikeSample(fake);
    }

    private static void AssertLoginSentLikeSample(FakeOdoo fake)
    {
        var login = fake.Requests.Single(r => r.RpcMethod == "login");
        Assert.True(JsonNode.DeepEquals(WireSamples.Request("04-common-login-bad-password")["params"], login.Json!["params"]));
    }

    [Fact]
    public async Task Version_info_without_json_falls_back_to_web_version()
    {
        var fake = new FakeOdoo
        {
            VersionInfo = _ => WireSamples.Response("33-unknown-route-404"),
            WebVersion = _ => FakeOdoo.Text("""{"version_info": [17, 0, 0, "final", 0, ""], "version": "17.0"}"""),
        };
        await using var client = await fake.ConnectAsync();
        Assert.Equal("17.0", client.ServerVersion.Text);
    }

    [Fact]
    public async Task Version_detection_failing_everywhere_reports_the_first_answer()
    {
        var fake = new FakeOdoo { VersionInfo = _ => FakeOdoo.Text("<html>maintenance</html>", 200, "text/html") };
        var ex = await Assert.ThrowsAsync<OdooProtocolException>(() => fake.ConnectAsync());
        Assert.Contains("web.version_info", ex.Message);
        Assert.Contains("<html>maintenance</html>", ex.BodyExcerpt);
    }

    [Fact]
    public async Task Api_key_is_used_as_the_password_on_json_rpc_when_no_password_is_set()
    {
        var fake = new FakeOdoo();
        await using var client = await fake.ConnectAsync(o =>
        {
            o.Password = null;
            o.ApiKey = "0123456789abcdef0123456789abcdef01234567";
        });
        var login = fake.Requests.Single(r => r.RpcMethod == "login");
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", (string?)login.Args[2]);
    }

    [Fact]
    public async Task Invalid_options_are_rejected_before_any_request()
    {
        var fake = new FakeOdoo();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => fake.ConnectAsync(o => o.Database = null));
        Assert.Equal("Database", ex.ParamName);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Disposed_client_refuses_calls_and_leaves_an_injected_handler_usable()
    {
        var fake = new FakeOdoo();
        var client = await fake.ConnectAsync();
        await client.DisposeAsync();
        await client.DisposeAsync(); // idempotent
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.Model("res.partner").SearchCountAsync());

        // the injected handler was not disposed: a second client still works through it
        await using var again = await fake.ConnectAsync();
        Assert.Equal(2, again.UserId);
    }

    [Fact]
    public async Task Injected_http_client_is_not_disposed()
    {
        var fake = new FakeOdoo();
        using var http = new HttpClient(fake, disposeHandler: false);
        var client = await fake.ConnectAsync(o =>
        {
            o.HttpMessageHandler = null;
            o.HttpClient = http;
        });
        await client.DisposeAsync();
        var before = fake.Requests.Count;
        using var response = await http.GetAsync(FakeOdoo.BaseUrl + "web/version");
        // A disposed HttpClient would have thrown ObjectDisposedException; this one still reaches the server.
        Assert.Equal(before + 1, fake.Requests.Count);
        Assert.Equal("/web/version", fake.Requests.Last().Path);
    }
}
