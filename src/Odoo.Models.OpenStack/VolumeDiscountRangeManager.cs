using Odoo.Domains;

namespace Odoo.Models.OpenStack;

/// <summary>Volume discount lookups: which band a spend falls in.</summary>
public partial class VolumeDiscountRangeManager
{
    /// <summary>
    /// Finds the volume discount band that applies to a charge (one <c>search_read</c>, all fields, Odoo's
    /// default order), with the Python client's rules:
    /// <list type="bullet">
    /// <item>only the bands of <paramref name="customerGroupId"/> are considered, or, when it is
    /// <see langword="null"/> (or 0), only the bands without a group: group bands and generic bands are never mixed;</item>
    /// <item>a band qualifies when <c>charge &gt;= Min</c>, and, if <c>UseMax</c> is set and <c>Max</c> is not zero, <c>charge &lt; Max</c>;</item>
    /// <item>the qualifying band with the highest <c>DiscountPercent</c> wins; on a tie, the one Odoo lists last.</item>
    /// </list>
    /// </summary>
    /// <param name="charge">The amount charged.</param>
    /// <param name="customerGroupId">The customer group, or <see langword="null"/> for customers without one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The band, or <see langword="null"/> when none qualifies.</returns>
    public async Task<VolumeDiscountRange?> GetForChargeAsync(double charge, int? customerGroupId = null, CancellationToken cancellationToken = default)
    {
        object group = customerGroupId is { } id && id != 0 ? id : false;
        var bands = await SearchAsync(OdooDomain.Equal(nameof(VolumeDiscountRange.CustomerGroup), group), cancellationToken: cancellationToken).ConfigureAwait(false);
        VolumeDiscountRange? best = null;
        foreach (var band in bands)
        {
            if (charge < band.Min) continue;
            if (band.UseMax && band.Max is { } max && max != 0 && charge >= max) continue;
            if (best is null || band.DiscountPercent >= best.DiscountPercent) best = band;
        }
        return best;
    }

    /// <summary>Finds the volume discount band that applies to a charge for a customer group (see <see cref="GetForChargeAsync(double, int?, CancellationToken)"/>).</summary>
    /// <param name="charge">The amount charged.</param>
    /// <param name="customerGroup">The customer group, or <see langword="null"/> for customers without one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<VolumeDiscountRange?> GetForChargeAsync(double charge, CustomerGroup? customerGroup, CancellationToken cancellationToken = default) =>
        GetForChargeAsync(charge, customerGroup?.Id, cancellationToken);
}
