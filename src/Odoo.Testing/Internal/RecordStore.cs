using System.Globalization;
using System.Text.Json;

namespace Odoo.Testing.Internal;

/// <summary>
/// The records of every model and the operations on them (search, create, write, unlink, copy), each change
/// logged so that <see cref="Transaction"/> can undo it; x2many values go through <see cref="Store.Commands"/>
/// and every created or written record through <see cref="Store.Constraints"/>.
/// </summary>
internal sealed class RecordStore
{
    private readonly Store _store;
    private readonly Dictionary<(string Model, string Field), (long Version, Dictionary<int, List<int>> Map)> _inverse = [];
    private readonly Dictionary<string, (long Version, Dictionary<int, int> Rank)> _ranks = new(StringComparer.Ordinal);
    private List<Action>? _undo;
    private long _changes;

    public RecordStore(Store store) => _store = store;

    /// <summary>Changes on every record change and every model (re)definition, so caches know when to rebuild.</summary>
    public long Version => _changes + _store.Schema.Version;

    private ModelTable? TryTable(string model) => _store.Schema.TryTable(model);

    // ---------------------------------------------------------------- transactions

    /// <summary>Runs <paramref name="action"/> atomically: on an exception every change is undone.</summary>
    public T Transaction<T>(Func<T> action)
    {
        if (_undo is not null) return action();
        _undo = [];
        try
        {
            var result = action();
            _undo = null;
            return result;
        }
        catch
        {
            var undo = _undo!;
            _undo = null;
            for (var i = undo.Count - 1; i >= 0; i--) undo[i]();
            _changes++;
            throw;
        }
    }

    private void AddRow(ModelTable t, Row row)
    {
        t.AddRowRaw(row);
        _changes++;
        _undo?.Add(() => t.RemoveRowRaw(row));
    }

    private void RemoveRow(ModelTable t, Row row)
    {
        t.RemoveRowRaw(row);
        _changes++;
        var next = t.NextId;
        _undo?.Add(() => { t.AddRowRaw(row); t.NextId = Math.Max(t.NextId, next); });
    }

    /// <summary>Sets a stored value (logged for undo).</summary>
    public void SetValue(ModelTable t, Row row, int slot, object? value)
    {
        var old = row.Values[slot];
        t.SetValueRaw(row, slot, value);
        _changes++;
        _undo?.Add(() => t.SetValueRaw(row, slot, old));
    }

    // ---------------------------------------------------------------- reading values

    public string Now() => _store.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The value of a field in stored form (computing it when needed).</summary>
    public object? Get(ModelTable t, Row row, FieldDef f) => f.Storage switch
    {
        FieldStorage.Slot => row.Values[f.Slot],
        FieldStorage.Id => (long)row.Id,
        FieldStorage.DisplayName => DisplayName(t, row),
        FieldStorage.Inverse => X2Many(t, row, f, activeTest: true),
        _ => Values.FromClr(t, f, f.Schema.Compute!(new OdooRecordView(_store, t, row))),
    };

    public string DisplayName(ModelTable t, Row row)
    {
        if (t.Schema.DisplayNameCompute is { } compute && compute(new OdooRecordView(_store, t, row)) is { } custom) return custom;
        if (t.RecName is { } rn && Get(t, row, rn) is { } v)
            return v as string ?? Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
        return $"{t.Name},{row.Id}";
    }

    public string M2ODisplayName(FieldDef f, int id)
    {
        var co = f.Relation is null ? null : TryTable(f.Relation);
        if (co is null || !co.Rows.TryGetValue(id, out var target)) return $"{f.Relation},{id}";
        return DisplayName(co, target);
    }

    /// <summary>The ids of an x2many, in the comodel's order, inactive records left out when <paramref name="activeTest"/>.</summary>
    public List<int> X2Many(ModelTable t, Row row, FieldDef f, bool activeTest)
    {
        var co = f.Relation is null ? null : TryTable(f.Relation);
        List<int> ids;
        if (f.Storage == FieldStorage.Inverse)
        {
            if (co is null) return [];
            var map = InverseMap(co, f.Schema.InverseName!);
            ids = map.TryGetValue(row.Id, out var list) ? list : [];
        }
        else ids = row.Values[f.Slot] as List<int> ?? [];
        if (co is null) return ids;
        var result = new List<int>(ids.Count);
        foreach (var id in ids)
        {
            if (!co.Rows.TryGetValue(id, out var r)) continue;
            if (activeTest && co.Active is { } a && r.Values[a.Slot] is false) continue;
            result.Add(id);
        }
        SortByDefaultOrder(co, result);
        return result;
    }

    /// <summary>For a comodel and its many2one <paramref name="inverseName"/>: target id → ids pointing at it (by id).</summary>
    public Dictionary<int, List<int>> InverseMap(ModelTable co, string inverseName)
    {
        var key = (co.Name, inverseName);
        if (_inverse.TryGetValue(key, out var cached) && cached.Version == Version) return cached.Map;
        var map = new Dictionary<int, List<int>>();
        if (co.Field(inverseName) is { Storage: FieldStorage.Slot } inv)
        {
            foreach (var r in co.Ordered)
            {
                if (r.Values[inv.Slot] is not int target) continue;
                if (!map.TryGetValue(target, out var list)) map[target] = list = [];
                list.Add(r.Id);
            }
        }
        _inverse[key] = (Version, map);
        return map;
    }

    public void SortByDefaultOrder(ModelTable t, List<int> ids)
    {
        if (ids.Count < 2) return;
        if (Ordering.IsIdAscending(t.Schema.Order)) { ids.Sort(); return; }
        var rank = Rank(t);
        ids.Sort((a, b) => rank.GetValueOrDefault(a).CompareTo(rank.GetValueOrDefault(b)));
    }

    private Dictionary<int, int> Rank(ModelTable t)
    {
        if (_ranks.TryGetValue(t.Name, out var cached) && cached.Version == Version) return cached.Rank;
        var rows = new List<Row>(t.Ordered);
        Ordering.Parse(_store, t, t.Schema.Order).Sort(rows);
        var rank = new Dictionary<int, int>(rows.Count);
        for (var i = 0; i < rows.Count; i++) rank[rows[i].Id] = i;
        _ranks[t.Name] = (Version, rank);
        return rank;
    }

    // ---------------------------------------------------------------- search

    public List<Row> Search(ModelTable t, JsonElement domain, int offset, int? limit, string? order, bool activeTest)
    {
        var cond = Domain.Compile(_store, t, domain, activeTest);
        var rows = new List<Row>();
        var ordered = t.Ordered;
        var sortNeeded = !Ordering.IsIdAscending(string.IsNullOrWhiteSpace(order) ? t.Schema.Order : order);
        if (!sortNeeded && limit is { } lim0)
        {
            // Fast path: id order, so stop once offset+limit rows matched.
            var skip = offset;
            foreach (var r in ordered)
            {
                if (!cond.Eval(r)) continue;
                if (skip > 0) { skip--; continue; }
                rows.Add(r);
                if (rows.Count >= lim0) break;
            }
            return rows;
        }
        foreach (var r in ordered)
            if (cond.Eval(r)) rows.Add(r);
        if (sortNeeded) Ordering.Parse(_store, t, string.IsNullOrWhiteSpace(order) ? t.Schema.Order : order).Sort(rows);
        if (offset > 0) rows.RemoveRange(0, Math.Min(offset, rows.Count));
        if (limit is { } lim && rows.Count > lim) rows.RemoveRange(lim, rows.Count - lim);
        return rows;
    }

    // ---------------------------------------------------------------- create

    public int Create(ModelTable t, JsonElement vals, int uid, bool allowId = false, FieldDef? forcedField = null, object? forcedValue = null)
    {
        if (vals.ValueKind != JsonValueKind.Object)
            throw OdooServerError.ValueError($"create() of {t.Name} expects a dictionary of values, got {vals.GetRawText()}");
        var values = new object?[t.SlotCount];
        var given = new bool[t.SlotCount];
        List<(FieldDef, JsonElement)>? x2 = null;
        int? explicitId = null;
        foreach (var p in vals.EnumerateObject())
        {
            if (p.Name == "id" && allowId && p.Value.ValueKind == JsonValueKind.Number) { explicitId = p.Value.GetInt32(); continue; }
            var f = t.Field(p.Name) ?? throw InvalidField(t, p.Name);
            if (f.IsMagic || f.Storage == FieldStorage.Computed) continue;
            if (f.IsX2Many)
            {
                (x2 ??= []).Add((f, p.Value));
                if (f.Storage == FieldStorage.Slot) { values[f.Slot] = new List<int>(); given[f.Slot] = true; }
                continue;
            }
            values[f.Slot] = Values.FromJson(t, f, p.Value);
            given[f.Slot] = true;
        }
        if (forcedField is not null) { values[forcedField.Slot] = forcedValue; given[forcedField.Slot] = true; }
        if (t.Name == "res.users" && t.Field("partner_id") is { Storage: FieldStorage.Slot } userPartner && values[userPartner.Slot] is null
            && TryTable("res.partner") is { } partners)
        {
            // Like Odoo, a user created without a partner gets one with its name.
            var name = t.Field("name") is { Storage: FieldStorage.Slot } nf ? values[nf.Slot] as string : null;
            var login = t.Field("login") is { Storage: FieldStorage.Slot } lf ? values[lf.Slot] as string : null;
            var partnerVals = JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["name"] = name ?? login });
            values[userPartner.Slot] = Create(partners, partnerVals, uid);
            given[userPartner.Slot] = true;
        }
        foreach (var f in t.Fields)
        {
            if (f.Storage != FieldStorage.Slot || f.IsMagic || given[f.Slot]) continue;
            object? def = f.Schema.DefaultFactory is { } factory ? factory() : f.Schema.Default;
            values[f.Slot] = f.IsX2Many
                ? (def is null ? new List<int>() : Values.FromClr(t, f, def))
                : def is null ? (f.Type == OdooFieldType.Boolean ? false : null) : Values.FromClr(t, f, def);
        }
        return Insert(t, values, x2, uid, explicitId);
    }

    private int Insert(ModelTable t, object?[] values, List<(FieldDef, JsonElement)>? x2, int uid, int? explicitId)
    {
        Constraints.CheckRequired(t, values, null);
        var id = explicitId ?? t.NextId;
        if (t.Rows.ContainsKey(id))
            throw OdooServerError.ValidationError($"The operation cannot be completed: duplicate key value violates unique constraint \"{t.TableName}_pkey\"\nDETAIL:  Key (id)=({id}) already exists.\n");
        Constraints.CheckUnique(t, values, null, new HashSet<int> { id });
        _store.Constraints.CheckForeignKeys(t, values, null);
        var now = Now();
        values[t.CreateDate.Slot] = now;
        values[t.WriteDate.Slot] = now;
        values[t.CreateUid.Slot] = uid;
        values[t.WriteUid.Slot] = uid;
        var row = new Row(id, values);
        AddRow(t, row);
        if (x2 is not null)
            foreach (var (f, cmds) in x2) _store.Commands.Apply(t, row, f, cmds, uid);
        _store.Constraints.CheckModelConstraints(t, row);
        return id;
    }

    // ---------------------------------------------------------------- write

    public void Write(ModelTable t, IReadOnlyList<int> ids, JsonElement vals, int uid)
    {
        if (vals.ValueKind != JsonValueKind.Object)
            throw OdooServerError.ValueError($"write() of {t.Name} expects a dictionary of values, got {vals.GetRawText()}");
        var rows = ExistingRows(t, ids, t.Schema.HasRecordRules, uid);
        var sets = new List<(FieldDef, object?)>();
        List<(FieldDef, JsonElement)>? x2 = null;
        foreach (var p in vals.EnumerateObject())
        {
            var f = t.Field(p.Name) ?? throw InvalidField(t, p.Name);
            if (f.IsMagic || f.Storage == FieldStorage.Computed) continue;
            if (f.IsX2Many) { (x2 ??= []).Add((f, p.Value)); continue; }
            sets.Add((f, Values.FromJson(t, f, p.Value)));
        }
        if (rows.Count == 0) return;
        var probe = new object?[t.SlotCount];
        var present = new bool[t.SlotCount];
        foreach (var (f, v) in sets) { probe[f.Slot] = v; present[f.Slot] = true; }
        Constraints.CheckRequired(t, probe, present);
        Constraints.CheckUnique(t, probe, present, rows.Select(r => r.Id).ToHashSet(), rows.Count);
        _store.Constraints.CheckForeignKeys(t, probe, present);
        var now = Now();
        foreach (var row in rows)
        {
            foreach (var (f, v) in sets) SetValue(t, row, f.Slot, v);
            SetValue(t, row, t.WriteUid.Slot, uid);
            SetValue(t, row, t.WriteDate.Slot, now);
            if (x2 is not null)
                foreach (var (f, cmds) in x2) _store.Commands.Apply(t, row, f, cmds, uid);
        }
        foreach (var row in rows) _store.Constraints.CheckModelConstraints(t, row);
    }

    public List<Row> ExistingRows(ModelTable t, IReadOnlyList<int> ids, bool raiseMissing, int uid)
    {
        var rows = new List<Row>(ids.Count);
        List<int>? missing = null;
        var seen = new HashSet<int>();
        foreach (var id in ids)
        {
            if (!seen.Add(id)) continue;
            if (t.Rows.TryGetValue(id, out var r)) rows.Add(r);
            else (missing ??= []).Add(id);
        }
        if (missing is not null && raiseMissing) throw OdooServerError.MissingError(t.Name, missing, uid);
        return rows;
    }

    // ---------------------------------------------------------------- unlink

    public void Unlink(ModelTable t, IReadOnlyList<int> ids, int uid)
    {
        var rows = ExistingRows(t, ids, t.Schema.HasRecordRules, uid);
        if (rows.Count == 0) return;
        var doomed = rows.Select(r => r.Id).ToHashSet();
        foreach (var u in _store.Schema.Models.Values.ToList())
        {
            foreach (var f in u.Fields)
            {
                if (f.Relation != t.Name || f.Storage != FieldStorage.Slot) continue;
                if (f.Type == OdooFieldType.Many2One)
                {
                    var onDelete = f.Schema.OnDelete == OdooOnDelete.Default
                        ? (f.Schema.Required ? OdooOnDelete.Restrict : OdooOnDelete.SetNull)
                        : f.Schema.OnDelete;
                    var pointing = u.Ordered.Where(r => r.Values[f.Slot] is int target && doomed.Contains(target) && !(u == t && doomed.Contains(r.Id))).ToList();
                    if (pointing.Count == 0) continue;
                    switch (onDelete)
                    {
                        case OdooOnDelete.Restrict:
                            throw OdooServerError.ValidationError(
                                "The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\n" +
                                $"Model: {u.Schema.Description} ({u.Name})\nConstraint: {u.TableName}_{f.Name}_fkey\n");
                        case OdooOnDelete.Cascade:
                            Unlink(u, pointing.Select(r => r.Id).ToList(), uid);
                            break;
                        default:
                            foreach (var r in pointing) SetValue(u, r, f.Slot, null);
                            break;
                    }
                }
                else if (f.IsX2Many)
                {
                    foreach (var r in u.Ordered)
                        if (r.Values[f.Slot] is List<int> list && list.Exists(doomed.Contains))
                            SetValue(u, r, f.Slot, list.Where(i => !doomed.Contains(i)).ToList());
                }
            }
        }
        foreach (var row in rows)
            if (t.Rows.ContainsKey(row.Id)) RemoveRow(t, row);
    }

    // ---------------------------------------------------------------- copy

    public int Copy(ModelTable t, int id, JsonElement? defaults, int uid)
    {
        if (!t.Rows.TryGetValue(id, out var src)) throw OdooServerError.MissingError(t.Name, [id], uid);
        var values = new object?[t.SlotCount];
        foreach (var f in t.Fields)
        {
            if (f.Storage != FieldStorage.Slot || f.IsMagic) continue;
            var v = src.Values[f.Slot];
            values[f.Slot] = !f.Schema.Copy ? (f.IsX2Many ? new List<int>() : null)
                : v is List<int> l ? new List<int>(l) : v;
        }
        List<(FieldDef, JsonElement)>? x2 = null;
        if (defaults is { ValueKind: JsonValueKind.Object } d)
        {
            foreach (var p in d.EnumerateObject())
            {
                var f = t.Field(p.Name) ?? throw InvalidField(t, p.Name);
                if (f.IsMagic || f.Storage == FieldStorage.Computed) continue;
                if (f.IsX2Many) { (x2 ??= []).Add((f, p.Value)); continue; }
                values[f.Slot] = Values.FromJson(t, f, p.Value);
            }
        }
        return Insert(t, values, x2, uid, null);
    }

    public static OdooServerError InvalidField(ModelTable t, string name)
        => OdooServerError.ValueError($"Invalid field '{name}' on model '{t.Name}'");
}
