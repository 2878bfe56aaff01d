using System.Text.Json;
using Odoo.Serialization;

namespace Odoo;

/// <summary>
/// Collects raw JSON properties (<c>"name":value</c>) into one compact UTF-8 object, by copying the
/// tokens' bytes as they are (no parse into a <see cref="JsonDocument"/>). Used to keep a record's
/// undeclared fields cheaply; one instance per thread is reused.
/// </summary>
internal sealed class OdooRawJsonBuffer
{
    [ThreadStatic]
    private static OdooRawJsonBuffer? t_cached;

    private byte[] _buffer = new byte[512];
    private int _length;

    public static OdooRawJsonBuffer Rent()
    {
        var b = t_cached ?? new OdooRawJsonBuffer();
        t_cached = null;
        b._length = 0;
        b.Add((byte)'{');
        return b;
    }

    public void Return()
    {
        if (_buffer.Length <= 64 * 1024) t_cached = this;
    }

    /// <summary>The object collected so far, closed, as a new array.</summary>
    public byte[] ToObjectArray()
    {
        Add((byte)'}');
        return _buffer.AsSpan(0, _length).ToArray();
    }

    /// <summary>Appends <c>"name":</c> (with a comma before it when needed); <paramref name="utf8Name"/> is unescaped.</summary>
    public void AppendProperty(scoped ReadOnlySpan<byte> utf8Name)
    {
        if (_length > 1) Add((byte)',');
        Add((byte)'"');
        foreach (var c in utf8Name)
        {
            if (c == (byte)'"' || c == (byte)'\\')
            {
                Add((byte)'\\');
                Add(c);
            }
            else if (c < 0x20)
            {
                Add("\\u00"u8);
                Add((byte)"0123456789abcdef"[c >> 4]);
                Add((byte)"0123456789abcdef"[c & 0xF]);
            }
            else
            {
                Add(c);
            }
        }
        Add("\":"u8);
    }

    /// <summary>Copies the value the reader is on (a whole array or object), leaving the reader on its last token.</summary>
    public void AppendValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            AppendToken(ref reader);
            return;
        }
        var depth = reader.CurrentDepth;
        var comma = false;
        while (true)
        {
            var type = reader.TokenType;
            switch (type)
            {
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    Add(type == JsonTokenType.EndObject ? (byte)'}' : (byte)']');
                    if (reader.CurrentDepth == depth) return;
                    comma = true;
                    break;
                case JsonTokenType.Comment:
                case JsonTokenType.None:
                    break;
                default:
                    if (comma) Add((byte)',');
                    AppendToken(ref reader);
                    comma = type is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName);
                    break;
            }
            OdooJsonReader.Read(ref reader);
        }
    }

    private void AppendToken(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: Add((byte)'{'); break;
            case JsonTokenType.StartArray: Add((byte)'['); break;
            case JsonTokenType.String:
                Add((byte)'"');
                AddRaw(ref reader);
                Add((byte)'"');
                break;
            case JsonTokenType.PropertyName:
                Add((byte)'"');
                AddRaw(ref reader);
                Add("\":"u8);
                break;
            default:
                AddRaw(ref reader); // numbers, true, false, null: their literal bytes
                break;
        }
    }

    private void AddRaw(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence)
        {
            Add(reader.ValueSpan);
            return;
        }
        foreach (var segment in reader.ValueSequence) Add(segment.Span);
    }

    private void Add(byte b)
    {
        if (_length == _buffer.Length) Grow(1);
        _buffer[_length++] = b;
    }

    private void Add(scoped ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length - _length < bytes.Length) Grow(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Grow(int needed)
    {
        var bigger = new byte[Math.Max(_buffer.Length * 2, _length + needed)];
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        _buffer = bigger;
    }
}
