namespace Odoo.Runtime.Tests.Transport;

/// <summary>
/// The client against the exact answers Odoo 19.0 gives on JSON-2, replayed by a fake handler: statuses and bodies come
/// from Odoo 19.0's source (odoo/http.py Json2Dispatcher.handle_error and serialize_exception, odoo/exceptions.py
/// http_status, addons/rpc/controllers/json2.py, odoo/service/model.py get_public_method,
/// odoo/addons/base/models/ir_http.py _auth_method_bearer) and its tests (odoo/addons/test_http/tests/test_webjson2.py).
/// Each maps to one exception type with a message naming the call.
/// </summary>
public sealed class Json2OdooAnswersTests
{
    /// <summary>odoo/http.py, serialize_exception: {name, message, arguments, context, debug}; werkzeug exceptions get arguments [description, code].</summary>
    private static string Body(string name, string message, string arguments) =>
        $$"""{"name": "{{name}}", "message": "{{message}}", "arguments": {{arguments}}, "context": {}, "debug": "Traceback (most recent call last):\n  File \"/usr/lib/python3/dist-packages/odoo/http.py\", line 2303, in _serve_db\n{{name}}: {{message}}\n"}""";

    private static string Http(string name, string message, int status) => Body("werkzeug.exceptions." + name, message, $"[\"{message}\", {status}]");

    private static string Odoo(string name, string message) => Body(name, message, $"[\"{message}\"]");

    public static TheoryData<int, string, Type> Answers() => new()
    {
        // ir_http._auth_method_bearer: "User not authenticated, use an API Key with a Bearer Authorization header." / "Invalid apikey" (Unauthorized).
        { 401, Http("Unauthorized", "User not authenticated, use an API Key with a Bearer Authorization header.", 401), typeof(OdooAccessDeniedException) },
        { 401, Http("Unauthorized", "Invalid apikey", 401), typeof(OdooAccessDeniedException) },
        // exceptions.py: class AccessDenied(UserError): http_status = 403 (ir_http: "Session user does not match the used apikey.").
        { 403, Odoo("odoo.exceptions.AccessDenied", "Session user does not match the used apikey."), typeof(OdooAccessDeniedException) },
        // exceptions.py: class AccessError(UserError): http_status = 403; test_webjson2_access_error.
        { 403, Odoo("odoo.exceptions.AccessError", "You are not allowed to access 'Scheduled Actions' (ir.cron) records."), typeof(OdooAccessException) },
        // service/model.py, get_public_method: f"Private methods (such as '{model._name}.{name}') cannot be called remotely." (AccessError).
        { 403, Odoo("odoo.exceptions.AccessError", "Private methods (such as 'res.partner.exists') cannot be called remotely."), typeof(OdooAccessException) },
        // json2.py: NotFound(f"the model {__model__!r} does not exist"), NotFound(exc.args[0]) for get_public_method's AttributeError,
        // and the catch-all route's "Did you mean POST /json/2/<model>/<method>?" (test_webjson2_missing_method).
        { 404, Http("NotFound", "the model 'x_no.such' does not exist", 404), typeof(OdooNotFoundException) },
        { 404, Http("NotFound", "The method 'res.partner.search' does not exist", 404), typeof(OdooNotFoundException) },
        { 404, Http("NotFound", "Did you mean POST /json/2/<model>/<method>?", 404), typeof(OdooNotFoundException) },
        // exceptions.py: class MissingError(UserError): http_status = 404.
        { 404, Odoo("odoo.exceptions.MissingError", "Record does not exist or has been deleted.\\n(Record: res.partner(5,), User: 2)"), typeof(OdooMissingRecordException) },
        // exceptions.py: class LockError(UserError): http_status = 409; orm/models.py lock_for_update: LockError("Cannot grab a lock on records").
        { 409, Odoo("odoo.exceptions.LockError", "Cannot grab a lock on records"), typeof(OdooLockException) },
        // json2.py: signature.bind(...) TypeError -> UnprocessableEntity(exc.args[0]) (test_webjson2_missing_argument);
        // "cannot call {model}.{method} with ids" (test_webjson2_api_model).
        { 422, Http("UnprocessableEntity", "missing a required argument: 'domain'", 422), typeof(OdooArgumentException) },
        { 422, Http("UnprocessableEntity", "cannot call res.partner.search with ids", 422), typeof(OdooArgumentException) },
        // exceptions.py: class UserError(Exception): http_status = 422; class ValidationError(UserError).
        { 422, Odoo("odoo.exceptions.UserError", "You cannot delete a posted invoice."), typeof(OdooUserException) },
        { 422, Odoo("odoo.exceptions.ValidationError", "The referral code must be unique."), typeof(OdooValidationException) },
        // http.py, Json2Dispatcher.handle_error: else: status = HTTPStatus.INTERNAL_SERVER_ERROR (test_webjson2_bad_domain: builtins.ValueError).
        { 500, Odoo("builtins.ValueError", "Invalid field res.users.bad field in condition ('bad field', '=', 'foo')"), typeof(OdooServerException) },
        { 500, Odoo("builtins.TypeError", "unhashable type: 'list'"), typeof(OdooServerException) },
        // exceptions.py: class RedirectWarning(Exception): not a UserError, so 500; still a message for the user, as over JSON-RPC.
        { 500, Body("odoo.exceptions.RedirectWarning", "Configure a journal first.", "[\"Configure a journal first.\", 12, \"Go\", null]"), typeof(OdooUserException) },
        // Json2Dispatcher.dispatch: BadRequest(f"could not parse the body as json: {exc.args[0]}") (test_webjson2_bad_data).
        { 400, Http("BadRequest", "could not parse the body as json: Expecting value: line 1 column 1 (char 0)", 400), typeof(OdooServerException) },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Each_odoo_19_answer_maps_to_its_exception(int status, string body, Type expected)
    {
        var fake = Json2Tests.Odoo19((_, _) => Task.FromResult(FakeOdoo.Text(body, status)));
        await using var client = await Json2Tests.ConnectJson2(fake);
        var ex = await Assert.ThrowsAnyAsync<OdooServerException>(() => client.Model("res.partner").SearchAsync());
        Assert.Equal(expected, ex.GetType());
        Assert.Equal(status, ex.HttpStatus);
        Assert.Equal(("res.partner", "search"), (ex.Model, ex.Method));
        var name = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("name").GetString()!;
        var message = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("message").GetString()!;
        Assert.Equal(name, ex.ExceptionName);
        Assert.Equal(message, ex.ServerMessage);
        Assert.StartsWith($"res.partner.search failed ({name}): ", ex.Message);
        Assert.Contains(message, ex.Message);
        Assert.Equal(1, fake.Requests.Count(r => r.Path == "/json/2/res.partner/search")); // none of these is retried with retries off
    }

    [Fact]
    public async Task An_argument_error_names_the_method_and_quotes_odoo()
    {
        var fake = Json2Tests.Odoo19((_, _) => Task.FromResult(FakeOdoo.Text(Http("UnprocessableEntity", "got an unexpected keyword argument 'bogus'", 422), 422)));
        await using var client = await Json2Tests.ConnectJson2(fake);
        var ex = await Assert.ThrowsAsync<OdooArgumentException>(() => client.Model("res.partner").CallAsync("action_x", ids: [5]));
        Assert.Equal(
            "res.partner.action_x(5) failed (werkzeug.exceptions.UnprocessableEntity): Odoo could not bind the arguments to res.partner.action_x: got an unexpected keyword argument 'bogus'",
            ex.Message);
        Assert.Equal(["got an unexpected keyword argument 'bogus'", "422"], ex.Arguments);
    }

    /// <summary>A read that meets a LockError (409) is retried like a transient failure: Odoo rolled it back.</summary>
    [Fact]
    public async Task A_read_meeting_a_lock_error_is_retried()
    {
        var attempts = 0;
        var fake = Json2Tests.Odoo19((_, _) => Task.FromResult(Interlocked.Increment(ref attempts) == 1
            ? FakeOdoo.Text(Odoo("odoo.exceptions.LockError", "Cannot grab a lock on records"), 409)
            : FakeOdoo.Text("[1, 2]")));
        await using var client = await Json2Tests.ConnectJson2(fake, o => o.MaxReadRetries = 2);
        Assert.Equal([1, 2], await client.Model("res.partner").SearchAsync());
        Assert.Equal(2, attempts);
    }

    /// <summary>A write that meets a LockError is sent once and reported as a typed concurrency error (nothing was applied).</summary>
    [Fact]
    public async Task A_write_meeting_a_lock_error_is_not_retried_and_is_a_lock_exception()
    {
        var fake = Json2Tests.Odoo19((_, _) => Task.FromResult(FakeOdoo.Text(Odoo("odoo.exceptions.LockError", "Cannot grab a lock on records"), 409)));
        await using var client = await Json2Tests.ConnectJson2(fake, o => o.MaxReadRetries = 2);
        var ex = await Assert.ThrowsAsync<OdooLockException>(() => client.Model("res.partner").WriteAsync([5], new Dictionary<string, object?> { ["name"] = "x" }));
        Assert.Equal(409, ex.HttpStatus);
        Assert.Contains("concurrent transaction", ex.Message);
        Assert.Single(fake.Requests, r => r.Path == "/json/2/res.partner/write");
    }

    /// <summary>odoo/http.py (19.0), NOT_FOUND_NODB, answered before authentication when no database is selected.</summary>
    private const string NotFoundNoDatabase = "<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n" +
        "<p>No database is selected and the requested URL was not found in the server-wide controllers.</p>\n" +
        "<p>Please verify the hostname, <a href=/web/login>login</a> and try again.</p>\n\n<!-- Alternatively, use the X-Odoo-Database header. -->\n";

    /// <summary>
    /// Request._get_session_and_dbname: no X-Odoo-Database and several databases → no database → the HTML 404
    /// (test_webjson2_multi_db_no_header). The client says to set Database, not that JSON-2 may be missing.
    /// </summary>
    [Fact]
    public async Task An_html_404_without_a_database_says_to_set_database()
    {
        var fake = Json2Tests.Odoo19();
        fake.Json2 = (_, _) => Task.FromResult(FakeOdoo.Text(NotFoundNoDatabase, 404, "text/html; charset=utf-8"));
        var ex = await Assert.ThrowsAsync<OdooTransportException>(() => Json2Tests.ConnectJson2(fake, o => o.Database = null));
        Assert.Equal(404, ex.StatusCode);
        Assert.Contains("set Database (sent as X-Odoo-Database)", ex.Message);
        Assert.DoesNotContain("may not have the JSON-2", ex.Message);
    }

    /// <summary>test_webjson2_multi_db_bad_header: a database that does not exist gets the same page.</summary>
    [Fact]
    public async Task An_html_404_naming_no_database_with_one_set_says_it_does_not_exist()
    {
        var fake = Json2Tests.Odoo19();
        fake.Json2 = (_, _) => Task.FromResult(FakeOdoo.Text(NotFoundNoDatabase, 404, "text/html; charset=utf-8"));
        var ex = await Assert.ThrowsAsync<OdooTransportException>(() => Json2Tests.ConnectJson2(fake));
        Assert.Contains("Odoo has no database 'mycompany'", ex.Message);
    }

    /// <summary>Odoo 18 answers /json/2 with its web client's pages: the hint stays "may not have JSON-2" when a database is set.</summary>
    [Fact]
    public async Task Another_html_404_with_a_database_set_still_suggests_json2_may_be_absent()
    {
        var fake = Json2Tests.Odoo19();
        await using var client = await Json2Tests.ConnectJson2(fake);
        fake.Json2 = (_, _) => Task.FromResult(WireSamples.Response("33-unknown-route-404"));
        var ex = await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").SearchAsync());
        Assert.Contains("may not have the JSON-2 API", ex.Message);
    }

    /// <summary>Request._set_request_dispatcher: an HTML 415 "Please verify the Content-Type request header" (test_webjson2_bad_content_type).</summary>
    [Fact]
    public async Task An_html_415_is_a_transport_error_about_the_content_type()
    {
        var fake = Json2Tests.Odoo19();
        await using var client = await Json2Tests.ConnectJson2(fake);
        fake.Json2 = (_, _) => Task.FromResult(FakeOdoo.Text(
            "<!doctype html>\n<html lang=en>\n<title>415 Unsupported Media Type</title>\n<h1>Unsupported Media Type</h1>\n<p>Please verify the Content-Type request header and try again.</p>\n",
            415, "text/html; charset=utf-8"));
        var ex = await Assert.ThrowsAsync<OdooTransportException>(() => client.Model("res.partner").SearchAsync());
        Assert.Equal(415, ex.StatusCode);
        Assert.Contains("application/json", ex.Message);
    }
}
