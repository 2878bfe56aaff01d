namespace Odoo.Models.OpenStack;

/// <summary>A unit of measure (<c>uom.uom</c>).</summary>
[OdooModel("uom.uom", ClientProperty = "Uoms")]
public partial record Uom
{
    /// <summary>Whether the unit is in use (archived units are <see langword="false"/>).</summary>
    public partial bool Active { get; }

    /// <summary>The category the unit belongs to; units convert only within a category.</summary>
    [Many2One("category_id")]
    public partial UomCategory Category { get; }

    /// <summary>How many of this unit make one reference unit of the category.</summary>
    public partial double Factor { get; }

    /// <summary>The inverse of <see cref="Factor"/>.</summary>
    [OdooReadOnly]
    public partial double FactorInv { get; }

    /// <summary>The unit's name.</summary>
    public partial string Name { get; }

    /// <summary>Whether the unit is bigger than, smaller than, or the reference unit of its category.</summary>
    public partial UomType UomType { get; }
}

/// <summary>A unit's size against its category's reference unit (<c>uom_type</c> of <c>uom.uom</c>).</summary>
public enum UomType
{
    /// <summary>Bigger than the reference unit.</summary>
    [OdooSelection("bigger")] Bigger,

    /// <summary>The reference unit.</summary>
    [OdooSelection("reference")] Reference,

    /// <summary>Smaller than the reference unit.</summary>
    [OdooSelection("smaller")] Smaller,
}
