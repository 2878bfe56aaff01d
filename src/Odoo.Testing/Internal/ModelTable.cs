namespace Odoo.Testing.Internal;

/// <summary>Where a field's value comes from.</summary>
internal enum FieldStorage
{
    /// <summary>A slot of <see cref="Row.Values"/>.</summary>
    Slot,
    /// <summary>The row id.</summary>
    Id,
    /// <summary>Computed from the record name.</summary>
    DisplayName,
    /// <summary>A one2many mirroring an inverse many2one.</summary>
    Inverse,
    /// <summary>A computed field.</summary>
    Computed,
}

internal sealed class FieldDef
{
    public FieldDef(OdooFieldSchema schema, FieldStorage storage, int slot, bool magic)
    {
        Schema = schema;
        Name = schema.Name;
        Type = schema.Type;
        Storage = storage;
        Slot = slot;
        IsMagic = magic;
    }

    public OdooFieldSchema Schema { get; }
    public string Name { get; }
    public OdooFieldType Type { get; }
    public FieldStorage Storage { get; }
    public int Slot { get; }
    public bool IsMagic { get; }
    public string? Relation => Schema.Relation;
    public bool IsRelational => Schema.IsRelational;
    public bool IsX2Many => Type is OdooFieldType.One2Many or OdooFieldType.Many2Many;
    public bool IsNumeric => Type is OdooFieldType.Integer or OdooFieldType.Float or OdooFieldType.Monetary;
    public bool IsString => Type is OdooFieldType.Char or OdooFieldType.Text or OdooFieldType.Html or OdooFieldType.Selection
        or OdooFieldType.Date or OdooFieldType.DateTime or OdooFieldType.Binary;

    /// <summary>The encoded property name for fast JSON writing.</summary>
    public System.Text.Json.JsonEncodedText JsonName { get; } = default;

    public FieldDef WithJsonName() => new(Schema, Storage, Slot, IsMagic, System.Text.Json.JsonEncodedText.Encode(Schema.Name));

    private FieldDef(OdooFieldSchema schema, FieldStorage storage, int slot, bool magic, System.Text.Json.JsonEncodedText jsonName)
        : this(schema, storage, slot, magic) => JsonName = jsonName;
}

internal sealed class Row
{
    public Row(int id, object?[] values)
    {
        Id = id;
        Values = values;
    }

    public int Id { get; }
    public object?[] Values { get; set; }
}

internal sealed class ModelTable
{
    public ModelTable(OdooModelSchema schema)
    {
        Schema = schema;
        Name = schema.Name;
        var fields = new List<FieldDef>();
        var slot = 0;
        foreach (var f in schema.Fields)
        {
            FieldDef def;
            if (f.Compute is not null) def = new FieldDef(f, FieldStorage.Computed, -1, false);
            else if (f.Type == OdooFieldType.One2Many && f.InverseName is not null) def = new FieldDef(f, FieldStorage.Inverse, -1, false);
            else def = new FieldDef(f, FieldStorage.Slot, slot++, false);
            fields.Add(def.WithJsonName());
        }
        fields.Add(new FieldDef(new OdooFieldSchema("id", OdooFieldType.Integer) { Label = "ID", Readonly = true }, FieldStorage.Id, -1, true).WithJsonName());
        fields.Add(new FieldDef(new OdooFieldSchema("display_name", OdooFieldType.Char) { Label = "Display Name", Readonly = true }, FieldStorage.DisplayName, -1, true).WithJsonName());
        CreateUid = Magic(fields, new OdooFieldSchema("create_uid", OdooFieldType.Many2One) { Label = "Created by", Readonly = true, Relation = "res.users" }, slot++);
        CreateDate = Magic(fields, new OdooFieldSchema("create_date", OdooFieldType.DateTime) { Label = "Created on", Readonly = true }, slot++);
        WriteUid = Magic(fields, new OdooFieldSchema("write_uid", OdooFieldType.Many2One) { Label = "Last Updated by", Readonly = true, Relation = "res.users" }, slot++);
        WriteDate = Magic(fields, new OdooFieldSchema("write_date", OdooFieldType.DateTime) { Label = "Last Updated on", Readonly = true }, slot++);
        Fields = [.. fields];
        SlotCount = slot;
        ByName = new Dictionary<string, FieldDef>(StringComparer.Ordinal);
        foreach (var f in Fields) ByName[f.Name] = f;
        RecName = ByName.GetValueOrDefault(schema.RecName ?? "name") is { Storage: FieldStorage.Slot or FieldStorage.Computed } rn ? rn : null;
        Active = ByName.GetValueOrDefault("active") is { Type: OdooFieldType.Boolean, Storage: FieldStorage.Slot } a ? a : null;
        Parent = ByName.GetValueOrDefault(schema.ParentField) is { Type: OdooFieldType.Many2One } p && p.Relation == Name ? p : null;
        UniqueIndex = new Dictionary<object, int>?[slot];
        foreach (var f in Fields)
            if (f.Schema.Unique && f.Storage == FieldStorage.Slot) UniqueIndex[f.Slot] = [];
    }

    private static FieldDef Magic(List<FieldDef> fields, OdooFieldSchema schema, int slot)
    {
        var def = new FieldDef(schema, FieldStorage.Slot, slot, true).WithJsonName();
        fields.Add(def);
        return def;
    }

    public OdooModelSchema Schema { get; }
    public string Name { get; }
    public FieldDef[] Fields { get; }
    public Dictionary<string, FieldDef> ByName { get; }
    public int SlotCount { get; }
    public FieldDef? RecName { get; }
    public FieldDef? Active { get; }
    public FieldDef? Parent { get; }
    public FieldDef CreateUid { get; }
    public FieldDef CreateDate { get; }
    public FieldDef WriteUid { get; }
    public FieldDef WriteDate { get; }
    public Dictionary<object, int>?[] UniqueIndex { get; }
    public Dictionary<int, Row> Rows { get; } = [];

    /// <summary>Rows sorted by id.</summary>
    public List<Row> Ordered { get; } = [];

    public int NextId { get; set; } = 1;

    /// <summary>The table name PostgreSQL would use (dots as underscores).</summary>
    public string TableName => Name.Replace('.', '_');

    public FieldDef? Field(string name) => ByName.GetValueOrDefault(name);

    public void AddRowRaw(Row row)
    {
        Rows.Add(row.Id, row);
        if (Ordered.Count == 0 || Ordered[^1].Id < row.Id) Ordered.Add(row);
        else
        {
            int lo = 0, hi = Ordered.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (Ordered[mid].Id < row.Id) lo = mid + 1; else hi = mid;
            }
            Ordered.Insert(lo, row);
        }
        for (var s = 0; s < UniqueIndex.Length; s++)
            if (UniqueIndex[s] is { } idx && UniqueKey(row.Values[s]) is { } key) idx[key] = row.Id;
        if (row.Id >= NextId) NextId = row.Id + 1;
    }

    public void RemoveRowRaw(Row row)
    {
        Rows.Remove(row.Id);
        int lo = 0, hi = Ordered.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var id = Ordered[mid].Id;
            if (id == row.Id) { Ordered.RemoveAt(mid); break; }
            if (id < row.Id) lo = mid + 1; else hi = mid - 1;
        }
        for (var s = 0; s < UniqueIndex.Length; s++)
            if (UniqueIndex[s] is { } idx && UniqueKey(row.Values[s]) is { } key && idx.TryGetValue(key, out var owner) && owner == row.Id)
                idx.Remove(key);
    }

    public void SetValueRaw(Row row, int slot, object? value)
    {
        if (UniqueIndex[slot] is { } idx)
        {
            if (UniqueKey(row.Values[slot]) is { } oldKey && idx.TryGetValue(oldKey, out var owner) && owner == row.Id) idx.Remove(oldKey);
            if (UniqueKey(value) is { } newKey) idx[newKey] = row.Id;
        }
        row.Values[slot] = value;
    }

    public static object? UniqueKey(object? value) => value switch
    {
        null => null,
        int i => (long)i,
        _ => value,
    };

    /// <summary>Grows the rows' value arrays after fields were added.</summary>
    public void AdoptRows(ModelTable previous)
    {
        foreach (var old in previous.Ordered)
        {
            var values = new object?[SlotCount];
            foreach (var f in Fields)
            {
                if (f.Storage != FieldStorage.Slot) continue;
                if (previous.ByName.GetValueOrDefault(f.Name) is { Storage: FieldStorage.Slot } pf && pf.Type == f.Type)
                    values[f.Slot] = old.Values[pf.Slot];
            }
            AddRowRaw(new Row(old.Id, values));
        }
        NextId = Math.Max(NextId, previous.NextId);
    }
}
