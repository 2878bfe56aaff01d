namespace Odoo;

/// <summary>
/// What an HTTP handler chained on the client's <see cref="HttpClient"/> (a resilience pipeline, a logging handler)
/// may do with a request the client sends.
/// </summary>
/// <remarks>
/// Every Odoo call is an HTTP POST, so a handler cannot tell a read from a write by the method. A retry strategy
/// configured on the injected client should retry only requests for which <see cref="IsRetrySafe"/> is
/// <see langword="true"/>. A write is protected even when it does not: its body can be sent once, so a second
/// attempt fails before it reaches the server (see docs/reliability.md).
/// </remarks>
public static class OdooHttpRequest
{
    /// <summary>
    /// Whether sending <paramref name="request"/> again is safe: <see langword="true"/> for the reads the client retries
    /// itself (calls marked read-only, version detection, login), <see langword="false"/> for a create, write, unlink or
    /// any other call that is not marked read-only.
    /// </summary>
    /// <param name="request">A request the client sent.</param>
    /// <returns>Whether a retry strategy may send it again.</returns>
    public static bool IsRetrySafe(HttpRequestMessage? request) =>
        request is not null && request.Content is not Transport.SendOnceContent;
}
