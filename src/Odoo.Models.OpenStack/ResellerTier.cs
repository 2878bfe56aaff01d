using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>
/// A reseller tier (<c>openstack.reseller.tier</c>): the discount, free monthly credit and free
/// support a reseller gets at that level, and the usage it must reach.
/// </summary>
[OdooModel("openstack.reseller.tier", ClientProperty = "ResellerTiers")]
public partial record ResellerTier : INamedRecord
{
    /// <summary>The tier's name; look tiers up with <c>GetByNameAsync</c>.</summary>
    public partial string Name { get; }

    /// <summary>The largest discount of the tier, as a percentage from 0 to 100.</summary>
    public partial double DiscountPercent { get; }

    /// <summary>The product used for the tier's discount lines.</summary>
    [Many2One("discount_product")]
    public partial Product DiscountProduct { get; }

    /// <summary>The credit the reseller's demonstration projects get each month.</summary>
    public partial double FreeMonthlyCredit { get; }

    /// <summary>The product used to apply the free monthly credit on demonstration-project invoices.</summary>
    [Many2One("free_monthly_credit_product")]
    public partial Product FreeMonthlyCreditProduct { get; }

    /// <summary>Hours of support included at this tier.</summary>
    public partial int FreeSupportHours { get; }

    /// <summary>The usage a reseller must reach to qualify for the tier.</summary>
    public partial double MinUsageThreshold { get; }
}
