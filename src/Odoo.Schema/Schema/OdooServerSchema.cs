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

/// <summary>One model as the server describes it: its name, description (<c>ir.model</c>) and fields.</summary>
/// <param name="Name">The Odoo model name.</param>
/// <param name="Description">The human name from <c>ir.model</c>, when readable.</param>
/// <param name="Fields">The fields, in the server's order.</param>
public sealed record OdooServerModel(string Name, string? Description, IReadOnlyList<OdooServerField> Fields)
{
    /// <summary>Finds a field by name.</summary>
    /// <param name="name">The Odoo field name.</param>
    public OdooServerField? Field(string name)
    {
        foreach (var f in Fields)
        {
            if (f.Name == name) return f;
        }
        return null;
    }
}

/// <summary>The server does not know a model (Odoo's "Object x doesn't exist").</summary>
public sealed class OdooModelNotFoundException : OdooException
{
    /// <summary>Creates the error.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="server">The server's URL, for the message.</param>
    /// <param name="innerException">The server error.</param>
    public OdooModelNotFoundException(string model, Uri? server, Exception? innerException = null)
        : base($"The model '{model}' does not exist on the Odoo server{(server is null ? "" : " at " + server)} (or its module is not installed).", innerException)
    {
        Model = model;
    }
}

/// <summary>Reads model descriptions from a live server: <c>fields_get</c> and <c>ir.model</c>.</summary>
public static class OdooServerSchema
{
    /// <summary>The <c>fields_get</c> attributes read.</summary>
    public static readonly IReadOnlyList<string> FieldAttributes = ["string", "help", "type", "required", "readonly", "relation", "selection", "store", "related", "depends"];

    /// <summary>Reads one model's fields.</summary>
    /// <param name="client">A connected client.</param>
    /// <param name="model">The model name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The model (without a description; see <see cref="ReadDescriptionsAsync"/>).</returns>
    /// <exception cref="OdooModelNotFoundException">The server has no such model.</exception>
    public static async Task<OdooServerModel> ReadModelAsync(OdooClient client, string model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(model);
        JsonElement fields;
        try
        {
            fields = await client.Model(model).FieldsGetAsync(FieldAttributes, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (OdooServerException ex) when (MeansUnknownModel(ex, model))
        {
            throw new OdooModelNotFoundException(model, client.BaseUrl, ex);
        }
        return new OdooServerModel(model, null, OdooServerField.ParseFieldsGet(fields));
    }

    /// <summary>
    /// Reads the descriptions (<c>ir.model</c> <c>name</c>) of models, in one call. Returns what it
    /// can: an empty map when <c>ir.model</c> is not readable.
    /// </summary>
    /// <param name="client">A connected client.</param>
    /// <param name="models">The model names.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<IReadOnlyDictionary<string, string>> ReadDescriptionsAsync(OdooClient client, IEnumerable<string> models, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(models);
        var names = models.Distinct(StringComparer.Ordinal).ToArray();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (names.Length == 0) return result;
        try
        {
            var rows = await client.Model("ir.model").SearchReadAsync(
                new object[] { new object[] { "model", "in", names } }, ["model", "name"], cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                if (row.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String
                    && row.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } desc)
                {
                    result[m.GetString()!] = desc;
                }
            }
        }
        catch (OdooServerException)
        {
            // ir.model is not readable by this user (or not there): descriptions are optional.
        }
        return result;
    }

    /// <summary>Whether a server error says the model does not exist.</summary>
    /// <param name="ex">The error.</param>
    /// <param name="model">The model asked for.</param>
    public static bool MeansUnknownModel(OdooServerException ex, string model)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var text = ex.ServerMessage;
        if (text.Contains(model, StringComparison.Ordinal)
            && (text.Contains("doesn't exist", StringComparison.OrdinalIgnoreCase) || text.Contains("does not exist", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        // Old servers answer a KeyError naming the model.
        return ex.ExceptionName.EndsWith("KeyError", StringComparison.Ordinal) && text.Contains(model, StringComparison.Ordinal);
    }
}
