using System.Text;

namespace Odoo;

/// <summary>
/// Base of every error the Odoo client raises. Messages say what was asked (model, method and
/// ids where known) and never contain a password or API key.
/// </summary>
public class OdooException : Exception
{
    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public OdooException(string message) : base(message) { }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OdooException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>The model of the call that failed, when known.</summary>
    public string? Model { get => _model; init => _model = value; }

    /// <summary>The method of the call that failed, when known.</summary>
    public string? Method { get => _method; init => _method = value; }

    /// <summary>The record ids of the call that failed, when known.</summary>
    public IReadOnlyList<int>? Ids { get => _ids; init => _ids = value; }

    private string? _model;
    private string? _method;
    private IReadOnlyList<int>? _ids;

    /// <summary>Sets the call that failed, once, where the error is built (<see cref="OdooServerErrors"/>).</summary>
    internal void SetCall(string? model, string? method, IReadOnlyList<int>? ids)
    {
        _model = model;
        _method = method;
        _ids = ids;
    }

    /// <summary>Formats "model.method(ids)" for messages.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="method">The method name.</param>
    /// <param name="ids">The ids, if any (at most 20 are shown).</param>
    protected internal static string DescribeCall(string? model, string? method, IReadOnlyList<int>? ids)
    {
        if (model is null && method is null) return "the call";
        var sb = new StringBuilder();
        sb.Append(model ?? "?").Append('.').Append(method ?? "?");
        if (ids is { Count: > 0 })
        {
            sb.Append('(');
            for (var i = 0; i < ids.Count && i < 20; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(ids[i]);
            }
            if (ids.Count > 20) sb.Append(", ... ").Append(ids.Count - 20).Append(" more");
            sb.Append(')');
        }
        return sb.ToString();
    }
}

/// <summary>
/// Odoo answered the call with an error (a JSON-RPC error envelope, or a JSON-2 error status).
/// Subclasses name the common Odoo exception classes.
/// </summary>
public class OdooServerException : OdooException
{
    /// <summary>The longest debug text kept.</summary>
    public const int MaxDebugLength = 2000;

    /// <summary>Creates a server error.</summary>
    /// <param name="exceptionName">Odoo's exception class, for example <c>odoo.exceptions.ValidationError</c>.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message (what was asked and what Odoo said).</param>
    /// <param name="innerException">The error as first read, when this one restates it.</param>
    public OdooServerException(string exceptionName, string serverMessage, string message, Exception innerException) : base(message, innerException)
    {
        ExceptionName = exceptionName;
        ServerMessage = serverMessage;
    }

    /// <summary>Creates a server error.</summary>
    /// <param name="exceptionName">Odoo's exception class, for example <c>odoo.exceptions.ValidationError</c>.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message (what was asked and what Odoo said).</param>
    public OdooServerException(string exceptionName, string serverMessage, string message) : base(message)
    {
        ExceptionName = exceptionName;
        ServerMessage = serverMessage;
    }

    /// <summary>Odoo's exception class name, for example <c>odoo.exceptions.ValidationError</c>.</summary>
    public string ExceptionName { get; }

    /// <summary>The message Odoo sent, as it sent it.</summary>
    public string ServerMessage { get; }

    /// <summary>The exception arguments Odoo sent, if any: string arguments as sent, other values as their JSON text.</summary>
    public IReadOnlyList<string> Arguments { get => _arguments; init => _arguments = value; }

    /// <summary>Odoo's debug text (a traceback), cut to <see cref="MaxDebugLength"/> characters.</summary>
    public string? Debug { get => _debug; init => _debug = value; }

    /// <summary>The HTTP status of the answer (200 for JSON-RPC errors).</summary>
    public int HttpStatus { get => _httpStatus; init => _httpStatus = value; }

    private IReadOnlyList<string> _arguments = [];
    private string? _debug;
    private int _httpStatus = 200;

    /// <summary>Sets what Odoo sent besides the message, once, where the error is built (<see cref="OdooServerErrors"/>).</summary>
    internal void SetDetails(IReadOnlyList<string> arguments, string? debug, int httpStatus)
    {
        _arguments = arguments;
        _debug = debug;
        _httpStatus = httpStatus;
    }
}

/// <summary>Bad credentials: <c>odoo.exceptions.AccessDenied</c> (403 on JSON-2), a login that answered <c>false</c>, or (JSON-2) HTTP 401 for a missing or refused API key.</summary>
public class OdooAccessDeniedException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooAccessDeniedException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}

/// <summary>The user may not do this: <c>odoo.exceptions.AccessError</c> (HTTP 403 on JSON-2).</summary>
public class OdooAccessException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooAccessException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}

/// <summary>A constraint failed: <c>odoo.exceptions.ValidationError</c> (required, unique, foreign key, Python constraints).</summary>
public class OdooValidationException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooValidationException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}

/// <summary>A business rule refused the call: <c>odoo.exceptions.UserError</c> (JSON-2 422; over JSON-RPC also an unknown model).</summary>
public class OdooUserException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooUserException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}

/// <summary>The records do not exist (any more): <c>odoo.exceptions.MissingError</c>.</summary>
public class OdooMissingRecordException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooMissingRecordException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}

/// <summary>
/// Odoo 19's JSON-2 answered 404 <c>werkzeug.exceptions.NotFound</c>: the model does not exist ("the model 'x.y' does not
/// exist"), the method does not exist ("The method 'res.partner.x' does not exist"), or the route is not
/// <c>POST /json/2/&lt;model&gt;/&lt;method&gt;</c>. (Over JSON-RPC an unknown model is a <c>UserError</c>: <see cref="OdooUserException"/>.)
/// Records that were deleted are <see cref="OdooMissingRecordException"/>, not this.
/// </summary>
public class OdooNotFoundException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooNotFoundException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }

    /// <summary>Creates the error with its cause.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    /// <param name="innerException">The error as first read.</param>
    public OdooNotFoundException(string exceptionName, string serverMessage, string message, Exception innerException) : base(exceptionName, serverMessage, message, innerException) { }
}

/// <summary>
/// The records could not be locked because a concurrent transaction holds them: <c>odoo.exceptions.LockError</c>
/// (HTTP 409 on JSON-2). Odoo rolled the call back, so nothing was applied. Reads are retried like transient failures
/// (<see cref="OdooClientOptions.MaxReadRetries"/>); a write, create or method call is not: retry it yourself once the
/// other transaction is done.
/// </summary>
public class OdooLockException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooLockException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}

/// <summary>
/// Odoo 19's JSON-2 could not bind the arguments to the method's Python signature: HTTP 422
/// <c>werkzeug.exceptions.UnprocessableEntity</c> ("missing a required argument: 'domain'", "got an unexpected keyword
/// argument 'x'", or "cannot call res.partner.create with ids" for an <c>@api.model</c> method). A programming mistake
/// in the call: check the parameter names (<see cref="OdooServerException.ServerMessage"/> has Odoo's words).
/// </summary>
public class OdooArgumentException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooArgumentException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}

/// <summary>The web session expired (<c>odoo.http.SessionExpiredException</c>, JSON-RPC error code 100).</summary>
public class OdooSessionExpiredException : OdooServerException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exceptionName">Odoo's exception class.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message.</param>
    public OdooSessionExpiredException(string exceptionName, string serverMessage, string message) : base(exceptionName, serverMessage, message) { }
}

/// <summary>The call never got an Odoo answer: connection refused or dropped, timeout, or an HTTP error status.</summary>
public class OdooTransportException : OdooException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OdooTransportException(string message, Exception? innerException = null) : base(message, innerException) { }

    /// <summary>The HTTP status, when the server answered with one.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The URL called (never with credentials).</summary>
    public Uri? Url { get; init; }

    /// <summary>Whether the request timed out (as opposed to failing to connect or being cut).</summary>
    public bool IsTimeout { get; init; }

    /// <summary>
    /// How long the server asked the client to wait before trying again (its <c>Retry-After</c> header on an HTTP 429 or
    /// 503, in seconds or as a date), or <see langword="null"/> when it did not say. Read retries wait at least this
    /// long, and do not retry when the wait would end past <see cref="OdooClientOptions.ReadRetryBudget"/>.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>The server answered with something that is not what Odoo sends (HTML instead of JSON, truncated JSON, a wrong shape).</summary>
public class OdooProtocolException : OdooException
{
    /// <summary>The most characters of a body quoted in a message.</summary>
    public const int MaxQuotedLength = 200;

    /// <summary>Creates the error.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OdooProtocolException(string message, Exception? innerException = null) : base(message, innerException) { }

    /// <summary>The start of the offending body (at most <see cref="MaxQuotedLength"/> characters).</summary>
    public string? BodyExcerpt { get; init; }
}

/// <summary>No record matched: a get by id, a list with missing ids, or a lookup by a unique field.</summary>
public class OdooRecordNotFoundException : OdooException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What was looked for.</param>
    public OdooRecordNotFoundException(string message) : base(message) { }

    /// <summary>Creates the error with its cause.</summary>
    /// <param name="message">What was looked for.</param>
    /// <param name="innerException">The cause.</param>
    public OdooRecordNotFoundException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The ids that were not found (sorted, distinct), when the lookup was by id.</summary>
    public IReadOnlyList<int> MissingIds { get; init; } = [];
}

/// <summary>
/// A create whose answer was lost (connection dropped, timeout, server stopped) and whose natural key matches no record
/// afterwards: nothing was created, and creating again is safe (see <c>OdooManager.CreateOrGetAsync</c>).
/// </summary>
public class OdooNotCreatedException : OdooRecordNotFoundException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What was created, why its answer was lost, and that no record exists.</param>
    /// <param name="innerException">The transport failure that lost the answer.</param>
    public OdooNotCreatedException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>A lookup that expects one record found several.</summary>
public class OdooMultipleRecordsFoundException : OdooException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What was looked for and what was found.</param>
    public OdooMultipleRecordsFoundException(string message) : base(message) { }

    /// <summary>The ids of the records found.</summary>
    public IReadOnlyList<int> FoundIds { get; init; } = [];
}

/// <summary>
/// A record property was read before its value was there: a field the record was not fetched with
/// (<see cref="OdooFieldNotLoadedException"/>) or a relation not loaded yet (<see cref="OdooRelationNotLoadedException"/>).
/// Catch this type for both.
/// </summary>
public abstract class OdooNotLoadedException : OdooException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What was read and how to load it.</param>
    /// <param name="recordType">The record type, for example <c>ReferralCode</c>.</param>
    /// <param name="property">The C# property read.</param>
    /// <param name="remoteField">The Odoo field behind it.</param>
    protected OdooNotLoadedException(string message, string recordType, string property, string remoteField)
        : base(message)
    {
        RecordType = recordType;
        Property = property;
        RemoteField = remoteField;
    }

    /// <summary>The record type.</summary>
    public string RecordType { get; }

    /// <summary>The C# property read.</summary>
    public string Property { get; }

    /// <summary>The Odoo field behind it.</summary>
    public string RemoteField { get; }
}

/// <summary>A field was read that the record was not fetched with (it was left out of <c>fields</c>).</summary>
public class OdooFieldNotLoadedException : OdooNotLoadedException
{
    /// <summary>Creates the error.</summary>
    /// <param name="recordType">The record type, for example <c>ReferralCode</c>.</param>
    /// <param name="property">The C# property read.</param>
    /// <param name="remoteField">The Odoo field behind it.</param>
    public OdooFieldNotLoadedException(string recordType, string property, string remoteField)
        : base($"{recordType}.{property} was not loaded: the record was fetched without the Odoo field '{remoteField}'. Include it in the fields of the query, or fetch all fields.", recordType, property, remoteField)
    {
    }
}

/// <summary>A value Odoo sent does not fit the declared C# type (for example <c>false</c> in a non-nullable many2one).</summary>
public class OdooValueException : OdooException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Which field, which value, what was expected.</param>
    /// <param name="innerException">The cause.</param>
    public OdooValueException(string message, Exception? innerException = null) : base(message, innerException) { }
}
