using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Odoo.Testing.Internal;

/// <summary>Converts incoming values to the stored form: string, long, double, bool, int (many2one id), List&lt;int&gt;, JsonElement.</summary>
internal static class Values
{
    public static object? FromJson(ModelTable table, FieldDef f, JsonElement v)
    {
        if (v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (v.ValueKind == JsonValueKind.False && f.Type is not (OdooFieldType.Boolean or OdooFieldType.Json)) return null;
        switch (f.Type)
        {
            case OdooFieldType.Char or OdooFieldType.Text or OdooFieldType.Html or OdooFieldType.Binary:
                return v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText();
            case OdooFieldType.Selection:
            {
                var s = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
                CheckSelection(table, f, s);
                return s;
            }
            case OdooFieldType.Date:
                return NormalizeDate(table, f, v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText());
            case OdooFieldType.DateTime:
                return NormalizeDateTime(table, f, v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText());
            case OdooFieldType.Integer:
                if (v.ValueKind == JsonValueKind.Number)
                    return v.TryGetInt64(out var l) ? l : (long)Math.Truncate(v.GetDouble());
                if (v.ValueKind == JsonValueKind.True) return 1L;
                if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ls)) return ls;
                // fields.Integer.convert_to_cache: int(value) (recorded: tests/Odoo.Runtime.Tests/WireSamples/68).
                if (v.ValueKind == JsonValueKind.String) throw OdooServerError.ValueError($"invalid literal for int() with base 10: {PyRepr.Str(v.GetString()!)}");
                throw BadValue(table, f, v);
            case OdooFieldType.Float or OdooFieldType.Monetary:
                if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
                if (v.ValueKind == JsonValueKind.True) return 1.0;
                if (v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ds)) return ds;
                // fields.Float.convert_to_cache: float(value).
                if (v.ValueKind == JsonValueKind.String) throw OdooServerError.ValueError($"could not convert string to float: {PyRepr.Str(v.GetString()!)}");
                throw BadValue(table, f, v);
            case OdooFieldType.Boolean:
                return v.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => v.GetDouble() != 0,
                    JsonValueKind.String => v.GetString()!.Length > 0,
                    _ => v.GetArrayOrObjectLength() > 0,
                };
            case OdooFieldType.Many2One:
                return M2OId(table, f, v);
            case OdooFieldType.Json:
                return v.Clone();
            default:
                throw BadValue(table, f, v);
        }
    }

    private static int GetArrayOrObjectLength(this JsonElement v)
        => v.ValueKind == JsonValueKind.Array ? v.GetArrayLength() : v.EnumerateObject().Count();

    public static object? M2OId(ModelTable table, FieldDef f, JsonElement v)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Number when v.TryGetInt32(out var id): return id == 0 ? null : id;
            case JsonValueKind.Array when v.GetArrayLength() > 0: return M2OId(table, f, v[0]);
            case JsonValueKind.String when int.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var sid): return sid == 0 ? null : sid;
            case JsonValueKind.Null or JsonValueKind.False: return null;
            default: throw BadValue(table, f, v);
        }
    }

    /// <summary>Converts a value produced in .NET (defaults, computes) to the stored form.</summary>
    public static object? FromClr(ModelTable table, FieldDef f, object? v)
    {
        switch (v)
        {
            case null: return null;
            case JsonElement je: return f.IsX2Many ? IdList(je) : FromJson(table, f, je);
            case false when f.Type != OdooFieldType.Boolean: return null;
        }
        switch (f.Type)
        {
            case OdooFieldType.Char or OdooFieldType.Text or OdooFieldType.Html or OdooFieldType.Binary or OdooFieldType.Selection:
                return v switch
                {
                    string s => s,
                    byte[] b => Convert.ToBase64String(b),
                    IFormattable fm => fm.ToString(null, CultureInfo.InvariantCulture),
                    _ => v.ToString(),
                };
            case OdooFieldType.Date:
                return v switch
                {
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    _ => NormalizeDate(table, f, v.ToString()!),
                };
            case OdooFieldType.DateTime:
                return v switch
                {
                    DateTime dt => (dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : dt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    _ => NormalizeDateTime(table, f, v.ToString()!),
                };
            case OdooFieldType.Integer:
                return Convert.ToInt64(v, CultureInfo.InvariantCulture);
            case OdooFieldType.Float or OdooFieldType.Monetary:
                return Convert.ToDouble(v, CultureInfo.InvariantCulture);
            case OdooFieldType.Boolean:
                return v is bool b2 ? b2 : Convert.ToBoolean(v, CultureInfo.InvariantCulture);
            case OdooFieldType.Many2One:
                var id = Convert.ToInt32(v, CultureInfo.InvariantCulture);
                return id == 0 ? null : id;
            case OdooFieldType.One2Many or OdooFieldType.Many2Many:
                if (v is IEnumerable e and not string)
                {
                    var list = new List<int>();
                    foreach (var o in e) list.Add(Convert.ToInt32(o, CultureInfo.InvariantCulture));
                    return list;
                }
                return new List<int> { Convert.ToInt32(v, CultureInfo.InvariantCulture) };
            case OdooFieldType.Json:
                return JsonSerializer.SerializeToElement(v);
            default:
                return v;
        }
    }

    private static List<int> IdList(JsonElement je)
    {
        var list = new List<int>();
        if (je.ValueKind == JsonValueKind.Array)
            foreach (var x in je.EnumerateArray())
                if (x.ValueKind == JsonValueKind.Number) list.Add(x.GetInt32());
        return list;
    }

    public static void CheckSelection(ModelTable table, FieldDef f, string s)
    {
        var values = f.Schema.SelectionValues;
        if (values.Count == 0) return;
        foreach (var kv in values)
            if (kv.Key == s) return;
        throw OdooServerError.ValueError($"Wrong value for {table.Name}.{f.Name}: {PyRepr.Str(s)}");
    }

    public static string NormalizeDate(ModelTable table, FieldDef f, string s)
    {
        if (s.Length >= 10 && DateOnly.TryParseExact(s.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // fields.Date.to_date: datetime.strptime(value[:DATE_LENGTH], DATE_FORMAT), whose ValueError does not name the field.
        _ = (table, f);
        throw OdooServerError.ValueError($"time data {PyRepr.Str(s.Length > 10 ? s[..10] : s)} does not match format '%Y-%m-%d'");
    }

    public static string NormalizeDateTime(ModelTable table, FieldDef f, string s)
    {
        if (s.Length == 10) return NormalizeDate(table, f, s) + " 00:00:00";
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dto))
            return dto.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        // fields.Datetime.to_datetime: datetime.strptime(value[:DATETIME_LENGTH], DATETIME_FORMAT).
        throw OdooServerError.ValueError($"time data {PyRepr.Str(s.Length > 19 ? s[..19] : s)} does not match format '%Y-%m-%d %H:%M:%S'");
    }

    private static OdooServerError BadValue(ModelTable table, FieldDef f, JsonElement v)
        => OdooServerError.ValueError($"Wrong value for {table.Name}.{f.Name}: {v.GetRawText()}");

    /// <summary>Whether a stored value counts as "not set" for Odoo (<c>False</c>).</summary>
    public static bool IsEmpty(FieldDef f, object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        long l => l == 0,
        double d => d == 0,
        List<int> list => list.Count == 0,
        IReadOnlyList<int> rl => rl.Count == 0,
        _ => false,
    };
}
