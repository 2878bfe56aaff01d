using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Odoo.Managers;
using Odoo.Metadata;
using Odoo.Serialization;
using Odoo.Transport;

namespace Odoo.Domains;

/// <summary>
/// An Odoo search domain, built from conditions over local (C#) names and combined with
/// <c>&amp;</c>, <c>|</c> and <c>!</c>. Immutable. A manager encodes it by its model's metadata: local
/// names (aliases, <c>Id</c>/<c>Name</c> forms, dotted paths through relations, version-specific
/// names) become Odoo names, values are encoded (dates, datetimes in UTC, records as ids, enums as
/// selection keys). Names that are not declared pass through, so Odoo names always work.
/// </summary>
/// <example><code>
/// var domain = OdooDomain.Where(nameof(ReferralCode.Code), "=", "WELCOME10")
///            &amp; (OdooDomain.Where("AllowedUses", "&gt;", 0) | OdooDomain.Where("AllowedUses", "=", -1));
/// var codes = await odoo.ReferralCodes.SearchAsync(domain, cancellationToken: ct);
/// </code></example>
public abstract class OdooDomain
{
    private protected OdooDomain()
    {
    }

    /// <summary>The empty domain: matches every record.</summary>
    public static OdooDomain All { get; } = new AllDomain();

    /// <summary>Whether this is the empty domain (matches every record).</summary>
    public bool IsAll => this is AllDomain;

    /// <summary>A condition <c>(field, operator, value)</c>.</summary>
    /// <param name="field">A local name (<c>Partner</c>, <c>PartnerId</c>, <c>Partner.Country.Code</c>) or an Odoo name.</param>
    /// <param name="operator">An Odoo operator: <c>=</c>, <c>!=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>=?</c>,
    /// <c>like</c>, <c>ilike</c>, <c>=like</c>, <c>=ilike</c>, <c>not like</c>, <c>not ilike</c>, <c>in</c>, <c>not in</c>,
    /// <c>child_of</c>, <c>parent_of</c>, <c>any</c>, <c>not any</c> (the value of <c>any</c> may be an <see cref="OdooDomain"/> over the related model).</param>
    /// <param name="value">The value (see the type remarks for how it is encoded).</param>
    public static OdooDomain Where(string field, string @operator, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(@operator);
        return new Condition(field, @operator, value);
    }

    /// <summary>The condition <c>(field, "=", value)</c>.</summary>
    /// <param name="field">A local or Odoo name.</param>
    /// <param name="value">The value.</param>
    public static OdooDomain Equal(string field, object? value) => Where(field, "=", value);

    /// <summary>The condition <c>(field, "!=", value)</c>.</summary>
    /// <param name="field">A local or Odoo name.</param>
    /// <param name="value">The value.</param>
    public static OdooDomain NotEqual(string field, object? value) => Where(field, "!=", value);

    /// <summary>The condition <c>(field, "in", values)</c>.</summary>
    /// <param name="field">A local or Odoo name.</param>
    /// <param name="values">The values (each one encoded).</param>
    public static OdooDomain In(string field, IEnumerable values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Where(field, "in", values);
    }

    /// <summary>The condition <c>(field, "not in", values)</c>.</summary>
    /// <param name="field">A local or Odoo name.</param>
    /// <param name="values">The values (each one encoded).</param>
    public static OdooDomain NotIn(string field, IEnumerable values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Where(field, "not in", values);
    }

    /// <summary>All of <paramref name="domains"/> (<see cref="All"/> when there are none).</summary>
    /// <param name="domains">The domains.</param>
    public static OdooDomain And(params IEnumerable<OdooDomain> domains) => Combine(domains, isAnd: true);

    /// <summary>Any of <paramref name="domains"/> (<see cref="All"/> when there are none).</summary>
    /// <param name="domains">The domains.</param>
    public static OdooDomain Or(params IEnumerable<OdooDomain> domains) => Combine(domains, isAnd: false);

    /// <summary>The negation of <paramref name="domain"/>.</summary>
    /// <param name="domain">The domain.</param>
    public static OdooDomain Not(OdooDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return domain is NotDomain n ? n.Inner : new NotDomain(domain);
    }

    /// <summary>
    /// A domain written as Odoo's list form: items are operator strings (<c>"&amp;"</c>, <c>"|"</c>, <c>"!"</c>),
    /// conditions given as 3-element arrays, lists or tuples (<c>("code", "=", "ABC")</c>) or
    /// <see cref="OdooDomain"/>s. Field names are encoded like <see cref="Where"/>'s; consecutive items are
    /// ANDed, as Odoo does.
    /// </summary>
    /// <param name="items">The items.</param>
    /// <exception cref="ArgumentException">An item is neither an operator nor a 3-element condition.</exception>
    public static OdooDomain FromList(IEnumerable<object?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = new List<OdooDomain>();
        var terms = new List<object>();
        foreach (var item in items)
        {
            switch (item)
            {
                case "&" or "|" or "!":
                    terms.Add(item);
                    break;
                case OdooDomain d:
                    terms.Add(d);
                    break;
                case string s:
                    throw new ArgumentException($"'{s}' is not a domain operator: use \"&\", \"|\" or \"!\", or a (field, operator, value) condition.", nameof(items));
                case ITuple { Length: >= 3 } t when t[0] is string f && t[1] is string op:
                    terms.Add(Where(f, op, t[2]));
                    break;
                case IList { Count: >= 3 } l when l[0] is string f && l[1] is string op:
                    terms.Add(Where(f, op, l[2]));
                    break;
                default:
                    throw new ArgumentException($"A domain item must be \"&\", \"|\", \"!\" or a (field, operator, value) condition; got {item ?? "null"}.", nameof(items));
            }
        }
        return terms.Count == 0 ? All : new ListDomain(terms);
    }

    /// <summary>An Odoo domain sent exactly as given (JSON array); names and values are not encoded.</summary>
    /// <param name="domain">A JSON array, for example from a configuration file.</param>
    public static OdooDomain Raw(JsonElement domain)
    {
        if (domain.ValueKind != JsonValueKind.Array) throw new ArgumentException("A raw domain must be a JSON array.", nameof(domain));
        return domain.GetArrayLength() == 0 ? All : new RawDomain(domain.Clone());
    }

    /// <summary>An Odoo domain sent exactly as given, from its JSON text (<c>[["code", "=", "ABC"]]</c>).</summary>
    /// <param name="json">A JSON array.</param>
    public static OdooDomain Raw(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        return Raw(doc.RootElement);
    }

    /// <summary>Converts Odoo's list form (see <see cref="FromList"/>).</summary>
    /// <param name="items">The items.</param>
    public static implicit operator OdooDomain(object[] items) => FromList(items);

    /// <summary>Both domains.</summary>
    /// <param name="left">The first domain.</param>
    /// <param name="right">The second domain.</param>
    public static OdooDomain operator &(OdooDomain left, OdooDomain right) => And(left, right);

    /// <summary>Either domain.</summary>
    /// <param name="left">The first domain.</param>
    /// <param name="right">The second domain.</param>
    public static OdooDomain operator |(OdooDomain left, OdooDomain right) => Or(left, right);

    /// <summary>The negation.</summary>
    /// <param name="domain">The domain.</param>
    public static OdooDomain operator !(OdooDomain domain) => Not(domain);

    /// <summary>Named alternative to <c>&amp;</c>.</summary>
    /// <param name="other">The other domain.</param>
    public OdooDomain BitwiseAnd(OdooDomain other) => And(this, other);

    /// <summary>Named alternative to <c>|</c>.</summary>
    /// <param name="other">The other domain.</param>
    public OdooDomain BitwiseOr(OdooDomain other) => Or(this, other);

    /// <summary>Named alternative to <c>!</c>.</summary>
    public OdooDomain LogicalNot() => Not(this);

    /// <summary>Encodes the domain for a model: Odoo names, encoded values, prefix operators.</summary>
    /// <param name="metadata">The model searched; <see langword="null"/> sends every name as it is.</param>
    /// <param name="version">The server version (for version-specific names); <see langword="null"/> when unknown.</param>
    /// <exception cref="ArgumentException">A value cannot be encoded (for example an enum that is not a selection option) or aliases loop.</exception>
    public OdooEncodedDomain Encode(OdooModelMetadata? metadata, OdooVersion? version = null)
    {
        var items = new List<object?>();
        EncodeTo(items, metadata is null ? null : OdooFieldIndex.For(metadata), version, topLevel: true, asWritten: false);
        return new OdooEncodedDomain(items);
    }

    /// <summary>The encoded domain as JSON text, for logs and tests.</summary>
    /// <param name="metadata">The model searched; <see langword="null"/> sends every name as it is.</param>
    /// <param name="version">The server version.</param>
    public string ToJson(OdooModelMetadata? metadata, OdooVersion? version = null) => Encode(metadata, version).ToString();

    /// <summary>
    /// Writes the domain's items (as one expression unless <paramref name="topLevel"/>); with
    /// <paramref name="asWritten"/>, conditions keep their names and values as given (for <see cref="ToString"/>).
    /// </summary>
    private protected abstract void EncodeTo(List<object?> items, OdooFieldIndex? index, OdooVersion? version, bool topLevel, bool asWritten);

    /// <summary>
    /// The domain in Odoo's list form with names and values as written, for debugging; no model is needed.
    /// Conditions show as tuples, values as C# would write them (enums by member name, records by type and id),
    /// for example <c>["|", ("AllowedUses", "=", -1), ("State", "=", SaleOrderState.Draft)]</c>.
    /// <see cref="OdooManager{TRecord}.EncodeDomain"/> and <see cref="ToJson"/> give what is sent.
    /// </summary>
    public override string ToString()
    {
        var items = new List<object?>();
        EncodeTo(items, null, null, topLevel: true, asWritten: true);
        var sb = new StringBuilder("[");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            OdooDomainText.Append(sb, items[i]);
        }
        return sb.Append(']').ToString();
    }

    private static OdooDomain Combine(IEnumerable<OdooDomain> domains, bool isAnd)
    {
        ArgumentNullException.ThrowIfNull(domains);
        var parts = new List<OdooDomain>();
        foreach (var d in domains)
        {
            ArgumentNullException.ThrowIfNull(d, nameof(domains));
            if (d is AllDomain)
            {
                if (isAnd) continue;
                return All; // anything OR everything is everything
            }
            if (isAnd && d is AndDomain a) parts.AddRange(a.Parts);
            else if (!isAnd && d is OrDomain o) parts.AddRange(o.Parts);
            else parts.Add(d);
        }
        return parts.Count switch
        {
            0 => All,
            1 => parts[0],
            _ => isAnd ? new AndDomain(parts) : new OrDomain(parts),
        };
    }

    private static void WriteOperators(List<object?> items, string op, int count)
    {
        for (var i = 0; i < count; i++) items.Add(op);
    }

    private sealed class AllDomain : OdooDomain
    {
        private protected override void EncodeTo(List<object?> items, OdooFieldIndex? index, OdooVersion? version, bool topLevel, bool asWritten)
        {
            // Only reachable under "!" or inside a list: Odoo's TRUE_LEAF keeps the expression well formed.
            if (!topLevel) items.Add(new object?[] { 1, "=", 1 });
        }
    }

    private sealed class Condition(string field, string op, object? value) : OdooDomain
    {
        private protected override void EncodeTo(List<object?> items, OdooFieldIndex? index, OdooVersion? version, bool topLevel, bool asWritten)
        {
            if (asWritten)
            {
                items.Add(new WrittenCondition(field, op, value));
                return;
            }
            if (index is null)
            {
                items.Add(new EncodedCondition(field, op, value is OdooDomain d ? d.Encode(null, version) : OdooFieldEncoding.EncodeValue(null, value, field)));
                return;
            }
            var resolved = index.ResolvePath(field, version);
            items.Add(new EncodedCondition(resolved.Remote, op, EncodeConditionValue(resolved.Field, op, value, field, version)));
        }

        private static object? EncodeConditionValue(OdooFieldMetadata? target, string op, object? value, string name, OdooVersion? version)
        {
            if (value is OdooDomain sub)
            {
                // "any" / "not any": a domain over the related model.
                return sub.Encode(target is { RelationTarget: { } t } ? t() : null, version);
            }
            switch (op)
            {
                case "in" or "not in":
                    if (value is IEnumerable items and not string) return OdooFieldEncoding.EncodeElements(target, items, name);
                    return OdooFieldEncoding.EncodeValue(target, value, name);
                default:
                    return OdooFieldEncoding.EncodeValue(target, value, name);
            }
        }
    }

    private sealed class AndDomain(List<OdooDomain> parts) : OdooDomain
    {
        public List<OdooDomain> Parts { get; } = parts;

        private protected override void EncodeTo(List<object?> items, OdooFieldIndex? index, OdooVersion? version, bool topLevel, bool asWritten)
        {
            WriteOperators(items, "&", Parts.Count - 1);
            foreach (var p in Parts) p.EncodeTo(items, index, version, topLevel: false, asWritten);
        }
    }

    private sealed class OrDomain(List<OdooDomain> parts) : OdooDomain
    {
        public List<OdooDomain> Parts { get; } = parts;

        private protected override void EncodeTo(List<object?> items, OdooFieldIndex? index, OdooVersion? version, bool topLevel, bool asWritten)
        {
            WriteOperators(items, "|", Parts.Count - 1);
            foreach (var p in Parts) p.EncodeTo(items, index, version, topLevel: false, asWritten);
        }
    }

    private sealed class NotDomain(OdooDomain inner) : OdooDomain
    {
        public OdooDomain Inner { get; } = inner;

        private protected override void EncodeTo(List<object?> items, OdooFieldIndex? index, OdooVersion? version, bool topLevel, bool asWritten)
        {
            items.Add("!");
            Inner.EncodeTo(items, index, version, topLevel: false, asWritten);
        }
    }

    /// <summary>Odoo's list form: consecutive complete expressions are implicitly ANDed.</summary>
    private sealed class ListDomain(List<object> terms) : OdooDomain
    {
        private protected override void EncodeTo(List<object?> items, OdooFieldIndex? index, OdooVersion? version, bool topLevel, bool asWritten)
        {
            if (!topLevel) WriteOperators(items, "&", CountExpressions(terms, static t => t as string) - 1);
            foreach (var t in terms)
            {
                if (t is OdooDomain d) d.EncodeTo(items, index, version, topLevel: false, asWritten);
                else items.Add(t);
            }
        }
    }

    private sealed class RawDomain(JsonElement domain) : OdooDomain
    {
        private protected override void EncodeTo(List<object?> items, OdooFieldIndex? index, OdooVersion? version, bool topLevel, bool asWritten)
        {
            var elements = domain.EnumerateArray().ToList();
            if (!topLevel) WriteOperators(items, "&", CountExpressions(elements, static e => e.ValueKind == JsonValueKind.String ? e.GetString() : null) - 1);
            foreach (var e in elements) items.Add(e);
        }
    }

    /// <summary>Counts the complete top-level expressions of a prefix-notation list (Odoo ANDs them implicitly).</summary>
    private static int CountExpressions<T>(List<T> terms, Func<T, string?> operatorOf)
    {
        var count = 0;
        var need = 0;
        foreach (var t in terms)
        {
            if (need == 0) need = 1;
            need += operatorOf(t) switch
            {
                "&" or "|" => 1,
                "!" => 0,
                _ => -1,
            };
            if (need == 0) count++;
        }
        return Math.Max(count, 1);
    }
}
