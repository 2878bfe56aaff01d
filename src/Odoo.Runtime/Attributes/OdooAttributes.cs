namespace Odoo;

/// <summary>
/// Declares a partial record as an Odoo model. The OdooGen generator implements its partial
/// properties, a UTF-8 JSON decoder, field metadata, a manager (<c>{Record}Manager</c>) and a
/// property for that manager on <see cref="OdooClient"/>.
/// </summary>
/// <example><code>
/// [OdooModel("openstack.referral_code")]
/// public partial record ReferralCode
/// {
///     public partial string Code { get; }
/// }
/// </code></example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class OdooModelAttribute : Attribute
{
    /// <summary>Declares the record as the Odoo model <paramref name="modelName"/>.</summary>
    /// <param name="modelName">The Odoo model name, for example <c>res.partner</c>.</param>
    public OdooModelAttribute(string modelName) => ModelName = modelName;

    /// <summary>
    /// Declares a record that extends the model of the <c>[OdooModel]</c> record it derives from
    /// (same Odoo model, more fields): <c>[OdooModel] public partial record BillingPartner : Partner</c>.
    /// </summary>
    public OdooModelAttribute() => ModelName = "";

    /// <summary>The Odoo model name; empty when the record extends the model of its base record.</summary>
    public string ModelName { get; }

    /// <summary>The generated manager class name; defaults to <c>{Record}Manager</c>.</summary>
    public string? ManagerName { get; set; }

    /// <summary>The name of the manager's property on the client; defaults to the plural of the record name (<c>ReferralCodes</c>).</summary>
    public string? ClientProperty { get; set; }

    /// <summary>The local (C#) or remote names of the fields read when a call names none; by default all fields are read.</summary>
    public string[]? DefaultFields { get; set; }
}

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

/// <summary>
/// Gives a property another Odoo field name on some Odoo versions (matched by major.minor, so
/// <c>13.0+e</c> matches <c>13.0</c>). Repeat it for several versions.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
public sealed class OdooFieldVersionAttribute : Attribute
{
    /// <summary>Maps the property to <paramref name="remoteName"/> on Odoo <paramref name="version"/>.</summary>
    /// <param name="version">The Odoo version, for example <c>13.0</c>.</param>
    /// <param name="remoteName">The field name on that version.</param>
    public OdooFieldVersionAttribute(string version, string remoteName)
    {
        Version = version;
        RemoteName = remoteName;
    }

    /// <summary>The Odoo version (major.minor).</summary>
    public string Version { get; }

    /// <summary>The field name on that version.</summary>
    public string RemoteName { get; }
}

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

/// <summary>Leaves a property out of the Odoo mapping (it must then have its own implementation).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class OdooIgnoreAttribute : Attribute
{
}
