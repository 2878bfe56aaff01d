using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>Invoicing progress of a sale order or line (<c>invoice_status</c>).</summary>
public enum SaleInvoiceStatus
{
    /// <summary>Nothing to invoice.</summary>
    [OdooSelection("no")] No,

    /// <summary>Something is waiting to be invoiced (the key contains a space).</summary>
    [OdooSelection("to invoice")] ToInvoice,

    /// <summary>Fully invoiced.</summary>
    [OdooSelection("invoiced")] Invoiced,

    /// <summary>Delivered more than ordered: an upsell opportunity.</summary>
    [OdooSelection("upselling")] Upselling,
}
