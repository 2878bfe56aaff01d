namespace Odoo;

/// <summary>
/// Declares a many2one relation. Put it on a property whose type is the related <c>[OdooModel]</c>
/// record (nullable when the link may be empty). The generator adds <c>{Property}Id</c> and
/// <c>{Property}Name</c> (from Odoo's <c>[id, display_name]</c> pair, no request) and
/// <c>Load{Property}Async</c> (one request, then cached).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class Many2OneAttribute : Attribute
{
    /// <summary>Declares the many2one Odoo field <paramref name="remoteField"/>.</summary>
    /// <param name="remoteField">The Odoo field name, for example <c>partner_id</c>.</param>
    public Many2OneAttribute(string remoteField) => RemoteField = remoteField;

    /// <summary>The Odoo field name.</summary>
    public string RemoteField { get; }

    /// <summary>The name of the generated id property; defaults to <c>{Property}Id</c>.</summary>
    public string? IdProperty { get; set; }

    /// <summary>The name of the generated display-name property; defaults to <c>{Property}Name</c>.</summary>
    public string? NameProperty { get; set; }
}
