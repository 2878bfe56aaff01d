using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Odoo.Transport;

namespace Odoo.Serialization;

/// <summary>
/// Writes .NET values as the JSON Odoo expects, without reflection: <see langword="null"/>,
/// booleans, numbers, strings, <see cref="DateOnly"/> (<c>yyyy-MM-dd</c>), <see cref="DateTime"/> and
/// <see cref="DateTimeOffset"/> (UTC <c>yyyy-MM-dd HH:mm:ss</c>), <see cref="IOdooJsonWritable"/>,
/// <see cref="JsonElement"/>, <see cref="JsonNode"/>, string-keyed dictionaries, tuples and enumerables
/// (as arrays), and <see cref="byte"/> arrays (as base64). Used by the transports, the managers and
/// generated code.
/// </summary>
public static class OdooJsonWriter
{
    /// <summary>The format of an Odoo datetime (always UTC, no zone suffix).</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The format of an Odoo date.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Writes <paramref name="value"/> as one JSON value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value; see <see cref="OdooJsonWriter"/> for the supported types.</param>
    /// <exception cref="ArgumentException">The value (or a value inside it) has a type Odoo cannot receive, such as an enum,
    /// a non-finite float or a dictionary whose keys are not strings.</exception>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string s:
                writer.WriteStringValue(s);
                return;
            case bool b:
                writer.WriteBooleanValue(b);
                return;
            case int i:
                writer.WriteNumberValue(i);
                return;
            case long l:
                writer.WriteNumberValue(l);
                return;
            case double d:
                WriteDouble(writer, d);
                return;
            case decimal m:
                writer.WriteNumberValue(m);
                return;
            case float f:
                WriteDouble(writer, f);
                return;
            case short sh:
                writer.WriteNumberValue(sh);
                return;
            case byte by:
                writer.WriteNumberValue(by);
                return;
            case sbyte sb:
                writer.WriteNumberValue(sb);
                return;
            case ushort us:
                writer.WriteNumberValue(us);
                return;
            case uint ui:
                writer.WriteNumberValue(ui);
                return;
            case ulong ul:
                writer.WriteNumberValue(ul);
                return;
            case char c:
                WriteChar(writer, c);
                return;
            case DateOnly date:
                WriteDate(writer, date);
                return;
            case DateTime dt:
                WriteDateTime(writer, dt);
                return;
            case DateTimeOffset dto:
                WriteDateTime(writer, dto.UtcDateTime);
                return;
            case Guid g:
                writer.WriteStringValue(g);
                return;
            case IOdooJsonWritable w:
                w.WriteTo(writer);
                return;
            case JsonElement e:
                if (e.ValueKind == JsonValueKind.Undefined) writer.WriteNullValue();
                else e.WriteTo(writer);
                return;
            case JsonDocument doc:
                doc.WriteTo(writer);
                return;
            case JsonNode node:
                node.WriteTo(writer);
                return;
            case Enum:
                throw new ArgumentException(
                    $"Cannot send the enum value {value.GetType().Name}.{value} to Odoo: enums have no Odoo form. Send the selection key (a string) or the number instead, or wrap it in an IOdooJsonWritable.",
                    nameof(value));
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                return;
            case ReadOnlyMemory<byte> rom:
                writer.WriteBase64StringValue(rom.Span);
                return;
            case Memory<byte> mem:
                writer.WriteBase64StringValue(mem.Span);
                return;
            case int[] ints:
                WriteInts(writer, ints);
                return;
            case IReadOnlyList<int> intList:
                writer.WriteStartArray();
                for (var k = 0; k < intList.Count; k++) writer.WriteNumberValue(intList[k]);
                writer.WriteEndArray();
                return;
            case IReadOnlyList<string> strings:
                writer.WriteStartArray();
                for (var k = 0; k < strings.Count; k++)
                {
                    if (strings[k] is { } str) writer.WriteStringValue(str);
                    else writer.WriteNullValue();
                }
                writer.WriteEndArray();
                return;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var pair in map)
                {
                    writer.WritePropertyName(pair.Key);
                    WriteValue(writer, pair.Value);
                }
                writer.WriteEndObject();
                return;
            case IDictionary<string, object?> dict:
                writer.WriteStartObject();
                foreach (var pair in dict)
                {
                    writer.WritePropertyName(pair.Key);
                    WriteValue(writer, pair.Value);
                }
                writer.WriteEndObject();
                return;
            case IDictionary legacy:
                WriteLegacyDictionary(writer, legacy);
                return;
            case ITuple tuple:
                writer.WriteStartArray();
                for (var k = 0; k < tuple.Length; k++) WriteValue(writer, tuple[k]);
                writer.WriteEndArray();
                return;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, item);
                writer.WriteEndArray();
                return;
            default:
                throw new ArgumentException(
                    $"Cannot send a value of type {value.GetType().FullName} to Odoo. Supported: null, bool, numbers, string, DateOnly, DateTime, DateTimeOffset, byte[], " +
                    "string-keyed dictionaries, lists/arrays/tuples of those, JsonElement, JsonNode and IOdooJsonWritable.",
                    nameof(value));
        }
    }

    /// <summary>Writes a property and its value.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value; see <see cref="WriteValue"/>.</param>
    public static void WriteProperty(Utf8JsonWriter writer, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(name);
        writer.WritePropertyName(name);
        WriteValue(writer, value);
    }

    /// <summary>Writes a date as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="date">The date.</param>
    public static void WriteDate(Utf8JsonWriter writer, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> buf = stackalloc char[16];
        date.TryFormat(buf, out var n, DateFormat, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buf[..n]);
    }

    /// <summary>
    /// Writes a datetime as UTC <c>yyyy-MM-dd HH:mm:ss</c>. A local time is converted to UTC; an
    /// unspecified kind is taken as UTC already (Odoo's convention).
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The datetime.</param>
    public static void WriteDateTime(Utf8JsonWriter writer, DateTime value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Kind == DateTimeKind.Local) value = value.ToUniversalTime();
        Span<char> buf = stackalloc char[32];
        value.TryFormat(buf, out var n, DateTimeFormat, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buf[..n]);
    }

    /// <summary>Writes a datetime with offset as UTC <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The datetime.</param>
    public static void WriteDateTime(Utf8JsonWriter writer, DateTimeOffset value) => WriteDateTime(writer, value.UtcDateTime);

    private static void WriteDouble(Utf8JsonWriter writer, double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException($"Cannot send the float {d.ToString(CultureInfo.InvariantCulture)} to Odoo: JSON has no NaN or infinity.", "value");
        }
        writer.WriteNumberValue(d);
    }

    private static void WriteChar(Utf8JsonWriter writer, char c)
    {
        Span<char> one = [c];
        writer.WriteStringValue(one);
    }

    private static void WriteInts(Utf8JsonWriter writer, int[] ints)
    {
        writer.WriteStartArray();
        foreach (var i in ints) writer.WriteNumberValue(i);
        writer.WriteEndArray();
    }

    private static void WriteLegacyDictionary(Utf8JsonWriter writer, IDictionary dict)
    {
        writer.WriteStartObject();
        foreach (DictionaryEntry entry in dict)
        {
            var key = entry.Key switch
            {
                string s => s,
                int i => i.ToString(CultureInfo.InvariantCulture),
                long l => l.ToString(CultureInfo.InvariantCulture),
                _ => throw new ArgumentException(
                    $"Cannot send a dictionary with keys of type {entry.Key.GetType().FullName} to Odoo: JSON object keys are strings.", "value"),
            };
            writer.WritePropertyName(key);
            WriteValue(writer, entry.Value);
        }
        writer.WriteEndObject();
    }
}
