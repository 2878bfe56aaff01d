using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Odoo.Serialization;
using Odoo.Transport;

namespace Odoo.Runtime.Tests.Transport;

public sealed class OdooJsonWriterTests
{
    private static string Write(object? value)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream)) OdooJsonWriter.WriteValue(w, value);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed class Custom : IOdooJsonWritable
    {
        public void WriteTo(Utf8JsonWriter writer) => writer.WriteStringValue("custom!");
    }

    public static TheoryData<object?, string> Cases() => new()
    {
        { null, "null" },
        { true, "true" },
        { 42, "42" },
        { 42L, "42" },
        { 2.5, "2.5" },
        { 2.5f, "2.5" },
        { 19.99m, "19.99" },
        { (short)3, "3" },
        { "é\"x", "\"\\u00E9\\u0022x\"" },
        { 'c', "\"c\"" },
        { new DateOnly(2024, 6, 30), "\"2024-06-30\"" },
        { new DateTime(2024, 6, 1, 3, 4, 5, DateTimeKind.Utc), "\"2024-06-01 03:04:05\"" },
        { new DateTime(2024, 6, 1, 3, 4, 5, DateTimeKind.Unspecified), "\"2024-06-01 03:04:05\"" },
        { new DateTimeOffset(2024, 6, 1, 15, 4, 5, TimeSpan.FromHours(12)), "\"2024-06-01 03:04:05\"" },
        { new byte[] { 104, 101, 108, 108, 111 }, "\"aGVsbG8=\"" },
        { new[] { 1, 2, 3 }, "[1,2,3]" },
        { new List<int> { 4, 5 }, "[4,5]" },
        { new[] { "a", "b" }, "[\"a\",\"b\"]" },
        { new object?[] { "|", new object[] { "state", "=", "draft" }, "!", new object?[] { "x", "=", false } }, "[\"|\",[\"state\",\"=\",\"draft\"],\"!\",[\"x\",\"=\",false]]" },
        { new[] { ("name", "ilike", (object)"acme") }, "[[\"name\",\"ilike\",\"acme\"]]" },
        { new Dictionary<string, object?> { ["a"] = 1, ["b"] = null }, "{\"a\":1,\"b\":null}" },
        { new Dictionary<string, int> { ["a"] = 1 }, "{\"a\":1}" },
        { new SortedDictionary<string, object?> { ["z"] = new[] { 1 } }, "{\"z\":[1]}" },
        { new object[] { new object[] { 4, 5 }, new object[] { 0, 0, new Dictionary<string, object?> { ["name"] = "vm-1" } } }, "[[4,5],[0,0,{\"name\":\"vm-1\"}]]" },
        { JsonDocument.Parse("{\"k\": [1, true]}").RootElement, "{\"k\":[1,true]}" },
        { JsonNode.Parse("[1, \"two\"]"), "[1,\"two\"]" },
        { new Custom(), "\"custom!\"" },
        { OdooContext.Empty.WithLang("en_US").With("uid", 2), "{\"lang\":\"en_US\",\"uid\":2}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Writes_odoo_json(object? value, string expected) => Assert.Equal(expected, Write(value));

    [Fact]
    public void Local_datetimes_are_converted_to_utc()
    {
        var local = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Local);
        Assert.Equal($"\"{local.ToUniversalTime():yyyy-MM-dd HH:mm:ss}\"", Write(local));
    }

    [Fact]
    public void Enums_are_refused_with_advice()
    {
        var ex = Assert.Throws<ArgumentException>(() => Write(new object[] { DayOfWeek.Friday }));
        Assert.Contains("DayOfWeek.Friday", ex.Message);
        Assert.Contains("selection key", ex.Message);
    }

    [Fact]
    public void Unsupported_types_are_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => Write(new { A = 1 }));
        Assert.Contains("AnonymousType", ex.Message);
        Assert.Throws<ArgumentException>(() => Write(TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentException>(() => Write(new Dictionary<object, object?> { [new object()] = 1 }));
    }

    [Fact]
    public void Non_finite_floats_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Write(double.NaN));
        Assert.Throws<ArgumentException>(() => Write(float.PositiveInfinity));
    }
}

public sealed class OptionsTests
{
    private static OdooClientOptions Valid() => new()
    {
        Url = new Uri("http://localhost:8069"),
        Database = "db",
        Username = "admin",
        Password = "pw-secret",
    };

    public static TheoryData<string, Action<OdooClientOptions>> BadOptions() => new()
    {
        { "Url", o => o.Url = null },
        { "Url", o => o.Host = "localhost" },
        { "Url", o => o.Url = new Uri("ftp://x") },
        { "Url", o => o.Url = new Uri("http://x/?db=1") },
        { "Host", o => { o.Url = null; o.Host = "bad host name!"; } },
        { "Port", o => { o.Url = null; o.Host = "localhost"; o.Port = 70000; } },
        { "Port", o => o.Port = 8069 },
        { "Protocol", o => o.Protocol = (OdooProtocol)9 },
        { "Database", o => o.Database = " " },
        { "Username", o => o.Username = null },
        { "Password", o => o.Password = null },
        { "ApiKey", o => { o.Protocol = OdooProtocol.Json2; o.Password = null; } },
        { "Timeout", o => o.Timeout = TimeSpan.Zero },
        { "MaxReadRetries", o => o.MaxReadRetries = -1 },
        { "RetryDelay", o => o.RetryDelay = TimeSpan.FromSeconds(-1) },
        { "HttpMessageHandler", o => { o.HttpClient = new HttpClient(); o.HttpMessageHandler = new HttpClientHandler(); } },
        { "CaCertificatePath", o => { o.VerifyTls = false; o.CaCertificatePath = "/tmp/ca.pem"; } },
        { "CaCertificatePath", o => o.CaCertificatePath = "/no/such/ca.pem" },
        { "VerifyTls", o => { o.VerifyTls = false; o.HttpMessageHandler = new HttpClientHandler(); } },
        { "ServerVersion", o => o.ServerVersion = "latest" },
        { "UserAgent", o => o.UserAgent = "a\r\nX-Injected: 1" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_name_the_option(string option, Action<OdooClientOptions> breakIt)
    {
        var o = Valid();
        breakIt(o);
        var ex = Assert.Throws<ArgumentException>(o.Validate);
        Assert.Equal(option, ex.ParamName);
        Assert.Contains(option, ex.Message);
        Assert.DoesNotContain("pw-secret", ex.Message);
    }

    [Fact]
    public void Json2_needs_neither_database_nor_username()
    {
        var o = new OdooClientOptions { Url = new Uri("https://erp.example.com"), Protocol = OdooProtocol.Json2, ApiKey = "k" };
        Assert.Null(Record.Exception(o.Validate));
        // The same options over JSON-RPC, which does need them, are refused: it is the protocol that makes the difference.
        o.Protocol = OdooProtocol.JsonRpc;
        Assert.IsAssignableFrom<ArgumentException>(Record.Exception(o.Validate));
        // And JSON-2 does need its API key.
        var noKey = new OdooClientOptions { Url = new Uri("https://erp.example.com"), Protocol = OdooProtocol.Json2 };
        Assert.Equal(nameof(OdooClientOptions.ApiKey), Assert.IsAssignableFrom<ArgumentException>(Record.Exception(noKey.Validate)).ParamName);
    }

    [Theory]
    [InlineData("http://localhost:8069", "http://localhost:8069/")]
    [InlineData("https://erp.example.com/odoo", "https://erp.example.com/odoo/")]
    [InlineData("https://erp.example.com/odoo/", "https://erp.example.com/odoo/")]
    public void Base_url_keeps_a_path_prefix(string url, string expected) =>
        Assert.Equal(expected, new OdooClientOptions { Url = new Uri(url) }.GetBaseUrl().ToString());

    [Theory]
    [InlineData("odoo.internal", null, false, "http://odoo.internal:8069/")]
    [InlineData("odoo.internal", null, true, "https://odoo.internal/")]
    [InlineData("10.0.0.5", 8443, true, "https://10.0.0.5:8443/")]
    public void Base_url_from_host_port_and_https(string host, int? port, bool https, string expected) =>
        Assert.Equal(expected, new OdooClientOptions { Host = host, Port = port, UseHttps = https }.GetBaseUrl().ToString());

    [Fact]
    public void Defaults()
    {
        var o = new OdooClientOptions();
        Assert.Equal(TimeSpan.FromSeconds(120), o.Timeout);
        Assert.True(o.VerifyTls);
        Assert.Equal(OdooProtocol.Auto, o.Protocol);
        Assert.Equal(10, o.MaxReadRetries);
        Assert.True(o.UseWebSession);
    }

    [Fact]
    public void ToString_masks_secrets_and_says_whether_they_are_set()
    {
        var o = Valid();
        o.ApiKey = null;
        var text = o.ToString();
        Assert.Contains("Password = ***", text);
        Assert.Contains("ApiKey = (not set)", text);
        Assert.Contains("Url = http://localhost:8069/", text);
        Assert.DoesNotContain("pw-secret", text);
    }

    [Fact]
    public async Task Options_are_read_once_at_connect()
    {
        var fake = new FakeOdoo();
        var options = fake.Options();
        await using var client = await OdooClient.ConnectAsync(options);
        options.Database = "other";
        options.Password = "changed";
        await client.Model("res.partner").UnlinkAsync([1]);
        var args = fake.ExecuteKwRequests.Single().Args;
        Assert.Equal("odoodb", (string?)args[0]);
        Assert.Equal("admin", (string?)args[2]);
    }
}
