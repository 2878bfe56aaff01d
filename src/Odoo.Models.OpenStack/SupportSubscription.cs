namespace Odoo.Models.OpenStack;

/// <summary>
/// A support subscription (<c>openstack.support_subscription</c>) covering either every project of a
/// partner or one project, for a period.
/// </summary>
[OdooModel("openstack.support_subscription", ClientProperty = "SupportSubscriptions")]
public partial record SupportSubscription
{
    /// <summary>Whether the subscription is charged for or given for free.</summary>
    public partial SupportBillingType BillingType { get; }

    /// <summary>The last day of the subscription.</summary>
    public partial DateOnly EndDate { get; }

    /// <summary>The partner whose projects are all covered, if the subscription is per partner.</summary>
    [Many2One("partner")]
    public partial Partner? Partner { get; }

    /// <summary>The one project covered, if the subscription is per project.</summary>
    [Many2One("project")]
    public partial Project? Project { get; }

    /// <summary>The first day of the subscription.</summary>
    public partial DateOnly StartDate { get; }

    /// <summary>The kind of subscription.</summary>
    [Many2One("support_subscription_type")]
    public partial SupportSubscriptionType SupportSubscriptionType { get; }
}
