namespace Odoo.Testing;

/// <summary>
/// An error the test server answers with, as Odoo serialises it: a JSON-RPC error envelope
/// (HTTP 200, <c>error.data.name</c> = <see cref="Name"/>) or a JSON-2 error body with
/// <see cref="Json2Status"/>. Throw one from a custom method handler or a constraint to make a
/// call fail; use the factory methods for the usual Odoo exception classes.
/// </summary>
public sealed class OdooServerError : Exception
{
    /// <summary>Creates an error.</summary>
    /// <param name="name">The fully qualified Python exception class, e.g. <c>odoo.exceptions.UserError</c>.</param>
    /// <param name="message">The message (<c>data.message</c>).</param>
    /// <param name="json2Status">The HTTP status of the JSON-2 answer; null chooses from <paramref name="name"/>.</param>
    public OdooServerError(string name, string message, int? json2Status = null) : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Arguments = [message];
        Json2Status = json2Status ?? DefaultJson2Status(name);
    }

    /// <summary>The fully qualified Python exception class (<c>data.name</c>).</summary>
    public string Name { get; }

    /// <summary>The exception arguments (<c>data.arguments</c>); usually just the message.</summary>
    public IReadOnlyList<object> Arguments { get; init; }

    /// <summary>The JSON-RPC <c>error.code</c>: 200 for server errors, 100 for an expired session.</summary>
    public int JsonRpcCode { get; init; } = 200;

    /// <summary>The JSON-RPC <c>error.message</c>: "Odoo Server Error", or "Odoo Session Expired".</summary>
    public string JsonRpcMessage { get; init; } = "Odoo Server Error";

    /// <summary>The HTTP status of the JSON-2 answer.</summary>
    public int Json2Status { get; }

    /// <summary>The debug text (a made-up one-frame traceback ending like Odoo's).</summary>
    public string Debug
    {
        get
        {
            var shortName = Name.StartsWith("builtins.", StringComparison.Ordinal) ? Name["builtins.".Length..] : Name;
            return $"Traceback (most recent call last):\n  ...\n{shortName}: {Message}\n";
        }
    }

    /// <summary><c>odoo.exceptions.AccessDenied</c> "Access Denied" (wrong login, password or API key).</summary>
    /// <returns>The error.</returns>
    public static OdooServerError AccessDenied() => new("odoo.exceptions.AccessDenied", "Access Denied");

    /// <summary>
    /// What Odoo 18 answers on <c>/jsonrpc</c> for a database that does not exist: the connection attempt's
    /// <c>psycopg2.OperationalError</c> (recorded: tests/Odoo.Runtime.Tests/WireSamples/60-61).
    /// </summary>
    /// <param name="database">The database asked for.</param>
    public static OdooServerError DatabaseDoesNotExist(string? database) =>
        new("psycopg2.OperationalError", $"connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"{database}\" does not exist\n");

    /// <summary>
    /// What <c>/web/session/authenticate</c> answers for a database that does not exist or that <c>db_filter</c> hides
    /// (addons/web/controllers/session.py: <c>raise AccessError("Database not found.")</c>; WireSamples/62).
    /// </summary>
    public static OdooServerError DatabaseNotFound() => new("odoo.exceptions.AccessError", "Database not found.");

    /// <summary><c>odoo.exceptions.AccessError</c> (the user may not do this).</summary>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static OdooServerError AccessError(string message) => new("odoo.exceptions.AccessError", message);

    /// <summary><c>odoo.exceptions.ValidationError</c> (a constraint failed).</summary>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static OdooServerError ValidationError(string message) => new("odoo.exceptions.ValidationError", message);

    /// <summary><c>odoo.exceptions.UserError</c>.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static OdooServerError UserError(string message) => new("odoo.exceptions.UserError", message);

    /// <summary><c>odoo.exceptions.MissingError</c> with Odoo's message for records that do not exist.</summary>
    /// <param name="model">The model.</param>
    /// <param name="missingIds">The ids that do not exist.</param>
    /// <param name="uid">The user id of the call.</param>
    /// <returns>The error.</returns>
    public static OdooServerError MissingError(string model, IReadOnlyCollection<int> missingIds, int uid)
    {
        var ids = missingIds.Count == 1 ? $"{missingIds.First()}," : string.Join(", ", missingIds);
        return new("odoo.exceptions.MissingError", $"Record does not exist or has been deleted.\n(Record: {model}({ids}), User: {uid})");
    }

    /// <summary><c>odoo.http.SessionExpiredException</c> (JSON-RPC code 100, "Odoo Session Expired").</summary>
    /// <returns>The error.</returns>
    public static OdooServerError SessionExpired() => new("odoo.http.SessionExpiredException", "Session expired", 403)
    {
        JsonRpcCode = 100,
        JsonRpcMessage = "Odoo Session Expired",
    };

    /// <summary><c>builtins.ValueError</c>.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static OdooServerError ValueError(string message) => new("builtins.ValueError", message);

    /// <summary><c>builtins.TypeError</c> (bad arguments inside a method; HTTP 500 on JSON-2, like any non-Odoo exception).</summary>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static OdooServerError TypeError(string message) => new("builtins.TypeError", message);

    /// <summary><c>odoo.exceptions.LockError</c>: records could not be locked (a concurrent transaction holds them; HTTP 409 on JSON-2).</summary>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static OdooServerError LockError(string message) => new("odoo.exceptions.LockError", message);

    /// <summary><c>odoo.exceptions.RedirectWarning</c> (not a <c>UserError</c> in Odoo: HTTP 500 on JSON-2).</summary>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static OdooServerError RedirectWarning(string message) => new("odoo.exceptions.RedirectWarning", message);

    /// <summary>werkzeug's NotFound as a JSON-RPC error (code 404, "404: Not Found", no arguments).</summary>
    internal static OdooServerError JsonRpcNotFound() => new("werkzeug.exceptions.NotFound",
        "404 Not Found: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.", 404)
    {
        Arguments = [],
        JsonRpcCode = 404,
        JsonRpcMessage = "404: Not Found",
    };

    /// <summary>A werkzeug HTTP exception as Odoo 19's <c>Json2Dispatcher.handle_error</c> serialises it: arguments <c>[description, code]</c>.</summary>
    internal static OdooServerError Http(string name, string description, int status) =>
        new("werkzeug.exceptions." + name, description, status) { Arguments = [description, status] };

    internal static OdooServerError Unauthorized(string message = "Invalid apikey") => Http("Unauthorized", message, 401);

    internal static OdooServerError NotFound(string message) => Http("NotFound", message, 404);

    internal static OdooServerError UnprocessableEntity(string message) => Http("UnprocessableEntity", message, 422);

    internal static OdooServerError BadRequest(string message) => Http("BadRequest", message, 400);

    /// <summary>
    /// The JSON-2 status of an Odoo 19 exception class. odoo/http.py, Json2Dispatcher.handle_error:
    /// <c>if isinstance(exc, (UserError, SessionExpiredException)): status = exc.http_status</c>, werkzeug HTTP
    /// exceptions their <c>code</c>, <c>else: status = HTTPStatus.INTERNAL_SERVER_ERROR</c>. odoo/exceptions.py:
    /// <c>UserError.http_status = 422</c>, <c>AccessDenied</c> and <c>AccessError</c> 403, <c>MissingError</c> 404,
    /// <c>LockError</c> 409, <c>ValidationError</c> inherits 422; <c>RedirectWarning(Exception)</c> is not a UserError.
    /// </summary>
    private static int DefaultJson2Status(string name) => name switch
    {
        "odoo.exceptions.AccessDenied" or "odoo.exceptions.AccessError" => 403,
        "odoo.exceptions.MissingError" => 404,
        "odoo.exceptions.LockError" => 409,
        "odoo.exceptions.UserError" or "odoo.exceptions.ValidationError" => 422,
        "odoo.http.SessionExpiredException" => 403,
        "werkzeug.exceptions.BadRequest" => 400,
        "werkzeug.exceptions.Unauthorized" => 401,
        "werkzeug.exceptions.Forbidden" => 403,
        "werkzeug.exceptions.NotFound" => 404,
        "werkzeug.exceptions.UnprocessableEntity" => 422,
        _ => 500,
    };
}
