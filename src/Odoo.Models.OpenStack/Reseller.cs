namespace Odoo.Models.OpenStack;

/// <summary>
/// A reseller (<c>openstack.reseller</c>): an organisation that bills its own customers, at a tier
/// that sets its discount, and that may link to its own billing and support pages.
/// </summary>
[OdooModel("openstack.reseller", ClientProperty = "Resellers")]
public partial record Reseller
{
    /// <summary>The reseller's own billing page; <see langword="null"/> when it has none.</summary>
    public partial string? AlternativeBillingUrl { get; }

    /// <summary>The reseller's own support page; <see langword="null"/> when it has none.</summary>
    public partial string? AlternativeSupportUrl { get; }

    /// <summary>The reseller's demonstration project, if it has one.</summary>
    [Many2One("demo_project")]
    public partial Project? DemoProject { get; }

    /// <summary>Whether the billing link is hidden from the reseller's customers.</summary>
    public partial bool HideBilling { get; }

    /// <summary>Whether the support link is hidden from the reseller's customers.</summary>
    public partial bool HideSupport { get; }

    /// <summary>The name Odoo computes for the reseller (its partner's name).</summary>
    public partial string Name { get; }

    /// <summary>The partner that is the reseller.</summary>
    [Many2One("partner")]
    public partial Partner Partner { get; }

    /// <summary>The reseller's tier.</summary>
    [Many2One("tier")]
    public partial ResellerTier Tier { get; }
}
