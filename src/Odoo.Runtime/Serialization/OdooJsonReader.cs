using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Odoo.Serialization;

/// <summary>
/// Reads Odoo's JSON value shapes from a <see cref="Utf8JsonReader"/>: <c>false</c> for empty
/// values, <c>[id, display_name]</c> pairs, id lists, <c>yyyy-MM-dd</c> dates and
/// <c>yyyy-MM-dd HH:mm:ss</c> UTC datetimes. Used by generated decoders; every method expects the
/// reader on the value's first token and leaves it on the value's last token.
/// </summary>
public static class OdooJsonReader
{
    /// <summary>
    /// Reads a JSON array of record objects (the result of <c>search_read</c> or <c>read</c>) with the
    /// generated decoder of <typeparamref name="T"/>, as the client and the managers do.
    /// </summary>
    /// <example>
    /// <code>
    /// var reader = new Utf8JsonReader(body);   // e.g. a recorded search_read result
    /// reader.Read();                            // on the array's start
    /// List&lt;ReferralCode&gt; codes = OdooJsonReader.ReadRecords&lt;ReferralCode&gt;(ref reader, OdooRecordSource.Detached);
    /// </code>
    /// </example>
    /// <typeparam name="T">The generated record.</typeparam>
    /// <param name="reader">The reader, on the array's start; left on its end.</param>
    /// <param name="source">Where the records come from, shared by all of them (<see cref="OdooRecordSource.Detached"/> for records decoded offline).</param>
    /// <returns>The records, in the order of the array.</returns>
    /// <exception cref="OdooProtocolException">The value is not an array of objects, or a record has a value of the wrong shape.</exception>
    public static List<T> ReadRecords<T>(ref Utf8JsonReader reader, OdooRecordSource source) where T : OdooRecord, IOdooRecord<T>
    {
        ArgumentNullException.ThrowIfNull(source);
        if (reader.TokenType != JsonTokenType.StartArray) throw Unexpected(ref reader, "a list of records");
        var list = new List<T>();
        Read(ref reader);
        while (reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw Unexpected(ref reader, "a record object");
            list.Add(T.Decode(ref reader, source));
            Read(ref reader);
        }
        return list;
    }

    /// <summary>Whether the current token is Odoo's empty value (<c>false</c> or <c>null</c>).</summary>
    /// <param name="reader">The reader, on a value token.</param>
    public static bool IsEmpty(ref Utf8JsonReader reader) => reader.TokenType is JsonTokenType.False or JsonTokenType.Null;

    /// <summary>Reads a boolean (<c>null</c> reads as <see langword="false"/>).</summary>
    /// <param name="reader">The reader.</param>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False or JsonTokenType.Null => false,
        _ => throw Unexpected(ref reader, "a boolean"),
    };

    /// <summary>Reads an integer.</summary>
    /// <param name="reader">The reader.</param>
    public static int ReadInt32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v) ? v : throw Unexpected(ref reader, "an integer");

    /// <summary>Reads an integer; <c>false</c>/<c>null</c> read as <see langword="null"/>.</summary>
    /// <param name="reader">The reader.</param>
    public static int? ReadNullableInt32(ref Utf8JsonReader reader) => IsEmpty(ref reader) ? null : ReadInt32(ref reader);

    /// <summary>Reads a 64-bit integer.</summary>
    /// <param name="reader">The reader.</param>
    public static long ReadInt64(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var v) ? v : throw Unexpected(ref reader, "an integer");

    /// <summary>Reads a 64-bit integer; <c>false</c>/<c>null</c> read as <see langword="null"/>.</summary>
    /// <param name="reader">The reader.</param>
    public static long? ReadNullableInt64(ref Utf8JsonReader reader) => IsEmpty(ref reader) ? null : ReadInt64(ref reader);

    /// <summary>Reads a float.</summary>
    /// <param name="reader">The reader.</param>
    public static double ReadDouble(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : throw Unexpected(ref reader, "a number");

    /// <summary>Reads a float; <c>false</c>/<c>null</c> read as <see langword="null"/>.</summary>
    /// <param name="reader">The reader.</param>
    public static double? ReadNullableDouble(ref Utf8JsonReader reader) => IsEmpty(ref reader) ? null : ReadDouble(ref reader);

    /// <summary>Reads a float as a decimal.</summary>
    /// <param name="reader">The reader.</param>
    public static decimal ReadDecimal(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var v) ? v
        : reader.TokenType == JsonTokenType.Number ? (decimal)reader.GetDouble()
        : throw Unexpected(ref reader, "a number");

    /// <summary>Reads a float as a decimal; <c>false</c>/<c>null</c> read as <see langword="null"/>.</summary>
    /// <param name="reader">The reader.</param>
    public static decimal? ReadNullableDecimal(ref Utf8JsonReader reader) => IsEmpty(ref reader) ? null : ReadDecimal(ref reader);

    /// <summary>Reads a string; <c>false</c>/<c>null</c> read as <see langword="null"/>.</summary>
    /// <param name="reader">The reader.</param>
    public static string? ReadNullableString(ref Utf8JsonReader reader) =>
        IsEmpty(ref reader) ? null : reader.TokenType == JsonTokenType.String ? reader.GetString() : throw Unexpected(ref reader, "a string");

    /// <summary>
    /// Reads a date (<c>yyyy-MM-dd</c>); <c>false</c>/<c>null</c> read as <see langword="null"/>. An unescaped
    /// 10-byte value is parsed straight from the UTF-8 bytes; anything else (escaped text, a datetime whose
    /// date part is taken) goes through the culture-invariant parser.
    /// </summary>
    /// <param name="reader">The reader.</param>
    public static DateOnly? ReadNullableDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped
            && reader.ValueSpan.Length == 10 && TryParseDate(reader.ValueSpan, out var value))
        {
            return value;
        }
        return ReadNullableDateSlow(ref reader);
    }

    private static DateOnly? ReadNullableDateSlow(ref Utf8JsonReader reader)
    {
        if (IsEmpty(ref reader)) return null;
        if (reader.TokenType != JsonTokenType.String) throw Unexpected(ref reader, "a date");
        Span<char> buf = stackalloc char[32];
        var len = reader.CopyString(buf);
        var s = buf[..len];
        if (s.Length > 10) s = s[..10];
        return DateOnly.TryParseExact(s, OdooJsonWriter.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw Unexpected(ref reader, "a date (yyyy-MM-dd)");
    }

    /// <summary>
    /// Reads a UTC datetime (<c>yyyy-MM-dd HH:mm:ss</c>); <c>false</c>/<c>null</c> read as <see langword="null"/>.
    /// An unescaped <c>yyyy-MM-dd HH:mm:ss</c> value is parsed straight from the UTF-8 bytes; anything else
    /// (fractional seconds, a bare date, escaped text) goes through the culture-invariant parser.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <returns>A <see cref="DateTime"/> of kind <see cref="DateTimeKind.Utc"/>.</returns>
    public static DateTime? ReadNullableDateTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped
            && TryParseDateTime(reader.ValueSpan, out var value))
        {
            return value;
        }
        return ReadNullableDateTimeSlow(ref reader);
    }

    private static DateTime? ReadNullableDateTimeSlow(ref Utf8JsonReader reader)
    {
        if (IsEmpty(ref reader)) return null;
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > 64 || reader.ValueIsEscaped && reader.ValueSpan.Length > 32)
        {
            throw Unexpected(ref reader, "a datetime");
        }
        Span<char> buf = stackalloc char[64];
        var len = reader.CopyString(buf);
        var s = buf[..len];
        if (DateTime.TryParseExact(s, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var dt))
        {
            return DateTime.SpecifyKind(dt, DateTimeKind.Utc);
        }
        throw Unexpected(ref reader, "a datetime (yyyy-MM-dd HH:mm:ss)");
    }

    private static readonly string[] DateTimeFormats = [OdooJsonWriter.DateTimeFormat, OdooJsonWriter.DateTimeFormat + ".FFFFFF", OdooJsonWriter.DateFormat];

    /// <summary>Reads a UTC datetime as a <see cref="DateTimeOffset"/> (offset zero); empty reads as <see langword="null"/>.</summary>
    /// <param name="reader">The reader.</param>
    public static DateTimeOffset? ReadNullableDateTimeOffset(ref Utf8JsonReader reader) =>
        ReadNullableDateTime(ref reader) is { } dt ? new DateTimeOffset(dt, TimeSpan.Zero) : null;

    /// <summary>Reads a many2one value: <c>[id, display_name]</c>, or <c>false</c>/<c>null</c> for an empty link.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="id">The id, or 0 when empty.</param>
    /// <param name="name">The display name, or <see langword="null"/> when empty.</param>
    /// <returns>Whether the link is set.</returns>
    public static bool ReadMany2One(ref Utf8JsonReader reader, out int id, out string? name)
    {
        id = 0;
        name = null;
        if (IsEmpty(ref reader)) return false;
        if (reader.TokenType == JsonTokenType.Number)
        {
            // Some methods answer a bare id (for example with load=None).
            id = ReadInt32(ref reader);
            return true;
        }
        if (reader.TokenType != JsonTokenType.StartArray) throw Unexpected(ref reader, "a many2one pair [id, name]");
        Read(ref reader);
        id = ReadInt32(ref reader);
        Read(ref reader);
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            name = reader.TokenType == JsonTokenType.String ? reader.GetString() : IsEmpty(ref reader) ? null : throw Unexpected(ref reader, "a display name");
            Read(ref reader);
            while (reader.TokenType != JsonTokenType.EndArray)
            {
                reader.Skip();
                Read(ref reader);
            }
        }
        return true;
    }

    /// <summary>Reads an x2many value: a list of ids (<c>false</c>/<c>null</c> read as an empty list).</summary>
    /// <param name="reader">The reader.</param>
    public static int[] ReadIdList(ref Utf8JsonReader reader)
    {
        if (IsEmpty(ref reader)) return [];
        if (reader.TokenType != JsonTokenType.StartArray) throw Unexpected(ref reader, "a list of ids");
        Read(ref reader);
        if (reader.TokenType == JsonTokenType.EndArray) return [];
        int[] buffer = ArrayPool<int>.Shared.Rent(16);
        var count = 0;
        try
        {
            while (reader.TokenType != JsonTokenType.EndArray)
            {
                if (count == buffer.Length)
                {
                    var bigger = ArrayPool<int>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, count).CopyTo(bigger);
                    ArrayPool<int>.Shared.Return(buffer);
                    buffer = bigger;
                }
                buffer[count++] = ReadInt32(ref reader);
                Read(ref reader);
            }
            return buffer.AsSpan(0, count).ToArray();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads any value as a detached <see cref="JsonElement"/> (for JSON or untyped fields).</summary>
    /// <param name="reader">The reader.</param>
    public static JsonElement ReadJsonElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>
    /// Skips a call's result, whatever its shape, and returns whether it was truthy (neither <c>false</c> nor <c>null</c>):
    /// the result reader of calls whose answer is not used (<c>write</c>, <c>unlink</c>, <c>action_post</c>...).
    /// Use it as an <see cref="Transport.OdooResultReader{T}"/>: <c>await client.ExecuteAsync(call, OdooJsonReader.SkipResult, ct)</c>.
    /// </summary>
    /// <param name="reader">The reader, on the result's first token; left on its last.</param>
    /// <returns>Whether the result was truthy.</returns>
    public static bool SkipResult(ref Utf8JsonReader reader)
    {
        var truthy = !IsEmpty(ref reader);
        reader.Skip();
        return truthy;
    }

    /// <summary>Advances the reader, failing with a protocol error at the end of the input.</summary>
    /// <param name="reader">The reader.</param>
    public static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new OdooProtocolException("The JSON ended in the middle of a value.");
    }

    /// <summary>Creates the error for a value of an unexpected shape.</summary>
    /// <param name="reader">The reader, on the offending token.</param>
    /// <param name="expected">What was expected, for example "an integer".</param>
    public static OdooProtocolException Unexpected(ref Utf8JsonReader reader, string expected)
    {
        var found = reader.TokenType switch
        {
            JsonTokenType.String => "the string \"" + Truncate(reader.GetString()) + "\"",
            JsonTokenType.Number => "the number " + Truncate(System.Text.Encoding.UTF8.GetString(reader.ValueSpan)),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => "null",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.StartObject => "an object",
            var t => t.ToString(),
        };
        return new OdooProtocolException($"Expected {expected} but found {found} at byte {reader.TokenStartIndex}.");
    }

    private static string? Truncate(string? s) => s is { Length: > 60 } ? s[..60] + "..." : s;

    /// <summary>Parses a UTF-8 <c>yyyy-MM-dd</c> span.</summary>
    /// <param name="utf8">The bytes.</param>
    /// <param name="value">The date.</param>
    public static bool TryParseDate(ReadOnlySpan<byte> utf8, out DateOnly value)
    {
        value = default;
        if (utf8.Length < 10 || utf8[4] != (byte)'-' || utf8[7] != (byte)'-') return false;
        if (!Utf8Parser.TryParse(utf8[..4], out int y, out var c1) || c1 != 4) return false;
        if (!Utf8Parser.TryParse(utf8.Slice(5, 2), out int m, out var c2) || c2 != 2) return false;
        if (!Utf8Parser.TryParse(utf8.Slice(8, 2), out int d, out var c3) || c3 != 2) return false;
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        value = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>Parses exactly <c>yyyy-MM-dd HH:mm:ss</c> (UTF-8) as a UTC <see cref="DateTime"/>.</summary>
    private static bool TryParseDateTime(ReadOnlySpan<byte> s, out DateTime value)
    {
        value = default;
        if (s.Length != 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':') return false;
        if (!Digits(s, 0, 4, out var y) || !Digits(s, 5, 2, out var mo) || !Digits(s, 8, 2, out var d)
            || !Digits(s, 11, 2, out var h) || !Digits(s, 14, 2, out var mi) || !Digits(s, 17, 2, out var sec))
        {
            return false;
        }
        if (y < 1 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return false;
        value = new DateTime(y, mo, d, h, mi, sec, DateTimeKind.Utc);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = s[i] - (byte)'0';
            if ((uint)digit > 9) return false;
            value = value * 10 + digit;
        }
        return true;
    }
}
