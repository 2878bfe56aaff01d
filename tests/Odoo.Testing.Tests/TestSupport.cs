using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Odoo.Testing.Tests;

/// <summary>Helpers to talk to a test server with raw HTTP, as a client library would.</summary>
internal static class Rpc
{
    public static HttpClient Client(OdooTestServer server, bool cookies = false) => new(new SocketsHttpHandler
    {
        UseCookies = cookies,
        AllowAutoRedirect = false,
    })
    { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(HttpClient http, string path, string body, IDictionary<string, string>? headers = null)
    {
        var mediaType = headers is not null && headers.TryGetValue("Content-Type", out var type) ? type : "application/json";
        using var req = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        if (headers is not null)
            foreach (var (k, v) in headers)
            {
                if (k.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) continue;
                req.Headers.TryAddWithoutValidation(k, v);
            }
        var resp = await http.SendAsync(req);
        // Bytes, not ReadAsStringAsync: that parses Content-Type, and its raw text would be lost.
        var text = Encoding.UTF8.GetString(await resp.Content.ReadAsByteArrayAsync());
        JsonNode? node = null;
        // The raw header (reading ContentType would parse it, and the raw text is then lost).
        if (resp.Content.Headers.NonValidated.TryGetValues("Content-Type", out var rawType) && rawType.ToString().StartsWith("application/json", StringComparison.Ordinal))
            node = JsonNode.Parse(text);
        return (resp.StatusCode, node, resp);
    }

    /// <summary>Calls <c>object.execute_kw</c> and returns the whole JSON-RPC answer.</summary>
    public static async Task<JsonNode> ExecuteKwAsync(HttpClient http, OdooTestServer server, string model, string method, JsonArray? args = null, JsonObject? kwargs = null, string? password = null, int uid = 2)
    {
        var payload = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "call",
            ["id"] = 1,
            ["params"] = new JsonObject
            {
                ["service"] = "object",
                ["method"] = "execute_kw",
                ["args"] = new JsonArray(server.Database, uid, password ?? server.Password, model, method, args ?? new JsonArray(), kwargs ?? new JsonObject()),
            },
        };
        var (status, body, _) = await PostAsync(http, "/jsonrpc", payload.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        return body!;
    }

    /// <summary>Calls <c>execute_kw</c> and returns <c>result</c>, failing on an error envelope.</summary>
    public static async Task<JsonNode?> CallAsync(HttpClient http, OdooTestServer server, string model, string method, JsonArray? args = null, JsonObject? kwargs = null)
    {
        var answer = await ExecuteKwAsync(http, server, model, method, args, kwargs);
        Assert.True(answer["error"] is null, $"Unexpected error: {answer["error"]?.ToJsonString()}");
        return answer["result"];
    }

    /// <summary>Calls <c>execute_kw</c> expecting an error; returns <c>error.data</c>.</summary>
    public static async Task<JsonNode> CallErrorAsync(HttpClient http, OdooTestServer server, string model, string method, JsonArray? args = null, JsonObject? kwargs = null)
    {
        var answer = await ExecuteKwAsync(http, server, model, method, args, kwargs);
        Assert.True(answer["error"] is not null, $"Expected an error, got {answer.ToJsonString()}");
        Assert.Equal(200, (int)answer["error"]!["code"]!);
        return answer["error"]!["data"]!;
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> Json2Async(HttpClient http, OdooTestServer server, string model, string method, JsonObject? body = null, string? apiKey = null)
    {
        var headers = new Dictionary<string, string> { ["Authorization"] = "bearer " + (apiKey ?? server.ApiKey), ["X-Odoo-Database"] = server.Database };
        var (status, node, _) = await PostAsync(http, $"/json/2/{model}/{method}", (body ?? new JsonObject()).ToJsonString(), headers);
        return (status, node);
    }

    public static int[] Ids(JsonNode? node) => node!.AsArray().Select(n => (int)n!).ToArray();
}
