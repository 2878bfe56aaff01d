using System.Text.Json;

namespace Odoo.Testing;

/// <summary>One request the server received, as recorded in <see cref="OdooTestServer.Requests"/>.</summary>
public sealed class OdooRecordedRequest
{
    internal OdooRecordedRequest(long sequence, DateTimeOffset timestamp, string httpMethod, string path, OdooRequestProtocol protocol)
    {
        Sequence = sequence;
        Timestamp = timestamp;
        HttpMethod = httpMethod;
        Path = path;
        Protocol = protocol;
    }

    /// <summary>The request number on this server, from 1.</summary>
    public long Sequence { get; }

    /// <summary>When the request arrived.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The HTTP method.</summary>
    public string HttpMethod { get; }

    /// <summary>The URL path, e.g. <c>/jsonrpc</c> or <c>/json/2/res.partner/read</c>.</summary>
    public string Path { get; }

    /// <summary>The protocol.</summary>
    public OdooRequestProtocol Protocol { get; }

    /// <summary>The JSON-RPC service (<c>common</c>, <c>object</c>, <c>db</c>), or null.</summary>
    public string? Service { get; internal set; }

    /// <summary>
    /// The called method: the ORM method for <c>execute_kw</c>/<c>execute</c>/<c>call_kw</c>/JSON-2
    /// (e.g. <c>search_read</c>), otherwise the service method (e.g. <c>login</c>).
    /// </summary>
    public string? Method { get; internal set; }

    /// <summary>The model of an ORM call, or null.</summary>
    public string? Model { get; internal set; }

    /// <summary>The database named by the request, if any.</summary>
    public string? Database { get; internal set; }

    /// <summary>The user id of the call once authenticated, or null.</summary>
    public int? Uid { get; internal set; }

    /// <summary>
    /// The positional arguments of an ORM call (for <c>execute_kw</c> the list after the method
    /// name, ids included), or of a service call; null for JSON-2. Never contains the password.
    /// </summary>
    public JsonElement? Args { get; internal set; }

    /// <summary>The keyword arguments of an ORM call (for JSON-2, the whole body), or null.</summary>
    public JsonElement? Kwargs { get; internal set; }

    /// <summary>
    /// The <c>session_id</c> cookie the request carried, or null when it carried none. Whether
    /// it named a live session is <see cref="AuthenticatedSession"/>.
    /// </summary>
    public string? SessionId { get; internal set; }

    /// <summary>
    /// Whether the request carried the cookie of a live session authenticated by
    /// <c>/web/session/authenticate</c> on this database (false for no cookie, the anonymous
    /// cookie of <c>version_info</c>, an unknown, expired or destroyed session). A client that
    /// logs in with a password should send it on every call after connecting; on the real
    /// Odoo 18 a call without one costs about 25 ms more (see <see cref="OdooCostModel"/>).
    /// </summary>
    public bool AuthenticatedSession { get; internal set; }

    /// <summary>
    /// The server's id of the TCP connection the request came on. Requests with the same id reused one
    /// connection; with <see cref="OdooTestServerOptions.KeepAlive"/> off (the default, like Odoo's
    /// <c>Connection: close</c>), each request has its own.
    /// </summary>
    public string? ConnectionId { get; internal set; }

    /// <summary>The delay charged by <see cref="OdooTestServerOptions.CostModel"/> (zero when off or for a fault's answer).</summary>
    public TimeSpan ChargedDelay { get; internal set; }

    /// <summary>The HTTP status answered (0 while in progress or when the connection was dropped).</summary>
    public int StatusCode { get; internal set; }

    /// <summary>The error class answered (<c>data.name</c> / JSON-2 <c>name</c>), or null on success.</summary>
    public string? ErrorName { get; internal set; }

    /// <summary>A description of the injected fault, or null.</summary>
    public string? Fault { get; internal set; }

    /// <summary>How long the server took to answer.</summary>
    public TimeSpan Duration { get; internal set; }

    /// <inheritdoc />
    public override string ToString()
        => $"#{Sequence} {HttpMethod} {Path} {Service}{(Service is null ? "" : " ")}{Model}{(Model is null ? "" : ".")}{Method} -> {StatusCode}{(ErrorName is null ? "" : " " + ErrorName)}";
}
