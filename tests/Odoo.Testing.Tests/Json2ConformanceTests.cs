using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Odoo.Testing.Tests;

/// <summary>
/// JSON-2 as Odoo 19.0 serves it, one test per behaviour, with the expected statuses, names, messages and headers
/// taken from Odoo 19.0's source (quoted in each test): addons/rpc/controllers/json2.py, odoo/http.py,
/// odoo/service/model.py, odoo/exceptions.py, odoo/addons/base/models/ir_http.py, odoo/orm/models.py and the
/// upstream tests in odoo/addons/test_http/tests/test_webjson2.py (read from an Odoo 19.0 tree whose
/// odoo/release.py says <c>version_info = (19, 0, 0, FINAL, 0, '')</c>).
/// </summary>
public sealed class Json2ConformanceTests : IAsyncLifetime
{
    private const string Json = "application/json";
    private OdooTestServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await OdooTestServer.StartAsync(new OdooTestServerOptions { Version = "19.0" });
        _http = Rpc.Client(_server);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private sealed record Answer(HttpStatusCode Status, string? ContentType, string Text, HttpResponseMessage Response)
    {
        public JsonObject Body => JsonNode.Parse(Text)!.AsObject();

        public string? Header(string name) => Response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : Response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : null;
    }

    private async Task<Answer> SendAsync(
        string path, string? body = "{}", string? contentType = Json, string? bearer = "", string? database = null,
        HttpMethod? method = null, HttpClient? http = null)
    {
        using var req = new HttpRequestMessage(method ?? HttpMethod.Post, path);
        if (body is not null)
        {
            req.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) req.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        // "" means the server's API key, null no Authorization header.
        if (bearer is not null) req.Headers.TryAddWithoutValidation("Authorization", "Bearer " + (bearer.Length == 0 ? _server.ApiKey : bearer));
        if (database is not null) req.Headers.TryAddWithoutValidation("X-Odoo-Database", database);
        var resp = await (http ?? _http).SendAsync(req);
        var text = await resp.Content.ReadAsStringAsync();
        return new Answer(resp.StatusCode, resp.Content.Headers.ContentType?.ToString(), text, resp);
    }

    /// <summary>
    /// test_webjson2.py, assertErrorLike: <c>self.assertEqual(list(body), ['name', 'message', 'arguments', 'context', 'debug'])</c>;
    /// odoo/http.py, serialize_exception: <c>'name': f'{module}.{name}'</c>, <c>'arguments': exception.args if arguments is None else arguments</c>.
    /// </summary>
    private static void AssertError(Answer a, HttpStatusCode status, string name, string message, params object[] arguments)
    {
        Assert.Equal(status, a.Status);
        Assert.Equal("application/json; charset=utf-8", a.ContentType);
        var body = a.Body;
        Assert.Equal(["name", "message", "arguments", "context", "debug"], body.Select(p => p.Key));
        Assert.Equal(name, (string)body["name"]!);
        Assert.Equal(message, (string)body["message"]!);
        var expected = new JsonArray(arguments.Select(x => x switch { int i => JsonValue.Create(i), _ => (JsonNode)JsonValue.Create((string)x) }).ToArray());
        Assert.True(JsonNode.DeepEquals(expected, body["arguments"]), $"arguments {body["arguments"]!.ToJsonString()}");
        Assert.Equal(JsonValueKind.Object, body["context"]!.GetValueKind());
    }

    // ------------------------------------------------------------------ status per error

    /// <summary>
    /// odoo/http.py (19.0), Json2Dispatcher.handle_error:
    /// <c>if isinstance(exc, (UserError, SessionExpiredException)): status = exc.http_status</c> ...
    /// <c>elif isinstance(exc, HTTPException): status = exc.code</c> ... <c>else: status = HTTPStatus.INTERNAL_SERVER_ERROR</c>.
    /// odoo/exceptions.py (19.0): <c>class UserError(Exception): http_status = 422</c>; <c>class AccessDenied(UserError): http_status = 403</c>;
    /// <c>class AccessError(UserError): http_status = 403</c>; <c>class MissingError(UserError): http_status = 404</c>;
    /// <c>class LockError(UserError): http_status = 409</c>; <c>class ValidationError(UserError)</c> (inherits 422);
    /// <c>class RedirectWarning(Exception)</c> (not a UserError: 500). test_webjson2.py, test_webjson2_bad_domain: a
    /// <c>builtins.ValueError</c> is <c>HTTPStatus.INTERNAL_SERVER_ERROR</c>.
    /// </summary>
    [Theory]
    [InlineData("odoo.exceptions.UserError", 422)]
    [InlineData("odoo.exceptions.ValidationError", 422)]
    [InlineData("odoo.exceptions.AccessError", 403)]
    [InlineData("odoo.exceptions.AccessDenied", 403)]
    [InlineData("odoo.exceptions.MissingError", 404)]
    [InlineData("odoo.exceptions.LockError", 409)]
    [InlineData("odoo.exceptions.RedirectWarning", 500)]
    [InlineData("builtins.ValueError", 500)]
    [InlineData("builtins.TypeError", 500)]
    [InlineData("builtins.KeyError", 500)]
    public async Task Each_exception_class_has_its_odoo_19_status(string name, int status)
    {
        _server.RegisterMethod("res.partner", "action_fail", _ => throw new OdooServerError(name, "It failed."));
        var a = await SendAsync("/json/2/res.partner/action_fail", """{"ids": [3]}""");
        AssertError(a, (HttpStatusCode)status, name, "It failed.", "It failed.");
        Assert.Equal(name, _server.Requests.Last().ErrorName);
    }

    [Fact]
    public async Task The_factories_give_lock_error_409_and_type_error_500()
    {
        _server.Faults.Add(OdooFault.Error(OdooServerError.LockError("Cannot lock the records."))).For(method: "write").Once();
        var a = await SendAsync("/json/2/res.partner/write", """{"ids": [3], "vals": {"name": "x"}}""");
        AssertError(a, HttpStatusCode.Conflict, "odoo.exceptions.LockError", "Cannot lock the records.", "Cannot lock the records.");
        Assert.Equal(500, OdooServerError.TypeError("x").Json2Status);
        Assert.Equal(500, OdooServerError.ValueError("x").Json2Status);
        Assert.Equal(500, OdooServerError.RedirectWarning("x").Json2Status);
        Assert.Equal(403, OdooServerError.AccessDenied().Json2Status);
    }

    /// <summary>test_webjson2.py, test_webjson2_bad_domain: a bad domain is <c>builtins.ValueError</c>, HTTP 500.</summary>
    [Fact]
    public async Task A_bad_domain_is_a_500_value_error()
    {
        var a = await SendAsync("/json/2/res.users/search", """{"domain": [["bad field", "=", "foo"]]}""");
        Assert.Equal(HttpStatusCode.InternalServerError, a.Status);
        Assert.Equal("builtins.ValueError", (string)a.Body["name"]!);
    }

    // ------------------------------------------------------------------ arguments

    /// <summary>
    /// addons/rpc/controllers/json2.py (19.0), web_json_2_rpc: <c>signature.bind(records, **kwargs)</c>, <c>except TypeError as exc:
    /// raise UnprocessableEntity(exc.args[0])</c>. test_webjson2.py, test_webjson2_missing_argument: body <c>{}</c> to
    /// res.users/search: <c>'name': "werkzeug.exceptions.UnprocessableEntity"</c>, <c>m = "missing a required argument: 'domain'"</c>,
    /// <c>'arguments': [m, HTTPStatus.UNPROCESSABLE_ENTITY]</c>.
    /// </summary>
    [Fact]
    public async Task A_missing_argument_is_422_unprocessable_entity()
    {
        var a = await SendAsync("/json/2/res.users/search", "{}");
        const string m = "missing a required argument: 'domain'";
        AssertError(a, HttpStatusCode.UnprocessableEntity, "werkzeug.exceptions.UnprocessableEntity", m, m, 422);
    }

    /// <summary>Python's inspect.Signature.bind: <c>'got an unexpected keyword argument {arg!r}'</c>, after the missing ones.</summary>
    [Fact]
    public async Task An_unexpected_argument_is_422_and_a_missing_one_is_reported_first()
    {
        var a = await SendAsync("/json/2/res.partner/search", """{"domain": [], "bogus": 1}""");
        const string m = "got an unexpected keyword argument 'bogus'";
        AssertError(a, HttpStatusCode.UnprocessableEntity, "werkzeug.exceptions.UnprocessableEntity", m, m, 422);

        a = await SendAsync("/json/2/res.partner/write", """{"ids": [3], "bogus": 1}""");
        const string missing = "missing a required argument: 'vals'";
        AssertError(a, HttpStatusCode.UnprocessableEntity, "werkzeug.exceptions.UnprocessableEntity", missing, missing, 422);
    }

    /// <summary>
    /// json2.py, web_json_2_rpc: <c>if hasattr(func, '_api_model') and ids: e = f"cannot call {__model__}.{__method__} with ids";
    /// raise UnprocessableEntity(e)</c>. test_webjson2.py, test_webjson2_api_model: res.users/create with <c>{"ids": [0]}</c>.
    /// </summary>
    [Fact]
    public async Task Ids_sent_to_an_api_model_method_are_422()
    {
        var a = await SendAsync("/json/2/res.users/create", """{"ids": [0]}""");
        const string m = "cannot call res.users.create with ids";
        AssertError(a, HttpStatusCode.UnprocessableEntity, "werkzeug.exceptions.UnprocessableEntity", m, m, 422);

        _server.RegisterMethod("res.partner", "make_one", _ => 1, OdooMethodKind.Model);
        a = await SendAsync("/json/2/res.partner/make_one", """{"ids": [3]}""");
        AssertError(a, HttpStatusCode.UnprocessableEntity, "werkzeug.exceptions.UnprocessableEntity", "cannot call res.partner.make_one with ids", "cannot call res.partner.make_one with ids", 422);
        // Falsy ids ([]) are no ids.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/json/2/res.partner/make_one", """{"ids": []}""")).Status);
    }

    /// <summary>
    /// json2.py, web_json_2_rpc: <c>if isinstance(result, BaseModel): result = result.ids</c>. test_webjson2.py, test_webjson2_good:
    /// <c>self.assertEqual(res.text, f"[{self.jackoneill.id}]")</c>; test_webjson2_multi_db_good_header: read with <c>{}</c> is <c>"[]"</c>.
    /// </summary>
    [Fact]
    public async Task A_returned_recordset_is_its_ids()
    {
        var a = await SendAsync("/json/2/res.users/search", """{"domain": [["id", "=", 2]]}""");
        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.Equal("application/json; charset=utf-8", a.ContentType);
        Assert.Equal("[2]", a.Text);
        var created = await SendAsync("/json/2/res.partner/create", """{"vals_list": {"name": "One"}}""");
        Assert.Single(JsonNode.Parse(created.Text)!.AsArray()); // model_create_multi returns a recordset, even for one dict
        Assert.Equal("[]", (await SendAsync("/json/2/res.users/read", "{}")).Text);
    }

    // ------------------------------------------------------------------ private and unknown methods

    /// <summary>
    /// odoo/service/model.py (19.0), get_public_method: <c>e = f"Private methods (such as '{model._name}.{name}') cannot be called
    /// remotely."</c>; <c>if name.startswith('_'): raise AccessError(e)</c>; <c>if getattr(cla_method, '_api_private', False): raise
    /// AccessError(e)</c>. odoo/orm/models.py (19.0): <c>@api.private def exists(self)</c>, <c>@api.private def update(self, values)</c>.
    /// AccessError's http_status is 403.
    /// </summary>
    [Theory]
    [InlineData("_compute_display_name", """{"ids": [3]}""")]
    [InlineData("exists", """{"ids": [3]}""")]
    [InlineData("update", """{"ids": [3], "values": {"name": "x"}}""")]
    public async Task Private_methods_are_403_access_errors_naming_model_and_method(string method, string body)
    {
        var a = await SendAsync($"/json/2/res.partner/{method}", body);
        var m = $"Private methods (such as 'res.partner.{method}') cannot be called remotely.";
        AssertError(a, HttpStatusCode.Forbidden, "odoo.exceptions.AccessError", m, m);
    }

    /// <summary>
    /// get_public_method: <c>raise AttributeError(f"The method '{model._name}.{name}' does not exist")</c>; json2.py:
    /// <c>except AttributeError as exc: raise NotFound(exc.args[0])</c>.
    /// </summary>
    [Fact]
    public async Task An_unknown_method_is_404_not_found()
    {
        var a = await SendAsync("/json/2/res.partner/nope", "{}");
        const string m = "The method 'res.partner.nope' does not exist";
        AssertError(a, HttpStatusCode.NotFound, "werkzeug.exceptions.NotFound", m, m, 404);
    }

    /// <summary>odoo/orm/models.py (19.0): <c>@api.model def default_get(self, fields: Sequence[str])</c> (Odoo 18: <c>fields_list</c>).</summary>
    [Fact]
    public async Task Default_get_takes_fields()
    {
        var a = await SendAsync("/json/2/res.partner/default_get", """{"fields": ["name"]}""");
        Assert.Equal(HttpStatusCode.OK, a.Status);
        a = await SendAsync("/json/2/res.partner/default_get", """{"fields_list": ["name"]}""");
        const string m = "missing a required argument: 'fields'";
        AssertError(a, HttpStatusCode.UnprocessableEntity, "werkzeug.exceptions.UnprocessableEntity", m, m, 422);
    }

    // ------------------------------------------------------------------ unknown model

    /// <summary>json2.py, web_json_2_rpc: <c>except KeyError as exc: e = f"the model {__model__!r} does not exist"; raise NotFound(e) from exc</c>.</summary>
    [Fact]
    public async Task An_unknown_model_is_404_not_found()
    {
        var a = await SendAsync("/json/2/no.such/search", """{"domain": []}""");
        const string m = "the model 'no.such' does not exist";
        AssertError(a, HttpStatusCode.NotFound, "werkzeug.exceptions.NotFound", m, m, 404);
    }

    // ------------------------------------------------------------------ routing

    /// <summary>
    /// json2.py: <c>@http.route(['/json/2', '/json/2/&lt;path:subpath&gt;'], auth='public', type='json2', methods=['GET', 'POST', 'PUT',
    /// 'DELETE', 'PATCH'])</c> → <c>raise request.not_found("Did you mean POST /json/2/&lt;model&gt;/&lt;method&gt;?")</c>; only
    /// <c>'/json/2/&lt;__model__&gt;/&lt;__method__&gt;', methods=['POST']</c> reaches the model. test_webjson2.py,
    /// test_webjson2_missing_method: POST /json/2/res.users → 404, <c>'arguments': [m, HTTPStatus.NOT_FOUND]</c>, JSON.
    /// auth='public': no key is needed to get this 404.
    /// </summary>
    [Theory]
    [InlineData("POST", "/json/2/res.users")]
    [InlineData("GET", "/json/2/res.users/search")]
    [InlineData("PUT", "/json/2/res.users/search")]
    [InlineData("DELETE", "/json/2/res.users/search")]
    [InlineData("PATCH", "/json/2/res.users/search")]
    [InlineData("POST", "/json/2")]
    [InlineData("POST", "/json/2/res.users/search/extra")]
    public async Task Anything_but_post_model_method_is_a_json_404(string verb, string path)
    {
        const string m = "Did you mean POST /json/2/<model>/<method>?";
        var a = await SendAsync(path, "{}", method: new HttpMethod(verb));
        AssertError(a, HttpStatusCode.NotFound, "werkzeug.exceptions.NotFound", m, m, 404);
        a = await SendAsync(path, body: null, bearer: null, method: new HttpMethod(verb));
        AssertError(a, HttpStatusCode.NotFound, "werkzeug.exceptions.NotFound", m, m, 404);
    }

    // ------------------------------------------------------------------ database

    /// <summary>
    /// odoo/http.py (19.0), Request._get_session_and_dbname: <c>elif header_dbname: ... if db_filter([header_dbname], host=host):
    /// dbname = header_dbname</c> / <c>else: all_dbs = db_list(force=True, host=host); if len(all_dbs) == 1: dbname = all_dbs[0]  # monodb</c>;
    /// without a database (or with one that does not exist: Application.__call__, <c>except RegistryError</c> → <c>_serve_nodb</c>)
    /// the route is not found: <c>NOT_FOUND_NODB</c>. test_webjson2.py, test_webjson2_multi_db_no_header / _bad_header:
    /// <c>assertIn("URL was not found in the server-wide controllers.&lt;/p&gt;", res.text)</c>, 404,
    /// <c>'text/html; charset=utf-8'</c>; test_webjson2_multi_db_good_header: <c>res.text == "[]"</c>, 200.
    /// </summary>
    [Fact]
    public async Task Multi_database_needs_a_good_x_odoo_database_header()
    {
        await using var multi = await OdooTestServer.StartAsync(new OdooTestServerOptions { Version = "19.0", OtherDatabases = { "another-database" } });
        using var http = Rpc.Client(multi);
        async Task<Answer> Send(string? database, string? bearer) => await SendAsync("/json/2/res.users/read", "{}", bearer: bearer ?? multi.ApiKey, database: database, http: http);

        foreach (var a in new[] { await Send(null, null), await Send(multi.Database + "-idontexist", null), await Send(null, "wrong-key") })
        {
            Assert.Equal(HttpStatusCode.NotFound, a.Status);
            Assert.Equal("text/html; charset=utf-8", a.ContentType);
            Assert.Contains("URL was not found in the server-wide controllers.</p>", a.Text, StringComparison.Ordinal);
        }
        var good = await Send(multi.Database, null);
        Assert.Equal(HttpStatusCode.OK, good.Status);
        Assert.Equal("[]", good.Text);
        Assert.Equal("application/json; charset=utf-8", good.ContentType);

        // The other database exists but has none of this server's keys: ir_http._auth_method_bearer "Invalid apikey".
        var other = await Send("another-database", null);
        AssertError(other, HttpStatusCode.Unauthorized, "werkzeug.exceptions.Unauthorized", "Invalid apikey", "Invalid apikey", 401);
    }

    [Fact]
    public async Task A_single_database_server_serves_without_the_header_but_not_with_a_wrong_one()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/json/2/res.users/read", "{}")).Status);
        var wrong = await SendAsync("/json/2/res.users/read", "{}", database: "nope");
        Assert.Equal(HttpStatusCode.NotFound, wrong.Status);
        Assert.Equal("text/html; charset=utf-8", wrong.ContentType);
        Assert.Contains("No database is selected", wrong.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/json/2/res.users/read", "{}", database: _server.Database)).Status);
    }

    // ------------------------------------------------------------------ authentication

    /// <summary>
    /// odoo/addons/base/models/ir_http.py (19.0), _auth_method_bearer: <c>elif not request.env.uid: e = "User not authenticated, use an
    /// API Key with a Bearer Authorization header."; raise Unauthorized(e, www_authenticate=WWWAuthenticate('bearer'))</c>.
    /// test_webjson2.py, test_webjson2_missing_auth: <c>'arguments': [m, HTTPStatus.UNAUTHORIZED]</c>, JSON, and
    /// <c>res.headers.get('WWW-Authenticate', '').lower().strip() == 'bearer'</c>.
    /// </summary>
    [Fact]
    public async Task No_authorization_header_is_401_with_www_authenticate_bearer()
    {
        var a = await SendAsync("/json/2/res.users/search", """{"domain": []}""", bearer: null);
        const string m = "User not authenticated, use an API Key with a Bearer Authorization header.";
        AssertError(a, HttpStatusCode.Unauthorized, "werkzeug.exceptions.Unauthorized", m, m, 401);
        Assert.Equal("bearer", a.Header("WWW-Authenticate")!.ToLowerInvariant().Trim());
    }

    /// <summary>
    /// _auth_method_bearer: <c>uid = request.env['res.users.apikeys']._check_credentials(scope='rpc', key=token)</c>;
    /// <c>if not uid: e = "Invalid apikey"; raise Unauthorized(e, www_authenticate=WWWAuthenticate('bearer'))</c>.
    /// res_users.py, ResUsersApikeys._check_credentials looks up API keys only (<c>WHERE ... (scope IS NULL OR scope = %s)</c>):
    /// a password is not a key. The header is matched with <c>re.match(r"^bearer\s+(.+)$", header, re.IGNORECASE)</c>.
    /// </summary>
    [Fact]
    public async Task A_password_as_bearer_is_401_and_the_api_key_is_accepted()
    {
        var a = await SendAsync("/json/2/res.users/context_get", "{}", bearer: _server.Password);
        AssertError(a, HttpStatusCode.Unauthorized, "werkzeug.exceptions.Unauthorized", "Invalid apikey", "Invalid apikey", 401);
        Assert.Equal("bearer", a.Header("WWW-Authenticate")!.ToLowerInvariant().Trim());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/json/2/res.users/context_get", "{}")).Status);

        using var req = new HttpRequestMessage(HttpMethod.Post, "/json/2/res.users/context_get") { Content = new StringContent("{}", Encoding.UTF8, Json) };
        req.Headers.TryAddWithoutValidation("Authorization", "BEARER   " + _server.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(req)).StatusCode);
    }

    // ------------------------------------------------------------------ content type and body

    /// <summary>
    /// odoo/http.py (19.0), Json2Dispatcher: <c>mimetypes = ('application/json',)</c>, <c>is_compatible_with: return
    /// request.httprequest.mimetype in cls.mimetypes or not request.httprequest.content_length</c>; Request._set_request_dispatcher:
    /// <c>"Please verify the Content-Type request header and try again."</c>, <c>res.headers['Accept'] = ', '.join(dispatcher_cls.mimetypes)</c>,
    /// <c>raise UnsupportedMediaType(response=res)</c>. test_webjson2.py, test_webjson2_bad_content_type: 415, <c>'text/html; charset=utf-8'</c>,
    /// <c>res.headers.get('Accept') == 'application/json'</c>. It is checked before authentication (_serve_db sets the dispatcher,
    /// then _serve_ir_http authenticates).
    /// </summary>
    [Theory]
    [InlineData("application/x-www-form-urlencoded", "")]
    [InlineData("text/plain", null)]
    public async Task A_body_that_is_not_application_json_is_an_html_415(string contentType, string? bearer)
    {
        var a = await SendAsync("/json/2/res.users/search", "bad content type", contentType: contentType, bearer: bearer);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, a.Status);
        Assert.Equal("text/html; charset=utf-8", a.ContentType);
        Assert.Equal("application/json", a.Header("Accept"));
        Assert.Contains("Request inferred type is compatible with", a.Text, StringComparison.Ordinal);
        Assert.Contains("/json/2", a.Text, StringComparison.Ordinal);
        Assert.Contains("is type=&#39;json2&#39;", a.Text, StringComparison.Ordinal);
        Assert.Contains("Please verify the Content-Type request header and try again.", a.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Json2Dispatcher.dispatch: <c>except ValueError as exc: e = f"could not parse the body as json: {exc.args[0]}"; raise
    /// werkzeug.exceptions.BadRequest(e)</c>. test_webjson2.py, test_webjson2_bad_data: <c>"not json"</c> →
    /// <c>m = "could not parse the body as json: Expecting value: line 1 column 1 (char 0)"</c>, <c>'arguments': [m, HTTPStatus.BAD_REQUEST]</c>.
    /// </summary>
    [Theory]
    [InlineData("not json", "Expecting value: line 1 column 1 (char 0)")]
    [InlineData("  \n  ", "Expecting value: line 2 column 3 (char 5)")]
    [InlineData("{\"domain\": []} x", "Extra data: line 1 column 16 (char 15)")]
    public async Task A_body_that_does_not_parse_is_400_bad_request_worded_like_python(string body, string pythonError)
    {
        var a = await SendAsync("/json/2/res.users/search", body);
        var m = "could not parse the body as json: " + pythonError;
        AssertError(a, HttpStatusCode.BadRequest, "werkzeug.exceptions.BadRequest", m, m, 400);
    }

    /// <summary>
    /// Json2Dispatcher.dispatch: <c>try: self.request.params = self.jsonrequest | args</c> <c>except TypeError: self.request.params =
    /// dict(args)</c>: a body that is not an object is ignored. test_webjson2.py, test_webjson2_not_json_object: <c>null</c> →
    /// <c>"missing a required argument: 'domain'"</c>, 422.
    /// </summary>
    [Theory]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("\"domain\"")]
    public async Task A_json_body_that_is_not_an_object_is_ignored(string body)
    {
        var a = await SendAsync("/json/2/res.users/search", body);
        const string m = "missing a required argument: 'domain'";
        AssertError(a, HttpStatusCode.UnprocessableEntity, "werkzeug.exceptions.UnprocessableEntity", m, m, 422);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/json/2/res.users/context_get", body)).Status);
    }

    /// <summary>
    /// The order of the checks: database (Request._post_init), route match and Content-Type (_serve_db,
    /// _set_request_dispatcher), authentication (_serve_ir_http → ir.http._authenticate), body (Json2Dispatcher.dispatch),
    /// then model, method and arguments (web_json_2_rpc).
    /// </summary>
    [Fact]
    public async Task Checks_run_in_odoos_order()
    {
        // Content-Type before the key.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await SendAsync("/json/2/no.such/search", "x", contentType: "text/plain", bearer: "wrong")).Status);
        // The key before the body and the model.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("/json/2/no.such/search", "not json", bearer: "wrong")).Status);
        // The body before the model.
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync("/json/2/no.such/search", "not json")).Status);
        // The model before the method, the method before the arguments.
        Assert.Equal("the model 'no.such' does not exist", (string)(await SendAsync("/json/2/no.such/_x", "{}")).Body["message"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync("/json/2/res.partner/_x", """{"bogus": 1}""")).Status);
        // ids to an @api.model method before binding.
        Assert.Equal("cannot call res.partner.search with ids", (string)(await SendAsync("/json/2/res.partner/search", """{"ids": [1]}""")).Body["message"]!);
    }

    // ------------------------------------------------------------------ version

    /// <summary>
    /// addons/rpc/controllers/__init__.py (19.0): <c>@route(['/web/version', '/json/version'], type='http', auth='none')</c> →
    /// <c>make_json_response({'version_info': odoo.release.version_info, 'version': odoo.release.version})</c>; odoo/release.py:
    /// <c>version_info = (19, 0, 0, FINAL, 0, '')</c>, <c>version = series + RELEASE_LEVELS_DISPLAY[version_info[3]] + ...</c> = "19.0".
    /// </summary>
    [Theory]
    [InlineData("/web/version")]
    [InlineData("/json/version")]
    public async Task Web_version_answers_version_info_then_version(string path)
    {
        var resp = await _http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var body = JsonNode.Parse(await resp.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["version_info", "version"], body.Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[19, 0, 0, "final", 0, ""]"""), body["version_info"]));
        Assert.Equal("19.0", (string)body["version"]!);
    }

    /// <summary>/jsonrpc still answers on 19 (addons/rpc/controllers/jsonrpc.py, JSONRPC.jsonrpc), logging RPC_DEPRECATION_NOTICE.</summary>
    [Fact]
    public async Task Jsonrpc_still_works_on_19()
    {
        var uid = await Rpc.PostAsync(_http, "/jsonrpc", $$"""{"jsonrpc":"2.0","method":"call","params":{"service":"common","method":"login","args":["{{_server.Database}}","{{_server.Username}}","{{_server.Password}}"]},"id":1}""");
        Assert.Equal(2, (int)uid.Body!["result"]!);
    }
}
