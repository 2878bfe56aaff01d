using Odoo;
using Odoo.Models.OpenStack;

namespace Billing;

/// <summary>
/// Another team's own Odoo model, declared in its own assembly from the packages alone, with a
/// many2one to a model of Odoo.Models.OpenStack.
/// </summary>
[OdooModel("x.billing.account")]
public partial record BillingAccount
{
    /// <summary>The account number.</summary>
    public partial string Name { get; }

    /// <summary>The balance owed.</summary>
    public partial decimal Balance { get; }

    /// <summary>The partner billed; <see langword="null"/> for an account not assigned yet.</summary>
    [Many2One("partner_id")]
    public partial Partner? Partner { get; }
}
