using System.Globalization;
using System.Text.Json;

namespace Odoo.Testing.Internal;

internal sealed record UserCredentials(int Uid, string Login, string Password, string? ApiKey);

internal sealed record AccessRule(string Model, OdooOperation Operations, int? Uid, IReadOnlyList<string> AllowedGroups);

internal sealed record MethodRegistration(OdooMethodHandler Handler, OdooMethodKind Kind);

/// <summary>
/// The in-memory database. Every member must be used while holding <see cref="Sync"/>: the entry points
/// (schema, access, search, create, write, unlink, copy, transactions) throw <see cref="InvalidOperationException"/> otherwise.
/// </summary>
internal sealed class Store
{
    private readonly Dictionary<(string Model, string Field), (long Version, Dictionary<int, List<int>> Map)> _inverse = [];
    private readonly Dictionary<string, (long Version, Dictionary<int, int> Rank)> _ranks = new(StringComparer.Ordinal);
    private List<Action>? _undo;

    public Store(TimeProvider time) => Time = time;

    public Lock Sync { get; } = new();
    public TimeProvider Time { get; }
    public Dictionary<string, ModelTable> Models { get; } = new(StringComparer.Ordinal);
    public Dictionary<int, UserCredentials> Credentials { get; } = [];
    public List<AccessRule> AccessRules { get; } = [];
    public Dictionary<(string Model, string Method), MethodRegistration> Methods { get; } = [];

    /// <summary>Bumped on every change, so caches know when to rebuild.</summary>
    public long Version { get; private set; }

    /// <summary>Throws unless the calling thread holds <see cref="Sync"/>.</summary>
    private void EnsureLocked()
    {
        if (!Sync.IsHeldByCurrentThread)
            throw new InvalidOperationException("The in-memory Odoo store was used without holding its lock (Store.Sync).");
    }

    public ModelTable? TryTable(string model) => Models.GetValueOrDefault(model);

    /// <summary>
    /// A deep copy of the data (models, rows, credentials, access rules and registered methods), sharing nothing
    /// mutable with this store: what <c>db.duplicate_database</c> and a restored dump start from. The caller holds
    /// <see cref="Sync"/>.
    /// </summary>
    public Store Clone()
    {
        EnsureLocked();
        var copy = new Store(Time);
        foreach (var (name, table) in Models)
        {
            var t = new ModelTable(table.Schema);
            foreach (var row in table.Ordered)
            {
                var values = (object?[])row.Values.Clone();
                for (var i = 0; i < values.Length; i++)
                    if (values[i] is List<int> list) values[i] = new List<int>(list);
                t.AddRowRaw(new Row(row.Id, values));
            }
            t.NextId = table.NextId;
            copy.Models[name] = t;
        }
        foreach (var (uid, c) in Credentials) copy.Credentials[uid] = c;
        copy.AccessRules.AddRange(AccessRules);
        foreach (var (key, method) in Methods) copy.Methods[key] = method;
        return copy;
    }


    public ModelTable Table(string model)
        => Models.GetValueOrDefault(model) ?? throw OdooServerError.UserError($"Object {model} doesn't exist");

    public void Define(OdooModelSchema schema)
    {
        EnsureLocked();
        var table = new ModelTable(schema);
        if (Models.TryGetValue(schema.Name, out var previous)) table.AdoptRows(previous);
        Models[schema.Name] = table;
        Version++;
    }

    // ---------------------------------------------------------------- transactions

    /// <summary>Runs <paramref name="action"/> atomically: on an exception every change is undone.</summary>
    public T Transaction<T>(Func<T> action)
    {
        EnsureLocked();
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
            Version++;
            throw;
        }
    }

    private void AddRow(ModelTable t, Row row)
    {
        t.AddRowRaw(row);
        Version++;
        _undo?.Add(() => t.RemoveRowRaw(row));
    }

    private void RemoveRow(ModelTable t, Row row)
    {
        t.RemoveRowRaw(row);
        Version++;
        var next = t.NextId;
        _undo?.Add(() => { t.AddRowRaw(row); t.NextId = Math.Max(t.NextId, next); });
    }

    private void SetValue(ModelTable t, Row row, int slot, object? value)
    {
        var old = row.Values[slot];
        t.SetValueRaw(row, slot, value);
        Version++;
        _undo?.Add(() => t.SetValueRaw(row, slot, old));
    }

    // ---------------------------------------------------------------- access rules

    public void CheckAccess(ModelTable t, OdooOperation op, int uid)
    {
        EnsureLocked();
        foreach (var rule in AccessRules)
        {
            if (rule.Model != t.Name || (rule.Operations & op) == 0 || (rule.Uid is { } u && u != uid)) continue;
            var verb = op switch
            {
                OdooOperation.Read => "access",
                OdooOperation.Write => "modify",
                OdooOperation.Create => "create",
                _ => "delete",
            };
            throw OdooServerError.AccessError(
                $"You are not allowed to {verb} '{t.Schema.Description}' ({t.Name}) records.\n\n" +
                (rule.AllowedGroups.Count == 0
                    ? "No group currently allows this operation."
                    : "This operation is allowed for the following groups:\n" + string.Concat(rule.AllowedGroups.Select((g, i) => (i == 0 ? "" : "\n") + "\t- " + g))) +
                "\n\nContact your administrator to request access if necessary.");
        }
    }

    // ---------------------------------------------------------------- reading values

    public string Now() => Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The value of a field in stored form (computing it when needed).</summary>
    public object? Get(ModelTable t, Row row, FieldDef f) => f.Storage switch
    {
        FieldStorage.Slot => row.Values[f.Slot],
        FieldStorage.Id => (long)row.Id,
        FieldStorage.DisplayName => DisplayName(t, row),
        FieldStorage.Inverse => X2Many(t, row, f, activeTest: true),
        _ => Values.FromClr(t, f, f.Schema.Compute!(new OdooRecordView(this, t, row))),
    };

    public string DisplayName(ModelTable t, Row row)
    {
        if (t.Schema.DisplayNameCompute is { } compute && compute(new OdooRecordView(this, t, row)) is { } custom) return custom;
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
        Ordering.Parse(this, t, t.Schema.Order).Sort(rows);
        var rank = new Dictionary<int, int>(rows.Count);
        for (var i = 0; i < rows.Count; i++) rank[rows[i].Id] = i;
        _ranks[t.Name] = (Version, rank);
        return rank;
    }

    // ---------------------------------------------------------------- search

    public List<Row> Search(ModelTable t, JsonElement domain, int offset, int? limit, string? order, bool activeTest)
    {
        EnsureLocked();
        var cond = Domain.Compile(this, t, domain, activeTest);
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
        if (sortNeeded) Ordering.Parse(this, t, string.IsNullOrWhiteSpace(order) ? t.Schema.Order : order).Sort(rows);
        if (offset > 0) rows.RemoveRange(0, Math.Min(offset, rows.Count));
        if (limit is { } lim && rows.Count > lim) rows.RemoveRange(lim, rows.Count - lim);
        return rows;
    }

    // ---------------------------------------------------------------- create

    public int Create(ModelTable t, JsonElement vals, int uid, bool allowId = false, FieldDef? forcedField = null, object? forcedValue = null)
    {
        EnsureLocked();
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
        CheckRequired(t, values, null);
        var id = explicitId ?? t.NextId;
        if (t.Rows.ContainsKey(id))
            throw OdooServerError.ValidationError($"The operation cannot be completed: duplicate key value violates unique constraint \"{t.TableName}_pkey\"\nDETAIL:  Key (id)=({id}) already exists.\n");
        CheckUnique(t, values, null, new HashSet<int> { id });
        CheckForeignKeys(t, values, null);
        var now = Now();
        values[t.CreateDate.Slot] = now;
        values[t.WriteDate.Slot] = now;
        values[t.CreateUid.Slot] = uid;
        values[t.WriteUid.Slot] = uid;
        var row = new Row(id, values);
        AddRow(t, row);
        if (x2 is not null)
            foreach (var (f, cmds) in x2) ApplyX2Many(t, row, f, cmds, uid);
        CheckConstraints(t, row);
        return id;
    }

    // ---------------------------------------------------------------- write

    public void Write(ModelTable t, IReadOnlyList<int> ids, JsonElement vals, int uid)
    {
        EnsureLocked();
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
        CheckRequired(t, probe, present);
        CheckUnique(t, probe, present, rows.Select(r => r.Id).ToHashSet(), rows.Count);
        CheckForeignKeys(t, probe, present);
        var now = Now();
        foreach (var row in rows)
        {
            foreach (var (f, v) in sets) SetValue(t, row, f.Slot, v);
            SetValue(t, row, t.WriteUid.Slot, uid);
            SetValue(t, row, t.WriteDate.Slot, now);
            if (x2 is not null)
                foreach (var (f, cmds) in x2) ApplyX2Many(t, row, f, cmds, uid);
        }
        foreach (var row in rows) CheckConstraints(t, row);
    }

    public List<Row> ExistingRows(ModelTable t, IReadOnlyList<int> ids, bool raiseMissing, int uid)
    {
        EnsureLocked();
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
        EnsureLocked();
        var rows = ExistingRows(t, ids, t.Schema.HasRecordRules, uid);
        if (rows.Count == 0) return;
        var doomed = rows.Select(r => r.Id).ToHashSet();
        foreach (var u in Models.Values.ToList())
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
        EnsureLocked();
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

    // ---------------------------------------------------------------- x2many commands

    private void ApplyX2Many(ModelTable t, Row row, FieldDef f, JsonElement cmds, int uid)
    {
        if (cmds.ValueKind is JsonValueKind.False or JsonValueKind.Null) { ApplyCommand(t, row, f, 5, 0, default, uid); return; }
        if (cmds.ValueKind != JsonValueKind.Array)
            throw OdooServerError.ValueError($"Wrong value for {t.Name}.{f.Name}: {cmds.GetRawText()}");
        var plainIds = true;
        foreach (var c in cmds.EnumerateArray())
            if (c.ValueKind != JsonValueKind.Number) { plainIds = false; break; }
        if (plainIds)
        {
            SetIds(t, row, f, cmds.EnumerateArray().Select(e => e.GetInt32()).ToList(), uid);
            return;
        }
        foreach (var c in cmds.EnumerateArray())
        {
            if (c.ValueKind == JsonValueKind.Number) { ApplyCommand(t, row, f, 4, c.GetInt32(), default, uid); continue; }
            if (c.ValueKind != JsonValueKind.Array || c.GetArrayLength() == 0 || c[0].ValueKind != JsonValueKind.Number)
                throw OdooServerError.ValueError($"Wrong value for {t.Name}.{f.Name}: {c.GetRawText()}");
            var code = c[0].GetInt32();
            var id = c.GetArrayLength() > 1 && c[1].ValueKind == JsonValueKind.Number ? c[1].GetInt32() : 0;
            var arg = c.GetArrayLength() > 2 ? c[2] : default;
            ApplyCommand(t, row, f, code, id, arg, uid);
        }
    }

    private void ApplyCommand(ModelTable t, Row row, FieldDef f, int code, int id, JsonElement arg, int uid)
    {
        var co = f.Relation is null ? null : TryTable(f.Relation);
        switch (code)
        {
            case 0:
            {
                if (co is null) throw OdooServerError.UserError($"Object {f.Relation} doesn't exist");
                if (f.Storage == FieldStorage.Inverse)
                    Create(co, arg, uid, forcedField: co.Field(f.Schema.InverseName!), forcedValue: row.Id);
                else
                    AddLink(t, row, f, Create(co, arg, uid));
                break;
            }
            case 1:
                if (co is null) throw OdooServerError.UserError($"Object {f.Relation} doesn't exist");
                Write(co, [id], arg, uid);
                if (f.Storage != FieldStorage.Inverse) AddLink(t, row, f, id);
                break;
            case 2:
                if (co is null) throw OdooServerError.UserError($"Object {f.Relation} doesn't exist");
                RemoveLink(t, row, f, id, uid);
                Unlink(co, [id], uid);
                break;
            case 3:
                RemoveLink(t, row, f, id, uid);
                break;
            case 4:
                AddLink(t, row, f, id);
                break;
            case 5:
                SetIds(t, row, f, [], uid);
                break;
            case 6:
            {
                var ids = arg.ValueKind == JsonValueKind.Array ? arg.EnumerateArray().Select(e => e.GetInt32()).ToList() : [];
                SetIds(t, row, f, ids, uid);
                break;
            }
            default:
                throw OdooServerError.ValueError($"Invalid x2many command {code} for {t.Name}.{f.Name}");
        }
    }

    private void AddLink(ModelTable t, Row row, FieldDef f, int id)
    {
        var co = f.Relation is null ? null : TryTable(f.Relation);
        if (co is not null && !co.Rows.ContainsKey(id))
            throw OdooServerError.ValidationError(
                "The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\n" +
                $"Model: {t.Schema.Description} ({t.Name})\nConstraint: {t.TableName}_{f.Name}_fkey\n");
        if (f.Storage == FieldStorage.Inverse)
        {
            var inv = co!.Field(f.Schema.InverseName!)!;
            SetValue(co, co.Rows[id], inv.Slot, row.Id);
            return;
        }
        var list = row.Values[f.Slot] as List<int> ?? [];
        if (list.Contains(id)) return;
        SetValue(t, row, f.Slot, new List<int>(list) { id });
    }

    private void RemoveLink(ModelTable t, Row row, FieldDef f, int id, int uid)
    {
        if (f.Storage == FieldStorage.Inverse)
        {
            var co = TryTable(f.Relation!);
            if (co is null || !co.Rows.TryGetValue(id, out var child)) return;
            var inv = co.Field(f.Schema.InverseName!)!;
            if (child.Values[inv.Slot] is not int p || p != row.Id) return;
            if (inv.Schema.Required || inv.Schema.OnDelete == OdooOnDelete.Cascade) Unlink(co, [id], uid);
            else SetValue(co, child, inv.Slot, null);
            return;
        }
        if (row.Values[f.Slot] is List<int> list && list.Contains(id))
            SetValue(t, row, f.Slot, list.Where(i => i != id).ToList());
    }

    private void SetIds(ModelTable t, Row row, FieldDef f, List<int> ids, int uid)
    {
        if (f.Storage == FieldStorage.Inverse)
        {
            var co = TryTable(f.Relation!);
            if (co is null) return;
            var current = InverseMap(co, f.Schema.InverseName!).GetValueOrDefault(row.Id)?.ToList() ?? [];
            foreach (var old in current)
                if (!ids.Contains(old)) RemoveLink(t, row, f, old, uid);
            foreach (var id in ids) AddLink(t, row, f, id);
            return;
        }
        var distinct = ids.Distinct().ToList();
        var co2 = f.Relation is null ? null : TryTable(f.Relation);
        if (co2 is not null)
            foreach (var id in distinct)
                if (!co2.Rows.ContainsKey(id)) AddLink(t, row, f, id); // raises the foreign-key error
        SetValue(t, row, f.Slot, distinct);
    }

    // ---------------------------------------------------------------- checks

    private static void CheckRequired(ModelTable t, object?[] values, bool[]? present)
    {
        foreach (var f in t.Fields)
        {
            if (!f.Schema.Required || f.Storage != FieldStorage.Slot || f.IsMagic || f.IsX2Many) continue;
            if (present is not null && !present[f.Slot]) continue;
            if (values[f.Slot] is not null) continue;
            throw OdooServerError.ValidationError(
                "The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n" +
                "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n" +
                $"Model: {t.Schema.Description} ({t.Name})\nField: {f.Schema.Label} ({f.Name})\n");
        }
    }

    private static void CheckUnique(ModelTable t, object?[] values, bool[]? present, IReadOnlySet<int> selfIds, int rowCount = 1)
    {
        foreach (var f in t.Fields)
        {
            if (f.Storage != FieldStorage.Slot || t.UniqueIndex[f.Slot] is not { } idx) continue;
            if (present is not null && !present[f.Slot]) continue;
            if (ModelTable.UniqueKey(values[f.Slot]) is not { } key) continue;
            var clash = rowCount > 1 || (idx.TryGetValue(key, out var owner) && !selfIds.Contains(owner));
            if (!clash) continue;
            var text = f.Schema.UniqueMessage
                ?? $"duplicate key value violates unique constraint \"{t.TableName}_{f.Name}_uniq\"\nDETAIL:  Key ({f.Name})=({Convert.ToString(values[f.Slot], CultureInfo.InvariantCulture)}) already exists.\n";
            throw OdooServerError.ValidationError($"The operation cannot be completed: {text}");
        }
    }

    private void CheckForeignKeys(ModelTable t, object?[] values, bool[]? present)
    {
        foreach (var f in t.Fields)
        {
            if (f.Type != OdooFieldType.Many2One || f.Storage != FieldStorage.Slot) continue;
            if (present is not null && !present[f.Slot]) continue;
            if (values[f.Slot] is not int id || f.Relation is null || TryTable(f.Relation) is not { } co) continue;
            if (co.Rows.ContainsKey(id)) continue;
            throw OdooServerError.ValidationError(
                "The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\n" +
                $"Model: {t.Schema.Description} ({t.Name})\nConstraint: {t.TableName}_{f.Name}_fkey\n");
        }
    }

    private void CheckConstraints(ModelTable t, Row row)
    {
        var constraints = t.Schema.Constraints;
        if (constraints.Count == 0) return;
        var view = new OdooRecordView(this, t, row);
        foreach (var check in constraints)
            if (check(view) is { } message) throw OdooServerError.ValidationError(message);
    }

    public static OdooServerError InvalidField(ModelTable t, string name)
        => OdooServerError.ValueError($"Invalid field '{name}' on model '{t.Name}'");
}
