using System.Globalization;
using System.Text.Json;

namespace Odoo.Testing.Internal;

/// <summary>Writes Odoo-shaped JSON with <see cref="Utf8JsonWriter"/>.</summary>
internal static class JsonOut
{
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");

    /// <summary>Writes a float the way Python's json module does (<c>14.0</c>, not <c>14</c>).</summary>
    public static void WritePyFloat(Utf8JsonWriter w, double d)
    {
        if (!double.IsFinite(d)) { w.WriteNullValue(); return; }
        Span<byte> buf = stackalloc byte[40];
        int n;
        if (d == Math.Floor(d) && Math.Abs(d) < 1e16)
        {
            d.TryFormat(buf, out n, "F0", CultureInfo.InvariantCulture);
            buf[n++] = (byte)'.';
            buf[n++] = (byte)'0';
        }
        else d.TryFormat(buf, out n, "R", CultureInfo.InvariantCulture);
        w.WriteRawValue(buf[..n], skipInputValidation: true);
    }

    public static void WriteRows(Utf8JsonWriter w, Store s, ModelTable t, List<Row> rows, FieldDef[] fields, bool activeTest)
    {
        w.WriteStartArray();
        foreach (var row in rows)
        {
            w.WriteStartObject();
            w.WriteNumber(Id, row.Id);
            foreach (var f in fields)
            {
                if (f.Storage == FieldStorage.Id) continue;
                w.WritePropertyName(f.JsonName);
                WriteValue(w, s, t, row, f, activeTest);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static void WriteValue(Utf8JsonWriter w, Store s, ModelTable t, Row row, FieldDef f, bool activeTest)
    {
        if (f.IsX2Many)
        {
            w.WriteStartArray();
            foreach (var id in s.Records.X2Many(t, row, f, activeTest)) w.WriteNumberValue(id);
            w.WriteEndArray();
            return;
        }
        var v = f.Storage == FieldStorage.Slot ? row.Values[f.Slot] : s.Records.Get(t, row, f);
        switch (f.Type)
        {
            case OdooFieldType.Integer:
                w.WriteNumberValue(v switch { long l => l, null => 0L, _ => Convert.ToInt64(v, CultureInfo.InvariantCulture) });
                return;
            case OdooFieldType.Float or OdooFieldType.Monetary:
                WritePyFloat(w, v switch { double d => d, null => 0.0, _ => Convert.ToDouble(v, CultureInfo.InvariantCulture) });
                return;
            case OdooFieldType.Boolean:
                w.WriteBooleanValue(v is true);
                return;
            case OdooFieldType.Many2One:
                if (v is int id)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(id);
                    w.WriteStringValue(s.Records.M2ODisplayName(f, id));
                    w.WriteEndArray();
                }
                else w.WriteBooleanValue(false);
                return;
            case OdooFieldType.Json:
                if (v is JsonElement je) je.WriteTo(w);
                else w.WriteBooleanValue(false);
                return;
            default:
                if (v is string str) w.WriteStringValue(str);
                else if (v is null) w.WriteBooleanValue(false);
                else w.WriteStringValue(Convert.ToString(v, CultureInfo.InvariantCulture));
                return;
        }
    }

    /// <summary>Writes <c>error.data</c> (JSON-RPC key order) or the JSON-2 error body.</summary>
    public static void WriteErrorData(Utf8JsonWriter w, OdooServerError e, bool json2)
    {
        w.WriteStartObject();
        w.WriteString("name", e.Name);
        if (!json2) w.WriteString("debug", e.Debug);
        w.WriteString("message", e.Message);
        w.WritePropertyName("arguments");
        w.WriteStartArray();
        foreach (var a in e.Arguments)
        {
            switch (a)
            {
                case string str: w.WriteStringValue(str); break;
                case int i: w.WriteNumberValue(i); break;
                case long l: w.WriteNumberValue(l); break;
                case double d: w.WriteNumberValue(d); break;
                case bool b: w.WriteBooleanValue(b); break;
                default: w.WriteStringValue(Convert.ToString(a, CultureInfo.InvariantCulture)); break;
            }
        }
        w.WriteEndArray();
        w.WritePropertyName("context");
        w.WriteStartObject();
        w.WriteEndObject();
        if (json2) w.WriteString("debug", e.Debug);
        w.WriteEndObject();
    }

    public static void WriteJsonRpcError(Utf8JsonWriter w, JsonElement id, OdooServerError e)
    {
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        w.WritePropertyName("id");
        if (id.ValueKind == JsonValueKind.Undefined) w.WriteNullValue(); else id.WriteTo(w);
        w.WritePropertyName("error");
        w.WriteStartObject();
        w.WriteNumber("code", e.JsonRpcCode);
        w.WriteString("message", e.JsonRpcMessage);
        w.WritePropertyName("data");
        WriteErrorData(w, e, json2: false);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static readonly string[] AllAttributes =
    [
        "change_default", "company_dependent", "depends", "help", "manual", "name", "readonly", "relation",
        "relation_field", "required", "searchable", "selection", "sortable", "store", "string", "type",
    ];

    /// <summary>Writes a <c>fields_get</c> answer: attributes in alphabetical order, like Odoo.</summary>
    public static void WriteFieldsGet(Utf8JsonWriter w, ModelTable t, HashSet<string>? allFields, HashSet<string>? attributes)
    {
        w.WriteStartObject();
        foreach (var f in t.Fields)
        {
            if (allFields is not null && !allFields.Contains(f.Name)) continue;
            var sch = f.Schema;
            w.WritePropertyName(f.JsonName);
            w.WriteStartObject();
            foreach (var attr in AllAttributes)
            {
                if (attributes is not null && !attributes.Contains(attr)) continue;
                switch (attr)
                {
                    case "change_default": w.WriteBoolean(attr, false); break;
                    case "company_dependent": w.WriteBoolean(attr, false); break;
                    case "depends":
                        w.WritePropertyName(attr);
                        w.WriteStartArray();
                        w.WriteEndArray();
                        break;
                    case "help":
                        if (sch.Help is not null) w.WriteString(attr, sch.Help);
                        break;
                    case "manual": w.WriteBoolean(attr, false); break;
                    case "name": w.WriteString(attr, f.Name); break;
                    case "readonly": w.WriteBoolean(attr, sch.Readonly || f.IsMagic || f.Storage == FieldStorage.Computed); break;
                    case "relation":
                        if (f.IsRelational && sch.Relation is not null) w.WriteString(attr, sch.Relation);
                        break;
                    case "relation_field":
                        if (f.Type == OdooFieldType.One2Many && sch.InverseName is not null) w.WriteString(attr, sch.InverseName);
                        break;
                    case "required": w.WriteBoolean(attr, sch.Required); break;
                    case "searchable": w.WriteBoolean(attr, true); break;
                    case "selection":
                        if (f.Type == OdooFieldType.Selection)
                        {
                            w.WritePropertyName(attr);
                            w.WriteStartArray();
                            foreach (var kv in sch.SelectionValues)
                            {
                                w.WriteStartArray();
                                w.WriteStringValue(kv.Key);
                                w.WriteStringValue(kv.Value);
                                w.WriteEndArray();
                            }
                            w.WriteEndArray();
                        }
                        break;
                    case "sortable": w.WriteBoolean(attr, f.Storage is FieldStorage.Slot or FieldStorage.Id && !f.IsX2Many && f.Type is not (OdooFieldType.Binary or OdooFieldType.Json)); break;
                    case "store": w.WriteBoolean(attr, f.Storage is FieldStorage.Slot or FieldStorage.Id || (f.Storage == FieldStorage.Inverse)); break;
                    case "string": w.WriteString(attr, sch.Label); break;
                    case "type": w.WriteString(attr, OdooFieldSchema.TypeName(f.Type)); break;
                }
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
