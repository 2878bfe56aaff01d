using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Odoo.Extensions.DependencyInjection;

/// <summary>
/// What <c>services.AddOdooClient(...)</c> and <c>services.AddKeyedOdooClient(...)</c> return: the builder of the
/// named <see cref="HttpClient"/> the Odoo client sends requests with (add handlers to it as to any
/// <see cref="IHttpClientBuilder"/>), and the Odoo client's own switches (<see cref="ConnectOnStart"/>).
/// </summary>
/// <remarks>
/// Do not add a retrying handler to the HTTP pipeline: every Odoo call is a POST, and a create or write must never
/// be sent twice (the client retries reads itself, see <see cref="OdooClientOptions.MaxReadRetries"/>).
/// </remarks>
public sealed class OdooClientBuilder : IHttpClientBuilder
{
    internal OdooClientBuilder(IHttpClientBuilder http, string? serviceKey)
    {
        Name = http.Name;
        Services = http.Services;
        ServiceKey = serviceKey;
    }

    /// <summary>The name of the <see cref="HttpClient"/> (<c>Odoo</c>, or <c>Odoo:&lt;key&gt;</c> for a keyed client).</summary>
    public string Name { get; }

    /// <summary>The services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The key of a keyed client (<c>[FromKeyedServices("key")]</c>); <see langword="null"/> for the default client.</summary>
    public string? ServiceKey { get; }

    /// <summary>
    /// Connects the client (version detection and login) when the host starts, so a wrong URL, database or password
    /// fails <c>host.StartAsync()</c> (and so <c>app.Run()</c>) with the typed error, not the first request; the first
    /// request then finds the client connected. Adds an <see cref="IHostedService"/>; needs a host
    /// (<c>WebApplication</c>, <c>Host.CreateApplicationBuilder</c>). Calling it twice connects once.
    /// </summary>
    /// <returns>This builder.</returns>
    public OdooClientBuilder ConnectOnStart()
    {
        var marker = new ConnectOnStartMarker(ServiceKey);
        if (Services.Any(d => d.ServiceType == typeof(ConnectOnStartMarker) && Equals(d.ImplementationInstance, marker))) return this;
        Services.AddSingleton(marker);
        var key = ServiceKey;
        Services.AddSingleton<IHostedService>(sp => new OdooConnectOnStart(OdooServiceCollectionExtensions.ProviderOf(sp, key), key));
        return this;
    }

    private sealed record ConnectOnStartMarker(string? Key);
}

/// <summary>Connects one Odoo client when the host starts; a failure fails the start.</summary>
internal sealed class OdooConnectOnStart(IOdooClientProvider provider, string? key) : IHostedService
{
    public string? Key => key;

    public async Task StartAsync(CancellationToken cancellationToken) => await provider.GetClientAsync(cancellationToken).ConfigureAwait(false);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
