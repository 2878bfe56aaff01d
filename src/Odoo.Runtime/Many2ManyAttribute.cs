namespace Odoo;

/// <summary>
/// Declares a many2many relation. Put it on an <c>IReadOnlyList&lt;TRecord&gt;</c> property. The
/// generator adds <c>{Singular}Ids</c> and <c>Load{Property}Async</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class Many2ManyAttribute : Attribute
{
    /// <summary>Declares the many2many Odoo field <paramref name="remoteField"/>.</summary>
    /// <param name="remoteField">The Odoo field name, for example <c>tax_ids</c>.</param>
    public Many2ManyAttribute(string remoteField) => RemoteField = remoteField;

    /// <summary>The Odoo field name.</summary>
    public string RemoteField { get; }

    /// <summary>The name of the generated id-list property; defaults to the singular of the property name plus <c>Ids</c>.</summary>
    public string? IdsProperty { get; set; }
}
