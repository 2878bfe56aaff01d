namespace Odoo.Models.OpenStack;

/// <summary>The role of a project contact (<c>contact_type</c> of <c>openstack.project_contact</c>).</summary>
public enum ProjectContactType
{
    /// <summary>The main contact.</summary>
    [OdooSelection("primary")] Primary,

    /// <summary>Receives bills.</summary>
    [OdooSelection("billing")] Billing,

    /// <summary>Technical questions.</summary>
    [OdooSelection("technical")] Technical,

    /// <summary>Legal matters.</summary>
    [OdooSelection("legal")] Legal,

    /// <summary>A customer of a reseller (the key contains a space).</summary>
    [OdooSelection("reseller customer")] ResellerCustomer,
}
