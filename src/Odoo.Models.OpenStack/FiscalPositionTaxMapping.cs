namespace Odoo.Models.OpenStack;

/// <summary>
/// One tax replacement of a fiscal position (<c>account.fiscal.position.tax</c>): a source tax and the
/// tax used instead, or none.
/// </summary>
[OdooModel("account.fiscal.position.tax", ClientProperty = "FiscalPositionTaxMappings")]
public partial record FiscalPositionTaxMapping
{
    /// <summary>The company of the mapping (the fiscal position's company).</summary>
    [Many2One("company_id")]
    public partial Company Company { get; }

    /// <summary>The fiscal position the mapping is part of.</summary>
    [Many2One("position_id")]
    public partial FiscalPosition Position { get; }

    /// <summary>The tax being replaced.</summary>
    [Many2One("tax_src_id")]
    public partial Tax TaxSrc { get; }

    /// <summary>The tax used instead; <see langword="null"/> when the source tax is simply dropped.</summary>
    [Many2One("tax_dest_id")]
    public partial Tax? TaxDest { get; }
}
