using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>The lifecycle state of a sale order (<c>state</c> of <c>sale.order</c>, also on its lines).</summary>
public enum SaleOrderState
{
    /// <summary>A quotation.</summary>
    [OdooSelection("draft")] Draft,

    /// <summary>A quotation that has been sent to the customer (Odoo has it; the Python client's list omits it).</summary>
    [OdooSelection("sent")] Sent,

    /// <summary>A confirmed sale order.</summary>
    [OdooSelection("sale")] Sale,

    /// <summary>
    /// Locked. Only Odoo 16 and older send it: from Odoo 17 on, a locked order stays
    /// <see cref="Sale"/> and locking is a separate flag.
    /// </summary>
    [OdooSelection("done")] Done,

    /// <summary>Cancelled.</summary>
    [OdooSelection("cancel")] Cancel,
}
