using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>
/// A kind of OpenStack credit (<c>openstack.credit.type</c>): which products its credits may pay
/// for, the product that shows the credit on invoices, and whether leftovers are refundable.
/// </summary>
[OdooModel("openstack.credit.type", ClientProperty = "CreditTypes")]
public partial record CreditType : INamedRecord
{
    /// <summary>The credit type's name; look types up with <c>GetByNameAsync</c>.</summary>
    public partial string Name { get; }

    /// <summary>Every credit of this type.</summary>
    [One2Many("credits", IdsProperty = "CreditIds")]
    public partial IReadOnlyList<Credit> Credits { get; }

    /// <summary>
    /// When not empty, the only products the credit may pay for. Cannot be combined with
    /// <see cref="OnlyForProductCategories"/>; when both are empty the credit covers every product.
    /// </summary>
    [Many2Many("only_for_products", IdsProperty = "OnlyForProductIds")]
    public partial IReadOnlyList<Product> OnlyForProducts { get; }

    /// <summary>
    /// When not empty, the only product categories the credit may pay for. Cannot be combined with
    /// <see cref="OnlyForProducts"/>; when both are empty the credit covers every product.
    /// </summary>
    [Many2Many("only_for_product_categories", IdsProperty = "OnlyForProductCategoryIds")]
    public partial IReadOnlyList<ProductCategory> OnlyForProductCategories { get; }

    /// <summary>The product placed on an invoice line when a credit of this type is applied.</summary>
    [Many2One("product")]
    public partial Product Product { get; }

    /// <summary>Whether a balance left unused may be paid back to the customer.</summary>
    public partial bool Refundable { get; }
}
