using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Odoo.Serialization;

namespace Odoo;

/// <summary>
/// Helpers called by generated record code: value readers that generated decoders share, the
/// errors generated properties throw, and <c>ToString</c> formatting. Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OdooRecordSupport
{
    /// <summary>Reads a boolean; JSON <c>null</c> reads as <see langword="null"/>, <c>false</c> as <see langword="false"/>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    public static bool? ReadNullableBoolean(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : OdooJsonReader.ReadBoolean(ref reader);

    /// <summary>Reads any value as a <see cref="JsonElement"/>; Odoo's <c>false</c> and <c>null</c> read as <see langword="null"/>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    public static JsonElement? ReadNullableJsonElement(ref Utf8JsonReader reader) =>
        OdooJsonReader.IsEmpty(ref reader) ? null : OdooJsonReader.ReadJsonElement(ref reader);

    /// <summary>
    /// Checks a selection value: <see langword="false"/> for Odoo's empty value; otherwise the
    /// reader stays on the key string, for the generated key match.
    /// </summary>
    /// <param name="reader">The reader, on the value.</param>
    public static bool IsSelectionKey(ref Utf8JsonReader reader)
    {
        if (OdooJsonReader.IsEmpty(ref reader)) return false;
        if (reader.TokenType != JsonTokenType.String) throw OdooJsonReader.Unexpected(ref reader, "a selection key (string)");
        return true;
    }

    /// <summary>Reads a UTC datetime (<c>yyyy-MM-dd HH:mm:ss</c>); <c>false</c>/<c>null</c> read as <see langword="null"/> (see <see cref="OdooJsonReader.ReadNullableDateTime"/>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    public static DateTime? ReadNullableDateTime(ref Utf8JsonReader reader) => OdooJsonReader.ReadNullableDateTime(ref reader);

    /// <summary>Reads a UTC datetime as a <see cref="DateTimeOffset"/> (offset zero); empty reads as <see langword="null"/>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    public static DateTimeOffset? ReadNullableDateTimeOffset(ref Utf8JsonReader reader) => OdooJsonReader.ReadNullableDateTimeOffset(ref reader);

    /// <summary>Reads a date (<c>yyyy-MM-dd</c>); <c>false</c>/<c>null</c> read as <see langword="null"/> (see <see cref="OdooJsonReader.ReadNullableDate"/>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    public static DateOnly? ReadNullableDate(ref Utf8JsonReader reader) => OdooJsonReader.ReadNullableDate(ref reader);

    /// <summary>A string as an Odoo wire value (<c>false</c> when empty), for <c>ToDictionary(raw: true)</c>.</summary>
    /// <param name="value">The value.</param>
    public static object RawString(string? value) => (object?)value ?? false;

    /// <summary>A number or boolean as an Odoo wire value (<c>false</c> when empty).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    public static object RawValue<T>(T? value) where T : struct => value.HasValue ? value.Value : false;

    /// <summary>A date as an Odoo wire value (<c>yyyy-MM-dd</c>, or <c>false</c>).</summary>
    /// <param name="value">The value.</param>
    public static object RawDate(DateOnly? value) =>
        value is { } d ? d.ToString(OdooJsonWriter.DateFormat, CultureInfo.InvariantCulture) : false;

    /// <summary>A UTC datetime as an Odoo wire value (<c>yyyy-MM-dd HH:mm:ss</c>, or <c>false</c>).</summary>
    /// <param name="value">The value.</param>
    public static object RawDateTime(DateTime? value) =>
        value is { } dt ? dt.ToString(OdooJsonWriter.DateTimeFormat, CultureInfo.InvariantCulture) : false;

    /// <summary>A datetime as an Odoo wire value (UTC <c>yyyy-MM-dd HH:mm:ss</c>, or <c>false</c>).</summary>
    /// <param name="value">The value.</param>
    public static object RawDateTimeOffset(DateTimeOffset? value) =>
        value is { } dt ? dt.UtcDateTime.ToString(OdooJsonWriter.DateTimeFormat, CultureInfo.InvariantCulture) : false;

    /// <summary>A many2one as an Odoo wire value: <c>[id, "name"]</c> (an <c>object[]</c>), or <c>false</c>.</summary>
    /// <param name="id">The id, <see langword="null"/> when the link is empty.</param>
    /// <param name="name">The display name.</param>
    public static object RawMany2One(int? id, string? name) =>
        id is { } v ? new object[] { v, (object?)name ?? false } : false;

    /// <summary>An id list as an Odoo wire value (never <c>false</c>: Odoo sends <c>[]</c>).</summary>
    /// <param name="ids">The ids.</param>
    public static object RawIds(IReadOnlyList<int>? ids) => ids ?? (IReadOnlyList<int>)[];

    /// <summary>A JSON value as an Odoo wire value (<c>false</c> when empty).</summary>
    /// <param name="value">The value.</param>
    public static object RawJson(JsonElement? value) => value.HasValue ? value.Value : false;

    /// <summary>Whether the record's client talks to one of the given Odoo versions (matched by major.minor).</summary>
    /// <param name="source">The record's source.</param>
    /// <param name="versions">Versions such as <c>13.0</c>.</param>
    public static bool IsServerVersion(OdooRecordSource source, params ReadOnlySpan<string> versions)
    {
        if (source?.Client?.ServerVersion is not { } v) return false;
        var mm = v.MajorMinor;
        foreach (var candidate in versions)
        {
            if (string.Equals(candidate, mm, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The error for a non-nullable property whose Odoo value is empty (<c>false</c>).</summary>
    /// <param name="recordType">The record type.</param>
    /// <param name="property">The C# property.</param>
    /// <param name="remoteField">The Odoo field.</param>
    /// <param name="declaredType">The declared C# type, for the message.</param>
    public static OdooValueException EmptyValue(string recordType, string property, string remoteField, string declaredType) =>
        new($"{recordType}.{property}: Odoo sent false (no value) for the field '{remoteField}', but the property is declared as non-nullable {declaredType}. Declare it as {declaredType}? to accept empty values.");

    /// <summary>The error for a selection key that no enum member maps to.</summary>
    /// <param name="recordType">The record type.</param>
    /// <param name="property">The C# property.</param>
    /// <param name="remoteField">The Odoo field.</param>
    /// <param name="enumType">The enum type.</param>
    /// <param name="key">The key Odoo sent.</param>
    public static OdooValueException UnknownSelection(string recordType, string property, string remoteField, string enumType, string key) =>
        new($"{recordType}.{property}: Odoo sent the selection key '{key}' for the field '{remoteField}', which no member of {enumType} maps to. Add a member for it (name it in snake_case, or mark it [OdooSelection(\"{key}\")]), or declare the property as string.");

    /// <summary>The error for reading a relation that was not loaded yet.</summary>
    /// <param name="recordType">The record type.</param>
    /// <param name="property">The relation property.</param>
    /// <param name="remoteField">The Odoo field.</param>
    public static OdooRelationNotLoadedException RelationNotLoaded(string recordType, string property, string remoteField) =>
        new(recordType, property, remoteField);

    /// <summary>Appends a value for <c>ToString</c>: strings quoted, numbers and dates invariant, <see langword="null"/> as <c>null</c>.</summary>
    /// <param name="builder">The text.</param>
    /// <param name="value">The value.</param>
    public static void AppendValue(StringBuilder builder, string? value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (value is null)
        {
            builder.Append("null");
            return;
        }
        builder.Append('"');
        var max = Math.Min(value.Length, 200);
        for (var i = 0; i < max; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default: builder.Append(c); break;
            }
        }
        if (value.Length > max) builder.Append("...");
        builder.Append('"');
    }

    /// <summary>Appends a formattable value with the invariant culture (<see langword="null"/> as <c>null</c>).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="builder">The text.</param>
    /// <param name="value">The value.</param>
    public static void AppendValue<T>(StringBuilder builder, T? value) where T : struct
    {
        ArgumentNullException.ThrowIfNull(builder);
        object? boxed = value;
        switch (boxed)
        {
            case null: builder.Append("null"); break;
            case bool b: builder.Append(b ? "true" : "false"); break;
            case DateOnly d: builder.Append(d.ToString(OdooJsonWriter.DateFormat, CultureInfo.InvariantCulture)); break;
            case DateTime dt: builder.Append(dt.ToString(OdooJsonWriter.DateTimeFormat, CultureInfo.InvariantCulture)); break;
            case DateTimeOffset dto: builder.Append(dto.UtcDateTime.ToString(OdooJsonWriter.DateTimeFormat, CultureInfo.InvariantCulture)); break;
            case JsonElement e: AppendJson(builder, e); break;
            case IFormattable f: builder.Append(f.ToString(null, CultureInfo.InvariantCulture)); break;
            default: builder.Append(boxed.ToString()); break;
        }
    }

    /// <summary>Appends a many2one as <c>[id, "name"]</c>, or <c>false</c> when empty.</summary>
    /// <param name="builder">The text.</param>
    /// <param name="id">The id, or <see langword="null"/> when the link is empty.</param>
    /// <param name="name">The display name.</param>
    public static void AppendMany2One(StringBuilder builder, int? id, string? name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (id is not { } v)
        {
            builder.Append("false");
            return;
        }
        builder.Append('[').Append(v.ToString(CultureInfo.InvariantCulture));
        if (name is not null)
        {
            builder.Append(", ");
            AppendValue(builder, name);
        }
        builder.Append(']');
    }

    /// <summary>Appends an id list as <c>[1, 2, 3]</c> (at most 20 ids are shown).</summary>
    /// <param name="builder">The text.</param>
    /// <param name="ids">The ids.</param>
    public static void AppendIds(StringBuilder builder, IReadOnlyList<int>? ids)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append('[');
        if (ids is not null)
        {
            for (var i = 0; i < ids.Count && i < 20; i++)
            {
                if (i > 0) builder.Append(", ");
                builder.Append(ids[i].ToString(CultureInfo.InvariantCulture));
            }
            if (ids.Count > 20) builder.Append(", ... ").Append((ids.Count - 20).ToString(CultureInfo.InvariantCulture)).Append(" more");
        }
        builder.Append(']');
    }

    private static void AppendJson(StringBuilder builder, JsonElement e)
    {
        var text = e.ValueKind == JsonValueKind.Undefined ? "undefined" : e.GetRawText();
        builder.Append(text.Length > 200 ? string.Concat(text.AsSpan(0, 200), "...") : text);
    }
}
