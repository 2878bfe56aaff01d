using Odoo.Domains;

namespace Odoo.Fields;

/// <summary>
/// A typed reference to a many2one field of <typeparamref name="TRecord"/> to <typeparamref name="TTarget"/>:
/// compare it with an id or a record (<c>ReferralCode.Fields.ReferralCreditType == 5</c>), with <see langword="null"/>
/// for an empty link, or follow it (<see cref="OdooRelationField{TRecord, TTarget}.Then(OdooStringField{TTarget})"/>).
/// </summary>
/// <typeparam name="TRecord">The record type that holds the field.</typeparam>
/// <typeparam name="TTarget">The related record type.</typeparam>
public sealed class OdooMany2OneField<TRecord, TTarget> : OdooRelationField<TRecord, TTarget>
    where TRecord : OdooRecord
    where TTarget : OdooRecord
{
    /// <summary>Creates the reference (generated code calls this).</summary>
    /// <param name="path">The C# path.</param>
    /// <param name="odooName">The Odoo path as declared.</param>
    public OdooMany2OneField(string path, string odooName)
        : base(path, odooName)
    {
    }

    /// <summary><c>(field, "=", id)</c>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="id">The linked record's id.</param>
    public static OdooDomain operator ==(OdooMany2OneField<TRecord, TTarget> field, int id) => Leaf(field, "=", id);

    /// <summary><c>(field, "!=", id)</c>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="id">The record's id.</param>
    public static OdooDomain operator !=(OdooMany2OneField<TRecord, TTarget> field, int id) => Leaf(field, "!=", id);

    /// <summary><c>(field, "=", record id)</c>; <see langword="null"/> means an empty link (<c>False</c>).</summary>
    /// <param name="field">The field.</param>
    /// <param name="record">The linked record, or <see langword="null"/>.</param>
    public static OdooDomain operator ==(OdooMany2OneField<TRecord, TTarget> field, TTarget? record) => Leaf(field, "=", record);

    /// <summary><c>(field, "!=", record id)</c>; <see langword="null"/> means "the link is set".</summary>
    /// <param name="field">The field.</param>
    /// <param name="record">The record, or <see langword="null"/>.</param>
    public static OdooDomain operator !=(OdooMany2OneField<TRecord, TTarget> field, TTarget? record) => Leaf(field, "!=", record);

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();

    private static OdooDomain Leaf(OdooMany2OneField<TRecord, TTarget> field, string op, object? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        return OdooDomain.Where(field.Path, op, value);
    }
}
