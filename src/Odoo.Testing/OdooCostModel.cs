using System.Security.Cryptography.X509Certificates;

namespace Odoo.Testing;

/// <summary>
/// What a request costs on the server besides its work, for <see cref="OdooTestServerOptions.CostModel"/>.
/// A charged delay waits on <see cref="OdooTestServerOptions.TimeProvider"/> before the request is
/// answered, and is recorded in <see cref="OdooRecordedRequest.ChargedDelay"/>.
/// </summary>
public sealed record OdooCostModel
{
    /// <summary>
    /// Charged to every request (routing, session loading, the transaction). Zero by default.
    /// </summary>
    public TimeSpan PerRequest { get; init; }

    /// <summary>
    /// Charged on top to a request that carries no cookie of a live authenticated session
    /// (<see cref="OdooRecordedRequest.AuthenticatedSession"/> false): a real Odoo then lists
    /// the databases (a PostgreSQL round trip) and sets up a new session. Zero by default.
    /// </summary>
    public TimeSpan WithoutSession { get; init; }

    /// <summary>
    /// The costs measured on a real Odoo 18 on loopback (docs/testing.md, "Cost model"): about
    /// 5 ms per request and 25 ms more without an authenticated session.
    /// </summary>
    public static OdooCostModel Odoo18 { get; } = new() { PerRequest = TimeSpan.FromMilliseconds(5), WithoutSession = TimeSpan.FromMilliseconds(25) };
}
