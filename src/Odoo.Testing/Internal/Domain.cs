using System.Globalization;
using System.Text.Json;

namespace Odoo.Testing.Internal;

internal abstract class Cond
{
    public abstract bool Eval(Row row);
}

internal sealed class ConstCond(bool value) : Cond
{
    public static readonly ConstCond True = new(true);
    public static readonly ConstCond False = new(false);
    public override bool Eval(Row row) => value;
}

internal sealed class AndCond(Cond[] parts) : Cond
{
    public override bool Eval(Row row)
    {
        foreach (var p in parts)
            if (!p.Eval(row)) return false;
        return true;
    }
}

internal sealed class OrCond(Cond[] parts) : Cond
{
    public override bool Eval(Row row)
    {
        foreach (var p in parts)
            if (p.Eval(row)) return true;
        return false;
    }
}

internal sealed class NotCond(Cond inner) : Cond
{
    public override bool Eval(Row row) => !inner.Eval(row);
}

internal sealed class LeafCond(Func<Row, bool> test) : Cond
{
    public override bool Eval(Row row) => test(row);
}

/// <summary>Compiles Odoo domains (Polish notation, every Odoo 18 operator) into predicates over rows.</summary>
internal static class Domain
{
    private static readonly HashSet<string> Operators =
    [
        "=", "!=", ">", ">=", "<", "<=", "=?", "like", "not like", "ilike", "not ilike", "=like", "=ilike",
        "in", "not in", "child_of", "parent_of", "any", "not any",
    ];

    public static Cond Compile(Store store, ModelTable t, JsonElement domain, bool activeTest)
    {
        var items = domain.ValueKind == JsonValueKind.Array ? domain.EnumerateArray().ToArray() : [];
        if (domain.ValueKind is not (JsonValueKind.Array or JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False))
            throw new OdooServerError("builtins.AssertionError", "Domains to normalize must have a 'domain' form: a list or tuple of domain components");
        var pos = 0;
        var parts = new List<Cond>();
        while (pos < items.Length) parts.Add(ParseOne(store, t, items, ref pos, activeTest, domain));
        if (activeTest && t.Active is { } active && !MentionsActive(items))
            parts.Add(new LeafCond(r => r.Values[active.Slot] is true));
        return parts.Count switch
        {
            0 => ConstCond.True,
            1 => parts[0],
            _ => new AndCond([.. parts]),
        };
    }

    private static bool MentionsActive(JsonElement[] items)
    {
        foreach (var item in items)
            if (item.ValueKind == JsonValueKind.Array && item.GetArrayLength() == 3 && item[0].ValueKind == JsonValueKind.String && item[0].GetString() == "active")
                return true;
        return false;
    }

    private static Cond ParseOne(Store store, ModelTable t, JsonElement[] items, ref int pos, bool activeTest, JsonElement whole)
    {
        if (pos >= items.Length)
            throw OdooServerError.ValueError($"Domain {whole.GetRawText()} is syntactically not correct.");
        var item = items[pos++];
        if (item.ValueKind == JsonValueKind.String)
        {
            switch (item.GetString())
            {
                case "&":
                {
                    var a = ParseOne(store, t, items, ref pos, activeTest, whole);
                    var b = ParseOne(store, t, items, ref pos, activeTest, whole);
                    return new AndCond([a, b]);
                }
                case "|":
                {
                    var a = ParseOne(store, t, items, ref pos, activeTest, whole);
                    var b = ParseOne(store, t, items, ref pos, activeTest, whole);
                    return new OrCond([a, b]);
                }
                case "!":
                    return new NotCond(ParseOne(store, t, items, ref pos, activeTest, whole));
                default:
                    throw OdooServerError.ValueError($"Invalid leaf {PyRepr.Leaf(item)}");
            }
        }
        if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 3)
            throw OdooServerError.ValueError($"Invalid leaf {PyRepr.Leaf(item)}");
        return Leaf(store, t, item, activeTest);
    }

    private static Cond Leaf(Store store, ModelTable t, JsonElement leaf, bool activeTest)
    {
        var left = leaf[0];
        var op = leaf[1].ValueKind == JsonValueKind.String ? leaf[1].GetString()!.ToLowerInvariant() : "";
        var right = leaf[2];
        if (left.ValueKind == JsonValueKind.Number)
        {
            // TRUE_LEAF (1, '=', 1) and FALSE_LEAF (0, '=', 1).
            return left.GetDouble() == 1 ? ConstCond.True : ConstCond.False;
        }
        if (op == "<>") op = "!=";
        if (op == "==") op = "=";
        if (!Operators.Contains(op)) throw OdooServerError.ValueError($"Invalid leaf {PyRepr.Leaf(leaf)}");
        if (left.ValueKind != JsonValueKind.String) throw OdooServerError.ValueError($"Invalid leaf {PyRepr.Leaf(leaf)}");
        var path = left.GetString()!;
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? path : path[..dot];
        var f = t.Field(name) ?? throw OdooServerError.ValueError($"Invalid field {t.Name}.{name} in leaf {PyRepr.Leaf(leaf)}");
        if (dot >= 0)
        {
            if (!f.IsRelational) throw OdooServerError.ValueError($"Invalid field {t.Name}.{path} in leaf {PyRepr.Leaf(leaf)}");
            var co = Comodel(store, f);
            var rest = path[(dot + 1)..];
            var negative = op is "!=" or "not in" or "not like" or "not ilike";
            if (f.IsX2Many && negative)
            {
                var sub = CompileSubLeaf(store, co, rest, Positive(op), right, activeTest);
                return new NotCond(AnyCond(store, t, f, co, sub));
            }
            var sub2 = CompileSubLeaf(store, co, rest, op, right, f.IsX2Many && activeTest);
            return AnyCond(store, t, f, co, sub2);
        }
        switch (op)
        {
            case "any" or "not any":
            {
                if (!f.IsRelational) throw OdooServerError.ValueError($"Invalid leaf {PyRepr.Leaf(leaf)}: '{op}' needs a relational field");
                var co = Comodel(store, f);
                var sub = Compile(store, co, right, f.IsX2Many && activeTest);
                var any = AnyCond(store, t, f, co, sub);
                return op == "any" ? any : new NotCond(any);
            }
            case "child_of" or "parent_of":
                return Hierarchy(store, t, f, op == "child_of", right);
        }
        CheckIntegerOperand(t, f, op, right);
        var getter = Getter(store, t, f);
        var positive = Positive(op);
        var test = Simple(store, t, f, getter, positive, right);
        return positive == op ? new LeafCond(test) : new NotCond(new LeafCond(test));
    }

    /// <summary>
    /// PostgreSQL refuses text that is not a number compared with an integer column (the id or an integer field):
    /// <c>psycopg2.errors.InvalidTextRepresentation</c> "invalid input syntax for type integer: "abc"" with a SQL
    /// excerpt (recorded: tests/Odoo.Runtime.Tests/WireSamples/69). Many2one fields are not checked: Odoo turns text
    /// compared with them into a name search.
    /// </summary>
    private static void CheckIntegerOperand(ModelTable t, FieldDef f, string op, JsonElement right)
    {
        if (f.Storage != FieldStorage.Id && f.Type != OdooFieldType.Integer) return;
        if (op is not ("=" or "!=" or "<" or ">" or "<=" or ">=" or "in" or "not in")) return;
        var values = right.ValueKind == JsonValueKind.Array ? right.EnumerateArray().ToList() : [right];
        foreach (var v in values)
        {
            if (v.ValueKind != JsonValueKind.String || long.TryParse(v.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _)) continue;
            var text = v.GetString()!;
            var table = t.Name.Replace('.', '_');
            var sqlOp = op is "in" or "not in" ? op.ToUpperInvariant() : op;
            var operand = op is "in" or "not in" ? $"('{text}')" : $"'{text}'";
            var excerpt = $"LINE 1: ...WHERE (\"{table}\".\"{f.Name}\" {sqlOp} {operand})";
            throw new OdooServerError("psycopg2.errors.InvalidTextRepresentation",
                $"invalid input syntax for type integer: \"{text}\"\n{excerpt}\n{new string(' ', excerpt.Length - operand.Length - 1)}^\n");
        }
    }

    private static string Positive(string op) => op switch
    {
        "!=" => "=",
        "not in" => "in",
        "not like" => "like",
        "not ilike" => "ilike",
        _ => op,
    };

    private static Cond CompileSubLeaf(Store store, ModelTable co, string path, string op, JsonElement right, bool activeTest)
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(new object[] { new object[] { path, op, right } }));
        return Compile(store, co, doc.RootElement.Clone(), activeTest);
    }

    private static ModelTable Comodel(Store store, FieldDef f)
        => f.Relation is null ? throw OdooServerError.ValueError($"Field {f.Name} has no comodel") : store.Schema.Table(f.Relation);

    /// <summary>Whether the relation holds at least one comodel record matching <paramref name="sub"/>.</summary>
    private static Cond AnyCond(Store store, ModelTable t, FieldDef f, ModelTable co, Cond sub)
    {
        HashSet<int>? matching = null;
        HashSet<int> Matching()
        {
            if (matching is not null) return matching;
            var set = new HashSet<int>();
            foreach (var r in co.Ordered)
                if (sub.Eval(r)) set.Add(r.Id);
            return matching = set;
        }
        return new LeafCond(row =>
        {
            var set = Matching();
            if (f.Type == OdooFieldType.Many2One)
                return store.Records.Get(t, row, f) is int id && set.Contains(id);
            foreach (var id in RawIds(store, t, row, f))
                if (set.Contains(id)) return true;
            return false;
        });
    }

    /// <summary>The ids of an x2many as stored (unsorted, inactive included).</summary>
    public static IReadOnlyList<int> RawIds(Store store, ModelTable t, Row row, FieldDef f)
    {
        if (f.Storage == FieldStorage.Inverse)
        {
            var co = f.Relation is null ? null : store.Schema.TryTable(f.Relation);
            if (co is null) return [];
            return store.Records.InverseMap(co, f.Schema.InverseName!).GetValueOrDefault(row.Id) ?? (IReadOnlyList<int>)[];
        }
        if (f.Storage == FieldStorage.Slot) return row.Values[f.Slot] as List<int> ?? [];
        return store.Records.Get(t, row, f) as IReadOnlyList<int> ?? [];
    }

    private static Cond Hierarchy(Store store, ModelTable t, FieldDef f, bool childOf, JsonElement right)
    {
        var target = f.Storage == FieldStorage.Id ? t : f.IsRelational ? Comodel(store, f) : throw OdooServerError.ValueError($"Invalid field {t.Name}.{f.Name} for {(childOf ? "child_of" : "parent_of")}");
        var start = new List<int>();
        foreach (var v in Flatten(right))
        {
            if (v.ValueKind == JsonValueKind.Number) start.Add(v.GetInt32());
            else if (v.ValueKind == JsonValueKind.String)
            {
                var p = new LikePattern("%" + v.GetString() + "%", true);
                foreach (var r in target.Ordered)
                    if (p.IsMatch(store.Records.DisplayName(target, r))) start.Add(r.Id);
            }
        }
        var set = new HashSet<int>(start);
        if (target.Parent is { } parent)
        {
            if (childOf)
            {
                var children = new Dictionary<int, List<int>>();
                foreach (var r in target.Ordered)
                    if (r.Values[parent.Slot] is int pid)
                    {
                        if (!children.TryGetValue(pid, out var l)) children[pid] = l = [];
                        l.Add(r.Id);
                    }
                var queue = new Queue<int>(start);
                while (queue.Count > 0)
                    if (children.TryGetValue(queue.Dequeue(), out var kids))
                        foreach (var k in kids)
                            if (set.Add(k)) queue.Enqueue(k);
            }
            else
            {
                foreach (var id in start)
                {
                    var cur = id;
                    while (target.Rows.TryGetValue(cur, out var r) && r.Values[parent.Slot] is int pid && set.Add(pid)) cur = pid;
                }
            }
        }
        return new LeafCond(row =>
        {
            if (f.Storage == FieldStorage.Id) return set.Contains(row.Id);
            if (f.Type == OdooFieldType.Many2One) return store.Records.Get(t, row, f) is int id && set.Contains(id);
            foreach (var id in RawIds(store, t, row, f))
                if (set.Contains(id)) return true;
            return false;
        });
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in v.EnumerateArray()) yield return e;
        }
        else yield return v;
    }

    private static Func<Row, object?> Getter(Store store, ModelTable t, FieldDef f) => f.Storage switch
    {
        FieldStorage.Slot => row => row.Values[f.Slot],
        FieldStorage.Id => row => (long)row.Id,
        _ => row => store.Records.Get(t, row, f),
    };

    private static bool IsFalse(JsonElement v) => v.ValueKind is JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined;

    private static Func<Row, bool> Simple(Store store, ModelTable t, FieldDef f, Func<Row, object?> get, string op, JsonElement right)
    {
        switch (op)
        {
            case "=?":
                if (IsFalse(right)) return static _ => true;
                return Simple(store, t, f, get, "=", right);
            case "=":
                return Equal(store, t, f, get, right);
            case "in":
            {
                if (right.ValueKind != JsonValueKind.Array) return Equal(store, t, f, get, right);
                var tests = right.EnumerateArray().Select(e => Equal(store, t, f, get, e)).ToArray();
                if (tests.Length == 0) return static _ => false;
                // Common fast path: a list of numbers on id/many2one/numeric fields.
                if (!f.IsX2Many && right.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number) && (f.Storage == FieldStorage.Id || f.Type is OdooFieldType.Many2One || f.IsNumeric))
                {
                    var set = right.EnumerateArray().Select(e => e.GetDouble()).ToHashSet();
                    return row => AsNumber(get(row)) is { } n && set.Contains(n);
                }
                return row =>
                {
                    foreach (var test in tests)
                        if (test(row)) return true;
                    return false;
                };
            }
            case ">" or ">=" or "<" or "<=":
                return Compare(store, t, f, get, op, right);
            case "like" or "ilike" or "=like" or "=ilike":
            {
                var text = right.ValueKind == JsonValueKind.String ? right.GetString()! : IsFalse(right) ? "" : right.GetRawText();
                var pattern = new LikePattern(op is "like" or "ilike" ? "%" + text + "%" : text, op is "ilike" or "=ilike");
                if (f.IsRelational) return NameTest(store, t, f, get, pattern.IsMatch);
                return row => get(row) switch
                {
                    null => false,
                    string s => pattern.IsMatch(s),
                    double d => pattern.IsMatch(d.ToString("R", CultureInfo.InvariantCulture)),
                    IFormattable fm => pattern.IsMatch(fm.ToString(null, CultureInfo.InvariantCulture)),
                    bool b => pattern.IsMatch(b ? "true" : "false"),
                    JsonElement je => pattern.IsMatch(je.GetRawText()),
                    var o => pattern.IsMatch(o.ToString() ?? ""),
                };
            }
            default:
                throw OdooServerError.ValueError($"Invalid operator {op}");
        }
    }

    private static Func<Row, bool> NameTest(Store store, ModelTable t, FieldDef f, Func<Row, object?> get, Func<string, bool> test)
    {
        var co = Comodel(store, f);
        if (f.Type == OdooFieldType.Many2One)
            return row => get(row) is int id && co.Rows.TryGetValue(id, out var r) && test(store.Records.DisplayName(co, r));
        return row =>
        {
            foreach (var id in RawIds(store, t, row, f))
                if (co.Rows.TryGetValue(id, out var r) && test(store.Records.DisplayName(co, r))) return true;
            return false;
        };
    }

    private static double? AsNumber(object? v) => v switch
    {
        long l => l,
        int i => i,
        double d => d,
        bool b => b ? 1 : 0,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static Func<Row, bool> Equal(Store store, ModelTable t, FieldDef f, Func<Row, object?> get, JsonElement right)
    {
        if (IsFalse(right))
        {
            if (f.IsX2Many) return row => RawIds(store, t, row, f).Count == 0;
            return row => Values.IsEmpty(f, get(row));
        }
        if (f.IsX2Many)
        {
            if (right.ValueKind == JsonValueKind.Number)
            {
                var id = right.GetInt32();
                return row => RawIds(store, t, row, f).Contains(id);
            }
            if (right.ValueKind == JsonValueKind.True) return row => RawIds(store, t, row, f).Count > 0;
            var s = right.ValueKind == JsonValueKind.String ? right.GetString()! : right.GetRawText();
            return NameTest(store, t, f, get, n => n == s);
        }
        switch (right.ValueKind)
        {
            case JsonValueKind.True:
                return row => get(row) is { } v && !Values.IsEmpty(f, v) && (v is not bool b || b);
            case JsonValueKind.Number:
            {
                var n = right.GetDouble();
                if (f.IsString) return row => get(row) is string s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == n;
                return row => AsNumber(get(row)) is { } v ? v == n : n == 0 && f.IsNumeric;
            }
            case JsonValueKind.String:
            {
                var s = right.GetString()!;
                if (f.Type == OdooFieldType.Many2One) return NameTest(store, t, f, get, n => n == s);
                if (f.IsNumeric || f.Storage == FieldStorage.Id)
                {
                    if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return static _ => false;
                    return row => AsNumber(get(row)) is { } v && v == n;
                }
                if (f.Type == OdooFieldType.DateTime && s.Length == 10) s += " 00:00:00";
                return row => get(row) is string v && v == s;
            }
            case JsonValueKind.Array:
                return Simple(store, t, f, get, "in", right);
            default:
            {
                var raw = right.GetRawText();
                return row => get(row) is JsonElement je && je.GetRawText() == raw;
            }
        }
    }

    private static Func<Row, bool> Compare(Store store, ModelTable t, FieldDef f, Func<Row, object?> get, string op, JsonElement right)
    {
        Func<int, bool> accept = op switch
        {
            ">" => c => c > 0,
            ">=" => c => c >= 0,
            "<" => c => c < 0,
            _ => c => c <= 0,
        };
        if (IsFalse(right)) return static _ => false;
        if (right.ValueKind == JsonValueKind.Number || (right.ValueKind == JsonValueKind.True && f.Type == OdooFieldType.Boolean))
        {
            var n = right.ValueKind == JsonValueKind.True ? 1 : right.GetDouble();
            return row =>
            {
                var v = get(row);
                if (v is null && f.IsNumeric) v = 0.0;
                return AsNumber(v) is { } x && accept(x.CompareTo(n));
            };
        }
        var s = right.ValueKind == JsonValueKind.String ? right.GetString()! : right.GetRawText();
        if (f.Type == OdooFieldType.Many2One)
            return NameTest(store, t, f, get, name => accept(string.CompareOrdinal(name, s)));
        if (f.IsNumeric || f.Storage == FieldStorage.Id)
        {
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return static _ => false;
            return row => AsNumber(get(row) ?? 0.0) is { } x && accept(x.CompareTo(n));
        }
        if (f.Type == OdooFieldType.DateTime && s.Length == 10) s += " 00:00:00";
        return row => get(row) is string v && accept(string.CompareOrdinal(v, s));
    }
}
