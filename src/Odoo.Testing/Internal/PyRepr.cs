using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Odoo.Testing.Internal;

/// <summary>Python's <c>repr</c> of JSON values, for messages that quote what the caller sent as Odoo does.</summary>
internal static class PyRepr
{
    /// <summary>A domain leaf as Odoo 18 quotes it once it normalized the domain: a tuple, <c>('name', '=', 1)</c> (one item: <c>('x',)</c>).</summary>
    public static string Leaf(JsonElement leaf)
    {
        if (leaf.ValueKind != JsonValueKind.Array) return Value(leaf);
        var sb = new StringBuilder("(");
        var count = 0;
        foreach (var item in leaf.EnumerateArray())
        {
            if (count++ > 0) sb.Append(", ");
            sb.Append(Value(item));
        }
        return sb.Append(count == 1 ? ",)" : ")").ToString();
    }

    /// <summary>A JSON value as Python prints the value <c>json.loads</c> gives.</summary>
    public static string Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => Str(v.GetString()!),
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null or JsonValueKind.Undefined => "None",
        JsonValueKind.Number => v.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture) : v.GetRawText(),
        JsonValueKind.Array => "[" + string.Join(", ", v.EnumerateArray().Select(Value)) + "]",
        JsonValueKind.Object => "{" + string.Join(", ", v.EnumerateObject().Select(p => Str(p.Name) + ": " + Value(p.Value))) + "}",
        _ => v.GetRawText(),
    };

    /// <summary>A string as Python's <c>repr</c> writes it: single quotes unless it holds one and no double quote.</summary>
    public static string Str(string s)
    {
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(c);
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }
}
