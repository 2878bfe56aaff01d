namespace Odoo.Models.OpenStack;

/// <summary>A category of units of measure (<c>uom.category</c>), such as length or working time.</summary>
[OdooModel("uom.category", ClientProperty = "UomCategories")]
public partial record UomCategory
{
    /// <summary>The category's name.</summary>
    public partial string Name { get; }
}
