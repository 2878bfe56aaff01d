namespace Odoo.Models.OpenStack;

/// <summary>One debit taken from an OpenStack credit (<c>openstack.credit.transaction</c>).</summary>
[OdooModel("openstack.credit.transaction", ClientProperty = "CreditTransactions")]
public partial record CreditTransaction
{
    /// <summary>The credit the amount was taken from.</summary>
    [Many2One("credit")]
    public partial Credit Credit { get; }

    /// <summary>What the amount was spent on.</summary>
    public partial string Description { get; }

    /// <summary>The amount taken from the credit.</summary>
    public partial double Value { get; }
}
