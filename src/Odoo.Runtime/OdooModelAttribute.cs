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
