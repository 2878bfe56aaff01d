using System.Globalization;

namespace Odoo.Testing.Internal;

/// <summary>The checks a created or written record must pass: required fields, unique keys, foreign keys and the model's own constraints.</summary>
internal sealed class Constraints
{
    private readonly Store _store;

    public Constraints(Store store) => _store = store;

    /// <summary>Required fields are set (of <paramref name="present"/> only, when given).</summary>
    public static void CheckRequired(ModelTable t, object?[] values, bool[]? present)
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

    /// <summary>Unique fields keep unique values (records <paramref name="selfIds"/> may keep theirs).</summary>
    public static void CheckUnique(ModelTable t, object?[] values, bool[]? present, IReadOnlySet<int> selfIds, int rowCount = 1)
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

    /// <summary>Many2one values point at existing records.</summary>
    public void CheckForeignKeys(ModelTable t, object?[] values, bool[]? present)
    {
        foreach (var f in t.Fields)
        {
            if (f.Type != OdooFieldType.Many2One || f.Storage != FieldStorage.Slot) continue;
            if (present is not null && !present[f.Slot]) continue;
            if (values[f.Slot] is not int id || f.Relation is null || _store.Schema.TryTable(f.Relation) is not { } co) continue;
            if (co.Rows.ContainsKey(id)) continue;
            throw OdooServerError.ValidationError(
                "The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\n" +
                $"Model: {t.Schema.Description} ({t.Name})\nConstraint: {t.TableName}_{f.Name}_fkey\n");
        }
    }

    /// <summary>The model's <see cref="OdooModelSchema.Constraints"/> accept the record.</summary>
    public void CheckModelConstraints(ModelTable t, Row row)
    {
        var constraints = t.Schema.Constraints;
        if (constraints.Count == 0) return;
        var view = new OdooRecordView(_store, t, row);
        foreach (var check in constraints)
            if (check(view) is { } message) throw OdooServerError.ValidationError(message);
    }
}
