using System.Globalization;

namespace Odoo.Testing.Internal;

/// <summary>An Odoo <c>order</c> clause such as <c>"name desc, id"</c>.</summary>
internal sealed class Ordering
{
    private readonly Store _store;
    private readonly ModelTable _table;
    private readonly (FieldDef Field, bool Desc, bool NullsFirst)[] _terms;

    private Ordering(Store store, ModelTable table, (FieldDef, bool, bool)[] terms)
    {
        _store = store;
        _table = table;
        _terms = terms;
    }

    public static bool IsIdAscending(string? order)
    {
        if (order is null) return true;
        var o = order.Trim();
        return o.Equals("id", StringComparison.OrdinalIgnoreCase) || o.Equals("id asc", StringComparison.OrdinalIgnoreCase);
    }

    public static Ordering Parse(Store store, ModelTable t, string order)
    {
        var terms = new List<(FieldDef, bool, bool)>();
        foreach (var raw in order.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var name = words[0].Trim('"');
            var f = t.Field(name);
            if (f is null || f.IsX2Many || f.Type is OdooFieldType.Json or OdooFieldType.Binary)
                throw OdooServerError.ValueError($"Invalid \"order\" specified ({order}). A valid \"order\" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)");
            var desc = false;
            bool? nullsFirst = null;
            var i = 1;
            if (i < words.Length && (words[i].Equals("asc", StringComparison.OrdinalIgnoreCase) || words[i].Equals("desc", StringComparison.OrdinalIgnoreCase)))
                desc = words[i++].Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (i + 1 < words.Length && words[i].Equals("nulls", StringComparison.OrdinalIgnoreCase))
            {
                nullsFirst = words[i + 1].Equals("first", StringComparison.OrdinalIgnoreCase);
                i += 2;
            }
            if (i != words.Length)
                throw OdooServerError.ValueError($"Invalid \"order\" specified ({order}). A valid \"order\" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)");
            terms.Add((f, desc, nullsFirst ?? desc));
        }
        return new Ordering(store, t, [.. terms]);
    }

    public void Sort(List<Row> rows)
    {
        if (rows.Count < 2) return;
        var keys = new object?[rows.Count][];
        var items = rows.ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            var k = new object?[_terms.Length];
            for (var j = 0; j < _terms.Length; j++) k[j] = Key(items[i], _terms[j].Field);
            keys[i] = k;
        }
        var index = Enumerable.Range(0, items.Length).ToArray();
        Array.Sort(index, (a, b) =>
        {
            for (var j = 0; j < _terms.Length; j++)
            {
                var ka = keys[a][j];
                var kb = keys[b][j];
                if (ka is null || kb is null)
                {
                    if (ka is null && kb is null) continue;
                    return (ka is null) == _terms[j].NullsFirst ? -1 : 1;
                }
                var c = CompareKeys(ka, kb);
                if (c != 0) return _terms[j].Desc ? -c : c;
            }
            return items[a].Id.CompareTo(items[b].Id);
        });
        for (var i = 0; i < index.Length; i++) rows[i] = items[index[i]];
    }

    private object? Key(Row row, FieldDef f)
    {
        var v = _store.Records.Get(_table, row, f);
        return f.Type switch
        {
            OdooFieldType.Many2One => v is int id ? _store.Records.M2ODisplayName(f, id) : null,
            OdooFieldType.Integer or OdooFieldType.Float or OdooFieldType.Monetary => v is null ? null : Convert.ToDouble(v, CultureInfo.InvariantCulture),
            OdooFieldType.Boolean => v is bool b ? (b ? 1.0 : 0.0) : null,
            _ => v,
        };
    }

    /// <summary>Compares two non-null keys ascending (nulls are placed by the caller: PostgreSQL puts them last for ASC, first for DESC).</summary>
    private static int CompareKeys(object a, object b)
    {
        if (a is double x && b is double y) return x.CompareTo(y);
        if (a is long l1 && b is long l2) return l1.CompareTo(l2);
        var sa = a as string ?? Convert.ToString(a, CultureInfo.InvariantCulture) ?? "";
        var sb = b as string ?? Convert.ToString(b, CultureInfo.InvariantCulture) ?? "";
        var c = string.Compare(sa, sb, StringComparison.OrdinalIgnoreCase);
        return c != 0 ? c : string.CompareOrdinal(sa, sb);
    }
}
