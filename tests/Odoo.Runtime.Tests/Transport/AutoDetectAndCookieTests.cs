using System.Diagnostics;
using Odoo.Diagnostics;

namespace Odoo.Runtime.Tests.Transport;

public sealed class AutoDetectTests
{
    private static Task<OdooClient> ConnectAuto(FakeOdoo fake, Action<OdooClientOptions>? configure = null) => fake.ConnectAsync(o =>
    {
        o.Protocol = OdooProtocol.Auto;
        configure?.Invoke(o);
    });

    [Fact]
    public async Task Odoo_18_is_json_rpc_without_probing_json2()
    {
        var fake = new FakeOdoo();
        await using var client = await ConnectAuto(fake);
        Assert.Equal(OdooProtocol.JsonRpc, client.Protocol);
        Assert.Equal(2, client.UserId);
        Assert.DoesNotContain(fake.Requests, r => r.Path.StartsWith("/json/2/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("31-json2-probe-no-session")] // 303 to /web/login
    [InlineData("32-json2-probe-with-session")] // 400 HTML
    [InlineData("33-unknown-route-404")] // 404 HTML
    public async Task A_server_reporting_19_whose_json2_answers_like_odoo_18_falls_back_to_json_rpc(string sample)
    {
        var fake = Json2Tests.Odoo19();
        fake.Json2 = (_, _) => Task.FromResult(WireSamples.Response(sample));
        await using var client = await ConnectAuto(fake, o => o.ApiKey = Json2Tests.ApiKey);

        Assert.Equal(OdooProtocol.JsonRpc, client.Protocol);
        Assert.Equal(2, client.UserId);
        Assert.Single(fake.Requests, r => r.Path.StartsWith("/json/2/", StringComparison.Ordinal));
        Assert.Single(fake.Requests, r => r.RpcMethod == "login");
    }

    [Fact]
    public async Task Json2_answering_200_with_html_is_absent()
    {
        var fake = Json2Tests.Odoo19();
        fake.Json2 = (_, _) => Task.FromResult(FakeOdoo.Text("<html>login</html>", 200, "text/html"));
        await using var client = await ConnectAuto(fake, o => o.ApiKey = Json2Tests.ApiKey);
        Assert.Equal(OdooProtocol.JsonRpc, client.Protocol);
    }

    [Fact]
    public async Task Odoo_19_with_json2_uses_json2()
    {
        var fake = Json2Tests.Odoo19();
        await using var client = await ConnectAuto(fake, o => o.ApiKey = Json2Tests.ApiKey);
        Assert.Equal(OdooProtocol.Json2, client.Protocol);
        Assert.Equal(7, client.UserId);
        Assert.Equal("bearer " + Json2Tests.ApiKey, fake.Requests.Last().Header("Authorization"));
        Assert.DoesNotContain(fake.Requests, r => r.RpcMethod == "login");
    }

    [Fact]
    public async Task Odoo_19_refusing_the_api_key_falls_back_to_json_rpc_login()
    {
        var fake = Json2Tests.Odoo19();
        fake.Json2 = (_, _) => Task.FromResult(FakeOdoo.Text(Json2Tests.Unauthorized401, 401));
        await using var client = await ConnectAuto(fake, o => o.ApiKey = Json2Tests.ApiKey);
        Assert.Equal(OdooProtocol.JsonRpc, client.Protocol);
        Assert.Single(fake.Requests, r => r.Path.StartsWith("/json/2/", StringComparison.Ordinal));
    }

    /// <summary>
    /// A password cannot authenticate JSON-2 (odoo/addons/base/models/ir_http.py, 19.0, _auth_method_bearer:
    /// <c>uid = request.env['res.users.apikeys']._check_credentials(scope='rpc', key=token)</c>, else 401 "Invalid apikey"),
    /// so Auto with only a password does not try it: JSON-RPC at once, and the connect activity says why.
    /// </summary>
    [Fact]
    public async Task Odoo_19_with_only_a_password_uses_json_rpc_without_probing_json2_and_says_why()
    {
        var events = new List<ActivityEvent>();
        using var testSource = new ActivitySource("Odoo.Runtime.Tests." + nameof(AutoDetectTests));
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == OdooTelemetry.Name || s.Name == testSource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var root = testSource.StartActivity("test")!;
        var traceId = root.TraceId;
        listener.ActivityStopped = a =>
        {
            if (a.OperationName == "connect" && a.TraceId == traceId) lock (events) events.AddRange(a.Events);
        };
        var fake = Json2Tests.Odoo19();
        await using var client = await ConnectAuto(fake);
        Assert.Equal(OdooProtocol.JsonRpc, client.Protocol);
        Assert.DoesNotContain(fake.Requests, r => r.Path.StartsWith("/json/2/", StringComparison.Ordinal));
        Assert.Single(fake.Requests, r => r.RpcMethod == "login");
        ActivityEvent skipped;
        lock (events) skipped = Assert.Single(events, e => e.Name == "json2-skipped");
        var reason = (string)skipped.Tags.Single(t => t.Key == "odoo.reason").Value!;
        Assert.Contains("API key", reason);
        Assert.Contains("deprecated since Odoo 19", reason);
    }

    [Fact]
    public async Task Odoo_19_with_only_web_version_is_detected()
    {
        var fake = Json2Tests.Odoo19();
        fake.VersionInfo = _ => WireSamples.Response("33-unknown-route-404");
        await using var client = await ConnectAuto(fake, o => o.ApiKey = Json2Tests.ApiKey);
        Assert.Equal("19.0", client.ServerVersion.Text);
        Assert.Equal(OdooProtocol.Json2, client.Protocol);
    }

    [Fact]
    public async Task Network_failure_during_the_probe_is_not_taken_for_absence()
    {
        var fake = Json2Tests.Odoo19();
        fake.Json2 = (_, _) => throw new HttpRequestException("Connection refused");
        var ex = await Assert.ThrowsAsync<OdooTransportException>(() => ConnectAuto(fake, o => { o.MaxReadRetries = 0; o.ApiKey = Json2Tests.ApiKey; }));
        Assert.Null(ex.StatusCode);
    }
}

public sealed class CookieTests
{
    [Fact]
    public async Task Session_cookie_is_kept_and_sent_back()
    {
        var fake = new FakeOdoo();
        fake.ExtraResponseHeaders.Add(new("Set-Cookie", "session_id=abc123def; Expires=Wed, 25 Nov 2099 06:00:00 GMT; Max-Age=604800; HttpOnly; Path=/"));
        await using var client = await fake.ConnectAsync();
        await client.Model("res.partner").UnlinkAsync([1]);

        var requests = fake.Requests.ToArray();
        Assert.True(requests.Length >= 2, $"{requests.Length} requests: nothing was sent after the cookie was set");
        Assert.Null(requests[0].Header("Cookie"));
        Assert.All(requests.Skip(1), r => Assert.Equal("session_id=abc123def", r.Header("Cookie")));
    }

    [Fact]
    public async Task Clients_do_not_share_cookie_jars()
    {
        var fakeA = new FakeOdoo();
        fakeA.ExtraResponseHeaders.Add(new("Set-Cookie", "session_id=AAA; Path=/"));
        await using var a = await fakeA.ConnectAsync();

        var fakeB = new FakeOdoo(); // same host, no cookie set
        await using var b = await fakeB.ConnectAsync();
        await b.Model("res.partner").UnlinkAsync([1]);

        Assert.All(fakeB.Requests, r => Assert.Null(r.Header("Cookie")));
    }
}
