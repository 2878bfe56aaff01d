namespace Odoo.Extensions.DependencyInjection;

/// <summary>
/// Hands out the application's shared <see cref="OdooClient"/>. Connecting is asynchronous (it detects the
/// server version and logs in), which a service constructor cannot await, so services take this provider
/// and ask it for the client where they can await. The first call connects; later calls return the same
/// client without a request. Registered as a singleton by <c>services.AddOdooClient(...)</c>.
/// </summary>
/// <remarks>
/// The options are read once, when the client connects: the provider never reconnects when they change
/// (a configuration reload or any <c>IOptionsMonitor</c> change). A rotated password or API key, or a new
/// URL or database, takes effect only after the application restarts or through a new provider (a new
/// service provider).
/// </remarks>
/// <example><code>
/// public sealed class InvoiceService(IOdooClientProvider odoo)
/// {
///     public async Task&lt;int&gt; CountAsync(CancellationToken ct)
///     {
///         OdooClient client = await odoo.GetClientAsync(ct);
///         return await client.Manager&lt;Invoice&gt;().CountAsync(cancellationToken: ct);
///     }
/// }
/// </code></example>
public interface IOdooClientProvider
{
    /// <summary>
    /// Returns the connected client, connecting on the first call. Concurrent first calls share one
    /// connection attempt; after a failed attempt the next call tries again.
    /// </summary>
    /// <param name="cancellationToken">Stops <em>this caller</em> waiting; the attempt itself goes on for the other callers.</param>
    /// <returns>The shared client. Do not dispose it: the provider (and so the container) owns it.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The configured options are invalid (the message names the option).</exception>
    /// <exception cref="OdooAccessDeniedException">The login or API key was refused.</exception>
    /// <exception cref="OdooTransportException">The server could not be reached, timed out or answered an HTTP error.</exception>
    /// <exception cref="ObjectDisposedException">The provider (the service provider) was disposed.</exception>
    ValueTask<OdooClient> GetClientAsync(CancellationToken cancellationToken = default);
}
