using Odoo.Domains;

namespace Odoo.Fields;

/// <summary>
/// A typed reference to a relation field (many2one, one2many, many2many) of <typeparamref name="TRecord"/>
/// to <typeparamref name="TTarget"/>: conditions on the related records (<see cref="Any"/>), hierarchy
/// operators, and paths through the relation (<see cref="Then(OdooStringField{TTarget})"/>).
/// </summary>
/// <typeparam name="TRecord">The record type that holds the field.</typeparam>
/// <typeparam name="TTarget">The related record type.</typeparam>
public abstract class OdooRelationField<TRecord, TTarget> : OdooField<TRecord>
    where TRecord : OdooRecord
    where TTarget : OdooRecord
{
    private protected OdooRelationField(string path, string odooName)
        : base(path, odooName)
    {
    }

    /// <summary><c>(field, "any", domain)</c>: some related record matches <paramref name="domain"/> (Odoo 17 and later).</summary>
    /// <param name="domain">A domain over <typeparamref name="TTarget"/>, for example built from <c>TTarget.Fields</c>.</param>
    public OdooDomain Any(OdooDomain domain) => OdooDomain.Where(Path, "any", domain ?? throw new ArgumentNullException(nameof(domain)));

    /// <summary><c>(field, "not any", domain)</c>: no related record matches <paramref name="domain"/> (Odoo 17 and later).</summary>
    /// <param name="domain">A domain over <typeparamref name="TTarget"/>.</param>
    public OdooDomain NotAny(OdooDomain domain) => OdooDomain.Where(Path, "not any", domain ?? throw new ArgumentNullException(nameof(domain)));

    /// <summary><c>(field, "child_of", id)</c>: linked to the record <paramref name="id"/> or one of its descendants (hierarchical models).</summary>
    /// <param name="id">The id of the ancestor.</param>
    public OdooDomain ChildOf(int id) => OdooDomain.Where(Path, "child_of", id);

    /// <summary><c>(field, "child_of", record)</c>.</summary>
    /// <param name="record">The ancestor.</param>
    public OdooDomain ChildOf(TTarget record) => OdooDomain.Where(Path, "child_of", record ?? throw new ArgumentNullException(nameof(record)));

    /// <summary><c>(field, "parent_of", id)</c>: linked to the record <paramref name="id"/> or one of its ancestors (hierarchical models).</summary>
    /// <param name="id">The id of the descendant.</param>
    public OdooDomain ParentOf(int id) => OdooDomain.Where(Path, "parent_of", id);

    /// <summary><c>(field, "parent_of", record)</c>.</summary>
    /// <param name="record">The descendant.</param>
    public OdooDomain ParentOf(TTarget record) => OdooDomain.Where(Path, "parent_of", record ?? throw new ArgumentNullException(nameof(record)));

    /// <summary><c>(field, "in", ids)</c>: linked to one of these records.</summary>
    /// <param name="ids">Record ids.</param>
    public OdooDomain In(params int[] ids) => OdooDomain.In(Path, ids ?? throw new ArgumentNullException(nameof(ids)));

    /// <summary><c>(field, "in", ids)</c>: linked to one of these records.</summary>
    /// <param name="ids">Record ids.</param>
    public OdooDomain In(IEnumerable<int> ids) => OdooDomain.In(Path, ids ?? throw new ArgumentNullException(nameof(ids)));

    /// <summary><c>(field, "in", ids of records)</c>.</summary>
    /// <param name="records">Records of <typeparamref name="TTarget"/>.</param>
    public OdooDomain In(IEnumerable<TTarget> records) => OdooDomain.In(Path, (records ?? throw new ArgumentNullException(nameof(records))).Select(r => r.Id).ToArray());

    /// <summary><c>(field, "not in", ids)</c>.</summary>
    /// <param name="ids">Record ids.</param>
    public OdooDomain NotIn(params int[] ids) => OdooDomain.NotIn(Path, ids ?? throw new ArgumentNullException(nameof(ids)));

    /// <summary><c>(field, "not in", ids)</c>.</summary>
    /// <param name="ids">Record ids.</param>
    public OdooDomain NotIn(IEnumerable<int> ids) => OdooDomain.NotIn(Path, ids ?? throw new ArgumentNullException(nameof(ids)));

    /// <summary>A text field of the related records, reached through this relation (<c>referral_credit_type.name</c>).</summary>
    /// <param name="field">A field of <typeparamref name="TTarget"/>, for example <c>CreditType.Fields.Name</c>.</param>
    public OdooStringField<TRecord> Then(OdooStringField<TTarget> field) =>
        (field ?? throw new ArgumentNullException(nameof(field))).Under<TRecord>(Path, OdooName);

    /// <summary>A value field of the related records, reached through this relation.</summary>
    /// <typeparam name="TValue">The field's type.</typeparam>
    /// <param name="field">A field of <typeparamref name="TTarget"/>.</param>
    public OdooValueField<TRecord, TValue> Then<TValue>(OdooValueField<TTarget, TValue> field) =>
        new(Join(Path, (field ?? throw new ArgumentNullException(nameof(field))).Path), Join(OdooName, field.OdooName));

    /// <summary>A many2one of the related records, reached through this relation (<c>partner.country</c>).</summary>
    /// <typeparam name="TNext">The record type that relation links to.</typeparam>
    /// <param name="field">A many2one field of <typeparamref name="TTarget"/>.</param>
    public OdooMany2OneField<TRecord, TNext> Then<TNext>(OdooMany2OneField<TTarget, TNext> field)
        where TNext : OdooRecord =>
        new(Join(Path, (field ?? throw new ArgumentNullException(nameof(field))).Path), Join(OdooName, field.OdooName));

    /// <summary>A one2many or many2many of the related records, reached through this relation.</summary>
    /// <typeparam name="TNext">The record type that relation links to.</typeparam>
    /// <param name="field">An x2many field of <typeparamref name="TTarget"/>.</param>
    public OdooX2ManyField<TRecord, TNext> Then<TNext>(OdooX2ManyField<TTarget, TNext> field)
        where TNext : OdooRecord =>
        new(Join(Path, (field ?? throw new ArgumentNullException(nameof(field))).Path), Join(OdooName, field.OdooName));
}
