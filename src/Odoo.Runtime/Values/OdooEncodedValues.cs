using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Odoo.Managers;
using Odoo.Metadata;
using Odoo.Serialization;
using Odoo.Transport;

namespace Odoo.Values;

/// <summary>Values encoded for one model: Odoo names and wire values, ready to send as a JSON object.</summary>
public sealed class OdooEncodedValues : IOdooJsonWritable, IReadOnlyDictionary<string, object?>
{
    private readonly List<KeyValuePair<string, object?>> _items;

    internal OdooEncodedValues(List<KeyValuePair<string, object?>> items) => _items = items;

    /// <inheritdoc />
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        foreach (var (key, value) in _items)
        {
            writer.WritePropertyName(key);
            OdooJsonWriter.WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public object? this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

    /// <inheritdoc />
    public IEnumerable<string> Keys => _items.Select(p => p.Key);

    /// <inheritdoc />
    public IEnumerable<object?> Values => _items.Select(p => p.Value);

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc />
    public bool TryGetValue(string key, out object? value)
    {
        foreach (var pair in _items)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                value = pair.Value;
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The values as JSON text.</summary>
    public override string ToString()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })) WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
