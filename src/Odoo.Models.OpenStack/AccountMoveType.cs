using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>The kind of journal entry (<c>move_type</c> of <c>account.move</c>).</summary>
public enum AccountMoveType
{
    /// <summary>A plain journal entry.</summary>
    [OdooSelection("entry")] Entry,

    /// <summary>A customer invoice.</summary>
    [OdooSelection("out_invoice")] OutInvoice,

    /// <summary>A customer credit note.</summary>
    [OdooSelection("out_refund")] OutRefund,

    /// <summary>A vendor bill.</summary>
    [OdooSelection("in_invoice")] InInvoice,

    /// <summary>A vendor credit note.</summary>
    [OdooSelection("in_refund")] InRefund,

    /// <summary>A sales receipt.</summary>
    [OdooSelection("out_receipt")] OutReceipt,

    /// <summary>A purchase receipt.</summary>
    [OdooSelection("in_receipt")] InReceipt,
}
