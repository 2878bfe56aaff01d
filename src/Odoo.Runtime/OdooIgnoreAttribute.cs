namespace Odoo;

/// <summary>Leaves a property out of the Odoo mapping (it must then have its own implementation).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class OdooIgnoreAttribute : Attribute
{
}
