using Odoo.Managers;

namespace Odoo.Models.OpenStack;

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
