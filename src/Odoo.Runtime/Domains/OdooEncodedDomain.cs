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

/// <summary>A domain encoded for one model: Odoo names and wire values, ready to send.</summary>
public sealed class OdooEncodedDomain : IOdooJsonWritable
{
    private readonly List<object?> _items;

    internal OdooEncodedDomain(List<object?> items) => _items = items;

    /// <summary>The number of items (operators and conditions).</summary>
    public int Count => _items.Count;

    /// <inheritdoc />
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var item in _items) OdooJsonWriter.WriteValue(writer, item);
        writer.WriteEndArray();
    }

    /// <summary>The domain as JSON text.</summary>
    public override string ToString() => OdooDomainText.Json(this);
}

/// <summary>One encoded condition: <c>[field, operator, value]</c>.</summary>
internal sealed class EncodedCondition(string field, string op, object? value) : IOdooJsonWritable
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(field);
        writer.WriteStringValue(op);
        OdooJsonWriter.WriteValue(writer, value);
        writer.WriteEndArray();
    }
}

/// <summary>A condition as written (local name, raw value), for <see cref="OdooDomain.ToString"/> only.</summary>
internal sealed record WrittenCondition(string Field, string Operator, object? Value);

/// <summary>Renders the items of a domain as C#-like text (see <see cref="OdooDomain.ToString"/>).</summary>
internal static class OdooDomainText
{
    public static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case WrittenCondition c:
                sb.Append('(');
                AppendString(sb, c.Field);
                sb.Append(", ");
                AppendString(sb, c.Operator);
                sb.Append(", ");
                Append(sb, c.Value);
                sb.Append(')');
                break;
            case OdooDomain d:
                sb.Append(d.ToString());
                break;
            case string s:
                AppendString(sb, s);
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case Enum e:
                AppendEnum(sb, e);
                break;
            case OdooRecord r:
                sb.Append(r.GetType().Name).Append('(').Append(r.Id.ToString(CultureInfo.InvariantCulture)).Append(')');
                break;
            case DateOnly or DateTime or DateTimeOffset:
                AppendString(sb, (string)OdooFieldEncoding.EncodeValue(null, value, "")!);
                break;
            case JsonElement json:
                sb.Append(json.GetRawText());
                break;
            case IOdooJsonWritable or System.Text.Json.Nodes.JsonNode or IDictionary or IReadOnlyDictionary<string, object?> or byte[]:
                sb.Append(Json(value));
                break;
            case IFormattable f:
                sb.Append(f.ToString(null, CultureInfo.InvariantCulture));
                break;
            case ITuple t:
                sb.Append('(');
                for (var i = 0; i < t.Length; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Append(sb, t[i]);
                }
                sb.Append(')');
                break;
            case IEnumerable items:
                sb.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    Append(sb, item);
                }
                sb.Append(']');
                break;
            default:
                sb.Append(value);
                break;
        }
    }

    /// <summary><c>Type.Member</c>, flags as <c>Type.A | Type.B</c>, and the number for an undefined value.</summary>
    private static void AppendEnum(StringBuilder sb, Enum e)
    {
        var type = e.GetType().Name;
        var text = e.ToString();
        if (text.Length > 0 && (char.IsDigit(text[0]) || text[0] == '-'))
        {
            sb.Append('(').Append(type).Append(')').Append(text);
            return;
        }
        sb.Append(string.Join(" | ", text.Split(", ").Select(m => type + "." + m)));
    }

    private static void AppendString(StringBuilder sb, string s) => sb.Append(Json(s));

    /// <summary>The JSON text of <paramref name="value"/> (non-ASCII text kept readable), or its <c>ToString()</c> when it has no JSON form.</summary>
    public static string Json(object? value)
    {
        try
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                OdooJsonWriter.WriteValue(writer, value);
            }
            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (ArgumentException)
        {
            return value?.ToString() ?? "null";
        }
    }
}
