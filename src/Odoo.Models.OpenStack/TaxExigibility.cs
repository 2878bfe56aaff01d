using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>When a tax becomes due (<c>tax_exigibility</c> of <c>account.tax</c>).</summary>
public enum TaxExigibility
{
    /// <summary>When the invoice is posted.</summary>
    [OdooSelection("on_invoice")] OnInvoice,

    /// <summary>When the invoice is paid.</summary>
    [OdooSelection("on_payment")] OnPayment,
}
