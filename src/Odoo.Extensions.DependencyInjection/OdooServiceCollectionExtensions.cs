using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Odoo;
using Odoo.Extensions.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Odoo client in an <see cref="IServiceCollection"/>.</summary>
/// <example><code>
/// // appsettings.json: { "Odoo": { "Url": "https://erp.example.com", "Database": "prod", "Username": "billing", "ApiKey": "..." } }
/// builder.Services.AddOdooClient(builder.Configuration.GetSection("Odoo"));
/// // or, with a typed wrapper:
/// builder.Services.AddOdooClient(builder.Configuration.GetSection("Odoo"), OpenStackOdooClient.FromClient);
/// </code></example>
public static class OdooServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the Odoo client gets from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "Odoo";

    /// <summary>
    /// Registers a shared <see cref="OdooClient"/>, reached through <see cref="IOdooClientProvider"/>, with options
    /// bound from <paramref name="configuration"/> (keys named as the <see cref="OdooClientOptions"/> properties:
    /// <c>Url</c>, <c>Database</c>, <c>Username</c>, <c>Password</c>, <c>ApiKey</c>, <c>Protocol</c>, <c>Timeout</c>...;
    /// <c>Context</c> is a section of context entries, for example <c>"Context": { "lang": "fr_FR" }</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding the options (for example <c>configuration.GetSection("Odoo")</c>).</param>
    /// <returns>The builder of the named <see cref="HttpClient"/> the client sends requests with, to add handlers to.
    /// Do not add a retrying handler: every Odoo call is a POST, and a create or write must never be sent twice
    /// (the client retries reads itself, see <see cref="OdooClientOptions.MaxReadRetries"/>).</returns>
    public static IHttpClientBuilder AddOdooClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OdooClientOptions>();
        services.AddSingleton<IConfigureOptions<OdooClientOptions>>(new OdooClientOptionsBinder(configuration));
        services.AddSingleton<IOptionsChangeTokenSource<OdooClientOptions>>(new OdooClientOptionsChangeTokenSource(configuration));
        return AddCore(services);
    }

    /// <summary>Registers a shared <see cref="OdooClient"/>, reached through <see cref="IOdooClientProvider"/>, with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the named <see cref="HttpClient"/> the client sends requests with (see
    /// <see cref="AddOdooClient(IServiceCollection, IConfiguration)"/>).</returns>
    public static IHttpClientBuilder AddOdooClient(this IServiceCollection services, Action<OdooClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OdooClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers a shared <see cref="OdooClient"/> bound from <paramref name="configuration"/> (see
    /// <see cref="AddOdooClient(IServiceCollection, IConfiguration)"/>) and a typed wrapper of it, reached through
    /// <see cref="IOdooClientProvider{TClient}"/>.
    /// </summary>
    /// <typeparam name="TClient">The wrapper type, for example <c>OpenStackOdooClient</c>.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <param name="wrap">Wraps the connected client, without a request (for example <c>OpenStackOdooClient.FromClient</c>).</param>
    /// <returns>The builder of the named <see cref="HttpClient"/> the client sends requests with.</returns>
    public static IHttpClientBuilder AddOdooClient<TClient>(this IServiceCollection services, IConfiguration configuration, Func<OdooClient, TClient> wrap)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(wrap);
        var builder = services.AddOdooClient(configuration);
        AddWrapper(services, wrap);
        return builder;
    }

    /// <summary>Registers a shared <see cref="OdooClient"/> with options set in code, and a typed wrapper of it, reached through <see cref="IOdooClientProvider{TClient}"/>.</summary>
    /// <typeparam name="TClient">The wrapper type, for example <c>OpenStackOdooClient</c>.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <param name="wrap">Wraps the connected client, without a request (for example <c>OpenStackOdooClient.FromClient</c>).</param>
    /// <returns>The builder of the named <see cref="HttpClient"/> the client sends requests with.</returns>
    public static IHttpClientBuilder AddOdooClient<TClient>(this IServiceCollection services, Action<OdooClientOptions> configure, Func<OdooClient, TClient> wrap)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(wrap);
        var builder = services.AddOdooClient(configure);
        AddWrapper(services, wrap);
        return builder;
    }

    private static void AddWrapper<TClient>(IServiceCollection services, Func<OdooClient, TClient> wrap)
        where TClient : class =>
        services.TryAddSingleton<IOdooClientProvider<TClient>>(sp => new OdooClientProvider<TClient>(sp.GetRequiredService<IOdooClientProvider>(), wrap));

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OdooClientOptions>, OdooClientOptionsValidator>());
        services.TryAddSingleton<IOdooClientProvider, OdooClientProvider>();
        return services.AddHttpClient(HttpClientName)
            // The Odoo client applies OdooClientOptions.Timeout to each request (and tells a timeout from a cancellation).
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static sp => OdooHttpHandlers.Create(sp.GetRequiredService<IOptionsMonitor<OdooClientOptions>>().CurrentValue));
    }
}
