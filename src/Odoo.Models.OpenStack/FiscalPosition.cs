namespace Odoo.Models.OpenStack;

/// <summary>
/// A fiscal position (<c>account.fiscal.position</c>): rules that replace some taxes by others for
/// the partners it applies to.
/// </summary>
[OdooModel("account.fiscal.position", ClientProperty = "FiscalPositions")]
public partial record FiscalPosition
{
    /// <summary>Whether the fiscal position is in use (archived ones are <see langword="false"/>).</summary>
    public partial bool Active { get; }

    /// <summary>The company the fiscal position belongs to.</summary>
    [Many2One("company_id")]
    public partial Company Company { get; }

    /// <summary>The fiscal position's name (not necessarily unique).</summary>
    public partial string Name { get; }

    /// <summary>The tax replacements of this fiscal position.</summary>
    [One2Many("tax_ids", IdsProperty = "TaxIds")]
    public partial IReadOnlyList<FiscalPositionTaxMapping> Taxes { get; }
}
