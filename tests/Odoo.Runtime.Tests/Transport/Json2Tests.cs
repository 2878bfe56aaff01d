using System.Text.Json.Nodes;

namespace Odoo.Runtime.Tests.Transport;

/// <summary>
/// JSON-2 (Odoo 19), built from Odoo's "External JSON-2 API" documentation: POST /json/2/&lt;model&gt;/&lt;method&gt;,
/// bearer API key, X-Odoo-Database, named arguments plus ids and context; errors by status with
/// {name, message, arguments, context, debug}.
/// </summary>
public sealed class Json2Tests
{
    public const string ApiKey = "6578616d706c65206a736f6e20617069206b6579";

    /// <summary>The documented 401 answer to a bad API key.</summary>
    public const string Unauthorized401 = """
        {"name": "werkzeug.exceptions.Unauthorized", "message": "Invalid apikey", "arguments": ["Invalid apikey", 401], "context": {},
         "debug": "Traceback (most recent call last):\n  File \"/opt/Odoo/community/odoo/http.py\", line 2212, in _transactioning\nwerkzeug.exceptions.Unauthorized: 401 Unauthorized: Invalid apikey\n"}
        """;

    internal static FakeOdoo Odoo19(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>? calls = null) => new()
    {
        VersionInfo = _ => FakeOdoo.RpcResult("""{"server_version": "19.0", "server_version_info": [19, 0, 0, "final", 0, ""], "server_serie": "19.0", "protocol_version": 1}"""),
        WebVersion = _ => FakeOdoo.Text("""{"version_info": [19, 0, 0, "final", 0, ""], "version": "19.0"}""", 200, "application/json"),
        Json2 = (r, ct) => r.Path == "/json/2/res.users/context_get"
            ? Task.FromResult(FakeOdoo.Text("""{"lang": "en_US", "tz": "Europe/Brussels", "uid": 7}"""))
            : calls is null ? Task.FromResult(FakeOdoo.Text("null")) : calls(r, ct),
    };

    internal static Task<OdooClient> ConnectJson2(FakeOdoo fake, Action<OdooClientOptions>? configure = null) => fake.ConnectAsync(o =>
    {
        o.Protocol = OdooProtocol.Json2;
        o.Username = null;
        o.Password = null;
        o.ApiKey = ApiKey;
        o.Database = "mycompany";
        o.UserAgent = "mysoftware";
        o.MaxReadRetries = 0;
        configure?.Invoke(o);
    });

    [Fact]
    public async Task Connect_reads_version_from_web_version_and_uid_from_context_get()
    {
        var fake = Odoo19();
        await using var client = await ConnectJson2(fake);

        Assert.Equal(OdooProtocol.Json2, client.Protocol);
        Assert.Equal(19, client.ServerVersion.Major);
        Assert.True(client.ServerVersion.SupportsJson2);
        Assert.Equal(7, client.UserId);
        Assert.Equal("en_US", client.Context.Lang);

        var requests = fake.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(HttpMethod.Get, requests[0].Method);
        Assert.Equal("/web/version", requests[0].Path);
        Assert.Null(requests[0].Header("Authorization"));

        var ctx = requests[1];
        Assert.Equal(HttpMethod.Post, ctx.Method);
        Assert.Equal("/json/2/res.users/context_get", ctx.Path);
        Assert.Equal("bearer " + ApiKey, ctx.Header("Authorization"));
        Assert.Equal("mycompany", ctx.Header("X-Odoo-Database"));
        Assert.Equal("mysoftware", ctx.Header("User-Agent"));
        Assert.Equal("application/json; charset=utf-8", ctx.ContentType);
        Assert.Equal("""{"context":{}}""", ctx.Body);
    }

    [Fact]
    public async Task Search_read_sends_named_arguments_like_the_documented_example()
    {
        var fake = Odoo19((_, _) => Task.FromResult(FakeOdoo.Text("""[{"id": 25, "name": "Deco Addict"}]""")));
        await using var client = await ConnectJson2(fake, o => o.Context = OdooContext.Empty.WithLang("en_US"));

        var rows = await client.Model("res.partner").SearchReadAsync(
            new object[] { new object[] { "name", "ilike", "%deco%" }, new object[] { "is_company", "=", true } },
            ["name"]);

        Assert.Equal(25, rows.Single().GetProperty("id").GetInt32());
        var request = fake.Requests.Last();
        Assert.Equal("/json/2/res.partner/search_read", request.Path);
        var body = request.Json!.AsObject();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[["name", "ilike", "%deco%"], ["is_company", "=", true]]"""), body["domain"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["name"]"""), body["fields"]));
        Assert.Equal("en_US", (string?)body["context"]!["lang"]);
        Assert.False(body.ContainsKey("ids"));
        Assert.Equal("bearer " + ApiKey, request.Header("Authorization"));
        Assert.Equal("mycompany", request.Header("X-Odoo-Database"));
    }

    [Fact]
    public async Task Read_sends_ids_and_fields_by_name()
    {
        var fake = Odoo19((_, _) => Task.FromResult(FakeOdoo.Text("""[{"id": 1, "name": "A"}, {"id": 2, "name": "B"}, {"id": 3, "name": "C"}]""")));
        await using var client = await ConnectJson2(fake);
        var rows = await client.Model("res.partner").ReadAsync([1, 2, 3], ["name"]);
        Assert.Equal(3, rows.Count);
        var body = fake.Requests.Last().Json!.AsObject();
        Assert.Equal("[1,2,3]", body["ids"]!.ToJsonString());
        Assert.Equal("""["name"]""", body["fields"]!.ToJsonString());
    }

    [Fact]
    public async Task Create_write_unlink_and_count_use_the_python_parameter_names()
    {
        var fake = Odoo19((r, _) => Task.FromResult(FakeOdoo.Text(r.Path switch
        {
            "/json/2/res.partner/create" => "[42]",
            "/json/2/res.partner/search_count" => "5",
            _ => "true",
        })));
        await using var client = await ConnectJson2(fake);
        var partners = client.Model("res.partner");

        Assert.Equal(42, await partners.CreateAsync(new Dictionary<string, object?> { ["name"] = "Acme" }));
        Assert.Equal("""[{"name":"Acme"}]""".Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal),
            fake.Requests.Last().Json!["vals_list"]!.ToJsonString());

        await partners.WriteAsync([42], new Dictionary<string, object?> { ["email"] = "a@b.c" });
        var write = fake.Requests.Last().Json!;
        Assert.Equal("[42]", write["ids"]!.ToJsonString());
        Assert.Equal("""{"email":"a@b.c"}""", write["vals"]!.ToJsonString());

        await partners.UnlinkAsync([42]);
        Assert.Equal("[42]", fake.Requests.Last().Json!["ids"]!.ToJsonString());

        Assert.Equal(5, await partners.SearchCountAsync());
        Assert.Equal("[]", fake.Requests.Last().Json!["domain"]!.ToJsonString());
    }

    [Fact]
    public async Task Positional_argument_without_a_name_is_rejected_explaining_json2_needs_names()
    {
        var fake = Odoo19();
        await using var client = await ConnectJson2(fake);
        var before = fake.Requests.Count;
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Model("res.partner").CallAsync("copy", args: [new Dictionary<string, object?>()], ids: [1]));
        Assert.Contains("JSON-2 sends every argument by name", ex.Message);
        Assert.Equal(before, fake.Requests.Count);

        // kwargs are fine
        await client.Model("res.partner").CallAsync("copy", kwargs: new Dictionary<string, object?> { ["default"] = new Dictionary<string, object?> { ["name"] = "x" } }, ids: [1]);
        Assert.Equal("""{"ids":[1],"default":{"name":"x"},"context":{"lang":"en_US","tz":"Europe/Brussels","uid":7}}""", fake.Requests.Last().Body);
    }

    [Theory]
    [InlineData(401, Unauthorized401, typeof(OdooAccessDeniedException), "werkzeug.exceptions.Unauthorized", "Invalid apikey")]
    [InlineData(403, """{"name": "odoo.exceptions.AccessError", "message": "You are not allowed to modify 'Contact' (res.partner) records.", "arguments": ["You are not allowed to modify 'Contact' (res.partner) records."], "context": {}, "debug": "..."}""", typeof(OdooAccessException), "odoo.exceptions.AccessError", "not allowed")]
    [InlineData(404, """{"name": "odoo.exceptions.MissingError", "message": "Record does not exist or has been deleted.", "arguments": [], "context": {}, "debug": ""}""", typeof(OdooMissingRecordException), "odoo.exceptions.MissingError", "does not exist")]
    [InlineData(404, """{"name": "werkzeug.exceptions.NotFound", "message": "The method 'res.partner.nope' does not exist", "arguments": ["The method 'res.partner.nope' does not exist", 404], "context": {}, "debug": ""}""", typeof(OdooNotFoundException), "werkzeug.exceptions.NotFound", "does not exist")]
    [InlineData(422, """{"name": "odoo.exceptions.ValidationError", "message": "The referral code must be unique.", "arguments": ["The referral code must be unique."], "context": {}, "debug": ""}""", typeof(OdooValidationException), "odoo.exceptions.ValidationError", "must be unique")]
    [InlineData(422, """{"name": "odoo.exceptions.UserError", "message": "Cannot confirm.", "arguments": ["Cannot confirm."], "context": {}, "debug": ""}""", typeof(OdooUserException), "odoo.exceptions.UserError", "Cannot confirm.")]
    [InlineData(422, """{"name": "some.addon.BusinessRule", "message": "Nope.", "arguments": [], "context": {}, "debug": ""}""", typeof(OdooUserException), "some.addon.BusinessRule", "Nope.")]
    [InlineData(500, """{"name": "builtins.ZeroDivisionError", "message": "division by zero", "arguments": ["division by zero"], "context": {}, "debug": "Traceback..."}""", typeof(OdooServerException), "builtins.ZeroDivisionError", "division by zero")]
    public async Task Error_statuses_map_to_typed_exceptions(int status, string body, Type expected, string name, string text)
    {
        var fake = Odoo19((_, _) => Task.FromResult(FakeOdoo.Text(body, status)));
        await using var client = await ConnectJson2(fake);
        var ex = await Assert.ThrowsAnyAsync<OdooServerException>(() => client.Model("res.partner").CallAsync("action_x", ids: [5]));
        Assert.Equal(expected, ex.GetType());
        Assert.Equal(name, ex.ExceptionName);
        Assert.Equal(status, ex.HttpStatus);
        Assert.StartsWith($"res.partner.action_x(5) failed ({name}): ", ex.Message);
        Assert.Contains(text, ex.Message);
    }

    [Fact]
    public async Task Error_arguments_keep_non_string_values_as_json()
    {
        var fake = Odoo19((_, _) => Task.FromResult(FakeOdoo.Text(Unauthorized401, 401)));
        await using var client = await ConnectJson2(fake);
        var ex = await Assert.ThrowsAsync<OdooAccessDeniedException>(() => client.Model("res.partner").SearchAsync());
        Assert.Equal(["Invalid apikey", "401"], ex.Arguments);
        Assert.Contains("werkzeug.exceptions.Unauthorized", ex.Debug);
    }

    [Fact]
    public async Task Bad_api_key_at_connect_is_access_denied()
    {
        var fake = Odoo19();
        fake.Json2 = (_, _) => Task.FromResult(FakeOdoo.Text(Unauthorized401, 401));
        var ex = await Assert.ThrowsAsync<OdooAccessDeniedException>(() => ConnectJson2(fake));
        Assert.Contains("res.users.context_get", ex.Message);
        Assert.DoesNotContain(ApiKey, ex.ToString());
    }

    [Theory]
    [InlineData("31-json2-probe-no-session")]
    [InlineData("32-json2-probe-with-session")]
    [InlineData("33-unknown-route-404")]
    public async Task Json2_against_odoo_18_is_a_transport_error_saying_json2_may_be_absent(string sample)
    {
        var fake = Odoo19();
        await using var client = await ConnectJson2(fake);
        fake.Json2 = (_, _) => Task.FromResult(WireSamples.Response(sample));
        var ex = await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").SearchReadAsync(fields: ["name"], limit: 1));
        Assert.Equal(WireSamples.Status(sample), ex.StatusCode);
        Assert.Contains("res.partner.search_read", ex.Message);
    }

    [Fact]
    public async Task Success_with_an_html_body_is_a_protocol_error()
    {
        var fake = Odoo19((_, _) => Task.FromResult(FakeOdoo.Text("<html><body>proxy login</body></html>", 200, "text/html")));
        await using var client = await ConnectJson2(fake);
        var ex = await Assert.ThrowsAsync<OdooProtocolException>(() => client.Model("res.partner").SearchAsync());
        Assert.Equal("<html><body>proxy login</body></html>", ex.BodyExcerpt);
    }

    [Fact]
    public async Task Database_header_is_left_out_when_no_database_is_configured()
    {
        var fake = Odoo19();
        await using var client = await ConnectJson2(fake, o => o.Database = null);
        Assert.Null(fake.Requests.Last().Header("X-Odoo-Database"));
        Assert.Equal(string.Empty, client.Database);
    }

    /// <summary>
    /// A password cannot authenticate JSON-2: odoo/addons/base/models/ir_http.py (19.0), _auth_method_bearer checks the token
    /// with <c>request.env['res.users.apikeys']._check_credentials(scope='rpc', key=token)</c> (API keys only) and answers
    /// 401 "Invalid apikey" otherwise. So Json2 with only a password is refused before any request.
    /// </summary>
    [Fact]
    public async Task Json2_with_only_a_password_is_refused_before_any_request()
    {
        var fake = Odoo19();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ConnectJson2(fake, o =>
        {
            o.ApiKey = null;
            o.Password = "a-password";
        }));
        Assert.Equal("ApiKey", ex.ParamName);
        Assert.Contains("API key with the rpc scope", ex.Message);
        Assert.Contains("never a password", ex.Message);
        Assert.Empty(fake.Requests);
    }
}
