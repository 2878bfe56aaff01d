namespace Odoo.Models.OpenStack;

/// <summary>
/// A product variant that can be sold (<c>product.product</c>). For OpenStack billing, each rated
/// resource is a product whose display name is what OpenStack and invoices show.
/// </summary>
/// <remarks>The display name comes from the base record's <c>DisplayName</c>.</remarks>
[OdooModel("product.product", ClientProperty = "Products")]
public partial record Product
{
    /// <summary>Whether the product is in use (archived products are <see langword="false"/>).</summary>
    public partial bool Active { get; }

    /// <summary>The product's category.</summary>
    [Many2One("categ_id")]
    public partial ProductCategory Categ { get; }

    /// <summary>The company the product is limited to; <see langword="null"/> when shared.</summary>
    [Many2One("company_id")]
    public partial Company? Company { get; }

    /// <summary>
    /// The internal reference; the OpenStack add-on stores the rated unit here.
    /// <see langword="null"/> when not set.
    /// </summary>
    public partial string? DefaultCode { get; }

    /// <summary>The product's description; <see langword="null"/> when there is none.</summary>
    public partial string? Description { get; }

    /// <summary>The sales price, which becomes the unit price on invoices.</summary>
    public partial double ListPrice { get; }

    /// <summary>The product's name.</summary>
    public partial string Name { get; }

    /// <summary>Whether the product can be sold.</summary>
    public partial bool SaleOk { get; }

    /// <summary>The product's default sales taxes (Odoo field <c>taxes_id</c>; ids in <c>TaxesId</c>).</summary>
    [Many2Many("taxes_id", IdsProperty = "TaxesId")]
    public partial IReadOnlyList<Tax> Taxes { get; }

    /// <summary>Another name for <c>TaxesId</c>: the ids of the default sales taxes.</summary>
    [FieldAlias("TaxesId")]
    public partial IReadOnlyList<int> TaxIds { get; }

    /// <summary>The unit the product is sold in.</summary>
    [Many2One("uom_id")]
    public partial Uom Uom { get; }
}
