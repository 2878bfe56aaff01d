using System.Collections;
using System.Net;
using System.Reflection;

namespace Odoo.Runtime.Tests.Transport;

/// <summary>
/// The password and API key never appear in an exception's message, ToString, properties or inner
/// exceptions, on any error path; nor in the options' or client's ToString. The fake server is
/// deliberately hostile: it echoes the secrets back in messages, debug texts, arguments and bodies.
/// </summary>
public sealed class SecretLeakTests
{
    private const string Password = "Pw-7f3c9e1a-hunter2";
    private const string ApiKey = "Key-0b8d2f4e6a1c3e5f7a9b";

    private static readonly string[] Secrets = [Password, ApiKey];

    private static string Echo => $"credentials {Password} / {ApiKey} rejected";

    public static TheoryData<string> ErrorNames() =>
    [
        "odoo.exceptions.AccessDenied", "odoo.exceptions.AccessError", "odoo.exceptions.ValidationError", "odoo.exceptions.UserError",
        "odoo.exceptions.MissingError", "odoo.http.SessionExpiredException", "psycopg2.errors.UniqueViolation", "builtins.ValueError",
    ];

    private static FakeOdoo Fake(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> executeKw) => new() { ExecuteKw = executeKw };

    private static Task<OdooClient> Connect(FakeOdoo fake, Action<OdooClientOptions>? configure = null) => fake.ConnectAsync(o =>
    {
        o.Password = Password;
        o.ApiKey = ApiKey;
        o.MaxReadRetries = 0;
        o.Timeout = TimeSpan.FromSeconds(1);
        configure?.Invoke(o);
    });

    [Theory]
    [MemberData(nameof(ErrorNames))]
    public async Task Json_rpc_server_errors_echoing_secrets(string name)
    {
        await using var client = await Connect(Fake((_, _) => Task.FromResult(FakeOdoo.RpcError(name, Echo, debug: "Traceback\n" + Echo))));
        var ex = await Assert.ThrowsAnyAsync<OdooException>(() => client.Model("res.partner").ReadAsync([1]));
        AssertClean(ex);
        Assert.Contains("***", ex.Message); // the echo was redacted, not dropped
    }

    [Fact]
    public async Task Login_refused()
    {
        var fake = new FakeOdoo { Login = _ => WireSamples.Response("04-common-login-bad-password") };
        AssertClean(await Assert.ThrowsAsync<OdooAccessDeniedException>(() => Connect(fake)));
    }

    [Fact]
    public async Task Login_error_envelope()
    {
        var fake = new FakeOdoo { Login = _ => FakeOdoo.RpcError("odoo.exceptions.AccessDenied", Echo) };
        AssertClean(await Assert.ThrowsAsync<OdooAccessDeniedException>(() => Connect(fake)));
    }

    public static TheoryData<string> BadBodies() =>
    [
        $"<html><body>Login failed for {Password}</body></html>",
        $$"""{"jsonrpc": "2.0", "id": 1, "result": ["{{Password}}", """,
        $$"""{"jsonrpc": "2.0", "id": 1, "echo": "{{ApiKey}}"}""",
        $$"""{"jsonrpc": "2.0", "id": 1, "result": "{{Password}}"}""",
    ];

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Protocol_errors_quoting_bodies_that_echo_secrets(string body)
    {
        await using var client = await Connect(Fake((_, _) => Task.FromResult(FakeOdoo.Text(body))));
        AssertClean(await Assert.ThrowsAnyAsync<OdooException>(() => client.Model("res.partner").SearchCountAsync()));
    }

    [Fact]
    public async Task Http_error_with_a_body_echoing_secrets()
    {
        await using var client = await Connect(Fake((_, _) => Task.FromResult(FakeOdoo.Text(Echo, 502, "text/plain"))));
        AssertClean(await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").SearchCountAsync()));
    }

    [Fact]
    public async Task Timeout()
    {
        await using var client = await Connect(Fake(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return FakeOdoo.RpcResult("1");
        }));
        AssertClean(await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").SearchCountAsync()));
    }

    [Fact]
    public async Task Dropped_connection()
    {
        await using var client = await Connect(Fake((_, _) => throw new HttpRequestException("Connection reset", new IOException("reset by peer"))));
        AssertClean(await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").UnlinkAsync([1])));
    }

    [Fact]
    public async Task Version_detection_failure_echoing_secrets()
    {
        var fake = new FakeOdoo
        {
            VersionInfo = _ => FakeOdoo.Text($"<html>{Echo}</html>", 200, "text/html"),
            WebVersion = _ => FakeOdoo.Text($"<html>{Echo}</html>", 500, "text/html"),
        };
        AssertClean(await Assert.ThrowsAsync<OdooProtocolException>(() => Connect(fake)));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(422)]
    [InlineData(500)]
    public async Task Json2_error_statuses_echoing_secrets(int status)
    {
        var fake = Json2Tests.Odoo19();
        await using var client = await Json2Tests.ConnectJson2(fake, o =>
        {
            o.ApiKey = ApiKey;
            o.Password = Password;
        });
        var body = System.Text.Json.JsonSerializer.Serialize(new { name = "odoo.exceptions.UserError", message = Echo, arguments = new[] { Echo }, context = new { }, debug = Echo });
        fake.Json2 = (_, _) => Task.FromResult(FakeOdoo.Text(body, status));
        AssertClean(await Assert.ThrowsAnyAsync<OdooException>(() => client.Model("res.partner").SearchAsync()));
        fake.Json2 = (_, _) => Task.FromResult(FakeOdoo.Text($"<html>{Echo}</html>", status, "text/html"));
        AssertClean(await Assert.ThrowsAnyAsync<OdooException>(() => client.Model("res.partner").SearchAsync()));
    }

    [Fact]
    public async Task Json2_bad_key_at_connect()
    {
        var fake = Json2Tests.Odoo19();
        fake.Json2 = (_, _) => Task.FromResult(FakeOdoo.Text(Json2Tests.Unauthorized401.Replace("Invalid apikey", "Invalid apikey " + ApiKey, StringComparison.Ordinal), 401));
        AssertClean(await Assert.ThrowsAsync<OdooAccessDeniedException>(() => Json2Tests.ConnectJson2(fake, o => o.ApiKey = ApiKey)));
    }

    [Fact]
    public async Task Options_and_client_descriptions()
    {
        var options = new FakeOdoo().Options();
        options.Password = Password;
        options.ApiKey = ApiKey;
        var text = options.ToString();
        Assert.Contains("Password = ***", text);
        Assert.Contains("ApiKey = ***", text);
        foreach (var s in Secrets) Assert.DoesNotContain(s, text);

        var fake = new FakeOdoo();
        await using var client = await Connect(fake);
        foreach (var s in Secrets)
        {
            Assert.DoesNotContain(s, client.ToString());
            Assert.DoesNotContain(s, client.Context.ToString());
            Assert.DoesNotContain(s, client.BaseUrl.ToString());
        }
    }

    [Fact]
    public void Url_with_credentials_is_rejected_without_echoing_them()
    {
        var options = new OdooClientOptions
        {
            Url = new Uri($"http://admin:{Password}@odoo.test:8069"),
            Database = "db",
            Username = "admin",
            Password = Password,
        };
        var ex = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal("Url", ex.ParamName);
        AssertClean(ex);
        Assert.DoesNotContain(Password, options.ToString());
    }

    // A password with a quote, a backslash and a non-ASCII letter, and every form a JSON body may carry it in
    // (written out here rather than computed, so the test does not share the redactor's escaping code).
    private const string EscapingPassword = "Pw\"\u00e9\\-7f3c9e1a";

    private static readonly string[] EscapingPasswordForms =
    [
        EscapingPassword,                  // as written (a decoded server message)
        "Pw\\\"\\u00e9\\\\-7f3c9e1a",         // Python json.dumps (Odoo's answers): \" \u00e9 \\
        "Pw\\u0022\\u00E9\\\\-7f3c9e1a",       // System.Text.Json's default escaping
        "Pw\\\"\u00e9\\\\-7f3c9e1a",           // System.Text.Json's relaxed escaping (non-ASCII kept)
    ];

    public static TheoryData<int> EscapedForms() => [1, 2, 3];

    [Theory]
    [MemberData(nameof(EscapedForms))]
    public async Task A_password_echoed_json_escaped_in_a_body_is_redacted(int form)
    {
        var escaped = EscapingPasswordForms[form];
        string[] bodies =
        [
            $$"""{"jsonrpc": "2.0", "id": 1, "echo": "login {{escaped}} refused"}""",
            $$"""{"jsonrpc": "2.0", "id": 1, "result": "{{escaped}}"}""",
        ];
        foreach (var body in bodies)
        {
            await using var client = await Connect(Fake((_, _) => Task.FromResult(FakeOdoo.Text(body))), o => o.Password = EscapingPassword);
            var ex = await Assert.ThrowsAnyAsync<OdooException>(() => client.Model("res.partner").SearchCountAsync());
            AssertClean(ex, EscapingPasswordForms);
            Assert.Contains("***", ex.ToString());
        }
        await using var failing = await Connect(Fake((_, _) => Task.FromResult(FakeOdoo.Text($"<html>{escaped}</html>", 502, "text/html"))), o => o.Password = EscapingPassword);
        AssertClean(await Assert.ThrowsAsync<OdooTransportException>(() => failing.Model("res.partner").SearchCountAsync()), EscapingPasswordForms);
    }

    [Fact]
    public async Task A_password_with_escaped_characters_echoed_in_a_server_error_is_redacted()
    {
        var body = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\": {\"code\": 200, \"message\": \"Odoo Server Error\", \"data\": {\"name\": \"odoo.exceptions.UserError\", "
            + $"\"message\": \"bad {EscapingPasswordForms[1]}\", \"arguments\": [\"bad {EscapingPasswordForms[1]}\"], \"debug\": \"Traceback {EscapingPasswordForms[1]}\", \"context\": {{}}}}}}}}";
        await using var client = await Connect(Fake((_, _) => Task.FromResult(FakeOdoo.Text(body))), o => o.Password = EscapingPassword);
        var ex = await Assert.ThrowsAsync<OdooUserException>(() => client.Model("res.partner").SearchCountAsync());
        AssertClean(ex, EscapingPasswordForms);
        Assert.Contains("***", ex.Message);
    }

    private static void AssertClean(Exception ex) => AssertClean(ex, Secrets);

    private static void AssertClean(Exception ex, IReadOnlyList<string> secrets)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var s in secrets)
        {
            Assert.DoesNotContain(s, ex.ToString());
        }
        for (var e = ex; e is not null; e = e.InnerException)
        {
            foreach (var s in secrets) Assert.DoesNotContain(s, e.Message);
            AssertPropertiesClean(e, seen, depth: 0, secrets);
        }
    }

    private static void AssertPropertiesClean(object value, HashSet<object> seen, int depth, IReadOnlyList<string> secrets)
    {
        if (depth > 4 || !seen.Add(value)) return;
        foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.Name is "TargetSite" or "StackTrace" or "Data") continue;
            var v = p.GetValue(value);
            switch (v)
            {
                case null:
                    break;
                case string s:
                    foreach (var secret in secrets) Assert.DoesNotContain(secret, s);
                    break;
                case Uri u:
                    foreach (var secret in secrets) Assert.DoesNotContain(secret, u.ToString());
                    break;
                case IEnumerable<string> list:
                    foreach (var item in list)
                    {
                        foreach (var secret in secrets) Assert.DoesNotContain(secret, item);
                    }
                    break;
                case Exception inner:
                    AssertPropertiesClean(inner, seen, depth + 1, secrets);
                    break;
                case IEnumerable:
                case ValueType:
                    break;
                default:
                    foreach (var secret in secrets) Assert.DoesNotContain(secret, v.ToString() ?? "");
                    break;
            }
        }
    }

    [Fact]
    public async Task Secrets_never_reach_telemetry()
    {
        var tags = new List<string>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s.Name == "Odoo.Runtime",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (tags)
                {
                    tags.Add(a.DisplayName);
                    tags.AddRange(a.TagObjects.Select(t => $"{t.Key}={t.Value}"));
                    tags.AddRange(a.Events.Select(e => e.Name));
                    if (a.StatusDescription is not null) tags.Add(a.StatusDescription);
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        await using var client = await Connect(Fake((_, _) => Task.FromResult(FakeOdoo.RpcError("odoo.exceptions.UserError", Echo))));
        await Assert.ThrowsAsync<OdooUserException>(() => client.Model("res.partner").SearchCountAsync());
        lock (tags)
        {
            Assert.NotEmpty(tags);
            foreach (var t in tags)
            {
                foreach (var s in Secrets) Assert.DoesNotContain(s, t);
            }
        }
    }

    [Fact]
    public void The_leak_check_finds_a_secret_outside_the_message_and_passes_a_clean_exception()
    {
        // Guard for the reflection walk above: a check that cannot fail would make every test here pass.
        var inBody = new OdooProtocolException("Odoo answered HTML") { BodyExcerpt = "<p>" + Password + "</p>" };
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertClean(inBody));
        var inUrl = new OdooTransportException("HTTP 502") { Url = new Uri("https://erp.example.com/jsonrpc?key=" + ApiKey), StatusCode = 502 };
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertClean(inUrl));
        var inArguments = new OdooUserException("odoo.exceptions.UserError", "refused", "refused") { Arguments = ["login " + Password] };
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertClean(new OdooException("outer", inArguments)));
        // Value types (the status code, HttpStatusCode) are skipped without a false alarm.
        AssertClean(new OdooTransportException("HTTP 502", new HttpRequestException("bad gateway", null, HttpStatusCode.BadGateway)) { StatusCode = 502 });
    }
}
