using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>
/// A quotation or confirmed sale order (<c>sale.order</c>). Confirm, cancel and invoice it with
/// <c>ActionConfirmAsync</c>, <c>ActionCancelAsync</c> and <c>CreateInvoicesAsync</c>.
/// </summary>
/// <remarks>The display name comes from the base record's <c>DisplayName</c>.</remarks>
[OdooModel("sale.order", ClientProperty = "SaleOrders")]
public partial record SaleOrder : INamedRecord
{
    /// <summary>The order reference; look orders up with <c>GetByNameAsync</c>.</summary>
    public partial string Name { get; }

    /// <summary>The total, taxes excluded.</summary>
    public partial double AmountUntaxed { get; }

    /// <summary>The total of the taxes.</summary>
    public partial double AmountTax { get; }

    /// <summary>The total, taxes included.</summary>
    public partial double AmountTotal { get; }

    /// <summary>The customer's own reference for the order; <see langword="null"/> when not given.</summary>
    public partial string? ClientOrderRef { get; }

    /// <summary>The currency of the order.</summary>
    [Many2One("currency_id")]
    public partial Currency Currency { get; }

    /// <summary>When the order was placed (UTC).</summary>
    public partial DateTime DateOrder { get; }

    /// <summary>How many invoices were made from the order.</summary>
    [OdooReadOnly]
    public partial int InvoiceCount { get; }

    /// <summary>The invoices made from the order.</summary>
    [Many2Many("invoice_ids", IdsProperty = "InvoiceIds")]
    [OdooReadOnly]
    public partial IReadOnlyList<AccountMove> Invoices { get; }

    /// <summary>How much of the order remains to be invoiced.</summary>
    public partial SaleInvoiceStatus InvoiceStatus { get; }

    /// <summary>Notes on the order, often the terms and conditions; <see langword="null"/> when empty.</summary>
    public partial string? Note { get; }

    /// <summary>The order's lines (Odoo field <c>order_line</c>).</summary>
    [One2Many("order_line", IdsProperty = "OrderLineIds")]
    public partial IReadOnlyList<SaleOrderLine> OrderLine { get; }

    /// <summary>Another name for <see cref="OrderLine"/>.</summary>
    [FieldAlias(nameof(OrderLine))]
    public partial IReadOnlyList<SaleOrderLine> OrderLines { get; }

    /// <summary>The invoice date to give the invoice made from the order; <see langword="null"/> when not set.</summary>
    public partial DateOnly? OsInvoiceDate { get; }

    /// <summary>The due date to give the invoice made from the order; <see langword="null"/> when not set.</summary>
    public partial DateOnly? OsInvoiceDueDate { get; }

    /// <summary>The OpenStack project the order bills, if any.</summary>
    [Many2One("os_project")]
    public partial Project? OsProject { get; }

    /// <summary>The customer.</summary>
    [Many2One("partner_id")]
    public partial Partner Partner { get; }

    /// <summary>Where the order is in its lifecycle.</summary>
    public partial SaleOrderState State { get; }
}

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
