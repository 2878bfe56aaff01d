namespace Odoo.Extensions.DependencyInjection;

/// <summary>
/// Hands out a typed wrapper of the shared <see cref="OdooClient"/> (for example <c>OpenStackOdooClient</c>),
/// created once from the client by the function given to
/// <c>AddOdooClient&lt;TClient&gt;(..., wrap)</c>.
/// </summary>
/// <typeparam name="TClient">The wrapper type.</typeparam>
public interface IOdooClientProvider<TClient>
    where TClient : class
{
    /// <summary>Returns the wrapper of the connected client, connecting on the first call (see <see cref="IOdooClientProvider.GetClientAsync"/>).</summary>
    /// <param name="cancellationToken">Stops this caller waiting.</param>
    /// <returns>The shared wrapper. Do not dispose it: the provider owns the client under it.</returns>
    ValueTask<TClient> GetClientAsync(CancellationToken cancellationToken = default);
}
