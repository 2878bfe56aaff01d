namespace Odoo.Models.OpenStack;

/// <summary>
/// A volume discount band (<c>openstack.volume_discount_range</c>): spending between
/// <see cref="Min"/> and <see cref="Max"/> earns <see cref="DiscountPercent"/>. Find the band for
/// an amount with <c>GetForChargeAsync</c>.
/// </summary>
[OdooModel("openstack.volume_discount_range", ClientProperty = "VolumeDiscountRanges")]
public partial record VolumeDiscountRange
{
    /// <summary>The customer group the band is limited to; <see langword="null"/> when it applies to everyone else.</summary>
    [Many2One("customer_group")]
    public partial CustomerGroup? CustomerGroup { get; }

    /// <summary>The discount of the band, as a percentage from 0 to 100.</summary>
    public partial double DiscountPercent { get; }

    /// <summary>The description Odoo computes for the band.</summary>
    public partial string Name { get; }

    /// <summary>
    /// The upper bound of the band (exclusive). Only enforced when <see cref="UseMax"/> is set and the
    /// bound is not zero.
    /// </summary>
    public partial double? Max { get; }

    /// <summary>The lower bound of the band (inclusive).</summary>
    public partial double Min { get; }

    /// <summary>Whether <see cref="Max"/> is enforced.</summary>
    public partial bool UseMax { get; }
}
