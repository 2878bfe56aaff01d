using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Odoo.Tests.Shared;

namespace Odoo.Testing.Tests;

public sealed class Json2Tests : IAsyncLifetime
{
    private OdooTestServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await OdooTestServer.StartAsync(new OdooTestServerOptions { Version = "19.0" });
        _http = Rpc.Client(_server);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Named_arguments_ids_and_context()
    {
        var (status, created) = await Rpc.Json2Async(_http, _server, "res.partner", "create", new JsonObject { ["vals_list"] = new JsonObject { ["name"] = "Json Two", ["is_company"] = true } });
        Assert.Equal(HttpStatusCode.OK, status);
        var id = Rpc.Ids(created).Single(); // JSON-2 create always answers a list
        (status, var rows) = await Rpc.Json2Async(_http, _server, "res.partner", "search_read",
            new JsonObject { ["domain"] = new JsonArray { new JsonArray("name", "=", "Json Two") }, ["fields"] = new JsonArray("name", "is_company"), ["context"] = new JsonObject { ["lang"] = "en_US" } });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonNode.Parse($"[{{\"id\":{id},\"name\":\"Json Two\",\"is_company\":true}}]"), rows, JsonNode.DeepEquals);
        (status, var written) = await Rpc.Json2Async(_http, _server, "res.partner", "write", new JsonObject { ["ids"] = new JsonArray(id), ["vals"] = new JsonObject { ["email"] = "j2@x.example" } });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)written!);
        (_, var read) = await Rpc.Json2Async(_http, _server, "res.partner", "read", new JsonObject { ["ids"] = new JsonArray(id), ["fields"] = new JsonArray("email") });
        Assert.Equal("j2@x.example", (string)read![0]!["email"]!);
        var request = _server.Requests.Last(r => r.Protocol == OdooRequestProtocol.Json2);
        Assert.Equal(("res.partner", "read", _server.Database, 2), (request.Model, request.Method, request.Database, request.Uid));
    }

    [Fact]
    public async Task Errors_use_http_status_and_json_body()
    {
        var (status, body) = await Rpc.Json2Async(_http, _server, "res.partner", "search", apiKey: "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(["name", "message", "arguments", "context", "debug"], body!.AsObject().Select(p => p.Key));
        Assert.Equal("werkzeug.exceptions.Unauthorized", (string)body["name"]!);
        Assert.Equal("Invalid apikey", (string)body["message"]!);

        (status, body) = await Rpc.Json2Async(_http, _server, "no.such", "search", new JsonObject { ["domain"] = new JsonArray() });
        Assert.Equal(HttpStatusCode.NotFound, status);
        (status, body) = await Rpc.Json2Async(_http, _server, "res.partner", "nope");
        Assert.Equal(HttpStatusCode.NotFound, status);
        (status, body) = await Rpc.Json2Async(_http, _server, "res.partner", "_private");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("odoo.exceptions.AccessError", (string)body!["name"]!);

        _server.DenyAccess("res.partner", OdooOperation.Read);
        (status, body) = await Rpc.Json2Async(_http, _server, "res.partner", "search", new JsonObject { ["domain"] = new JsonArray() });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        _server.ClearAccessRules();

        // odoo/http.py (19.0), Json2Dispatcher.handle_error: exceptions that are not UserError nor HTTPException are 500.
        (status, body) = await Rpc.Json2Async(_http, _server, "res.partner", "create", new JsonObject { ["vals_list"] = new JsonObject { ["name"] = "x", ["type"] = "bad" } });
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("builtins.ValueError", (string)body!["name"]!);
        // addons/rpc/controllers/json2.py (19.0): signature.bind(...) TypeError -> UnprocessableEntity(exc.args[0]).
        (status, body) = await Rpc.Json2Async(_http, _server, "res.partner", "search", new JsonObject { ["domain"] = new JsonArray(), ["bogus"] = 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("werkzeug.exceptions.UnprocessableEntity", (string)body!["name"]!);
        (status, body) = await Rpc.Json2Async(_http, _server, "res.partner", "write", new JsonObject { ["ids"] = new JsonArray(999999), ["vals"] = new JsonObject { ["name"] = "x" } });
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("odoo.exceptions.MissingError", (string)body!["name"]!);
        _server.RegisterMethod("res.partner", "boom", _ => throw new OdooServerError("builtins.RuntimeError", "boom"));
        (status, body) = await Rpc.Json2Async(_http, _server, "res.partner", "boom", new JsonObject { ["ids"] = new JsonArray(1) });
        Assert.Equal(HttpStatusCode.InternalServerError, status);
    }

    [Fact]
    public async Task Empty_body_and_model_methods()
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "/json/2/res.users/context_get");
        req.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _server.ApiKey);
        var resp = await _http.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal("en_US", (string)JsonNode.Parse(await resp.Content.ReadAsStringAsync())!["lang"]!);
    }

    [Fact]
    public async Task Web_version_and_version_info_report_19()
    {
        var resp = await _http.GetAsync("/web/version");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal(JsonNode.Parse("""{"version":"19.0","version_info":[19,0,0,"final",0,""]}"""), JsonNode.Parse(await resp.Content.ReadAsStringAsync()), JsonNode.DeepEquals);
        var (_, body, _) = await Rpc.PostAsync(_http, "/web/webclient/version_info", """{"jsonrpc":"2.0","method":"call","params":{},"id":3}""");
        Assert.Equal("19.0", (string)body!["result"]!["server_version"]!);
    }
}

public sealed class ProtocolTests
{
    [Theory]
    [InlineData("17.0", 17, "")]
    [InlineData("18.0+e", 18, "e")]
    [InlineData("saas~17.3", 17, "")]
    public async Task Version_is_configurable_and_json2_is_gated(string version, int major, string suffix)
    {
        await using var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { Version = version });
        using var http = Rpc.Client(server);
        var (_, body, _) = await Rpc.PostAsync(http, "/jsonrpc", """{"jsonrpc":"2.0","method":"call","params":{"service":"common","method":"version","args":[]},"id":1}""");
        Assert.Equal(version, (string)body!["result"]!["server_version"]!);
        Assert.Equal(major, (int)body["result"]!["server_version_info"]![0]!);
        Assert.Equal(suffix, (string)body["result"]!["server_version_info"]![5]!);
        Assert.False(server.SupportsJson2);
        var (status, _) = await Rpc.Json2Async(http, server, "res.partner", "search_read");
        Assert.Equal(HttpStatusCode.SeeOther, status);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/web/version")).StatusCode);
    }

    [Fact]
    public async Task Many_servers_run_side_by_side()
    {
        var servers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => OdooTestServer.StartAsync(new OdooTestServerOptions { Database = $"db{i}" })));
        try
        {
            Assert.Equal(4, servers.Select(s => s.Port).Distinct().Count());
            foreach (var s in servers)
            {
                using var http = Rpc.Client(s);
                s.Seed("res.partner", new { name = "only-" + s.Database });
                var names = await Rpc.CallAsync(http, s, "res.partner", "search_count", [new JsonArray { new JsonArray("name", "like", "only-") }]);
                Assert.Equal(1, (int)names!);
            }
        }
        finally
        {
            foreach (var s in servers) await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task Session_authenticate_call_kw_and_expiry()
    {
        await using var server = await OdooTestServer.StartAsync();
        using var http = Rpc.Client(server, cookies: true);
        var (_, auth, _) = await Rpc.PostAsync(http, "/web/session/authenticate", $$"""{"jsonrpc":"2.0","method":"call","params":{"db":"{{server.Database}}","login":"admin","password":"admin"},"id":1}""");
        Assert.Equal(2, (int)auth!["result"]!["uid"]!);
        Assert.Equal(2, (int)auth["result"]!["user_context"]!["uid"]!);
        var callKw = """{"jsonrpc":"2.0","method":"call","params":{"model":"res.partner","method":"search_read","args":[[["id","=",1]]],"kwargs":{"fields":["name"]}},"id":2}""";
        var (_, rows, _) = await Rpc.PostAsync(http, "/web/dataset/call_kw/res.partner/search_read", callKw);
        Assert.Equal("YourCompany", (string)rows!["result"]![0]!["name"]!);

        server.ExpireSessions();
        var (status, expired, _) = await Rpc.PostAsync(http, "/web/dataset/call_kw", callKw);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(100, (int)expired!["error"]!["code"]!);
        Assert.Equal("Odoo Session Expired", (string)expired["error"]!["message"]!);
        Assert.Equal("odoo.http.SessionExpiredException", (string)expired["error"]!["data"]!["name"]!);
        Assert.Equal("Session expired", (string)expired["error"]!["data"]!["message"]!);
    }

    [Fact]
    public async Task Login_with_api_key_and_extra_users()
    {
        var options = new OdooTestServerOptions();
        options.Users.Add(new OdooTestUserDefinition("alice", "pw-a") { ApiKey = "key-a", Name = "Alice A" });
        await using var server = await OdooTestServer.StartAsync(options);
        using var http = Rpc.Client(server);
        var alice = server.Users.Single(u => u.Login == "alice");
        foreach (var pw in new[] { "pw-a", "key-a" })
        {
            var (_, body, _) = await Rpc.PostAsync(http, "/jsonrpc", $$"""{"jsonrpc":"2.0","method":"call","params":{"service":"common","method":"login","args":["{{server.Database}}","alice","{{pw}}"]},"id":1}""");
            Assert.Equal(alice.Uid, (int)body!["result"]!);
        }
        var (_, bad, _) = await Rpc.PostAsync(http, "/jsonrpc", $$"""{"jsonrpc":"2.0","method":"call","params":{"service":"common","method":"authenticate","args":["{{server.Database}}","alice","nope",{}]},"id":1}""");
        Assert.False((bool)bad!["result"]!);
        var name = await Rpc.CallAsync(http, server, "res.users", "read", [alice.Uid], new JsonObject { ["fields"] = new JsonArray("name", "partner_id") });
        Assert.Equal(JsonNode.Parse($"[{{\"id\":{alice.Uid},\"name\":\"Alice A\",\"partner_id\":[{alice.PartnerId},\"Alice A\"]}}]"), name, JsonNode.DeepEquals);
    }

    [Fact]
    public async Task Https_with_a_given_certificate()
    {
        using var key = RSA.Create(2048);
        var req = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        req.CertificateExtensions.Add(san.Build());
        using var cert = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await using var server = await OdooTestServer.StartAsync(new OdooTestServerOptions().UseHttps(cert));
        Assert.Equal("https", server.BaseUrl.Scheme);
        using var http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, c, _, _) => c is not null && c.GetCertHashString() == cert.GetCertHashString() } }) { BaseAddress = server.BaseUrl };
        var resp = await http.PostAsync("/web/webclient/version_info", new StringContent("""{"jsonrpc":"2.0","method":"call","params":{},"id":1}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
    }

    [Fact]
    public async Task Concurrent_requests_are_safe()
    {
        await using var server = await OdooTestServer.StartAsync();
        server.DefineModel(new OdooModelSchema("x.counter", "Counter").Char("name").Integer("n"));
        using var http = Rpc.Client(server);
        var tasks = Enumerable.Range(0, 64).Select(async i =>
        {
            var id = (int)(await Rpc.CallAsync(http, server, "x.counter", "create", [new JsonObject { ["name"] = $"c{i}", ["n"] = i }]))!;
            await Rpc.CallAsync(http, server, "x.counter", "write", [new JsonArray(id), new JsonObject { ["n"] = i * 2 }]);
            var rows = await Rpc.CallAsync(http, server, "x.counter", "search_read", [new JsonArray { new JsonArray("id", "=", id) }]);
            Assert.Equal(i * 2, (int)rows![0]!["n"]!);
        });
        await Task.WhenAll(tasks);
        Assert.Equal(64, server.Count("x.counter"));
        Assert.Equal(64, server.Search("x.counter").Distinct().Count());
        Assert.Equal(64, server.CountCalls("x.counter", "create"));
        Assert.Equal(192, server.CountRequests(r => r.Model == "x.counter"));
    }
}

public sealed class FaultAndLogTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private OdooTestServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        // The server's delays run on a clock the tests move: a delay ends when a test says so.
        _server = await OdooTestServer.StartAsync(new OdooTestServerOptions { TimeProvider = _clock });
        _http = Rpc.Client(_server);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private Task<JsonNode> ReadPartner() => Rpc.ExecuteKwAsync(_http, _server, "res.partner", "read", [1], new JsonObject { ["fields"] = new JsonArray("name") });

    private async Task<HttpResponseMessage> RawRead()
    {
        var payload = $$$"""{"jsonrpc":"2.0","method":"call","id":1,"params":{"service":"object","method":"execute_kw","args":["{{{_server.Database}}}",2,"admin","res.partner","read",[1],{"fields":["name"]}]}}""";
        return await _http.PostAsync("/jsonrpc", new StringContent(payload, System.Text.Encoding.UTF8, "application/json"));
    }

    [Fact]
    public async Task Delay_applies_to_the_matching_method_only_and_once()
    {
        var rule = _server.Faults.Add(OdooFault.Delay(TimeSpan.FromMilliseconds(400))).For(model: "res.partner", method: "read").Times(1);
        await Rpc.CallAsync(_http, _server, "res.partner", "search", [new JsonArray()]);
        Assert.Equal(0, _clock.PendingTimers); // the search did not wait

        var delayed = ReadPartner();
        Assert.Equal(TimeSpan.FromMilliseconds(400), await _clock.NextTimerAsync()); // the read waits on the server's clock...
        _clock.Advance(TimeSpan.FromMilliseconds(399));
        Assert.Equal(1, _clock.PendingTimers);                                        // ...not yet done at 399 ms...
        Assert.False(delayed.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _clock.PendingTimers);                                        // ...released at 400 ms
        Assert.Equal(_server.GetValue("res.partner", 1, "name"), (string)(await delayed)["result"]![0]!["name"]!);

        await ReadPartner();                                                          // the rule is used up: no wait
        Assert.Equal(0, _clock.PendingTimers);
        Assert.Equal(1, rule.Applied);
        Assert.True(rule.IsExhausted);
        // The log says which call carried the delay.
        var calls = _server.Requests.Where(r => r.Model == "res.partner").Select(r => (r.Method, r.Fault)).ToArray();
        Assert.Equal([("search", null), ("read", "Delay(400 ms)"), ("read", null)], calls);
    }

    [Fact]
    public async Task Dropped_connection_surfaces_as_a_network_error()
    {
        _server.Faults.Add(OdooFault.DropConnection()).Once();
        await Assert.ThrowsAsync<HttpRequestException>(RawRead);
        Assert.Equal(HttpStatusCode.OK, (await RawRead()).StatusCode);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Http_errors(int status)
    {
        _server.Faults.Add(OdooFault.HttpError(status)).Once();
        var resp = await RawRead();
        Assert.Equal(status, (int)resp.StatusCode);
        Assert.Equal("text/html", resp.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Html_body_truncated_json_and_skip()
    {
        _server.Faults.Add(OdooFault.Html()).Skip(1).Once();
        Assert.Equal("application/json", (await RawRead()).Content.Headers.ContentType!.MediaType);
        var html = await RawRead();
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.StartsWith("<html>", await html.Content.ReadAsStringAsync());

        _server.Faults.Add(OdooFault.TruncatedJson()).Once();
        var truncated = await (await RawRead()).Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(truncated));
        Assert.StartsWith("{\"jsonrpc\":\"2.0\"", truncated);
    }

    [Fact]
    public async Task Error_faults_use_odoo_envelopes()
    {
        _server.Faults.Add(OdooFault.SessionExpired()).Once();
        _server.Faults.Add(OdooFault.AccessDenied()).Once();
        _server.Faults.Add(OdooFault.Error(OdooServerError.ValidationError("Injected."))).Once();
        var expired = await ReadPartner();
        Assert.Equal(100, (int)expired["error"]!["code"]!);
        var denied = await ReadPartner();
        Assert.Equal("odoo.exceptions.AccessDenied", (string)denied["error"]!["data"]!["name"]!);
        var validation = await ReadPartner();
        Assert.Equal("Injected.", (string)validation["error"]!["data"]!["message"]!);
        var ok = await ReadPartner();
        Assert.Equal("YourCompany", (string)ok["result"]![0]!["name"]!);
    }

    [Fact]
    public async Task Predicate_rules_and_request_log()
    {
        _server.ClearRequests();
        _server.Faults.Add(OdooFault.ServiceUnavailable()).When(r => r.Sequence % 2 == 0 && r.Method == "search_count");
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var payload = $$$"""{"jsonrpc":"2.0","method":"call","id":1,"params":{"service":"object","method":"execute_kw","args":["{{{_server.Database}}}",2,"admin","res.partner","search_count",[[]],{"context":{"lang":"en_US"}}]}}""";
            statuses.Add((int)(await _http.PostAsync("/jsonrpc", new StringContent(payload, System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        }
        Assert.Equal(2, statuses.Count(s => s == 503));
        var log = _server.Requests;
        Assert.Equal(4, log.Count);
        var first = log[0];
        Assert.Equal(("/jsonrpc", OdooRequestProtocol.JsonRpc, "object", "res.partner", "search_count", _server.Database, 2),
            (first.Path, first.Protocol, first.Service, first.Model, first.Method, first.Database, first.Uid));
        Assert.Equal("[[]]", first.Args!.Value.GetRawText());
        Assert.Equal("en_US", first.Kwargs!.Value.GetProperty("context").GetProperty("lang").GetString());
        Assert.True(log.Zip(log.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        Assert.Equal(4, _server.CountCalls("res.partner", "search_count"));
        _server.ClearRequests();
        Assert.Empty(_server.Requests);

        await Rpc.ExecuteKwAsync(_http, _server, "res.partner", "search", [new JsonArray()], password: "bad");
        Assert.Equal("odoo.exceptions.AccessDenied", _server.Requests.Single().ErrorName);
    }
}
