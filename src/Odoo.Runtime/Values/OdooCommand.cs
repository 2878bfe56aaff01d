using System.Text.Json;
using Odoo.Managers;
using Odoo.Metadata;

namespace Odoo.Values;

/// <summary>
/// One x2many command of a create or update (Odoo's <c>Command</c>): link, unlink, nested create,
/// nested update, delete, clear or replace-all. Use it as the value of a one2many or many2many
/// field in <see cref="OdooValues"/>, alone or in a list.
/// </summary>
/// <example><code>
/// var values = new OdooValues()
///     .Set("OrderLines", new[] { OdooCommand.Create(new OdooValues().Set("Product", 9)), OdooCommand.Link(31) })
///     .Set("Tags", OdooCommand.Clear());
/// </code></example>
public sealed class OdooCommand
{
    private OdooCommand(int code, int id, OdooValues? values, IReadOnlyList<int>? ids)
    {
        Code = code;
        Id = id;
        Values = values;
        Ids = ids;
    }

    /// <summary>Odoo's command number: 0 create, 1 update, 2 delete, 3 unlink, 4 link, 5 clear, 6 set.</summary>
    public int Code { get; }

    /// <summary>The id the command acts on (0 for create, clear and set).</summary>
    public int Id { get; }

    /// <summary>The values of a create or update; encoded by the related model's metadata.</summary>
    public OdooValues? Values { get; }

    /// <summary>The ids of a set (replace-all).</summary>
    public IReadOnlyList<int>? Ids { get; }

    /// <summary><c>[0, 0, values]</c>: creates a related record with <paramref name="values"/> and links it.</summary>
    /// <param name="values">The new record's values (local names of the related model).</param>
    public static OdooCommand Create(OdooValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(0, 0, values, null);
    }

    /// <summary><c>[0, 0, values]</c>: creates a related record with <paramref name="values"/> and links it.</summary>
    /// <param name="values">The new record's values.</param>
    public static OdooCommand Create(IReadOnlyDictionary<string, object?> values) => Create(OdooValues.From(values));

    /// <summary><c>[1, id, values]</c>: updates the related record <paramref name="id"/>.</summary>
    /// <param name="id">The related record's id.</param>
    /// <param name="values">The values to write.</param>
    public static OdooCommand Update(int id, OdooValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(1, CheckId(id), values, null);
    }

    /// <summary><c>[1, id, values]</c>: updates the related record.</summary>
    /// <param name="record">The related record.</param>
    /// <param name="values">The values to write.</param>
    public static OdooCommand Update(OdooRecord record, OdooValues values) => Update(IdOf(record), values);

    /// <summary><c>[2, id, 0]</c>: removes the related record from the relation and deletes it.</summary>
    /// <param name="id">The related record's id.</param>
    public static OdooCommand Delete(int id) => new(2, CheckId(id), null, null);

    /// <summary><c>[2, id, 0]</c>: removes the related record from the relation and deletes it.</summary>
    /// <param name="record">The related record.</param>
    public static OdooCommand Delete(OdooRecord record) => Delete(IdOf(record));

    /// <summary><c>[3, id, 0]</c>: removes the related record from the relation (without deleting it).</summary>
    /// <param name="id">The related record's id.</param>
    public static OdooCommand Unlink(int id) => new(3, CheckId(id), null, null);

    /// <summary><c>[3, id, 0]</c>: removes the related record from the relation (without deleting it).</summary>
    /// <param name="record">The related record.</param>
    public static OdooCommand Unlink(OdooRecord record) => Unlink(IdOf(record));

    /// <summary><c>[4, id, 0]</c>: adds the existing record <paramref name="id"/> to the relation.</summary>
    /// <param name="id">The related record's id.</param>
    public static OdooCommand Link(int id) => new(4, CheckId(id), null, null);

    /// <summary><c>[4, id, 0]</c>: adds the existing record to the relation.</summary>
    /// <param name="record">The related record.</param>
    public static OdooCommand Link(OdooRecord record) => Link(IdOf(record));

    /// <summary><c>[5, 0, 0]</c>: removes every record from the relation (without deleting them).</summary>
    public static OdooCommand Clear() => new(5, 0, null, null);

    /// <summary><c>[6, 0, ids]</c>: replaces the relation with exactly <paramref name="ids"/>.</summary>
    /// <param name="ids">The related records' ids (empty clears the relation).</param>
    public static OdooCommand Set(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return new(6, 0, null, ids.ToArray());
    }

    /// <summary><c>[6, 0, ids]</c>: replaces the relation with exactly these records.</summary>
    /// <param name="records">The related records.</param>
    public static OdooCommand Set(IEnumerable<OdooRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Set(records.Select(IdOf));
    }

    /// <inheritdoc />
    public override string ToString() => Code switch
    {
        0 => "Create(...)",
        1 => $"Update({Id}, ...)",
        2 => $"Delete({Id})",
        3 => $"Unlink({Id})",
        4 => $"Link({Id})",
        5 => "Clear()",
        _ => $"Set([{string.Join(", ", Ids ?? [])}])",
    };

    /// <summary>Encodes the command, nested values by <paramref name="target"/>.</summary>
    internal object?[] Encode(OdooModelMetadata? target, OdooVersion? version) => Code switch
    {
        0 => [0, 0, Values!.Encode(target, version)],
        1 => [1, Id, Values!.Encode(target, version)],
        6 => [6, 0, Ids],
        _ => [Code, Id, 0],
    };

    private static int CheckId(int id) => id > 0 ? id : throw new ArgumentOutOfRangeException(nameof(id), id, "A record id is positive.");

    private static int IdOf(OdooRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Id;
    }
}
