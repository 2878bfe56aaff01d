using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>Payment progress of an invoice (<c>payment_state</c> of <c>account.move</c>).</summary>
public enum AccountMovePaymentState
{
    /// <summary>Nothing paid.</summary>
    [OdooSelection("not_paid")] NotPaid,

    /// <summary>Paid, the payment not yet reconciled with the bank.</summary>
    [OdooSelection("in_payment")] InPayment,

    /// <summary>Fully paid.</summary>
    [OdooSelection("paid")] Paid,

    /// <summary>Partly paid.</summary>
    [OdooSelection("partial")] Partial,

    /// <summary>Cancelled by a reversal.</summary>
    [OdooSelection("reversed")] Reversed,

    /// <summary>Payment blocked by the user (a state recent Odoo versions add; the Python client does not list it).</summary>
    [OdooSelection("blocked")] Blocked,

    /// <summary>Created by the legacy invoicing application.</summary>
    [OdooSelection("invoicing_legacy")] InvoicingLegacy,
}
