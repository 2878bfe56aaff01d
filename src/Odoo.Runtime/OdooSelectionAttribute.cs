namespace Odoo;

/// <summary>Names the Odoo selection key of an enum member (the default is the snake_case of the member name).</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class OdooSelectionAttribute : Attribute
{
    /// <summary>Maps the enum member to the selection key <paramref name="key"/>.</summary>
    /// <param name="key">The Odoo selection key, for example <c>draft</c>.</param>
    public OdooSelectionAttribute(string key) => Key = key;

    /// <summary>The Odoo selection key.</summary>
    public string Key { get; }
}
