using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>
/// A sign-up voucher (<c>openstack.voucher_code</c>). Claiming it can create a credit and a grant
/// for the new customer, put the customer in a customer group and tag it.
/// </summary>
[OdooModel("openstack.voucher_code", ClientProperty = "VoucherCodes")]
public partial record VoucherCode : ICodedRecord
{
    /// <summary>The code customers enter; look vouchers up with <c>GetByCodeAsync</c>.</summary>
    public partial string Code { get; }

    /// <summary>Whether the voucher has been claimed.</summary>
    public partial bool Claimed { get; }

    /// <summary>Opening balance of the credit the voucher creates; <see langword="null"/> when it creates none.</summary>
    public partial double? CreditAmount { get; }

    /// <summary>The type of the credit the voucher creates, if any.</summary>
    [Many2One("credit_type")]
    public partial CreditType? CreditType { get; }

    /// <summary>Validity of the created credit, in days; <see langword="null"/> when not set.</summary>
    public partial int? CreditDuration { get; }

    /// <summary>The customer group new customers are placed in, if any.</summary>
    [Many2One("customer_group")]
    public partial CustomerGroup? CustomerGroup { get; }

    /// <summary>The last day the voucher can be claimed; <see langword="null"/> when it never expires.</summary>
    public partial DateOnly? ExpiryDate { get; }

    /// <summary>Validity of the created grant, in days; <see langword="null"/> when not set.</summary>
    public partial int? GrantDuration { get; }

    /// <summary>The type of the grant the voucher creates, if any.</summary>
    [Many2One("grant_type")]
    public partial GrantType? GrantType { get; }

    /// <summary>Amount of the grant the voucher creates; <see langword="null"/> when it creates none.</summary>
    public partial double? GrantValue { get; }

    /// <summary>Whether the voucher can be claimed any number of times until it expires.</summary>
    public partial bool MultiUse { get; }

    /// <summary>The name Odoo computes for the voucher (the code as entered).</summary>
    public partial string Name { get; }

    /// <summary>The quota size given to new projects; <see langword="null"/> for the usual default.</summary>
    public partial string? QuotaSize { get; }

    /// <summary>The salesperson (a partner) answerable for the voucher, if any.</summary>
    [Many2One("sales_person")]
    public partial Partner? SalesPerson { get; }

    /// <summary>Partner tags put on customers who sign up with the voucher.</summary>
    [Many2Many("tags", IdsProperty = "TagIds")]
    public partial IReadOnlyList<PartnerCategory> Tags { get; }
}
