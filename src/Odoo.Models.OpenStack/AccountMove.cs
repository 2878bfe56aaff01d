using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>
/// An invoice, credit note or other journal entry (<c>account.move</c>). Post drafts with
/// <c>ActionPostAsync</c> and email OpenStack invoices with <c>SendOpenStackInvoiceEmailAsync</c>.
/// </summary>
/// <remarks>
/// On Odoo 13.0 three fields have older names (<c>type</c>, <c>invoice_sent</c>,
/// <c>invoice_payment_state</c>); the mapping is declared on the properties.
/// </remarks>
[OdooModel("account.move", ClientProperty = "AccountMoves")]
public partial record AccountMove : INamedRecord
{
    /// <summary>The entry's main attachment (usually the invoice PDF), if one is set.</summary>
    [Many2One("message_main_attachment_id")]
    public partial Attachment? MessageMainAttachment { get; }

    /// <summary>
    /// The invoice number or entry reference; look entries up with <c>GetByNameAsync</c>.
    /// <see langword="null"/> while a draft has not been numbered.
    /// </summary>
    public partial string? Name { get; }

    /// <summary>The total, taxes included.</summary>
    public partial double AmountTotal { get; }

    /// <summary>The total, taxes excluded.</summary>
    public partial double AmountUntaxed { get; }

    /// <summary>The currency the entry is expressed in.</summary>
    [Many2One("currency_id")]
    public partial Currency Currency { get; }

    /// <summary>The invoice date; <see langword="null"/> on a draft that has none yet (Odoo 18 sets it when posting).</summary>
    public partial DateOnly? InvoiceDate { get; }

    /// <summary>The date payment is due; <see langword="null"/> when the entry has none.</summary>
    public partial DateOnly? InvoiceDateDue { get; }

    /// <summary>The invoice lines (not the other journal items).</summary>
    [One2Many("invoice_line_ids", IdsProperty = "InvoiceLineIds")]
    public partial IReadOnlyList<AccountMoveLine> InvoiceLines { get; }

    /// <summary>Whether the invoice has been sent to the customer.</summary>
    [OdooFieldVersion("13.0", "invoice_sent")]
    public partial bool IsMoveSent { get; }

    /// <summary>What kind of entry this is.</summary>
    [OdooFieldVersion("13.0", "type")]
    public partial AccountMoveType MoveType { get; }

    /// <summary>The OpenStack project the invoice bills, if any.</summary>
    [Many2One("os_project")]
    public partial Project? OsProject { get; }

    /// <summary>How far payment of the invoice has progressed.</summary>
    [OdooFieldVersion("13.0", "invoice_payment_state")]
    public partial AccountMovePaymentState PaymentState { get; }

    /// <summary>Whether the entry is a draft, posted or cancelled.</summary>
    public partial AccountMoveState State { get; }
}
