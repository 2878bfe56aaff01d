using System.Text.Json;
using Odoo.Metadata;

namespace Odoo.Testing;

/// <summary>
/// Declares one model of an <see cref="OdooTestServer"/>: its name, description and fields.
/// Build it in code (the fluent <see cref="Char"/>, <see cref="Many2One"/>... methods or
/// <see cref="Add(OdooFieldSchema)"/>) or from a <c>fields_get</c> answer with
/// <see cref="FromFieldsGet(string, string, string?)"/>, or from the metadata OdooGen generates for an
/// <c>[OdooModel]</c> record with <see cref="FromMetadata(OdooModelMetadata, OdooMetadataSchemaOptions?)"/>. The automatic fields <c>id</c>, <c>display_name</c>,
/// <c>create_uid</c>, <c>create_date</c>, <c>write_uid</c> and <c>write_date</c> are always added
/// by the server and need not be declared.
/// </summary>
public sealed partial class OdooModelSchema
{
    /// <summary>The names of the automatic fields every model has.</summary>
    public static readonly IReadOnlyList<string> MagicFieldNames =
        ["id", "display_name", "create_uid", "create_date", "write_uid", "write_date"];

    private readonly List<OdooFieldSchema> _fields = [];
    private readonly List<Func<OdooRecordView, string?>> _constraints = [];

    /// <summary>Creates an empty model schema.</summary>
    /// <param name="name">The technical model name, e.g. <c>res.partner</c>.</param>
    /// <param name="description">The human name (<c>_description</c>), used in error messages. Defaults to the name.</param>
    /// <param name="fields">The fields, in order.</param>
    public OdooModelSchema(string name, string? description = null, IEnumerable<OdooFieldSchema>? fields = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description ?? name;
        if (fields is not null)
            foreach (var f in fields) Add(f);
    }

    /// <summary>The technical model name.</summary>
    public string Name { get; }

    /// <summary>The human name (<c>_description</c>), shown in constraint error messages.</summary>
    public string Description { get; set; }

    /// <summary>The declared fields in order (automatic fields excluded).</summary>
    public IReadOnlyList<OdooFieldSchema> Fields => _fields;

    /// <summary>The field giving <c>display_name</c> (<c>_rec_name</c>); defaults to <c>name</c> when it exists.</summary>
    public string? RecName { get; set; }

    /// <summary>
    /// Computes <c>display_name</c> instead of <see cref="RecName"/> (e.g. "Company, Contact" for
    /// res.partner). Null falls back to the record name, then to "model,id".
    /// </summary>
    public Func<OdooRecordView, string?>? DisplayNameCompute { get; set; }

    /// <summary>The default sort order (<c>_order</c>), e.g. <c>"name, id desc"</c>. Defaults to <c>id</c>.</summary>
    public string Order { get; set; } = "id";

    /// <summary>The many2one used by <c>child_of</c>/<c>parent_of</c> (<c>_parent_name</c>). Defaults to <c>parent_id</c>.</summary>
    public string ParentField { get; set; } = "parent_id";

    /// <summary>
    /// Whether the model behaves like one with record rules: <c>write</c> and <c>unlink</c> of ids
    /// that do not exist raise MissingError (as res.partner does in Odoo 18). When false they are
    /// silently ignored, like models without record rules (wire sample 22).
    /// </summary>
    public bool HasRecordRules { get; set; }

    /// <summary>The Python-style constraints added with <see cref="AddConstraint"/>.</summary>
    public IReadOnlyList<Func<OdooRecordView, string?>> Constraints => _constraints;

    /// <summary>Finds a declared field by name.</summary>
    /// <param name="name">The technical name.</param>
    /// <returns>The field, or null.</returns>
    public OdooFieldSchema? Field(string name)
    {
        foreach (var f in _fields)
            if (f.Name == name) return f;
        return null;
    }

    /// <summary>Adds a field, or replaces the declared field of the same name.</summary>
    /// <param name="field">The field.</param>
    /// <returns>This schema.</returns>
    /// <exception cref="ArgumentException">The field is one of the automatic fields.</exception>
    public OdooModelSchema Add(OdooFieldSchema field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (MagicFieldNames.Contains(field.Name))
            throw new ArgumentException($"'{field.Name}' is an automatic field and cannot be declared.", nameof(field));
        var i = _fields.FindIndex(f => f.Name == field.Name);
        if (i >= 0) _fields[i] = field;
        else _fields.Add(field);
        return this;
    }

    /// <summary>
    /// Adds a Python-style constraint (<c>@api.constrains</c>), checked after each create and write.
    /// The function returns the ValidationError message, or null when the record is valid.
    /// </summary>
    /// <param name="check">The check.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema AddConstraint(Func<OdooRecordView, string?> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        _constraints.Add(check);
        return this;
    }

    private OdooModelSchema AddTyped(string name, OdooFieldType type, string? label, bool required, Action<OdooFieldSchema>? configure, string? relation = null)
    {
        var f = new OdooFieldSchema(name, type) { Required = required, Relation = relation };
        if (label is not null) f.Label = label;
        configure?.Invoke(f);
        return Add(f);
    }

    /// <summary>Adds a <c>char</c> field.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="required">Whether a value is mandatory.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema Char(string name, string? label = null, bool required = false, Action<OdooFieldSchema>? configure = null) => AddTyped(name, OdooFieldType.Char, label, required, configure);

    /// <summary>Adds a <c>text</c> field.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="required">Whether a value is mandatory.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema Text(string name, string? label = null, bool required = false, Action<OdooFieldSchema>? configure = null) => AddTyped(name, OdooFieldType.Text, label, required, configure);

    /// <summary>Adds an <c>html</c> field.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="required">Whether a value is mandatory.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema Html(string name, string? label = null, bool required = false, Action<OdooFieldSchema>? configure = null) => AddTyped(name, OdooFieldType.Html, label, required, configure);

    /// <summary>Adds an <c>integer</c> field.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="required">Whether a value is mandatory.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema Integer(string name, string? label = null, bool required = false, Action<OdooFieldSchema>? configure = null) => AddTyped(name, OdooFieldType.Integer, label, required, configure);

    /// <summary>Adds a <c>float</c> field.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="required">Whether a value is mandatory.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema Float(string name, string? label = null, bool required = false, Action<OdooFieldSchema>? configure = null) => AddTyped(name, OdooFieldType.Float, label, required, configure);

    /// <summary>Adds a <c>monetary</c> field.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="required">Whether a value is mandatory.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema Monetary(string name, string? label = null, bool required = false, Action<OdooFieldSchema>? configure = null) => AddTyped(name, OdooFieldType.Monetary, label, required, configure);

    /// <summary>Adds a <c>boolean</c> field.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="required">Whether a value is mandatory.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema Boolean(string name, string? label = null, bool required = false, Action<OdooFieldSchema>? configure = null) => AddTyped(name, OdooFieldType.Boolean, label, required, configure);

    /// <summary>Adds a <c>date</c> field.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="required">Whether a value is mandatory.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema Date(string name, string? label = null, bool required = false, Action<OdooFieldSchema>? configure = null) => AddTyped(name, OdooFieldType.Date, label, required, configure);

    /// <summary>Adds a <c>datetime</c> field.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="required">Whether a value is mandatory.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema DateTime(string name, string? label = null, bool required = false, Action<OdooFieldSchema>? configure = null) => AddTyped(name, OdooFieldType.DateTime, label, required, configure);

    /// <summary>Adds a <c>binary</c> field.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="required">Whether a value is mandatory.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema Binary(string name, string? label = null, bool required = false, Action<OdooFieldSchema>? configure = null) => AddTyped(name, OdooFieldType.Binary, label, required, configure);

    /// <summary>Adds a <c>json</c> field.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="required">Whether a value is mandatory.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema Json(string name, string? label = null, bool required = false, Action<OdooFieldSchema>? configure = null) => AddTyped(name, OdooFieldType.Json, label, required, configure);

    /// <summary>Adds a <c>selection</c> field whose keys are also its labels.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="values">The allowed keys.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="required">Whether a value is mandatory.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema Selection(string name, IEnumerable<string> values, string? label = null, bool required = false, Action<OdooFieldSchema>? configure = null)
        => Selection(name, values.Select(v => new KeyValuePair<string, string>(v, v)), label, required, configure);

    /// <summary>Adds a <c>selection</c> field with keys and labels.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="values">The allowed keys with their labels.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="required">Whether a value is mandatory.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema Selection(string name, IEnumerable<KeyValuePair<string, string>> values, string? label = null, bool required = false, Action<OdooFieldSchema>? configure = null)
    {
        var list = values.ToList();
        return AddTyped(name, OdooFieldType.Selection, label, required, f => { f.SelectionValues = list; configure?.Invoke(f); });
    }

    /// <summary>Adds a <c>many2one</c> field.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="relation">The comodel.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="required">Whether a value is mandatory.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema Many2One(string name, string relation, string? label = null, bool required = false, Action<OdooFieldSchema>? configure = null)
        => AddTyped(name, OdooFieldType.Many2One, label, required, configure, relation);

    /// <summary>Adds a <c>one2many</c> field mirroring the many2one <paramref name="inverseName"/> of <paramref name="relation"/>.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="relation">The comodel.</param>
    /// <param name="inverseName">The many2one on the comodel pointing back here.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema One2Many(string name, string relation, string? inverseName, string? label = null, Action<OdooFieldSchema>? configure = null)
        => AddTyped(name, OdooFieldType.One2Many, label, false, f => { f.InverseName = inverseName; configure?.Invoke(f); }, relation);

    /// <summary>Adds a <c>many2many</c> field.</summary>
    /// <param name="name">The technical name.</param>
    /// <param name="relation">The comodel.</param>
    /// <param name="label">The label; null for Odoo's default.</param>
    /// <param name="configure">Sets further properties.</param>
    /// <returns>This schema.</returns>
    public OdooModelSchema Many2Many(string name, string relation, string? label = null, Action<OdooFieldSchema>? configure = null)
        => AddTyped(name, OdooFieldType.Many2Many, label, false, configure, relation);

    /// <summary>
    /// Builds a schema from a <c>fields_get</c> answer: the <c>result</c> object (field name →
    /// attributes), or a whole JSON-RPC reply containing it. It reads <c>type</c>, <c>string</c>,
    /// <c>required</c>, <c>readonly</c>, <c>relation</c>, <c>relation_field</c>, <c>selection</c>
    /// and <c>help</c>; automatic fields are skipped; unknown types become <c>char</c>.
    /// </summary>
    /// <param name="name">The model name.</param>
    /// <param name="fieldsGetJson">The JSON text.</param>
    /// <param name="description">The model description; defaults to the name.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="JsonException">The text is not a fields_get document.</exception>
    public static OdooModelSchema FromFieldsGet(string name, string fieldsGetJson, string? description = null)
    {
        using var doc = JsonDocument.Parse(fieldsGetJson);
        return FromFieldsGet(name, doc.RootElement, description);
    }

    /// <inheritdoc cref="FromFieldsGet(string, string, string?)"/>
    public static OdooModelSchema FromFieldsGet(string name, JsonElement fieldsGet, string? description = null)
    {
        var root = fieldsGet;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("jsonrpc", out _) && root.TryGetProperty("result", out var r))
            root = r;
        if (root.ValueKind != JsonValueKind.Object)
            throw new JsonException("A fields_get document is a JSON object of field descriptions.");
        var schema = new OdooModelSchema(name, description);
        foreach (var prop in root.EnumerateObject())
        {
            if (MagicFieldNames.Contains(prop.Name)) continue;
            var a = prop.Value;
            if (a.ValueKind != JsonValueKind.Object) throw new JsonException($"Field '{prop.Name}' is not described by an object.");
            var typeName = a.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "char";
            if (!OdooFieldSchema.TryParseType(typeName, out var type)) type = OdooFieldType.Char;
            var f = new OdooFieldSchema(prop.Name, type);
            if (a.TryGetProperty("string", out var s) && s.ValueKind == JsonValueKind.String) f.Label = s.GetString()!;
            if (a.TryGetProperty("required", out var req)) f.Required = req.ValueKind == JsonValueKind.True;
            if (a.TryGetProperty("readonly", out var ro)) f.Readonly = ro.ValueKind == JsonValueKind.True;
            if (a.TryGetProperty("relation", out var rel) && rel.ValueKind == JsonValueKind.String) f.Relation = rel.GetString();
            if (a.TryGetProperty("relation_field", out var rf) && rf.ValueKind == JsonValueKind.String) f.InverseName = rf.GetString();
            if (a.TryGetProperty("help", out var h) && h.ValueKind == JsonValueKind.String) f.Help = h.GetString();
            if (a.TryGetProperty("selection", out var sel) && sel.ValueKind == JsonValueKind.Array)
            {
                var values = new List<KeyValuePair<string, string>>();
                foreach (var pair in sel.EnumerateArray())
                {
                    if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() < 2) continue;
                    var key = pair[0].ValueKind == JsonValueKind.String ? pair[0].GetString()! : pair[0].GetRawText();
                    var lbl = pair[1].ValueKind == JsonValueKind.String ? pair[1].GetString()! : key;
                    values.Add(new(key, lbl));
                }
                f.SelectionValues = values;
            }
            schema.Add(f);
        }
        return schema;
    }
}
