namespace Odoo;

/// <summary>
/// Marks a field that Odoo computes and does not let clients write (a computed field without an inverse, a
/// related field that is not stored, a field Odoo sets itself): the generated values type
/// (<c>{Record}Values</c>) has no property for it, so a write of it does not compile. The base record's
/// <c>Id</c>, <c>DisplayName</c> and create/write stamps are never writable and need no marker.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class OdooReadOnlyAttribute : Attribute
{
}
