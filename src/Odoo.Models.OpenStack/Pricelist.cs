using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>
/// A pricelist (<c>product.pricelist</c>): the rules that price products. Ask Odoo for a price with
/// <c>GetPriceAsync</c>.
/// </summary>
[OdooModel("product.pricelist", ClientProperty = "Pricelists")]
public partial record Pricelist : INamedRecord
{
    /// <summary>The pricelist's name; look pricelists up with <c>GetByNameAsync</c>.</summary>
    public partial string Name { get; }

    /// <summary>Whether the pricelist is in use (archived ones are <see langword="false"/>).</summary>
    public partial bool Active { get; }

    /// <summary>The company the pricelist is limited to; <see langword="null"/> when shared.</summary>
    [Many2One("company_id")]
    public partial Company? Company { get; }

    /// <summary>The currency of the prices.</summary>
    [Many2One("currency_id")]
    public partial Currency Currency { get; }
}
