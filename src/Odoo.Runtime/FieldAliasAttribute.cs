namespace Odoo;

/// <summary>
/// Declares a property as another name for <see cref="Target"/>: reads, field lists, domains and
/// create/update values all resolve to the target. Aliases may chain but not loop.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class FieldAliasAttribute : Attribute
{
    /// <summary>Makes the property an alias of <paramref name="target"/>.</summary>
    /// <param name="target">The aliased property; use <c>nameof</c>.</param>
    public FieldAliasAttribute(string target) => Target = target;

    /// <summary>The aliased property name.</summary>
    public string Target { get; }
}
