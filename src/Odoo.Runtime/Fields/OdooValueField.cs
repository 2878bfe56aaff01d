using System.Collections;
using Odoo.Domains;

namespace Odoo.Fields;

/// <summary>
/// A typed reference to a value field (number, text, boolean, date, selection) of <typeparamref name="TRecord"/>
/// whose C# type is <typeparamref name="TValue"/>: comparisons with a value of another type do not compile.
/// </summary>
/// <typeparam name="TRecord">The record type that holds the field.</typeparam>
/// <typeparam name="TValue">The property's type.</typeparam>
public class OdooValueField<TRecord, TValue> : OdooField<TRecord>
    where TRecord : OdooRecord
{
    /// <summary>Creates the reference (generated code calls this).</summary>
    /// <param name="path">The C# path.</param>
    /// <param name="odooName">The Odoo path as declared.</param>
    // RS0022: deriving from this class is allowed on purpose (OdooStringField does); its bases expose no protected member.
#pragma warning disable RS0022
    public OdooValueField(string path, string odooName)
#pragma warning restore RS0022
        : base(path, odooName)
    {
    }

    /// <summary><c>(field, "=", value)</c>; <see langword="null"/> is Odoo's <c>False</c>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The value.</param>
    public static OdooDomain operator ==(OdooValueField<TRecord, TValue> field, TValue value) => Leaf(field, "=", value);

    /// <summary><c>(field, "!=", value)</c>; <see langword="null"/> is Odoo's <c>False</c>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The value.</param>
    public static OdooDomain operator !=(OdooValueField<TRecord, TValue> field, TValue value) => Leaf(field, "!=", value);

    /// <summary><c>(field, "&gt;", value)</c>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The value.</param>
    public static OdooDomain operator >(OdooValueField<TRecord, TValue> field, TValue value) => Leaf(field, ">", value);

    /// <summary><c>(field, "&lt;", value)</c>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The value.</param>
    public static OdooDomain operator <(OdooValueField<TRecord, TValue> field, TValue value) => Leaf(field, "<", value);

    /// <summary><c>(field, "&gt;=", value)</c>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The value.</param>
    public static OdooDomain operator >=(OdooValueField<TRecord, TValue> field, TValue value) => Leaf(field, ">=", value);

    /// <summary><c>(field, "&lt;=", value)</c>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The value.</param>
    public static OdooDomain operator <=(OdooValueField<TRecord, TValue> field, TValue value) => Leaf(field, "<=", value);

    /// <summary><c>(field, "in", values)</c>.</summary>
    /// <param name="values">The values.</param>
    public OdooDomain In(params TValue[] values) => OdooDomain.In(Path, Checked(values));

    /// <summary><c>(field, "in", values)</c>.</summary>
    /// <param name="values">The values.</param>
    public OdooDomain In(IEnumerable<TValue> values) => OdooDomain.In(Path, Checked(values));

    /// <summary><c>(field, "not in", values)</c>.</summary>
    /// <param name="values">The values.</param>
    public OdooDomain NotIn(params TValue[] values) => OdooDomain.NotIn(Path, Checked(values));

    /// <summary><c>(field, "not in", values)</c>.</summary>
    /// <param name="values">The values.</param>
    public OdooDomain NotIn(IEnumerable<TValue> values) => OdooDomain.NotIn(Path, Checked(values));

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();

    private static OdooDomain Leaf(OdooValueField<TRecord, TValue> field, string op, TValue value)
    {
        ArgumentNullException.ThrowIfNull(field);
        return OdooDomain.Where(field.Path, op, value);
    }

    private static IEnumerable Checked(IEnumerable<TValue> values) => values ?? throw new ArgumentNullException(nameof(values));
}
