namespace Odoo.Models.OpenStack;

/// <summary>
/// An OpenStack grant (<c>openstack.grant</c>): an amount of usage given away for free between two
/// dates.
/// </summary>
[OdooModel("openstack.grant", ClientProperty = "Grants")]
public partial record Grant
{
    /// <summary>The last day the grant applies.</summary>
    public partial DateOnly ExpiryDate { get; }

    /// <summary>The kind of grant, which decides what usage it covers.</summary>
    [Many2One("grant_type")]
    public partial GrantType GrantType { get; }

    /// <summary>The name Odoo computes for the grant.</summary>
    public partial string Name { get; }

    /// <summary>The first day the grant applies.</summary>
    public partial DateOnly StartDate { get; }

    /// <summary>How much usage the grant covers.</summary>
    public partial double Value { get; }

    /// <summary>The voucher code that created the grant, if one did.</summary>
    [Many2One("voucher_code")]
    public partial VoucherCode? VoucherCode { get; }
}
