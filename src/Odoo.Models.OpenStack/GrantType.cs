using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>
/// A kind of OpenStack grant (<c>openstack.grant.type</c>): which products its grants cover and the
/// product that shows the grant on invoices.
/// </summary>
[OdooModel("openstack.grant.type", ClientProperty = "GrantTypes")]
public partial record GrantType : INamedRecord
{
    /// <summary>The grant type's name; look types up with <c>GetByNameAsync</c>.</summary>
    public partial string Name { get; }

    /// <summary>Every grant of this type.</summary>
    [One2Many("grants", IdsProperty = "GrantIds")]
    public partial IReadOnlyList<Grant> Grants { get; }

    /// <summary>
    /// When not empty, the only products the grant covers. Cannot be combined with
    /// <see cref="OnlyForProductCategories"/>; when both are empty the grant covers everything.
    /// </summary>
    [Many2Many("only_for_products", IdsProperty = "OnlyForProductIds")]
    public partial IReadOnlyList<Product> OnlyForProducts { get; }

    /// <summary>
    /// When not empty, the only product categories the grant covers. Cannot be combined with
    /// <see cref="OnlyForProducts"/>; when both are empty the grant covers everything.
    /// </summary>
    [Many2Many("only_for_product_categories", IdsProperty = "OnlyForProductCategoryIds")]
    public partial IReadOnlyList<ProductCategory> OnlyForProductCategories { get; }

    /// <summary>
    /// Whether, when invoices are grouped, the grant may only be used by the root project of the
    /// group.
    /// </summary>
    public partial bool OnlyOnGroupRoot { get; }

    /// <summary>The product placed on an invoice line when a grant of this type is applied.</summary>
    [Many2One("product")]
    public partial Product Product { get; }
}
