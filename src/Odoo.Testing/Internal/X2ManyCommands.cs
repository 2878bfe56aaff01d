using System.Text.Json;

namespace Odoo.Testing.Internal;

/// <summary>Odoo's x2many commands (<c>[0, 0, vals]</c>, <c>[4, id]</c>, <c>[6, 0, ids]</c>...) and plain id lists, applied to a record.</summary>
internal sealed class X2ManyCommands
{
    private readonly Store _store;

    public X2ManyCommands(Store store) => _store = store;

    private RecordStore Records => _store.Records;

    /// <summary>Applies the value given for <paramref name="f"/> in a create, write or copy.</summary>
    public void Apply(ModelTable t, Row row, FieldDef f, JsonElement cmds, int uid)
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
        var co = f.Relation is null ? null : _store.Schema.TryTable(f.Relation);
        switch (code)
        {
            case 0:
            {
                if (co is null) throw OdooServerError.UserError($"Object {f.Relation} doesn't exist");
                if (f.Storage == FieldStorage.Inverse)
                    Records.Create(co, arg, uid, forcedField: co.Field(f.Schema.InverseName!), forcedValue: row.Id);
                else
                    AddLink(t, row, f, Records.Create(co, arg, uid));
                break;
            }
            case 1:
                if (co is null) throw OdooServerError.UserError($"Object {f.Relation} doesn't exist");
                Records.Write(co, [id], arg, uid);
                if (f.Storage != FieldStorage.Inverse) AddLink(t, row, f, id);
                break;
            case 2:
                if (co is null) throw OdooServerError.UserError($"Object {f.Relation} doesn't exist");
                RemoveLink(t, row, f, id, uid);
                Records.Unlink(co, [id], uid);
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
        var co = f.Relation is null ? null : _store.Schema.TryTable(f.Relation);
        if (co is not null && !co.Rows.ContainsKey(id))
            throw OdooServerError.ValidationError(
                "The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\n" +
                $"Model: {t.Schema.Description} ({t.Name})\nConstraint: {t.TableName}_{f.Name}_fkey\n");
        if (f.Storage == FieldStorage.Inverse)
        {
            var inv = co!.Field(f.Schema.InverseName!)!;
            Records.SetValue(co, co.Rows[id], inv.Slot, row.Id);
            return;
        }
        var list = row.Values[f.Slot] as List<int> ?? [];
        if (list.Contains(id)) return;
        Records.SetValue(t, row, f.Slot, new List<int>(list) { id });
    }

    private void RemoveLink(ModelTable t, Row row, FieldDef f, int id, int uid)
    {
        if (f.Storage == FieldStorage.Inverse)
        {
            var co = _store.Schema.TryTable(f.Relation!);
            if (co is null || !co.Rows.TryGetValue(id, out var child)) return;
            var inv = co.Field(f.Schema.InverseName!)!;
            if (child.Values[inv.Slot] is not int p || p != row.Id) return;
            if (inv.Schema.Required || inv.Schema.OnDelete == OdooOnDelete.Cascade) Records.Unlink(co, [id], uid);
            else Records.SetValue(co, child, inv.Slot, null);
            return;
        }
        if (row.Values[f.Slot] is List<int> list && list.Contains(id))
            Records.SetValue(t, row, f.Slot, list.Where(i => i != id).ToList());
    }

    private void SetIds(ModelTable t, Row row, FieldDef f, List<int> ids, int uid)
    {
        if (f.Storage == FieldStorage.Inverse)
        {
            var co = _store.Schema.TryTable(f.Relation!);
            if (co is null) return;
            var current = Records.InverseMap(co, f.Schema.InverseName!).GetValueOrDefault(row.Id)?.ToList() ?? [];
            foreach (var old in current)
                if (!ids.Contains(old)) RemoveLink(t, row, f, old, uid);
            foreach (var id in ids) AddLink(t, row, f, id);
            return;
        }
        var distinct = ids.Distinct().ToList();
        var co2 = f.Relation is null ? null : _store.Schema.TryTable(f.Relation);
        if (co2 is not null)
            foreach (var id in distinct)
                if (!co2.Rows.ContainsKey(id)) AddLink(t, row, f, id); // raises the foreign-key error
        Records.SetValue(t, row, f.Slot, distinct);
    }
}
