namespace Odoo.Models.OpenStack;

/// <summary>A node of the product category tree (<c>product.category</c>).</summary>
[OdooModel("product.category", ClientProperty = "ProductCategories")]
public partial record ProductCategory
{
    /// <summary>The categories directly below this one (Odoo field <c>child_id</c>; ids in <c>ChildId</c>).</summary>
    [One2Many("child_id", IdsProperty = "ChildId")]
    public partial IReadOnlyList<ProductCategory> Children { get; }

    /// <summary>Another name for <c>ChildId</c>: the ids of the child categories.</summary>
    [FieldAlias("ChildId")]
    public partial IReadOnlyList<int> ChildIds { get; }

    /// <summary>The full path of the category (<c>All / Expenses</c>).</summary>
    public partial string CompleteName { get; }

    /// <summary>The category's own name (not unique, even under one parent).</summary>
    public partial string Name { get; }

    /// <summary>The category directly above this one, if any.</summary>
    [Many2One("parent_id")]
    public partial ProductCategory? Parent { get; }

    /// <summary>Odoo's materialised path of ids used for hierarchy searches; <see langword="null"/> when not computed.</summary>
    public partial string? ParentPath { get; }

    /// <summary>How many products are in the category (and the categories below it).</summary>
    [OdooReadOnly]
    public partial int ProductCount { get; }
}
