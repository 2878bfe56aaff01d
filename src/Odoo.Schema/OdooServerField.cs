using System.Globalization;
using System.Text.Json;

namespace Odoo.Schema;

/// <summary>One field as the server describes it in <c>fields_get</c>.</summary>
public sealed record OdooServerField
{
    /// <summary>Creates a field description.</summary>
    /// <param name="name">The Odoo field name.</param>
    /// <param name="type">The Odoo type (<c>char</c>, <c>many2one</c>, ...).</param>
    public OdooServerField(string name, string type)
    {
        Name = name;
        Type = type;
    }

    /// <summary>The Odoo field name.</summary>
    public string Name { get; }

    /// <summary>The Odoo type as <c>fields_get</c> writes it (<c>char</c>, <c>many2one</c>, ...).</summary>
    public string Type { get; }

    /// <summary>The label (<c>string</c>).</summary>
    public string? Label { get; init; }

    /// <summary>The tooltip (<c>help</c>).</summary>
    public string? Help { get; init; }

    /// <summary>Whether Odoo requires a value.</summary>
    public bool Required { get; init; }

    /// <summary>Whether the field is read-only in the UI.</summary>
    public bool Readonly { get; init; }

    /// <summary>For relations: the target model.</summary>
    public string? Relation { get; init; }

    /// <summary>For selections: the keys and labels, in order (keys that are not strings are given as their JSON text).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Selection { get; init; } = [];

    /// <summary>Whether some selection key is not a string (an integer selection).</summary>
    public bool HasNonStringSelectionKeys { get; init; }

    /// <summary>Whether the value is stored in the database (<c>store</c>); <see langword="null"/> when <c>fields_get</c> did not say.</summary>
    public bool? Store { get; init; }

    /// <summary>For related fields: the path of the field it mirrors (<c>related</c>, for example <c>order_id.state</c>).</summary>
    public string? Related { get; init; }

    /// <summary>For computed and related fields: the fields the value is computed from (<c>depends</c>); empty for plain fields.</summary>
    public IReadOnlyList<string> Depends { get; init; } = [];

    /// <summary>
    /// Whether Odoo gives the field a default value on create (<c>default_get</c> answered one). Not part of
    /// <c>fields_get</c>: <see cref="OdooSchemaChecker"/> asks for it only for the fields whose check depends on it.
    /// </summary>
    public bool HasDefault { get; init; }

    /// <summary>
    /// The installed modules that define the field (<c>ir.model.fields</c> <c>modules</c>); <see langword="null"/>
    /// when not read (<c>fields_get</c> does not say), empty for fields no module defines (made in the UI).
    /// </summary>
    public IReadOnlyList<string>? Modules { get; init; }

    /// <summary>Whether this is a many2one, one2many or many2many.</summary>
    public bool IsRelation => Type is "many2one" or "one2many" or "many2many";

    /// <summary>Whether Odoo computes the value: a related field, or a computed one (it has dependencies).</summary>
    public bool IsComputed => Related is not null || Depends.Count > 0;

    /// <summary>
    /// Whether Odoo fills the field itself although it does not require it, so that an empty value
    /// (<c>false</c>) only comes from an empty source: a related field (it mirrors another record's field),
    /// or a read-only field that Odoo computes or gives a default (a status such as <c>sale.order.state</c>).
    /// A writable computed or defaulted field is not: a user or client may clear it.
    /// </summary>
    public bool FilledByOdoo => Related is not null || (Readonly && (Depends.Count > 0 || HasDefault));

    /// <summary>Reads a <c>fields_get</c> answer (field name → attributes), in the server's order.</summary>
    /// <param name="fieldsGet">The JSON object.</param>
    /// <returns>One description per field.</returns>
    /// <exception cref="JsonException">The value is not a <c>fields_get</c> object.</exception>
    public static IReadOnlyList<OdooServerField> ParseFieldsGet(JsonElement fieldsGet)
    {
        if (fieldsGet.ValueKind != JsonValueKind.Object) throw new JsonException("A fields_get answer is a JSON object keyed by field name.");
        var list = new List<OdooServerField>();
        foreach (var p in fieldsGet.EnumerateObject())
        {
            var a = p.Value;
            if (a.ValueKind != JsonValueKind.Object) continue;
            var type = Str(a, "type") ?? "char";
            var selection = new List<KeyValuePair<string, string>>();
            var nonString = false;
            if (a.TryGetProperty("selection", out var sel) && sel.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in sel.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() < 1) continue;
                    var k = item[0];
                    string key;
                    if (k.ValueKind == JsonValueKind.String) key = k.GetString()!;
                    else if (k.ValueKind is JsonValueKind.False or JsonValueKind.Null) continue;
                    else
                    {
                        key = k.GetRawText();
                        nonString = true;
                    }
                    var label = item.GetArrayLength() > 1 && item[1].ValueKind == JsonValueKind.String ? item[1].GetString()! : key;
                    selection.Add(new(key, label));
                }
            }
            var depends = new List<string>();
            if (a.TryGetProperty("depends", out var dep) && dep.ValueKind == JsonValueKind.Array)
            {
                foreach (var d in dep.EnumerateArray())
                {
                    if (d.ValueKind == JsonValueKind.String && d.GetString() is { Length: > 0 } path) depends.Add(path);
                }
            }
            list.Add(new OdooServerField(p.Name, type)
            {
                Store = a.TryGetProperty("store", out var store) && store.ValueKind is JsonValueKind.True or JsonValueKind.False ? store.ValueKind == JsonValueKind.True : null,
                Related = Str(a, "related"),
                Depends = depends,
                Label = Str(a, "string"),
                Help = Str(a, "help"),
                Required = Bool(a, "required"),
                Readonly = Bool(a, "readonly"),
                Relation = Str(a, "relation"),
                Selection = selection,
                HasNonStringSelectionKeys = nonString,
            });
        }
        return list;
    }

    private static string? Str(JsonElement a, string name) =>
        a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static bool Bool(JsonElement a, string name) =>
        a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} ({Type}{(Relation is null ? "" : " -> " + Relation)}{(Required ? ", required" : "")})");
}
