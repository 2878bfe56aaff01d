using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>
/// A kind of support subscription (<c>openstack.support_subscription.type</c>) and how it is priced.
/// </summary>
[OdooModel("openstack.support_subscription.type", ClientProperty = "SupportSubscriptionTypes")]
public partial record SupportSubscriptionType : INamedRecord
{
    /// <summary>The type's name; look types up with <c>GetByNameAsync</c>.</summary>
    public partial string Name { get; }

    /// <summary>Whether subscriptions of this type are charged for or free.</summary>
    public partial SupportBillingType BillingType { get; }

    /// <summary>The product used to invoice subscriptions of this type.</summary>
    [Many2One("product")]
    public partial Product Product { get; }

    /// <summary>The price, as a percentage (0 to 100) of the customer's usage.</summary>
    public partial double UsagePercent { get; }

    /// <summary>Every subscription of this type.</summary>
    [One2Many("support_subscription", IdsProperty = "SupportSubscriptionIds")]
    public partial IReadOnlyList<SupportSubscription> SupportSubscriptions { get; }

    /// <summary>Another name for <see cref="SupportSubscriptions"/>, kept because the Python client has both.</summary>
    [FieldAlias(nameof(SupportSubscriptions))]
    public partial IReadOnlyList<SupportSubscription> SupportSubscription { get; }
}
