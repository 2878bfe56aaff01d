namespace Odoo.Models.OpenStack;

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
