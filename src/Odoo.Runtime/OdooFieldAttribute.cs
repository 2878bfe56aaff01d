namespace Odoo;

/// <summary>Sets the Odoo field name of a property (the default is the snake_case of the property name).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class OdooFieldAttribute : Attribute
{
    /// <summary>Maps the property to <paramref name="remoteName"/>.</summary>
    /// <param name="remoteName">The Odoo field name.</param>
    public OdooFieldAttribute(string remoteName) => RemoteName = remoteName;

    /// <summary>The Odoo field name.</summary>
    public string RemoteName { get; }
}
