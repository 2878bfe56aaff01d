namespace Odoo.Models.OpenStack;

/// <summary>
/// An OpenStack credit (<c>openstack.credit</c>): a prepaid balance, valid between two dates, that is
/// drawn down by transactions as the customer's usage is invoiced.
/// </summary>
[OdooModel("openstack.credit", ClientProperty = "Credits")]
public partial record Credit
{
    /// <summary>The kind of credit, which decides what it may pay for.</summary>
    [Many2One("credit_type")]
    public partial CreditType CreditType { get; }

    /// <summary>What is left of the balance.</summary>
    public partial double CurrentBalance { get; }

    /// <summary>The last day the credit can be used.</summary>
    public partial DateOnly ExpiryDate { get; }

    /// <summary>The balance the credit started with.</summary>
    public partial double InitialBalance { get; }

    /// <summary>The name Odoo computes for the credit.</summary>
    public partial string Name { get; }

    /// <summary>The first day the credit can be used.</summary>
    public partial DateOnly StartDate { get; }

    /// <summary>The debits taken from this credit.</summary>
    [One2Many("transactions", IdsProperty = "TransactionIds")]
    public partial IReadOnlyList<CreditTransaction> Transactions { get; }

    /// <summary>The voucher code that created the credit, if one did.</summary>
    [Many2One("voucher_code")]
    public partial VoucherCode? VoucherCode { get; }
}
