using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>Where a currency symbol goes (<c>position</c> of <c>res.currency</c>).</summary>
public enum CurrencyPosition
{
    /// <summary>Before the amount (<c>$10</c>).</summary>
    [OdooSelection("before")] Before,

    /// <summary>After the amount (<c>10 €</c>).</summary>
    [OdooSelection("after")] After,
}
