using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Odoo.Testing.Tests;

/// <summary>
/// Replays every request of the real Odoo 18 wire samples (WireSamples/: 01-33 copied from
/// ../shared/wire-samples, 34 on recorded by scripts/record-wire-samples.py) against a server
/// seeded to match, and compares the answers.
///
/// Compared exactly: HTTP status; the Content-Type header text; for JSON bodies the shape (same
/// keys in the same order, recursively, same array lengths, same value kinds) and every value,
/// numbers by their JSON text (<c>14.0</c> is not <c>14</c>); for samples 34 on (recorded with
/// their headers), the <c>Set-Cookie</c> headers (count, order, name, every attribute) and
/// <c>Connection</c>; the <c>Location</c> of 31.
///
/// Tolerated differences, and nothing else (docs/testing.md lists the same):
/// - "debug": the traceback text is synthetic ("Traceback ...\n  ...\nClass: message\n"); only its kind is compared.
/// - "create_date"/"write_date" in samples 01-33: the test run's clock; only the kind is compared.
/// - Placeholders written by the recording script: "&lt;datetime&gt;" (any "yyyy-MM-dd HH:mm:ss"),
///   "&lt;hash&gt;" (any lowercase hex digest of 40 to 64 digits), "&lt;base_url&gt;" (the server's own URL).
/// - Set-Cookie: "session_id=&lt;session_id&gt;" is any new 84-character session id (not the one sent),
///   "session_id=&lt;same&gt;" the one sent; "Expires=&lt;expires&gt;" any HTTP date.
/// - JSON whitespace: answers are compact (Python writes ", " and ": "); the text is compared after parsing.
/// - Samples 01-33 were recorded without cookies (01-30 without any header): their Set-Cookie and
///   Connection are not compared (34-37 and 58-61 cover the same routes with headers). On the
///   404 of an unknown route (33) the real server sets frontend_lang and session_id cookies
///   (its website layer); the stand-in sets none.
/// - Sample 33 (unknown route): the 404 HTML page is a short one, not Odoo's website page
///   (the HTML of 31, 32 and 75 is compared exactly).
/// - Sample 32: any authenticated session cookie gets the 400 page (Odoo checks a CSRF token).
/// - Request cookies: the recorded placeholders (&lt;authenticated&gt;, &lt;expired&gt;...) are replayed by
///   making the same state on the stand-in (see <see cref="CookieAsync"/>).
/// </summary>
public sealed class ConformanceTests
{
    private static readonly string SampleDir = Path.Combine(AppContext.BaseDirectory, "WireSamples");
    private static readonly HashSet<string> VolatileKeys = ["debug", "create_date", "write_date"];

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var s in Index()) data.Add(s.GetProperty("sample").GetString()!);
        return data;
    }

    private static List<JsonElement> Index()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleDir, "index.json")));
        return doc.RootElement.GetProperty("samples").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>A server with the data the samples were recorded on.</summary>
    internal static async Task<OdooTestServer> StartSeededAsync()
    {
        var server = await OdooTestServer.StartAsync();
        server.DefineModel(new OdooModelSchema("openstack.project", "OpenStack Project").Char("name").Many2One("partner", "res.partner"));
        server.DefineModel(new OdooModelSchema("openstack.customer_group", "Customer Group").Char("name"));
        server.AddFields("res.partner",
            new OdooFieldSchema("os_customer_group", OdooFieldType.Many2One) { Relation = "openstack.customer_group" },
            new OdooFieldSchema("os_projects", OdooFieldType.One2Many) { Relation = "openstack.project", InverseName = "partner" });

        // Sample 07/10: nine companies, the first three as recorded.
        server.Seed("res.partner",
            new { id = 9, name = "Wood Corner", is_company = true, email = "wood.corner26@example.com", country_id = 233 },
            new { id = 10, name = "Deco Addict", is_company = true, email = "deco_addict@yourcompany.example.com", country_id = 233 });
        for (var i = 11; i <= 16; i++) server.Seed("res.partner", new { id = i, name = $"Company {i}", is_company = true });
        // Sample 09: children and tags, in res.partner / res.partner.category order (by name).
        server.Seed("res.partner", new { id = 40, name = "Alice", parent_id = 1 }, new { id = 41, name = "Bob", parent_id = 1 });
        server.Seed("res.partner", new { id = 18, name = "Amy", parent_id = 9 }, new { id = 33, name = "Ben", parent_id = 9 }, new { id = 17, name = "Cid", parent_id = 9 });
        server.Seed("res.partner.category", new { id = 6, name = "Services" }, new { id = 7, name = "Consulting" });
        server.Write("res.partner", [9], new { category_id = new[] { 6, 7 } });
        server.Seed("openstack.project", new { id = 1, name = "project-1", partner = 9 });

        // Sample 12: products.
        server.DefineModel(new OdooModelSchema("product.category", "Product Category").Char("name"));
        server.DefineModel(new OdooModelSchema("uom.uom", "Product Unit of Measure").Char("name"));
        server.DefineModel(new OdooModelSchema("account.tax", "Tax").Char("name"));
        server.DefineModel(new OdooModelSchema("product.product", "Product Variant")
            .Char("name", required: true).Char("default_code", "Internal Reference").Float("list_price", "Sales Price")
            .Many2One("categ_id", "product.category", "Product Category").Many2One("uom_id", "uom.uom", "Unit")
            .Many2Many("taxes_id", "account.tax", "Sales Taxes").Boolean("sale_ok", "Can be Sold", configure: f => f.Default = true));
        server.Seed("product.category", new { id = 3, name = "All / Expenses" });
        server.Seed("uom.uom", new { id = 1, name = "Units" }, new { id = 3, name = "Days" });
        server.Seed("product.product",
            new { id = 1, name = "Restaurant Expenses", list_price = 14.0, categ_id = 3, uom_id = 1 },
            new { id = 2, name = "Hotel Accommodation", list_price = 400.0, categ_id = 3, uom_id = 3 });

        // Samples 13-30: the OpenStack models; the referral code model as its addon defines it (not from sample 11).
        server.DefineModel(new OdooModelSchema("openstack.credit.type", "OpenStack Credit Type")
            .Char("name", required: true).Many2One("product", "product.product").Boolean("refundable"));
        server.Seed("openstack.credit.type", new { id = 1, name = "Trial" }, new { id = 2, name = "Promo" });
        server.DefineModel(ReferralCodeSchema());
        server.SetNextId("openstack.referral_code", 7);

        // Samples 34 on: the demo user (uid 6) may not write users.
        var demo = server.AddUser(new OdooTestUserDefinition("demo", "demo") { Name = "Marc Demo" });
        Assert.Equal(6, demo.Uid);
        server.DenyAccess("res.users", OdooOperation.Write, demo.Uid, "Administration/Access Rights");
        return server;
    }

    /// <summary>
    /// The referral code model as the addon the samples were recorded on defines it, in Odoo's terms: field names,
    /// types and required flags in definition order, the computed name, the unique code (its <c>_sql_constraints</c>
    /// message) and the allowed-uses check (its <c>@api.constrains</c> message). The stand-in derives everything
    /// else: labels, read-only flags, the fields_get answer (sample 11) and the error answers (samples 17 and 18),
    /// which stay the expected outputs rather than the input.
    /// </summary>
    internal static OdooModelSchema ReferralCodeSchema()
    {
        const string UniqueCodeMessage = "The referral code must be unique.";
        const string AllowedUsesMessage = "Allowed uses must be -1 (unlimited) or a non-negative number.";
        return new OdooModelSchema("openstack.referral_code", "OpenStack Referral Code")
            .Char("code", required: true, configure: f => { f.Unique = true; f.UniqueMessage = UniqueCodeMessage; })
            .Char("name", configure: f => f.Compute = r => $"Referral code {r.GetString("code")}")
            .Integer("allowed_uses")
            .Float("before_reward_usage_threshold")
            .One2Many("referrals", "res.partner", inverseName: null)
            .Float("referral_credit_amount")
            .Integer("referral_credit_duration")
            .Many2One("referral_credit_type", "openstack.credit.type", required: true)
            .Float("reward_credit_amount")
            .Integer("reward_credit_duration")
            .Many2One("reward_credit_type", "openstack.credit.type", required: true)
            .AddConstraint(r => r.GetNumber("allowed_uses") < -1 ? AllowedUsesMessage : null);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_is_answered_like_real_odoo(string sample)
    {
        await using var server = await StartSeededAsync();
        using var http = Rpc.Client(server);
        foreach (var entry in Index())
        {
            var name = entry.GetProperty("sample").GetString()!;
            var (status, body, contentType, response, sentSid) = await ReplayAsync(server, http, entry);
            if (name != sample) continue;

            Assert.Equal(entry.GetProperty("http_status").GetInt32(), (int)status);
            var expectedType = entry.TryGetProperty("content_type", out var ct)
                ? ct.GetString()!
                : entry.GetProperty("response_headers").GetProperty("Content-Type").GetString()!;
            Assert.Equal(expectedType, contentType);
            // Samples 34 on recorded every header that matters (Connection among them); 31-33 kept
            // only Content-Type and Location, their cookies were dropped.
            if (entry.TryGetProperty("response_headers", out var expectedHeaders) && expectedHeaders.TryGetProperty("Connection", out _))
                CompareHeaders(expectedHeaders, response, sentSid);
            var responseFile = Directory.GetFiles(SampleDir, sample + ".response.*").Single();
            var expectedText = File.ReadAllText(responseFile);
            if (responseFile.EndsWith(".json", StringComparison.Ordinal))
            {
                CompareJson(JsonNode.Parse(expectedText), JsonNode.Parse(body), "$", server);
            }
            else
            {
                Assert.StartsWith("<!", body, StringComparison.OrdinalIgnoreCase);
                if (entry.TryGetProperty("response_headers", out var rh) && rh.TryGetProperty("Location", out var loc))
                    Assert.Equal(loc.GetString(), response.Headers.Location?.OriginalString);
                if (sample[..2] is "31" or "32" or "75")
                    Assert.Equal(expectedText, body);
            }
            return;
        }
        Assert.Fail($"Sample {sample} not found");
    }

    [Fact]
    public async Task Only_the_web_routes_set_a_session_cookie_and_jsonrpc_never_does()
    {
        // Real Odoo 18 (curl -i on POST /jsonrpc common.version): no Set-Cookie; version_info sets an anonymous
        // session_id (HttpOnly); an authenticated session comes only from /web/session/authenticate.
        await using var server = await OdooTestServer.StartAsync();
        using var http = Rpc.Client(server);
        var version = File.ReadAllText(Path.Combine(SampleDir, "02-common-version.request.json"));
        var (_, _, jsonrpc) = await Rpc.PostAsync(http, "/jsonrpc", version);
        Assert.False(jsonrpc.Headers.Contains("Set-Cookie"));
        var (_, _, info) = await Rpc.PostAsync(http, "/web/webclient/version_info", """{"jsonrpc": "2.0", "method": "call", "params": {}, "id": 1}""");
        var cookie = info.Headers.GetValues("Set-Cookie").Single();
        Assert.Matches("^session_id=[A-Za-z0-9_-]{84}; Expires=[^;]+; Max-Age=604800; HttpOnly; Path=/$", cookie);
        var sid = cookie.Split(';')[0];
        var (_, _, second) = await Rpc.PostAsync(http, "/web/webclient/version_info", """{"jsonrpc": "2.0", "method": "call", "params": {}, "id": 1}""", new Dictionary<string, string> { ["Cookie"] = sid });
        Assert.False(second.Headers.Contains("Set-Cookie"));
    }

    private static async Task<(HttpStatusCode, string, string?, HttpResponseMessage, string?)> ReplayAsync(OdooTestServer server, HttpClient http, JsonElement entry)
    {
        var sample = entry.GetProperty("sample").GetString()!;
        var path = entry.GetProperty("path").GetString()!;
        var body = File.ReadAllText(Path.Combine(SampleDir, sample + ".request.json"));
        var headers = new Dictionary<string, string>();
        if (entry.TryGetProperty("request_headers", out var rh))
            foreach (var h in rh.EnumerateObject()) headers[h.Name] = h.Value.GetString()!;
        string? sid = null;
        if (headers.TryGetValue("Cookie", out var cookie) && cookie.StartsWith("session_id=<", StringComparison.Ordinal))
        {
            sid = await CookieAsync(server, http, cookie["session_id=<".Length..^1]);
            headers["Cookie"] = "session_id=" + sid;
        }
        var (status, _, response) = await Rpc.PostAsync(http, path, body, headers);
        var contentType = response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var raw) ? raw.Single() : null;
        var text = System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        return (status, text, contentType, response, sid);
    }

    /// <summary>
    /// Makes the session a recorded request cookie stands for: authenticated (admin, or demo),
    /// anonymous (the cookie of version_info), unknown (never issued), expired (authenticated,
    /// then <see cref="OdooTestServer.ExpireSessions"/>), destroyed (/web/session/destroy), used
    /// (authenticated and one call_kw done).
    /// </summary>
    private static async Task<string> CookieAsync(OdooTestServer server, HttpClient http, string kind)
    {
        switch (kind)
        {
            case "redacted" or "authenticated":
                return await LoginCookieAsync(server, http, server.Username, server.Password);
            case "demo":
                return await LoginCookieAsync(server, http, "demo", "demo");
            case "anonymous":
            {
                var (_, _, response) = await Rpc.PostAsync(http, "/web/webclient/version_info", """{"jsonrpc": "2.0", "method": "call", "params": {}, "id": 1}""");
                return SessionId(response.Headers.GetValues("Set-Cookie").Single());
            }
            case "unknown":
                return new string('A', 42) + new string('z', 42);
            case "expired":
            {
                var sid = await LoginCookieAsync(server, http, server.Username, server.Password);
                server.ExpireSessions();
                return sid;
            }
            case "destroyed":
            {
                var sid = await LoginCookieAsync(server, http, server.Username, server.Password);
                var (status, _, _) = await Rpc.PostAsync(http, "/web/session/destroy", """{"jsonrpc": "2.0", "method": "call", "params": {}, "id": 1}""", new Dictionary<string, string> { ["Cookie"] = "session_id=" + sid });
                Assert.Equal(HttpStatusCode.OK, status);
                return sid;
            }
            case "used":
            {
                var sid = await LoginCookieAsync(server, http, server.Username, server.Password);
                var (_, body, _) = await Rpc.PostAsync(http, "/web/dataset/call_kw", """{"jsonrpc": "2.0", "method": "call", "params": {"model": "res.partner", "method": "search_read", "args": [[["id", "=", 1]]], "kwargs": {"fields": ["name"]}}, "id": 1}""", new Dictionary<string, string> { ["Cookie"] = "session_id=" + sid });
                Assert.NotNull(body!["result"]);
                return sid;
            }
            default:
                throw new InvalidOperationException($"Unknown cookie placeholder <{kind}>");
        }
    }

    private static string SessionId(string setCookie) => setCookie.Split(';')[0]["session_id=".Length..];

    private static async Task<string> LoginCookieAsync(OdooTestServer server, HttpClient http, string login, string password)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0", ["method"] = "call", ["id"] = 1,
            ["params"] = new JsonObject { ["db"] = server.Database, ["login"] = login, ["password"] = password },
        };
        var (_, body, response) = await Rpc.PostAsync(http, "/web/session/authenticate", request.ToJsonString());
        Assert.True(body!["result"]?["uid"] is not null, body.ToJsonString());
        return SessionId(response.Headers.GetValues("Set-Cookie").Single());
    }

    /// <summary>Compares Set-Cookie (all of them, in order, attribute by attribute) and Connection.</summary>
    private static void CompareHeaders(JsonElement expected, HttpResponseMessage response, string? sentSid)
    {
        var expectedCookies = expected.TryGetProperty("Set-Cookie", out var sc) ? sc.GetString()!.Split('\n') : [];
        var actualCookies = response.Headers.NonValidated.TryGetValues("Set-Cookie", out var ac) ? ac.ToArray() : [];
        Assert.True(expectedCookies.Length == actualCookies.Length,
            $"Set-Cookie: expected [{string.Join(" | ", expectedCookies)}], got [{string.Join(" | ", actualCookies)}]");
        for (var i = 0; i < expectedCookies.Length; i++)
        {
            var e = expectedCookies[i].Split("; ");
            var a = actualCookies[i].Split("; ");
            Assert.True(e.Length == a.Length, $"Set-Cookie attributes: expected {expectedCookies[i]}, got {actualCookies[i]}");
            for (var j = 0; j < e.Length; j++)
            {
                var ok = e[j] switch
                {
                    "session_id=<session_id>" => a[j].StartsWith("session_id=", StringComparison.Ordinal)
                        && System.Text.RegularExpressions.Regex.IsMatch(a[j]["session_id=".Length..], "^[A-Za-z0-9_-]{84}$")
                        && a[j] != "session_id=" + sentSid,
                    "session_id=<same>" => a[j] == "session_id=" + sentSid,
                    "Expires=<expires>" => a[j].StartsWith("Expires=", StringComparison.Ordinal)
                        && DateTimeOffset.TryParseExact(a[j]["Expires=".Length..], "r", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
                    _ => e[j] == a[j],
                };
                Assert.True(ok, $"Set-Cookie: expected {expectedCookies[i]}, got {actualCookies[i]} (at {e[j]})");
            }
        }
        if (expected.TryGetProperty("Connection", out var connection))
        {
            var actual = response.Headers.NonValidated.TryGetValues("Connection", out var c) ? string.Join(", ", c) : null;
            Assert.Equal(connection.GetString(), actual);
        }
    }

    /// <summary>Whether <paramref name="actual"/> matches a placeholder; null when <paramref name="expected"/> is none.</summary>
    private static bool? Placeholder(string expected, string actual, OdooTestServer? server) => expected switch
    {
        "<datetime>" => System.Text.RegularExpressions.Regex.IsMatch(actual, @"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"),
        "<hash>" => System.Text.RegularExpressions.Regex.IsMatch(actual, "^[0-9a-f]{40,64}$"),
        "<base_url>" when server is not null => actual == server.BaseUrl.ToString().TrimEnd('/'),
        _ => null,
    };

    /// <summary>Compares shape (keys and order, lengths, kinds) and values, skipping volatile keys.</summary>
    internal static void CompareJson(JsonNode? expected, JsonNode? actual, string path, OdooTestServer? server = null)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                return;
            case JsonObject eo:
            {
                var ao = Assert.IsType<JsonObject>(actual);
                Assert.True(eo.Select(p => p.Key).SequenceEqual(ao.Select(p => p.Key)),
                    $"{path}: keys differ. Expected [{string.Join(", ", eo.Select(p => p.Key))}], got [{string.Join(", ", ao.Select(p => p.Key))}]");
                foreach (var (key, value) in eo)
                {
                    if (VolatileKeys.Contains(key))
                    {
                        Assert.Equal(value?.GetValueKind(), ao[key]?.GetValueKind());
                        continue;
                    }
                    CompareJson(value, ao[key], $"{path}.{key}", server);
                }
                return;
            }
            case JsonArray ea:
            {
                var aa = Assert.IsType<JsonArray>(actual);
                Assert.True(ea.Count == aa.Count, $"{path}: expected {ea.Count} items, got {aa.Count}: {aa.ToJsonString()}");
                for (var i = 0; i < ea.Count; i++) CompareJson(ea[i], aa[i], $"{path}[{i}]", server);
                return;
            }
            default:
            {
                Assert.True(actual is not null, $"{path}: expected {expected.ToJsonString()}, got null");
                if (expected.GetValueKind() == JsonValueKind.String && actual!.GetValueKind() == JsonValueKind.String
                    && Placeholder(expected.GetValue<string>(), actual.GetValue<string>(), server) is { } matches)
                {
                    Assert.True(matches, $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
                    return;
                }
                Assert.Equal(expected.GetValueKind(), actual!.GetValueKind());
                // Numbers too are compared by their text: 14.0 (a Python float) is not 14 (an int).
                Assert.True(expected.ToJsonString() == actual.ToJsonString(), $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
                return;
            }
        }
    }
}
