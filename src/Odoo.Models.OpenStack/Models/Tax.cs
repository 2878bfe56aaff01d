using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>A tax (<c>account.tax</c>).</summary>
[OdooModel("account.tax", ClientProperty = "Taxes")]
public partial record Tax : INamedRecord
{
    /// <summary>The tax's name; look taxes up with <c>GetByNameAsync</c>.</summary>
    public partial string Name { get; }

    /// <summary>Whether the tax is in use (archived taxes are <see langword="false"/>).</summary>
    public partial bool Active { get; }

    /// <summary>The rate or the fixed amount, depending on <see cref="AmountType"/>.</summary>
    public partial double Amount { get; }

    /// <summary>How <see cref="Amount"/> is applied.</summary>
    public partial TaxAmountType AmountType { get; }

    /// <summary>Whether the tax amount is booked on the line's analytic account.</summary>
    public partial bool Analytic { get; }

    /// <summary>The company that owns the tax.</summary>
    [Many2One("company_id")]
    public partial Company Company { get; }

    /// <summary>The country code of the tax's country; <see langword="null"/> when it has none.</summary>
    [OdooReadOnly]
    public partial string? CountryCode { get; }

    /// <summary>The tax's description; <see langword="null"/> when empty.</summary>
    public partial string? Description { get; }

    /// <summary>Whether taxes computed after this one include it in their base.</summary>
    public partial bool IncludeBaseAmount { get; }

    /// <summary>Whether prices already contain this tax.</summary>
    [OdooReadOnly]
    public partial bool PriceInclude { get; }

    /// <summary>
    /// When the tax becomes due (Odoo field <c>tax_exigibility</c>); <see langword="null"/> when cleared (Odoo
    /// defaults it to <c>on_invoice</c> but does not require it: a client may write it empty).
    /// </summary>
    public partial TaxExigibility? TaxExigibility { get; }

    /// <summary>
    /// Another name for <see cref="TaxExigibility"/>, under the Python client's misspelt name
    /// (<c>tax_eligibility</c>, a field Odoo does not have).
    /// </summary>
    [FieldAlias(nameof(TaxExigibility))]
    public partial TaxExigibility? TaxEligibility { get; }

    /// <summary>The group the tax is reported under.</summary>
    [Many2One("tax_group_id")]
    public partial TaxGroup TaxGroup { get; }
}

/// <summary>How a tax's amount is computed (<c>amount_type</c> of <c>account.tax</c>).</summary>
public enum TaxAmountType
{
    /// <summary>A group of other taxes.</summary>
    [OdooSelection("group")] Group,

    /// <summary>A fixed amount.</summary>
    [OdooSelection("fixed")] Fixed,

    /// <summary>A percentage of the price.</summary>
    [OdooSelection("percent")] Percent,

    /// <summary>A percentage of the price, tax included.</summary>
    [OdooSelection("division")] Division,
}

/// <summary>When a tax becomes due (<c>tax_exigibility</c> of <c>account.tax</c>).</summary>
public enum TaxExigibility
{
    /// <summary>When the invoice is posted.</summary>
    [OdooSelection("on_invoice")] OnInvoice,

    /// <summary>When the invoice is paid.</summary>
    [OdooSelection("on_payment")] OnPayment,
}
