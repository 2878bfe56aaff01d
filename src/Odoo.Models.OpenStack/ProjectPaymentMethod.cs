namespace Odoo.Models.OpenStack;

/// <summary>How an OpenStack project pays (<c>payment_method</c> of <c>openstack.project</c>).</summary>
public enum ProjectPaymentMethod
{
    /// <summary>Paid against an invoice.</summary>
    [OdooSelection("invoice")] Invoice,

    /// <summary>Charged to a credit card.</summary>
    [OdooSelection("credit_card")] CreditCard,
}
