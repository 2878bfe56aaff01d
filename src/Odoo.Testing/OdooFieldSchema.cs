using System.Globalization;

namespace Odoo.Testing;

/// <summary>
/// One field of an <see cref="OdooModelSchema"/>. Set its properties before the model is defined
/// on a server; later changes are not seen by that server.
/// </summary>
public sealed class OdooFieldSchema
{
    private string? _label;

    /// <summary>Creates a field.</summary>
    /// <param name="name">The technical name, e.g. <c>partner_id</c>.</param>
    /// <param name="type">The field type.</param>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public OdooFieldSchema(string name, OdooFieldType type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Type = type;
        Copy = type != OdooFieldType.One2Many;
    }

    /// <summary>The technical name.</summary>
    public string Name { get; }

    /// <summary>The field type.</summary>
    public OdooFieldType Type { get; }

    /// <summary>
    /// The label (<c>string</c> in <c>fields_get</c>). Defaults to Odoo's rule: the name without a
    /// trailing <c>_id</c>/<c>_ids</c>, underscores as spaces, each word capitalised.
    /// </summary>
    public string Label
    {
        get => _label ??= DefaultLabel(Name);
        set => _label = value;
    }

    /// <summary>Whether a value is mandatory (a missing one fails like Odoo's NOT NULL constraint).</summary>
    public bool Required { get; set; }

    /// <summary>Whether values must be unique among the model's records (like an SQL unique constraint).</summary>
    public bool Unique { get; set; }

    /// <summary>
    /// The message of the unique constraint, as declared in <c>_sql_constraints</c> (the error reads
    /// "The operation cannot be completed: " followed by it). Null gives PostgreSQL's own text.
    /// </summary>
    public string? UniqueMessage { get; set; }

    /// <summary>Whether <c>fields_get</c> reports the field as read-only. RPC writes are still accepted, as in Odoo.</summary>
    public bool Readonly { get; set; }

    /// <summary>The tooltip text (<c>help</c> in <c>fields_get</c>).</summary>
    public string? Help { get; set; }

    /// <summary>
    /// The default value used by <c>create</c> when none is given: a string, number, bool, id,
    /// id list, or anything <see cref="System.Text.Json.JsonSerializer"/> can write.
    /// </summary>
    public object? Default { get; set; }

    /// <summary>A default computed at each <c>create</c>; wins over <see cref="Default"/>.</summary>
    public Func<object?>? DefaultFactory { get; set; }

    /// <summary>The comodel of many2one, one2many and many2many fields.</summary>
    public string? Relation { get; set; }

    /// <summary>
    /// The many2one on <see cref="Relation"/> that a one2many mirrors (<c>relation_field</c>).
    /// A one2many without one is kept as a plain id list.
    /// </summary>
    public string? InverseName { get; set; }

    /// <summary>The allowed keys and labels of a selection field.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SelectionValues { get; set; } = [];

    /// <summary>
    /// Makes the field computed (not stored): its value is the function's result for each record
    /// (same value kinds as <see cref="OdooRecordView.this[string]"/>). Writes to it are ignored.
    /// </summary>
    public Func<OdooRecordView, object?>? Compute { get; set; }

    /// <summary>Whether <c>copy</c> duplicates the value (Odoo's <c>copy=</c>; false by default for one2many).</summary>
    public bool Copy { get; set; }

    /// <summary>What deleting the linked record does (many2one only).</summary>
    public OdooOnDelete OnDelete { get; set; }

    /// <summary>Whether the field is stored (not computed).</summary>
    public bool IsStored => Compute is null;

    /// <summary>Whether the field is a many2one, one2many or many2many.</summary>
    public bool IsRelational => Type is OdooFieldType.Many2One or OdooFieldType.One2Many or OdooFieldType.Many2Many;

    /// <summary>Returns a copy of this field with another name (the computed/default delegates are shared).</summary>
    /// <param name="name">The new technical name.</param>
    /// <returns>The copy.</returns>
    public OdooFieldSchema WithName(string name) => new(name, Type)
    {
        _label = _label, Required = Required, Unique = Unique, UniqueMessage = UniqueMessage, Readonly = Readonly,
        Help = Help, Default = Default, DefaultFactory = DefaultFactory, Relation = Relation, InverseName = InverseName,
        SelectionValues = SelectionValues, Compute = Compute, Copy = Copy, OnDelete = OnDelete,
    };

    /// <summary>Maps an Odoo type name (<c>many2one</c>, <c>char</c>, ...) to <see cref="OdooFieldType"/>.</summary>
    /// <param name="odooType">The name as <c>fields_get</c> writes it.</param>
    /// <param name="type">The type, when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParseType(string odooType, out OdooFieldType type)
    {
        switch (odooType)
        {
            case "char": type = OdooFieldType.Char; return true;
            case "text": type = OdooFieldType.Text; return true;
            case "html": type = OdooFieldType.Html; return true;
            case "integer": type = OdooFieldType.Integer; return true;
            case "float": type = OdooFieldType.Float; return true;
            case "monetary": type = OdooFieldType.Monetary; return true;
            case "boolean": type = OdooFieldType.Boolean; return true;
            case "date": type = OdooFieldType.Date; return true;
            case "datetime": type = OdooFieldType.DateTime; return true;
            case "selection": type = OdooFieldType.Selection; return true;
            case "many2one": type = OdooFieldType.Many2One; return true;
            case "one2many": type = OdooFieldType.One2Many; return true;
            case "many2many": type = OdooFieldType.Many2Many; return true;
            case "binary": type = OdooFieldType.Binary; return true;
            case "json": type = OdooFieldType.Json; return true;
            default: type = default; return false;
        }
    }

    /// <summary>The Odoo name of a field type (<c>many2one</c>, <c>char</c>, ...).</summary>
    /// <param name="type">The type.</param>
    /// <returns>The name <c>fields_get</c> uses.</returns>
    public static string TypeName(OdooFieldType type) => type switch
    {
        OdooFieldType.Char => "char",
        OdooFieldType.Text => "text",
        OdooFieldType.Html => "html",
        OdooFieldType.Integer => "integer",
        OdooFieldType.Float => "float",
        OdooFieldType.Monetary => "monetary",
        OdooFieldType.Boolean => "boolean",
        OdooFieldType.Date => "date",
        OdooFieldType.DateTime => "datetime",
        OdooFieldType.Selection => "selection",
        OdooFieldType.Many2One => "many2one",
        OdooFieldType.One2Many => "one2many",
        OdooFieldType.Many2Many => "many2many",
        OdooFieldType.Binary => "binary",
        OdooFieldType.Json => "json",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    internal static string DefaultLabel(string name)
    {
        var n = name;
        if (n.EndsWith("_ids", StringComparison.Ordinal)) n = n[..^4];
        else if (n.EndsWith("_id", StringComparison.Ordinal)) n = n[..^3];
        if (n == "id") return "ID";
        var words = n.Split('_', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
            words[i] = char.ToUpper(words[i][0], CultureInfo.InvariantCulture) + words[i][1..];
        return string.Join(' ', words);
    }
}
