namespace Odoo.Testing;

/// <summary>The kinds of injected faults.</summary>
public enum OdooFaultKind
{
    /// <summary>Waits, then answers normally.</summary>
    Delay,
    /// <summary>Aborts the TCP connection without an answer.</summary>
    DropConnection,
    /// <summary>Answers an HTTP error status (500, 502, 503...) with an HTML body, without running the call.</summary>
    HttpStatus,
    /// <summary>Answers an HTML page (status 200 unless set), as a misconfigured proxy would.</summary>
    Html,
    /// <summary>Runs the call, then sends only the first half of the JSON answer.</summary>
    TruncatedJson,
    /// <summary>Answers Odoo's session-expired error (JSON-RPC code 100).</summary>
    SessionExpired,
    /// <summary>Answers Odoo's AccessDenied error (JSON-2: 401).</summary>
    AccessDenied,
    /// <summary>Answers the given <see cref="OdooServerError"/>, without running the call.</summary>
    Error,
    /// <summary>Runs the call (its changes are kept), then aborts the TCP connection without an answer.</summary>
    DropConnectionAfterProcessing,
}

/// <summary>
/// A fault to inject. Add it with <c>server.Faults.Add(fault)</c> and narrow the returned
/// <see cref="OdooFaultRule"/>: <c>server.Faults.Add(OdooFault.Delay(TimeSpan.FromSeconds(1))).For(model: "res.partner", method: "read").Times(1)</c>.
/// </summary>
public sealed class OdooFault
{
    private OdooFault(OdooFaultKind kind) => Kind = kind;

    /// <summary>The kind.</summary>
    public OdooFaultKind Kind { get; }

    /// <summary>The wait of a <see cref="OdooFaultKind.Delay"/>.</summary>
    public TimeSpan Duration { get; private init; }

    /// <summary>The HTTP status answered (for <see cref="OdooFaultKind.HttpStatus"/> and <see cref="OdooFaultKind.Html"/>).</summary>
    public int StatusCode { get; private init; }

    /// <summary>The body answered (for <see cref="OdooFaultKind.HttpStatus"/> and <see cref="OdooFaultKind.Html"/>); null for a default page.</summary>
    public string? Body { get; private init; }

    /// <summary>The error of an <see cref="OdooFaultKind.Error"/>.</summary>
    public OdooServerError? ServerError { get; private init; }

    /// <summary>Waits <paramref name="duration"/> before handling the request normally.</summary>
    /// <param name="duration">The wait.</param>
    /// <returns>The fault.</returns>
    public static OdooFault Delay(TimeSpan duration) => new(OdooFaultKind.Delay) { Duration = duration };

    /// <summary>Aborts the connection (<c>HttpContext.Abort()</c>): the client sees a network error.</summary>
    /// <returns>The fault.</returns>
    public static OdooFault DropConnection() => new(OdooFaultKind.DropConnection);

    /// <summary>
    /// Runs the call as usual (a <c>create</c> or <c>write</c> takes effect and the request is
    /// logged with the status it would have had), then aborts the connection without sending the
    /// answer: the client sees a network error although the server did the work, as when a proxy
    /// or the network drops a response. Unlike <see cref="DropConnection"/>, which aborts before the
    /// call runs, this tells whether a client wrongly repeats a non-idempotent call.
    /// </summary>
    /// <returns>The fault.</returns>
    public static OdooFault DropConnectionAfterProcessing() => new(OdooFaultKind.DropConnectionAfterProcessing);

    /// <summary>Answers an HTTP error status with a small HTML page (or <paramref name="body"/>).</summary>
    /// <param name="statusCode">The status, e.g. 500, 502 or 503.</param>
    /// <param name="body">The body; null for a default page.</param>
    /// <returns>The fault.</returns>
    public static OdooFault HttpError(int statusCode, string? body = null) => new(OdooFaultKind.HttpStatus) { StatusCode = statusCode, Body = body };

    /// <summary>Answers 500 Internal Server Error.</summary>
    /// <returns>The fault.</returns>
    public static OdooFault InternalServerError() => HttpError(500);

    /// <summary>Answers 502 Bad Gateway (a proxy in front of a dead Odoo).</summary>
    /// <returns>The fault.</returns>
    public static OdooFault BadGateway() => HttpError(502);

    /// <summary>Answers 503 Service Unavailable.</summary>
    /// <returns>The fault.</returns>
    public static OdooFault ServiceUnavailable() => HttpError(503);

    /// <summary>Answers an HTML page with <c>Content-Type: text/html</c> where JSON was expected.</summary>
    /// <param name="statusCode">The status (200 by default).</param>
    /// <param name="body">The page; null for a default one.</param>
    /// <returns>The fault.</returns>
    public static OdooFault Html(int statusCode = 200, string? body = null) => new(OdooFaultKind.Html) { StatusCode = statusCode, Body = body };

    /// <summary>Runs the call and sends only the first half of its JSON answer (no Content-Length).</summary>
    /// <returns>The fault.</returns>
    public static OdooFault TruncatedJson() => new(OdooFaultKind.TruncatedJson);

    /// <summary>Answers <c>odoo.http.SessionExpiredException</c> (JSON-RPC error code 100).</summary>
    /// <returns>The fault.</returns>
    public static OdooFault SessionExpired() => new(OdooFaultKind.SessionExpired);

    /// <summary>Answers <c>odoo.exceptions.AccessDenied</c> as if the credentials were wrong.</summary>
    /// <returns>The fault.</returns>
    public static OdooFault AccessDenied() => new(OdooFaultKind.AccessDenied);

    /// <summary>Answers the given Odoo error without running the call.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The fault.</returns>
    public static OdooFault Error(OdooServerError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(OdooFaultKind.Error) { ServerError = error };
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        OdooFaultKind.Delay => $"Delay({Duration.TotalMilliseconds} ms)",
        OdooFaultKind.HttpStatus => $"HttpError({StatusCode})",
        OdooFaultKind.Html => $"Html({StatusCode})",
        OdooFaultKind.Error => $"Error({ServerError!.Name})",
        _ => Kind.ToString(),
    };
}

/// <summary>
/// When an <see cref="OdooFault"/> applies. By default it applies to every request; the fluent
/// methods narrow it. Rules are tried in the order they were added; the first that matches a
/// request applies (one fault per request).
/// </summary>
public sealed class OdooFaultRule
{
    private readonly Lock _sync;
    private string? _model;
    private string? _method;
    private string? _service;
    private string? _path;
    private Func<OdooRecordedRequest, bool>? _predicate;
    private int? _times;
    private int _skip;
    private int _matched;
    private int _applied;

    internal OdooFaultRule(OdooFault fault, Lock sync)
    {
        Fault = fault;
        _sync = sync;
    }

    /// <summary>The fault.</summary>
    public OdooFault Fault { get; }

    /// <summary>How many times the fault was applied.</summary>
    public int Applied
    {
        get { lock (_sync) return _applied; }
    }

    /// <summary>Whether the rule has used up its <see cref="Times"/>.</summary>
    public bool IsExhausted
    {
        get { lock (_sync) return _times is { } t && _applied >= t; }
    }

    /// <summary>Applies only to calls of this model and/or method (ORM method, or service method such as <c>login</c>), and/or service.</summary>
    /// <param name="model">The model, or null for any.</param>
    /// <param name="method">The method, or null for any.</param>
    /// <param name="service">The JSON-RPC service (<c>common</c>, <c>object</c>), or null for any.</param>
    /// <returns>This rule.</returns>
    public OdooFaultRule For(string? model = null, string? method = null, string? service = null)
    {
        lock (_sync)
        {
            _model = model;
            _method = method;
            _service = service;
        }
        return this;
    }

    /// <summary>Applies only to requests for this URL path (e.g. <c>/web/webclient/version_info</c>).</summary>
    /// <param name="path">The path.</param>
    /// <returns>This rule.</returns>
    public OdooFaultRule OnPath(string path)
    {
        lock (_sync) _path = path;
        return this;
    }

    /// <summary>
    /// Applies only when <paramref name="predicate"/> holds for the request (its protocol,
    /// path, service, model, method, sequence number are known; status and duration are not yet).
    /// </summary>
    /// <param name="predicate">The test.</param>
    /// <returns>This rule.</returns>
    public OdooFaultRule When(Func<OdooRecordedRequest, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        lock (_sync) _predicate = predicate;
        return this;
    }

    /// <summary>Applies at most <paramref name="count"/> times (unlimited by default).</summary>
    /// <param name="count">The count.</param>
    /// <returns>This rule.</returns>
    public OdooFaultRule Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_sync) _times = count;
        return this;
    }

    /// <summary>Applies once.</summary>
    /// <returns>This rule.</returns>
    public OdooFaultRule Once() => Times(1);

    /// <summary>Lets the first <paramref name="count"/> matching requests through unharmed.</summary>
    /// <param name="count">The count.</param>
    /// <returns>This rule.</returns>
    public OdooFaultRule Skip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_sync) _skip = count;
        return this;
    }

    /// <summary>Checks the request and counts it; call with the collection's lock held.</summary>
    internal bool TryApply(OdooRecordedRequest request)
    {
        if (_times is { } t && _applied >= t) return false;
        if (_path is not null && _path != request.Path) return false;
        if (_service is not null && _service != request.Service) return false;
        if (_model is not null && _model != request.Model) return false;
        if (_method is not null && _method != request.Method) return false;
        if (_predicate is not null && !_predicate(request)) return false;
        _matched++;
        if (_matched <= _skip) return false;
        _applied++;
        return true;
    }
}

/// <summary>The fault rules of a server (see <see cref="OdooTestServer.Faults"/>). Thread-safe.</summary>
public sealed class OdooFaultCollection
{
    private readonly Lock _sync = new();
    private readonly List<OdooFaultRule> _rules = [];

    internal OdooFaultCollection()
    {
    }

    /// <summary>Adds a fault that applies to every request until narrowed with the returned rule.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns>The rule, to narrow.</returns>
    public OdooFaultRule Add(OdooFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var rule = new OdooFaultRule(fault, _sync);
        lock (_sync) _rules.Add(rule);
        return rule;
    }

    /// <summary>Removes one rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>Whether it was there.</returns>
    public bool Remove(OdooFaultRule rule)
    {
        lock (_sync) return _rules.Remove(rule);
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_sync) _rules.Clear();
    }

    /// <summary>The rules, in order.</summary>
    public IReadOnlyList<OdooFaultRule> Rules
    {
        get { lock (_sync) return [.. _rules]; }
    }

    internal OdooFault? Match(OdooRecordedRequest request)
    {
        lock (_sync)
        {
            foreach (var rule in _rules)
                if (rule.TryApply(request)) return rule.Fault;
            return null;
        }
    }
}
