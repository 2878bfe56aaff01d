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
