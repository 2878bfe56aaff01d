namespace Odoo.Testing;

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
