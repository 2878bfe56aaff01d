using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Odoo.Extensions.DependencyInjection;

/// <summary>
/// Checks that an Odoo client can connect and that Odoo still accepts its credentials: connects when not yet
/// connected, then makes one light authenticated call (<c>res.users.context_get</c>). Healthy with the server version,
/// database, protocol and user id as data; unhealthy (or the registration's failure status) with the typed error,
/// whose message never holds the password or API key. Register with <c>services.AddHealthChecks().AddOdooClient()</c>.
/// </summary>
public sealed class OdooHealthCheck : IHealthCheck
{
    private readonly IOdooClientProvider _provider;

    /// <summary>Creates the check of the client <paramref name="provider"/> hands out.</summary>
    /// <param name="provider">The client's provider.</param>
    public OdooHealthCheck(IOdooClientProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _provider = provider;
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var client = await _provider.GetClientAsync(cancellationToken).ConfigureAwait(false);
            await client.Model("res.users").CallAsync("context_get", cancellationToken: cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(
                $"Odoo {client.ServerVersion} at {client.BaseUrl}, database '{client.Database}'",
                new Dictionary<string, object>
                {
                    ["server_version"] = client.ServerVersion.Text,
                    ["database"] = client.Database,
                    ["protocol"] = client.Protocol.ToString(),
                    ["user_id"] = client.UserId,
                });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message, ex);
        }
    }
}

/// <summary>Adds Odoo clients to the health checks.</summary>
public static class OdooHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds an <see cref="OdooHealthCheck"/> of the default client (<paramref name="serviceKey"/> <see langword="null"/>)
    /// or of the keyed client registered with <c>AddKeyedOdooClient(serviceKey, ...)</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="serviceKey">The keyed client's key; <see langword="null"/> for the default client.</param>
    /// <param name="name">The check's name; defaults to <c>odoo</c>, or <c>odoo:&lt;key&gt;</c> for a keyed client.</param>
    /// <param name="failureStatus">The status reported on failure; <see cref="HealthStatus.Unhealthy"/> by default.</param>
    /// <param name="tags">Tags to filter checks by (for example <c>ready</c>).</param>
    /// <param name="timeout">How long the check may take.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddOdooClient(
        this IHealthChecksBuilder builder,
        string? serviceKey = null,
        string? name = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name ?? (serviceKey is null ? "odoo" : "odoo:" + serviceKey),
            sp => new OdooHealthCheck(OdooServiceCollectionExtensions.ProviderOf(sp, serviceKey)),
            failureStatus,
            tags,
            timeout));
    }
}
