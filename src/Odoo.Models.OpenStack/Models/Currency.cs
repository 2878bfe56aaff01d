using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>A currency and its current rate (<c>res.currency</c>).</summary>
[OdooModel("res.currency", ClientProperty = "Currencies")]
public partial record Currency : INamedRecord
{
    /// <summary>The ISO 4217 code (<c>NZD</c>); look currencies up with <c>GetByNameAsync</c>.</summary>
    public partial string Name { get; }

    /// <summary>Whether the currency is in use (archived currencies are <see langword="false"/>).</summary>
    public partial bool Active { get; }

    /// <summary>The name of the main unit (<c>Dollars</c>); <see langword="null"/> when not set.</summary>
    public partial string? CurrencyUnitLabel { get; }

    /// <summary>The name of the sub-unit (<c>Cents</c>); <see langword="null"/> when not set.</summary>
    public partial string? CurrencySubunitLabel { get; }

    /// <summary>The date of the current rate; <see langword="null"/> when the currency has no rate.</summary>
    [OdooReadOnly]
    public partial DateOnly? Date { get; }

    /// <summary>How many decimals amounts in this currency have (derived from <see cref="Rounding"/>).</summary>
    public partial int DecimalPlaces { get; }

    /// <summary>
    /// Whether the symbol is written before or after the amount; <see langword="null"/> when cleared (Odoo defaults
    /// it to <see cref="CurrencyPosition.After"/> but does not require it: a client may write it empty).
    /// </summary>
    public partial CurrencyPosition? Position { get; }

    /// <summary>The current rate against the company currency (whose rate is 1).</summary>
    [OdooReadOnly]
    public partial double Rate { get; }

    /// <summary>The smallest step amounts are rounded to.</summary>
    public partial double Rounding { get; }

    /// <summary>The symbol printed with amounts (<c>$</c>).</summary>
    public partial string Symbol { get; }
}

/// <summary>Where a currency symbol goes (<c>position</c> of <c>res.currency</c>).</summary>
public enum CurrencyPosition
{
    /// <summary>Before the amount (<c>$10</c>).</summary>
    [OdooSelection("before")] Before,

    /// <summary>After the amount (<c>10 €</c>).</summary>
    [OdooSelection("after")] After,
}
