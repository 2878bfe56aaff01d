using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Odoo;
using Odoo.Extensions.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Odoo clients in an <see cref="IServiceCollection"/>.</summary>
/// <remarks>
/// Each registration gives three ways to the same shared client: <see cref="OdooClient"/> itself (for constructors),
/// <see cref="IOdooClientProvider"/> (to await the connection where a method can), and, with a wrap function, the
/// typed wrapper and <see cref="IOdooClientProvider{TClient}"/>. The client connects once, on first use, thread-safely;
/// <see cref="OdooClientBuilder.ConnectOnStart"/> connects when the host starts instead. Several databases: one
/// <c>AddKeyedOdooClient(key, ...)</c> per database, injected with <c>[FromKeyedServices(key)]</c>. The container's
/// <see cref="ILoggerFactory"/>, when there is one, becomes <see cref="OdooClientOptions.LoggerFactory"/>.
/// </remarks>
/// <example><code>
/// // appsettings.json: { "Odoo": { "Url": "https://erp.example.com", "Database": "prod", "Username": "billing", "ApiKey": "..." } }
/// builder.Services.AddOdooClient(builder.Configuration.GetSection("Odoo")).ConnectOnStart();
/// builder.Services.AddKeyedOdooClient("archive", builder.Configuration.GetSection("OdooArchive"));
/// builder.Services.AddHealthChecks().AddOdooClient().AddOdooClient("archive");
/// </code></example>
public static class OdooServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the default Odoo client gets from <see cref="IHttpClientFactory"/>
    /// (a keyed client's is <c>Odoo:&lt;key&gt;</c>).</summary>
    public const string HttpClientName = "Odoo";

    /// <summary>
    /// Registers the shared default <see cref="OdooClient"/> (and <see cref="IOdooClientProvider"/>) with options bound
    /// from <paramref name="configuration"/> (keys named as the <see cref="OdooClientOptions"/> properties:
    /// <c>Url</c>, <c>Database</c>, <c>Username</c>, <c>Password</c>, <c>ApiKey</c>, <c>Protocol</c>, <c>Timeout</c>...;
    /// <c>Context</c> is a section of context entries, for example <c>"Context": { "lang": "fr_FR" }</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding the options (for example <c>configuration.GetSection("Odoo")</c>).</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/> and of its own switches.</returns>
    public static OdooClientBuilder AddOdooClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        Bind(services, configuration, Options.Options.DefaultName);
        return AddCore(services, null);
    }

    /// <summary>Registers the shared default <see cref="OdooClient"/> (and <see cref="IOdooClientProvider"/>) with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/> and of its own switches.</returns>
    public static OdooClientBuilder AddOdooClient(this IServiceCollection services, Action<OdooClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OdooClientOptions>().Configure(configure);
        return AddCore(services, null);
    }

    /// <summary>
    /// Registers the shared default <see cref="OdooClient"/> bound from <paramref name="configuration"/> (see
    /// <see cref="AddOdooClient(IServiceCollection, IConfiguration)"/>) and a typed wrapper of it: <typeparamref name="TClient"/>
    /// itself and <see cref="IOdooClientProvider{TClient}"/>.
    /// </summary>
    /// <typeparam name="TClient">The wrapper type, for example <c>OpenStackOdooClient</c>.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <param name="wrap">Wraps the connected client, without a request (for example <c>OpenStackOdooClient.FromClient</c>).</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/> and of its own switches.</returns>
    public static OdooClientBuilder AddOdooClient<TClient>(this IServiceCollection services, IConfiguration configuration, Func<OdooClient, TClient> wrap)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(wrap);
        var builder = services.AddOdooClient(configuration);
        AddWrapper(services, null, wrap);
        return builder;
    }

    /// <summary>Registers the shared default <see cref="OdooClient"/> with options set in code, and a typed wrapper of it
    /// (<typeparamref name="TClient"/> and <see cref="IOdooClientProvider{TClient}"/>).</summary>
    /// <typeparam name="TClient">The wrapper type, for example <c>OpenStackOdooClient</c>.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <param name="wrap">Wraps the connected client, without a request (for example <c>OpenStackOdooClient.FromClient</c>).</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/> and of its own switches.</returns>
    public static OdooClientBuilder AddOdooClient<TClient>(this IServiceCollection services, Action<OdooClientOptions> configure, Func<OdooClient, TClient> wrap)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(wrap);
        var builder = services.AddOdooClient(configure);
        AddWrapper(services, null, wrap);
        return builder;
    }

    /// <summary>
    /// Registers a shared <see cref="OdooClient"/> under <paramref name="serviceKey"/>, for an application that talks to
    /// several Odoo databases or servers: inject it with <c>[FromKeyedServices("key")] OdooClient</c> (or
    /// <see cref="IOdooClientProvider"/> with the same key). Its options are named after the key
    /// (<c>IOptionsMonitor&lt;OdooClientOptions&gt;.Get(key)</c>) and bound from <paramref name="configuration"/> as for
    /// <see cref="AddOdooClient(IServiceCollection, IConfiguration)"/>; its <see cref="HttpClient"/> is <c>Odoo:&lt;key&gt;</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The key, for example <c>"eu"</c>; not empty.</param>
    /// <param name="configuration">The configuration section holding this client's options.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/> and of its own switches.</returns>
    /// <exception cref="ArgumentException">The key is empty, or a client is already registered under it.</exception>
    public static OdooClientBuilder AddKeyedOdooClient(this IServiceCollection services, string serviceKey, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        CheckKey(services, serviceKey);
        Bind(services, configuration, serviceKey);
        return AddCore(services, serviceKey);
    }

    /// <summary>Registers a shared <see cref="OdooClient"/> under <paramref name="serviceKey"/> with options set in code
    /// (see <see cref="AddKeyedOdooClient(IServiceCollection, string, IConfiguration)"/>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The key, for example <c>"eu"</c>; not empty.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/> and of its own switches.</returns>
    /// <exception cref="ArgumentException">The key is empty, or a client is already registered under it.</exception>
    public static OdooClientBuilder AddKeyedOdooClient(this IServiceCollection services, string serviceKey, Action<OdooClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        CheckKey(services, serviceKey);
        services.AddOptions<OdooClientOptions>(serviceKey).Configure(configure);
        return AddCore(services, serviceKey);
    }

    /// <summary>Registers a keyed client bound from configuration and a typed wrapper of it, both under <paramref name="serviceKey"/>
    /// (<typeparamref name="TClient"/> and <see cref="IOdooClientProvider{TClient}"/>).</summary>
    /// <typeparam name="TClient">The wrapper type, for example <c>OpenStackOdooClient</c>.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The key; not empty.</param>
    /// <param name="configuration">The configuration section holding this client's options.</param>
    /// <param name="wrap">Wraps the connected client, without a request.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/> and of its own switches.</returns>
    public static OdooClientBuilder AddKeyedOdooClient<TClient>(this IServiceCollection services, string serviceKey, IConfiguration configuration, Func<OdooClient, TClient> wrap)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(wrap);
        var builder = services.AddKeyedOdooClient(serviceKey, configuration);
        AddWrapper(services, serviceKey, wrap);
        return builder;
    }

    /// <summary>The client provider registered under <paramref name="serviceKey"/> (<see langword="null"/>: the default client).</summary>
    internal static IOdooClientProvider ProviderOf(IServiceProvider services, string? serviceKey) =>
        serviceKey is null ? services.GetRequiredService<IOdooClientProvider>() : services.GetRequiredKeyedService<IOdooClientProvider>(serviceKey);

    private static void Bind(IServiceCollection services, IConfiguration configuration, string name)
    {
        services.AddOptions<OdooClientOptions>(name);
        services.AddSingleton<IConfigureOptions<OdooClientOptions>>(new OdooClientOptionsBinder(configuration, name));
        services.AddSingleton<IOptionsChangeTokenSource<OdooClientOptions>>(new OdooClientOptionsChangeTokenSource(configuration, name));
    }

    private static void CheckKey(IServiceCollection services, string serviceKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceKey);
        if (services.Any(d => d.IsKeyedService && d.ServiceType == typeof(IOdooClientProvider) && Equals(d.ServiceKey, serviceKey)))
        {
            throw new ArgumentException($"An Odoo client is already registered under the key '{serviceKey}'.", nameof(serviceKey));
        }
    }

    private static void AddWrapper<TClient>(IServiceCollection services, string? serviceKey, Func<OdooClient, TClient> wrap)
        where TClient : class
    {
        if (serviceKey is null)
        {
            services.TryAddSingleton<IOdooClientProvider<TClient>>(sp => new OdooClientProvider<TClient>(sp.GetRequiredService<IOdooClientProvider>(), wrap));
            services.TryAddSingleton<TClient>(sp => Wrapped<TClient>(sp.GetRequiredService<IOdooClientProvider<TClient>>()));
        }
        else
        {
            services.TryAddKeyedSingleton<IOdooClientProvider<TClient>>(serviceKey, (sp, _) => new OdooClientProvider<TClient>(sp.GetRequiredKeyedService<IOdooClientProvider>(serviceKey), wrap));
            services.TryAddKeyedSingleton<TClient>(serviceKey, (sp, _) => Wrapped<TClient>(sp.GetRequiredKeyedService<IOdooClientProvider<TClient>>(serviceKey)));
        }
    }

    private static TClient Wrapped<TClient>(IOdooClientProvider<TClient> provider)
        where TClient : class
    {
        var pending = provider.GetClientAsync(CancellationToken.None);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    private static OdooClientBuilder AddCore(IServiceCollection services, string? serviceKey)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OdooClientOptions>, OdooClientOptionsValidator>());
        var optionsName = serviceKey ?? Options.Options.DefaultName;
        var httpClientName = serviceKey is null ? HttpClientName : HttpClientName + ":" + serviceKey;
        if (serviceKey is null)
        {
            services.TryAddSingleton(sp => NewProvider(sp, optionsName, httpClientName));
            services.TryAddSingleton<IOdooClientProvider>(static sp => sp.GetRequiredService<OdooClientProvider>());
            services.TryAddSingleton(static sp => sp.GetRequiredService<OdooClientProvider>().GetConnectedClient());
        }
        else
        {
            services.AddKeyedSingleton(serviceKey, (sp, _) => NewProvider(sp, optionsName, httpClientName));
            services.AddKeyedSingleton<IOdooClientProvider>(serviceKey, static (sp, key) => sp.GetRequiredKeyedService<OdooClientProvider>(key));
            services.AddKeyedSingleton(serviceKey, static (sp, key) => sp.GetRequiredKeyedService<OdooClientProvider>(key).GetConnectedClient());
        }
        var http = services.AddHttpClient(httpClientName)
            // The Odoo client applies OdooClientOptions.Timeout to each request (and tells a timeout from a cancellation).
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => OdooHttpHandlers.Create(sp.GetRequiredService<IOptionsMonitor<OdooClientOptions>>().Get(optionsName)));
        return new OdooClientBuilder(http, serviceKey);
    }

    private static OdooClientProvider NewProvider(IServiceProvider sp, string optionsName, string httpClientName) =>
        new(sp.GetRequiredService<IOptionsMonitor<OdooClientOptions>>(), sp.GetRequiredService<IHttpClientFactory>(), sp.GetService<ILoggerFactory>(), optionsName, httpClientName);
}
