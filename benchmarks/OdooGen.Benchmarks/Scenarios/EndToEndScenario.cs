using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Odoo.Models.OpenStack;
using Odoo.Testing;
using OdooGen.Benchmarks.Support;

namespace OdooGen.Benchmarks.Scenarios;

/// <summary>
/// <c>SearchAsync()</c> of 5,000 referral codes against Odoo.Testing, against the floor: a raw
/// <see cref="HttpClient"/> POST of the very request body the client sends, with the answer read by
/// <c>ReadFromJsonAsync</c> and the System.Text.Json source-generated context. Both hit the same server, and
/// both keep a cookie jar (the floor's is the handler's <see cref="CookieContainer"/>).
/// </summary>
public sealed class EndToEndScenario : IAsyncDisposable
{
    private readonly OdooTestServer _server;
    private readonly OpenStackOdooClient _odoo;
    private readonly HttpClient _raw;
    private readonly byte[] _request;
    private readonly Uri _url;
    private readonly int _count;

    private EndToEndScenario(OdooTestServer server, OpenStackOdooClient odoo, byte[] request, Uri url, int count)
    {
        _server = server;
        _odoo = odoo;
        _request = request;
        _count = count;
        _url = url;
        // A cookie jar, as the library keeps one (its own, per client): whatever cookie the server sets is sent back.
        _raw = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer() });
    }

    public OdooTestServer Server => _server;

    public static async Task<EndToEndScenario> StartAsync(int count = 5_000)
    {
        var server = await BenchOdoo.StartAsync(count);
        var recorder = new RecordingHandler();
        byte[] request;
        Uri url;
        await using (var recording = await BenchOdoo.ConnectAsync(server, recorder))
        {
            await recording.ReferralCodes.SearchAsync(order: "id");
            // Taken now: disposing the client sends one more request (the logout of its web session).
            (request, url) = (recorder.LastRequestBody!, recorder.LastRequestUri!);
        }
        var odoo = await BenchOdoo.ConnectAsync(server);
        var scenario = new EndToEndScenario(server, odoo, request, url, count);
        // The library logs in with /web/session/authenticate and posts to /web/dataset/call_kw with the session
        // cookie; the floor does the same: it opens its own session (the cookie lands in its jar), then posts the
        // library's recorded body to the library's recorded URL.
        await scenario.AuthenticateFloorAsync();
        await scenario.CheckFloorAsync();
        if (await scenario.OursAsync() != count || await scenario.FloorAsync() != count) throw new InvalidOperationException("Wrong record count.");
        return scenario;
    }

    private async Task AuthenticateFloorAsync()
    {
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "call",
            ["params"] = new Dictionary<string, string> { ["db"] = _server.Database, ["login"] = _server.Username, ["password"] = _server.Password },
            ["id"] = 1,
        });
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _raw.PostAsync(new Uri(_server.BaseUrl, "web/session/authenticate"), content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Fails with the server's answer when the floor's request is not answered with records.</summary>
    private async Task CheckFloorAsync()
    {
        using var content = new ByteArrayContent(_request);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _raw.PostAsync(_url, content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains("\"result\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The floor's request to {_url} was answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 600)]}");
        }
    }

    public async Task<int> OursAsync()
    {
        var codes = await _odoo.ReferralCodes.SearchAsync(order: "id");
        return codes.Count;
    }

    public async Task<int> FloorAsync()
    {
        using var content = new ByteArrayContent(_request);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _raw.PostAsync(_url, content);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.JsonRpcResponseListReferralCodeDto);
        return answer!.Result!.Count;
    }

    /// <summary>The other floor: the whole body read first, then deserialized from the bytes.</summary>
    public async Task<int> FloorBufferedAsync()
    {
        using var content = new ByteArrayContent(_request);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _raw.PostAsync(_url, content);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        var answer = System.Text.Json.JsonSerializer.Deserialize(body, FloorJsonContext.Default.JsonRpcResponseListReferralCodeDto);
        return answer!.Result!.Count;
    }

    public async ValueTask DisposeAsync()
    {
        _raw.Dispose();
        await _odoo.DisposeAsync();
        await _server.DisposeAsync();
    }
}
