using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OdooGen.Benchmarks.Support;

namespace OdooGen.Benchmarks.RealServer;

/// <summary>
/// One model call as data: what the library sent (recovered from its request body), to be sent again by
/// a raw <see cref="HttpClient"/>. <see cref="ToExecuteKw"/> gives the <c>/jsonrpc</c> <c>object.execute_kw</c>
/// body, <see cref="ToCallKw"/> the <c>/web/dataset/call_kw</c> one; both carry the same model, method,
/// positional arguments and keyword arguments (context included) as the library's request.
/// </summary>
public sealed class RawCall
{
    private RawCall(string model, string method, JsonArray args, JsonObject kwargs, bool callKw)
    {
        CallKw = callKw;
        Model = model;
        Method = method;
        Args = args;
        Kwargs = kwargs;
    }

    /// <summary>Whether the library sent it to <c>/web/dataset/call_kw</c> (its web session), rather than <c>/jsonrpc</c>.</summary>
    public bool CallKw { get; }

    public string Model { get; }

    public string Method { get; }

    /// <summary>The positional arguments (ids first for record methods).</summary>
    public JsonArray Args { get; }

    /// <summary>The keyword arguments, <c>context</c> included.</summary>
    public JsonObject Kwargs { get; }

    /// <summary>Recovers the call from a library request: a JSON-RPC <c>execute_kw</c> or a <c>call_kw</c> body.</summary>
    public static RawCall FromRequest(string path, byte[] body)
    {
        var root = JsonNode.Parse(body)!.AsObject();
        var p = root["params"]!.AsObject();
        if (p["service"]?.GetValue<string>() == "object" && p["method"]?.GetValue<string>() == "execute_kw")
        {
            var a = p["args"]!.AsArray();
            return new RawCall(a[3]!.GetValue<string>(), a[4]!.GetValue<string>(),
                (a.Count > 5 ? a[5]!.DeepClone() : new JsonArray()).AsArray(),
                (a.Count > 6 ? a[6]!.DeepClone() : new JsonObject()).AsObject(), callKw: false);
        }
        if (p["model"] is not null && p["method"] is not null)
        {
            return new RawCall(p["model"]!.GetValue<string>(), p["method"]!.GetValue<string>(),
                (p["args"]?.DeepClone() ?? new JsonArray()).AsArray(),
                (p["kwargs"]?.DeepClone() ?? new JsonObject()).AsObject(), callKw: true);
        }
        throw new InvalidOperationException($"Not a model call (path {path}): {Encoding.UTF8.GetString(body)}");
    }

    /// <summary>A deep copy changed by <paramref name="edit"/> (for example another id or another code).</summary>
    public RawCall With(Action<JsonArray, JsonObject> edit)
    {
        var copy = new RawCall(Model, Method, Args.DeepClone().AsArray(), Kwargs.DeepClone().AsObject(), CallKw);
        edit(copy.Args, copy.Kwargs);
        return copy;
    }

    public RawCall WithMethod(string method, JsonArray args, JsonObject? kwargs = null) =>
        new(Model, method, args, (kwargs ?? new JsonObject { ["context"] = Kwargs["context"]?.DeepClone() }).AsObject(), CallKw);

    /// <summary>The <c>/jsonrpc</c> body: <c>object.execute_kw(db, uid, password, model, method, args, kwargs)</c>.</summary>
    public byte[] ToExecuteKw(string database, int uid, string password) => Serialize(new JsonObject
    {
        ["jsonrpc"] = "2.0",
        ["method"] = "call",
        ["params"] = new JsonObject
        {
            ["service"] = "object",
            ["method"] = "execute_kw",
            ["args"] = new JsonArray(database, uid, password, Model, Method, Args.DeepClone(), Kwargs.DeepClone()),
        },
        ["id"] = 1,
    });

    /// <summary>The <c>/web/dataset/call_kw</c> body (needs an authenticated session cookie).</summary>
    public byte[] ToCallKw() => Serialize(new JsonObject
    {
        ["jsonrpc"] = "2.0",
        ["method"] = "call",
        ["params"] = new JsonObject { ["model"] = Model, ["method"] = Method, ["args"] = Args.DeepClone(), ["kwargs"] = Kwargs.DeepClone() },
        ["id"] = 1,
    });

    private static byte[] Serialize(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    public override string ToString() => $"{(CallKw ? "call_kw " : "execute_kw ")}{Model}.{Method}({Args.ToJsonString()}, {Kwargs.ToJsonString()})";
}

/// <summary>A prepared raw request: path and body bytes, built before any timing.</summary>
public readonly record struct RawRequest(string Path, byte[] Body);

/// <summary>
/// The floor: a raw <see cref="HttpClient"/> posting prepared JSON. With <see cref="AuthenticateAsync"/> it
/// sends the <c>session_id</c> cookie that <c>POST /web/session/authenticate</c> set (kept by hand, like the
/// library keeps its own jar); without, it sends no cookie at all. Answers are read whole and parsed
/// with <see cref="JsonDocument"/> (an error answer throws). Requests are counted.
/// </summary>
public sealed class RawOdoo : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;

    public RawOdoo(Uri baseUrl, string database, string username, string password)
    {
        BaseUrl = baseUrl;
        Database = database;
        Username = username;
        Password = password;
        Handler = new CountingHandler(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        _http = new HttpClient(Handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
    }

    public Uri BaseUrl { get; }

    public string Database { get; }

    public string Username { get; }

    public string Password { get; }

    public CountingHandler Handler { get; }

    /// <summary>The <c>session_id</c> cookie value, when authenticated.</summary>
    public string? SessionId { get; private set; }

    public int UserId { get; private set; }

    public bool HasCookie => SessionId is not null;

    /// <summary><c>POST /web/session/authenticate</c> (db, login, password): keeps the <c>session_id</c> it sets.</summary>
    public async Task<int> AuthenticateAsync()
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "call",
            ["params"] = new JsonObject { ["db"] = Database, ["login"] = Username, ["password"] = Password },
            ["id"] = 1,
        }.ToJsonString());
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync("web/session/authenticate", content);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var doc = JsonDocument.Parse(bytes);
        ThrowIfError(doc, "web/session/authenticate");
        UserId = doc.RootElement.GetProperty("result").GetProperty("uid").GetInt32();
        string? session = null;
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var c in cookies)
            {
                if (!c.StartsWith("session_id=", StringComparison.Ordinal)) continue;
                var end = c.IndexOf(';', StringComparison.Ordinal);
                session = c["session_id=".Length..(end < 0 ? c.Length : end)];
            }
        }
        SessionId = session ?? throw new InvalidOperationException("/web/session/authenticate set no session_id cookie.");
        return UserId;
    }

    /// <summary><c>common.login</c> over <c>/jsonrpc</c> (no cookie): the uid.</summary>
    public async Task<int> LoginAsync()
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "call",
            ["params"] = new JsonObject { ["service"] = "common", ["method"] = "login", ["args"] = new JsonArray(Database, Username, Password) },
            ["id"] = 1,
        }.ToJsonString());
        using var doc = await PostDocumentAsync(new RawRequest("jsonrpc", body));
        UserId = doc.RootElement.GetProperty("result").GetInt32();
        return UserId;
    }

    /// <summary>The request for <paramref name="call"/>: <c>/jsonrpc</c> <c>execute_kw</c>, or <c>/web/dataset/call_kw</c> (which needs the session cookie).</summary>
    public RawRequest Prepare(RawCall call, bool callKw = false) => callKw
        ? new RawRequest("web/dataset/call_kw/" + call.Model + "/" + call.Method, call.ToCallKw())
        : new RawRequest("jsonrpc", call.ToExecuteKw(Database, UserId, Password));

    /// <summary>Posts a prepared request; returns the number of elements of an array result (1 otherwise).</summary>
    public async Task<int> PostAsync(RawRequest request)
    {
        using var doc = await PostDocumentAsync(request);
        var result = doc.RootElement.GetProperty("result");
        return result.ValueKind == JsonValueKind.Array ? result.GetArrayLength() : 1;
    }

    /// <summary>Posts a prepared request; returns the ids of an array result of ids or records.</summary>
    public async Task<int[]> PostForIdsAsync(RawRequest request)
    {
        using var doc = await PostDocumentAsync(request);
        var result = doc.RootElement.GetProperty("result");
        if (result.ValueKind == JsonValueKind.Number) return [result.GetInt32()];
        return result.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number ? e.GetInt32() : e.GetProperty("id").GetInt32()).ToArray();
    }

    private async Task<JsonDocument> PostDocumentAsync(RawRequest request)
    {
        using var content = new ByteArrayContent(request.Body);
        content.Headers.ContentType = Json;
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Path) { Content = content };
        message.Headers.Accept.ParseAdd("application/json");
        if (SessionId is not null) message.Headers.TryAddWithoutValidation("Cookie", "session_id=" + SessionId);
        using var response = await _http.SendAsync(message);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var doc = JsonDocument.Parse(bytes);
        try
        {
            ThrowIfError(doc, request.Path);
        }
        catch
        {
            doc.Dispose();
            throw;
        }
        return doc;
    }

    private static void ThrowIfError(JsonDocument doc, string path)
    {
        if (doc.RootElement.TryGetProperty("error", out var error))
        {
            var message = error.TryGetProperty("data", out var data) && data.TryGetProperty("message", out var m) ? m.GetString() : error.ToString();
            throw new InvalidOperationException($"Odoo answered {path} with an error: {message}");
        }
    }

    public void Dispose() => _http.Dispose();
}
