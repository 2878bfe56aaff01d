using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Odoo.Extensions.DependencyInjection;

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
