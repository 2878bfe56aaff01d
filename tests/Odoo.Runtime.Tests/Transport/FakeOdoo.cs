using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Odoo.Runtime.Tests.Transport;

/// <summary>The real Odoo 18 samples copied into WireSamples/ (see its README).</summary>
internal static class WireSamples
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "WireSamples");
    private static readonly Lazy<Dictionary<string, JsonObject>> Index = new(() =>
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Dir, "index.json")))!.AsObject();
        return root["samples"]!.AsArray().Select(s => s!.AsObject()).ToDictionary(s => (string)s["sample"]!);
    });

    public static string RequestText(string sample) => File.ReadAllText(Path.Combine(Dir, sample + ".request.json"));

    public static JsonObject Request(string sample) => JsonNode.Parse(RequestText(sample))!.AsObject();

    public static string ResponseText(string sample)
    {
        var json = Path.Combine(Dir, sample + ".response.json");
        return File.ReadAllText(File.Exists(json) ? json : Path.Combine(Dir, sample + ".response.html"));
    }

    public static int Status(string sample) => (int)Index.Value[sample]["http_status"]!;

    public static string ContentType(string sample)
    {
        var entry = Index.Value[sample];
        return (string?)entry["response_headers"]?["Content-Type"] ?? (string)entry["content_type"]!;
    }

    /// <summary>The sample's answer as an HTTP response, with its status, content type and headers.</summary>
    public static HttpResponseMessage Response(string sample)
    {
        var msg = FakeOdoo.Text(ResponseText(sample), Status(sample), ContentType(sample));
        if (Index.Value[sample]["response_headers"]?["Location"] is { } loc) msg.Headers.Location = new Uri((string)loc!, UriKind.Relative);
        return msg;
    }
}

/// <summary>One request the fake saw.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Url, IReadOnlyDictionary<string, string> Headers, string? Body, string? ContentType)
{
    public string Path => Url.AbsolutePath;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public JsonNode? Json => Body is null ? null : JsonNode.Parse(Body);

    /// <summary>For /jsonrpc: params.service.</summary>
    public string? Service => (string?)Json?["params"]?["service"];

    /// <summary>For /jsonrpc: params.method.</summary>
    public string? RpcMethod => (string?)Json?["params"]?["method"];

    /// <summary>For /jsonrpc: params.args.</summary>
    public JsonArray Args => Json!["params"]!["args"]!.AsArray();
}

/// <summary>
/// A scriptable Odoo stand-in behind an <see cref="HttpMessageHandler"/>: it answers version
/// detection, login and context_get like Odoo 18 (the recorded samples) and hands everything else to
/// the test. Thread-safe; records every request.
/// </summary>
internal sealed class FakeOdoo : HttpMessageHandler
{
    public const string BaseUrl = "http://odoo.test:8069/";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The answer to POST /web/webclient/version_info.</summary>
    public Func<RecordedRequest, HttpResponseMessage> VersionInfo { get; set; } = _ => WireSamples.Response("01-version_info");

    /// <summary>The answer to GET /web/version (Odoo 18 has no such JSON route in this fake: 404 HTML).</summary>
    public Func<RecordedRequest, HttpResponseMessage> WebVersion { get; set; } = _ => WireSamples.Response("33-unknown-route-404");

    /// <summary>The answer to common.login.</summary>
    public Func<RecordedRequest, HttpResponseMessage> Login { get; set; } = _ => WireSamples.Response("03-common-login");

    /// <summary>The user context returned by res.users.context_get (JSON-RPC execute and JSON-2).</summary>
    public string UserContextJson { get; set; } = """{"lang": "en_US", "tz": "Europe/Brussels"}""";

    /// <summary>Answers object.execute_kw.</summary>
    public Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> ExecuteKw { get; set; } =
        (_, _) => Task.FromResult(RpcResult("true"));

    /// <summary>Answers POST /json/2/...; defaults to Odoo 18's 303 redirect to the login page (sample 31).</summary>
    public Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> Json2 { get; set; } =
        (_, _) => Task.FromResult(WireSamples.Response("31-json2-probe-no-session"));

    /// <summary>Headers added to every answer (for example Set-Cookie).</summary>
    public List<KeyValuePair<string, string>> ExtraResponseHeaders { get; } = [];

    /// <summary>The answer to <c>db.list</c> on /jsonrpc (default: the recorded list, sample 63).</summary>
    public Func<RecordedRequest, HttpResponseMessage> DbList { get; set; } = _ => WireSamples.Response("63-db-list");

    /// <summary>The answer to <c>/web/session/authenticate</c>; <see langword="null"/> (the default) answers the 404 of an unknown route.</summary>
    public Func<RecordedRequest, HttpResponseMessage>? SessionAuthenticate { get; set; }

    public IEnumerable<RecordedRequest> ExecuteKwRequests => Requests.Where(r => r.Path == "/jsonrpc" && r.RpcMethod == "execute_kw");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in request.Headers) headers[h.Key] = string.Join(", ", h.Value);
        if (request.Content is not null)
        {
            foreach (var h in request.Content.Headers) headers[h.Key] = string.Join(", ", h.Value);
        }
        var rec = new RecordedRequest(request.Method, request.RequestUri!, headers, body, request.Content?.Headers.ContentType?.ToString());
        Requests.Enqueue(rec);
        var response = await RouteAsync(rec, cancellationToken);
        foreach (var h in ExtraResponseHeaders) response.Headers.TryAddWithoutValidation(h.Key, h.Value);
        response.RequestMessage = request;
        return response;
    }

    private async Task<HttpResponseMessage> RouteAsync(RecordedRequest r, CancellationToken ct)
    {
        switch (r.Path)
        {
            case "/web/webclient/version_info":
                return VersionInfo(r);
            case "/web/version":
                return WebVersion(r);
            case "/jsonrpc":
                return r.Service switch
                {
                    "common" when r.RpcMethod == "login" => Login(r),
                    "object" when r.RpcMethod == "execute" && (string?)r.Args[4] == "context_get" => RpcResult(UserContextJson),
                    "object" when r.RpcMethod == "execute_kw" => await ExecuteKw(r, ct),
                    "db" when r.RpcMethod == "list" => DbList(r),
                    _ => RpcResult("null"),
                };
        }
        if (r.Path == "/web/session/authenticate" && SessionAuthenticate is { } authenticate) return authenticate(r);
        if (r.Path.StartsWith("/json/2/", StringComparison.Ordinal)) return await Json2(r, ct);
        return WireSamples.Response("33-unknown-route-404");
    }

    public static HttpResponseMessage Text(string body, int status = 200, string contentType = "application/json; charset=utf-8")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpResponseMessage((HttpStatusCode)status) { Content = content };
    }

    public static HttpResponseMessage RpcResult(string resultJson) =>
        Text($$"""{"jsonrpc": "2.0", "id": 1, "result": {{resultJson}}}""");

    public static HttpResponseMessage RpcError(string name, string message, int code = 200, string? debug = null) =>
        Text(JsonSerializer.Serialize(new
        {
            jsonrpc = "2.0",
            id = 1,
            error = new
            {
                code,
                message = "Odoo Server Error",
                data = new { name, debug = debug ?? $"Traceback (most recent call last):\n  ...\n{name}: {message}\n", message, arguments = new[] { message }, context = new { } },
            },
        }));

    /// <summary>
    /// Connects a client through this fake (JSON-RPC, admin/admin on odoodb unless changed). The samples record
    /// session-less <c>/jsonrpc</c> calls, so the options turn the web session off; SessionTests cover the session path.
    /// </summary>
    public Task<OdooClient> ConnectAsync(Action<OdooClientOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var options = Options();
        configure?.Invoke(options);
        return OdooClient.ConnectAsync(options, cancellationToken);
    }

    public OdooClientOptions Options() => new()
    {
        Url = new Uri(BaseUrl),
        Database = "odoodb",
        Username = "admin",
        Password = "admin",
        Protocol = OdooProtocol.JsonRpc,
        UseWebSession = false,
        HttpMessageHandler = this,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Asserts a recorded execute_kw matches a sample's request (the client adds 'context' to the keyword arguments).</summary>
    public static void AssertSameCall(string sample, RecordedRequest actual)
    {
        var expected = WireSamples.Request(sample)["params"]!.AsObject();
        var got = actual.Json!["params"]!.AsObject();
        Assert.Equal((string?)expected["service"], (string?)got["service"]);
        Assert.Equal((string?)expected["method"], (string?)got["method"]);
        var e = expected["args"]!.AsArray();
        var g = got["args"]!.AsArray();
        Assert.Equal(e.Count, g.Count);
        for (var i = 0; i < 6; i++)
        {
            Assert.True(JsonNode.DeepEquals(e[i], g[i]), $"args[{i}]: expected {e[i]?.ToJsonString()} but sent {g[i]?.ToJsonString()}");
        }
        var kwargs = g[6]!.DeepClone().AsObject();
        Assert.True(kwargs.ContainsKey("context"), "execute_kw must carry the context");
        kwargs.Remove("context");
        Assert.True(JsonNode.DeepEquals(e[6], kwargs), $"kwargs: expected {e[6]?.ToJsonString()} but sent {kwargs.ToJsonString()}");
    }
}
