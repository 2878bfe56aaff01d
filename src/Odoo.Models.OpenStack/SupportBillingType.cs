namespace Odoo.Models.OpenStack;

/// <summary>How support is paid for (<c>billing_type</c> of the support subscription models).</summary>
public enum SupportBillingType
{
    /// <summary>Charged as its own invoice line.</summary>
    [OdooSelection("paid")] Paid,

    /// <summary>Free, because another contract covers it.</summary>
    [OdooSelection("complimentary")] Complimentary,
}
