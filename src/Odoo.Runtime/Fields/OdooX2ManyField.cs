using Odoo.Domains;

namespace Odoo.Fields;

/// <summary>
/// A typed reference to a one2many or many2many field of <typeparamref name="TRecord"/> to <typeparamref name="TTarget"/>:
/// <see cref="Contains(int)"/>, <see cref="OdooRelationField{TRecord, TTarget}.Any"/>, <see cref="IsEmpty"/>, and paths
/// through the relation.
/// </summary>
/// <typeparam name="TRecord">The record type that holds the field.</typeparam>
/// <typeparam name="TTarget">The related record type.</typeparam>
public sealed class OdooX2ManyField<TRecord, TTarget> : OdooRelationField<TRecord, TTarget>
    where TRecord : OdooRecord
    where TTarget : OdooRecord
{
    /// <summary>Creates the reference (generated code calls this).</summary>
    /// <param name="path">The C# path.</param>
    /// <param name="odooName">The Odoo path as declared.</param>
    public OdooX2ManyField(string path, string odooName)
        : base(path, odooName)
    {
    }

    /// <summary><c>(field, "in", [id])</c>: the relation holds the record <paramref name="id"/>.</summary>
    /// <param name="id">The record's id.</param>
    public OdooDomain Contains(int id) => OdooDomain.In(Path, new[] { id });

    /// <summary><c>(field, "in", [record id])</c>: the relation holds <paramref name="record"/>.</summary>
    /// <param name="record">The record.</param>
    public OdooDomain Contains(TTarget record) => OdooDomain.In(Path, new[] { (record ?? throw new ArgumentNullException(nameof(record))).Id });

    /// <summary><c>(field, "=", False)</c>: the relation holds no record.</summary>
    public OdooDomain IsEmpty() => IsNotSet();

    /// <summary><c>(field, "!=", False)</c>: the relation holds at least one record.</summary>
    public OdooDomain IsNotEmpty() => IsSet();
}
