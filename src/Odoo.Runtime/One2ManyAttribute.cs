namespace Odoo;

/// <summary>
/// Declares a one2many relation. Put it on an <c>IReadOnlyList&lt;TRecord&gt;</c> property. The
/// generator adds <c>{Singular}Ids</c> and <c>Load{Property}Async</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class One2ManyAttribute : Attribute
{
    /// <summary>Declares the one2many Odoo field <paramref name="remoteField"/>.</summary>
    /// <param name="remoteField">The Odoo field name, for example <c>order_line</c>.</param>
    public One2ManyAttribute(string remoteField) => RemoteField = remoteField;

    /// <summary>The Odoo field name.</summary>
    public string RemoteField { get; }

    /// <summary>The name of the generated id-list property; defaults to the singular of the property name plus <c>Ids</c>.</summary>
    public string? IdsProperty { get; set; }
}
