using Odoo.Domains;

namespace Odoo.Fields;

/// <summary>A typed reference to a text field of <typeparamref name="TRecord"/> (char, text, html, or a selection read as text).</summary>
/// <typeparam name="TRecord">The record type that holds the field.</typeparam>
public sealed class OdooStringField<TRecord> : OdooValueField<TRecord, string?>
    where TRecord : OdooRecord
{
    /// <summary>Creates the reference (generated code calls this).</summary>
    /// <param name="path">The C# path.</param>
    /// <param name="odooName">The Odoo path as declared.</param>
    public OdooStringField(string path, string odooName)
        : base(path, odooName)
    {
    }

    /// <summary><c>(field, "like", pattern)</c>: case-sensitive; Odoo wraps the pattern in <c>%</c> unless it holds a wildcard.</summary>
    /// <param name="pattern">The pattern (<c>%</c> and <c>_</c> are wildcards).</param>
    public OdooDomain Like(string pattern) => OdooDomain.Where(Path, "like", pattern);

    /// <summary><c>(field, "not like", pattern)</c>.</summary>
    /// <param name="pattern">The pattern.</param>
    public OdooDomain NotLike(string pattern) => OdooDomain.Where(Path, "not like", pattern);

    /// <summary><c>(field, "ilike", pattern)</c>: case-insensitive.</summary>
    /// <param name="pattern">The pattern.</param>
    public OdooDomain ILike(string pattern) => OdooDomain.Where(Path, "ilike", pattern);

    /// <summary><c>(field, "not ilike", pattern)</c>.</summary>
    /// <param name="pattern">The pattern.</param>
    public OdooDomain NotILike(string pattern) => OdooDomain.Where(Path, "not ilike", pattern);

    /// <summary><c>(field, "=like", pattern)</c>: the pattern as written, case-sensitive.</summary>
    /// <param name="pattern">The pattern.</param>
    public OdooDomain EqualsLike(string pattern) => OdooDomain.Where(Path, "=like", pattern);

    /// <summary><c>(field, "=ilike", pattern)</c>: the pattern as written, case-insensitive.</summary>
    /// <param name="pattern">The pattern.</param>
    public OdooDomain EqualsILike(string pattern) => OdooDomain.Where(Path, "=ilike", pattern);

    /// <summary>The same field reached through a relation of <typeparamref name="TOwner"/> (used by relation paths).</summary>
    internal OdooStringField<TOwner> Under<TOwner>(string prefix, string odooPrefix)
        where TOwner : OdooRecord => new(Join(prefix, Path), Join(odooPrefix, OdooName));
}
