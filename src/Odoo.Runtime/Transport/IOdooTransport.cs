namespace Odoo.Transport;

/// <summary>
/// Carries ORM calls to Odoo over one protocol (JSON-RPC or JSON-2). Implementations are
/// thread-safe and hold the authentication state of one connection.
/// </summary>
internal interface IOdooTransport : IAsyncDisposable
{
    /// <summary>Sends <paramref name="call"/> with <paramref name="context"/> and decodes the result with <paramref name="reader"/>.</summary>
    Task<T> ExecuteAsync<T>(OdooCall call, OdooContext context, OdooResultReader<T> reader, CancellationToken cancellationToken);
}
