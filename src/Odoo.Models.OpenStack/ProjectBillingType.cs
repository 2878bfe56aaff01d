namespace Odoo.Models.OpenStack;

/// <summary>Whether an OpenStack project is billed (<c>billing_type</c> of <c>openstack.project</c>).</summary>
public enum ProjectBillingType
{
    /// <summary>A customer project, billed.</summary>
    [OdooSelection("customer")] Customer,

    /// <summary>An internal project, not billed.</summary>
    [OdooSelection("internal")] Internal,
}
