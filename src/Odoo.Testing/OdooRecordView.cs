using System.Globalization;
using Odoo.Testing.Internal;

namespace Odoo.Testing;

/// <summary>
/// A read-only view of one stored record, handed to computed fields, constraints and display-name
/// functions. Valid only during that callback (it reads the live store under the server's lock).
/// </summary>
public sealed class OdooRecordView
{
    private readonly Store _store;
    private readonly ModelTable _table;
    private readonly Row _row;

    internal OdooRecordView(Store store, ModelTable table, Row row)
    {
        _store = store;
        _table = table;
        _row = row;
    }

    /// <summary>The record id.</summary>
    public int Id => _row.Id;

    /// <summary>The model name.</summary>
    public string Model => _table.Name;

    /// <summary>
    /// A field's value: <c>null</c> when unset; otherwise a <see cref="string"/> (char, text, html,
    /// selection, date, datetime, binary), <see cref="long"/> (integer), <see cref="double"/> (float,
    /// monetary), <see cref="bool"/>, <see cref="int"/> (many2one id), <see cref="IReadOnlyList{T}"/>
    /// of <see cref="int"/> (x2many ids) or <see cref="System.Text.Json.JsonElement"/> (json).
    /// </summary>
    /// <param name="field">The field name.</param>
    /// <exception cref="KeyNotFoundException">The model has no such field.</exception>
    public object? this[string field]
    {
        get
        {
            var f = _table.Field(field) ?? throw new KeyNotFoundException($"Model {Model} has no field '{field}'.");
            return _store.Records.Get(_table, _row, f);
        }
    }

    /// <summary>A field's value as text (null when unset).</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The text.</returns>
    public string? GetString(string field) => this[field] switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };

    /// <summary>A numeric field's value (0 when unset).</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The number.</returns>
    public double GetNumber(string field) => this[field] switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        var o => Convert.ToDouble(o, CultureInfo.InvariantCulture),
    };

    /// <summary>A boolean field's value (false when unset).</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The value.</returns>
    public bool GetBoolean(string field) => this[field] is true;

    /// <summary>Follows a many2one.</summary>
    /// <param name="field">A many2one field.</param>
    /// <returns>The linked record, or null when the link is empty.</returns>
    public OdooRecordView? Related(string field)
    {
        var f = _table.Field(field) ?? throw new KeyNotFoundException($"Model {Model} has no field '{field}'.");
        if (f.Type != OdooFieldType.Many2One || _store.Records.Get(_table, _row, f) is not int id) return null;
        var co = f.Relation is null ? null : _store.Schema.TryTable(f.Relation);
        return co is not null && co.Rows.TryGetValue(id, out var r) ? new OdooRecordView(_store, co, r) : null;
    }

    /// <summary>The display name Odoo would show for this record.</summary>
    public string DisplayName => _store.Records.DisplayName(_table, _row);
}
