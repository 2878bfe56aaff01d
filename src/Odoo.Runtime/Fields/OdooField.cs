using Odoo.Domains;

namespace Odoo.Fields;

/// <summary>
/// A typed reference to a field of a generated record type, for example <c>ReferralCode.Fields.AllowedUses</c>:
/// it builds domains with C# operators (<c>ReferralCode.Fields.AllowedUses &gt; 0</c>), orders
/// (<see cref="Descending"/>) and field lists, and is checked by the compiler where a string name is not.
/// </summary>
/// <remarks>
/// A field reference holds the C# path of the field (<see cref="Path"/>, for example <c>ReferralCreditType.Name</c>
/// through a relation), which managers resolve exactly as they resolve the same path written as a string: a
/// typed domain, order or field list sends the same request as its string form, with version-specific Odoo
/// names chosen for the server. Where a string is expected (a <c>fields:</c> list, an <c>order:</c>, a unique-field
/// lookup), the reference converts to its path.
/// </remarks>
public abstract class OdooField
{
    private protected OdooField(string path, string odooName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(odooName);
        Path = path;
        OdooName = odooName;
    }

    /// <summary>The C# path of the field, for example <c>AllowedUses</c> or <c>ReferralCreditType.Name</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// The Odoo path of the field as declared (for example <c>allowed_uses</c> or <c>referral_credit_type.name</c>);
    /// requests use the name that the server's version calls the field, which <see cref="Path"/> resolves to.
    /// </summary>
    public string OdooName { get; }

    /// <summary>An ascending order on this field (<c>"{Path} asc"</c>).</summary>
    public OdooOrder Ascending => new(Path + " asc");

    /// <summary>A descending order on this field (<c>"{Path} desc"</c>).</summary>
    public OdooOrder Descending => new(Path + " desc");

    /// <summary>The field's <see cref="Path"/>, so that a field reference goes wherever a field name goes.</summary>
    /// <param name="field">The field.</param>
    public static implicit operator string(OdooField field) => (field ?? throw new ArgumentNullException(nameof(field))).Path;

    /// <summary>The field's <see cref="Path"/>.</summary>
    public override string ToString() => Path;

    /// <summary>Reference equality: field references are compared with <c>==</c> to build domains, never to each other.</summary>
    /// <param name="obj">The other object.</param>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>A hash of the path.</summary>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path);

    /// <summary>A condition on this field (the same as <see cref="OdooDomain.Where"/> with <see cref="Path"/>).</summary>
    /// <param name="operator">An Odoo operator.</param>
    /// <param name="value">The value.</param>
    public OdooDomain Where(string @operator, object? value) => OdooDomain.Where(Path, @operator, value);

    /// <summary>The field is set: <c>(field, "!=", False)</c>.</summary>
    public OdooDomain IsSet() => OdooDomain.Where(Path, "!=", false);

    /// <summary>The field is not set (empty link, empty text, no date): <c>(field, "=", False)</c>.</summary>
    public OdooDomain IsNotSet() => OdooDomain.Where(Path, "=", false);

    private protected static string Join(string prefix, string path) => prefix + "." + path;
}
