using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Odoo.Testing.Tests;

/// <summary>
/// Replays every request of the real Odoo 18 wire samples (WireSamples/, copied from
/// ../shared/wire-samples) against a server seeded to match, and compares the answers.
///
/// Compared: HTTP status, content type, JSON shape (same keys in the same order, recursively,
/// same array lengths, same value kinds) and every value except the volatile ones below;
/// error class (data.name) and message exactly.
///
/// Deliberate differences (ignored by the comparison):
/// - "debug": the traceback text is synthetic ("Traceback ...\n  ...\nClass: message\n").
/// - "create_date"/"write_date": timestamps are the test run's clock.
/// - JSON whitespace: answers are compact (Python writes ", " and ": ").
/// - Sample 33 (unknown route): the 404 HTML page is a short one, not Odoo's website page.
/// - Sample 32: any authenticated session cookie gets the 400 page (Odoo checks a CSRF token).
/// - Cookies: a session_id cookie is set like Odoo does, with a different token format.
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
            var (status, body, contentType, response) = await ReplayAsync(server, http, entry);
            if (name != sample) continue;

            Assert.Equal(entry.GetProperty("http_status").GetInt32(), (int)status);
            var expectedType = entry.TryGetProperty("content_type", out var ct)
                ? ct.GetString()!
                : entry.GetProperty("response_headers").GetProperty("Content-Type").GetString()!;
            Assert.Equal(expectedType.Replace(" ", ""), contentType?.Replace(" ", ""));
            var responseFile = Directory.GetFiles(SampleDir, sample + ".response.*").Single();
            var expectedText = File.ReadAllText(responseFile);
            if (responseFile.EndsWith(".json", StringComparison.Ordinal))
            {
                CompareJson(JsonNode.Parse(expectedText), JsonNode.Parse(body), "$");
            }
            else
            {
                Assert.StartsWith("<!", body, StringComparison.OrdinalIgnoreCase);
                if (entry.TryGetProperty("response_headers", out var rh) && rh.TryGetProperty("Location", out var loc))
                    Assert.Equal(loc.GetString(), response.Headers.Location?.OriginalString);
                if (sample.StartsWith("31", StringComparison.Ordinal) || sample.StartsWith("32", StringComparison.Ordinal))
                    Assert.Equal(expectedText, body);
            }
            return;
        }
        Assert.Fail($"Sample {sample} not found");
    }

    [Fact]
    public async Task Json_rpc_answers_never_set_a_cookie_and_web_routes_hand_out_an_anonymous_one()
    {
        // Real Odoo 18 (curl -i on POST /jsonrpc common.version): no Set-Cookie; version_info sets an anonymous
        // session_id (HttpOnly); an authenticated session comes only from /web/session/authenticate.
        await using var server = await OdooTestServer.StartAsync();
        using var http = Rpc.Client(server);
        var body = File.ReadAllText(Path.Combine(SampleDir, "02-common-version.request.json"));
        var (_, _, rpc) = await Rpc.PostAsync(http, "/jsonrpc", body);
        Assert.False(rpc.Headers.Contains("Set-Cookie"));

        var versionInfo = File.ReadAllText(Path.Combine(SampleDir, "01-version_info.request.json"));
        var (_, _, first) = await Rpc.PostAsync(http, "/web/webclient/version_info", versionInfo);
        var cookie = first.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("session_id=", cookie);
        Assert.Contains("HttpOnly", cookie);
        var sid = cookie.Split(';')[0];
        var (_, _, second) = await Rpc.PostAsync(http, "/web/webclient/version_info", versionInfo, new Dictionary<string, string> { ["Cookie"] = sid });
        Assert.False(second.Headers.Contains("Set-Cookie"));
    }

    private static async Task<(HttpStatusCode, string, string?, HttpResponseMessage)> ReplayAsync(OdooTestServer server, HttpClient http, JsonElement entry)
    {
        var sample = entry.GetProperty("sample").GetString()!;
        var path = entry.GetProperty("path").GetString()!;
        var body = File.ReadAllText(Path.Combine(SampleDir, sample + ".request.json"));
        var headers = new Dictionary<string, string>();
        if (entry.TryGetProperty("request_headers", out var rh))
            foreach (var h in rh.EnumerateObject()) headers[h.Name] = h.Value.GetString()!;
        if (headers.TryGetValue("Cookie", out var cookie) && cookie.Contains("<redacted>", StringComparison.Ordinal))
            headers["Cookie"] = await LoginCookieAsync(server, http);
        var (status, _, response) = await Rpc.PostAsync(http, path, body, headers);
        var text = await response.Content.ReadAsStringAsync();
        return (status, text, response.Content.Headers.ContentType?.ToString(), response);
    }

    private static async Task<string> LoginCookieAsync(OdooTestServer server, HttpClient http)
    {
        var login = new JsonObject
        {
            ["jsonrpc"] = "2.0", ["method"] = "call", ["id"] = 1,
            ["params"] = new JsonObject { ["db"] = server.Database, ["login"] = server.Username, ["password"] = server.Password },
        };
        var (_, body, response) = await Rpc.PostAsync(http, "/web/session/authenticate", login.ToJsonString());
        Assert.Equal(2, (int)body!["result"]!["uid"]!);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    /// <summary>Compares shape (keys and order, lengths, kinds) and values, skipping volatile keys.</summary>
    internal static void CompareJson(JsonNode? expected, JsonNode? actual, string path)
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
                    CompareJson(value, ao[key], $"{path}.{key}");
                }
                return;
            }
            case JsonArray ea:
            {
                var aa = Assert.IsType<JsonArray>(actual);
                Assert.True(ea.Count == aa.Count, $"{path}: expected {ea.Count} items, got {aa.Count}: {aa.ToJsonString()}");
                for (var i = 0; i < ea.Count; i++) CompareJson(ea[i], aa[i], $"{path}[{i}]");
                return;
            }
            default:
            {
                Assert.True(actual is not null, $"{path}: expected {expected.ToJsonString()}, got null");
                Assert.Equal(expected.GetValueKind(), actual!.GetValueKind());
                if (expected.GetValueKind() == JsonValueKind.Number)
                    Assert.True(expected.GetValue<double>() == actual.GetValue<double>(), $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
                else
                    Assert.True(expected.ToJsonString() == actual.ToJsonString(), $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
                return;
            }
        }
    }
}
