namespace Odoo.Values;

/// <summary>
/// A one2many or many2many command typed by the related record type, for the x2many properties of a values
/// type: <c>Referrals = [OdooCommand&lt;Partner&gt;.Link(5), OdooCommand&lt;Partner&gt;.Create(new PartnerValues { Name = "Ann" })]</c>.
/// Each is the <see cref="OdooCommand"/> of the same name, with values and records checked against <typeparamref name="TTarget"/>.
/// </summary>
/// <typeparam name="TTarget">The related record type.</typeparam>
public sealed class OdooCommand<TTarget>
    where TTarget : OdooRecord
{
    private OdooCommand(OdooCommand command) => Command = command;

    /// <summary>The untyped command that is sent.</summary>
    public OdooCommand Command { get; }

    /// <summary>Creates a related record with <paramref name="values"/> and links it (command 0).</summary>
    /// <param name="values">The new record's values.</param>
    public static OdooCommand<TTarget> Create(OdooRecordValues<TTarget> values) => new(OdooCommand.Create((values ?? throw new ArgumentNullException(nameof(values))).ToOdooValues()));

    /// <summary>Updates the related record <paramref name="id"/> (command 1).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="values">The values to write.</param>
    public static OdooCommand<TTarget> Update(int id, OdooRecordValues<TTarget> values) => new(OdooCommand.Update(id, (values ?? throw new ArgumentNullException(nameof(values))).ToOdooValues()));

    /// <summary>Deletes the related record <paramref name="id"/> (command 2).</summary>
    /// <param name="id">The record's id.</param>
    public static OdooCommand<TTarget> Delete(int id) => new(OdooCommand.Delete(id));

    /// <summary>Removes the link to <paramref name="id"/>, keeping the record (command 3).</summary>
    /// <param name="id">The record's id.</param>
    public static OdooCommand<TTarget> Unlink(int id) => new(OdooCommand.Unlink(id));

    /// <summary>Removes the link to <paramref name="record"/> (command 3).</summary>
    /// <param name="record">The record.</param>
    public static OdooCommand<TTarget> Unlink(TTarget record) => new(OdooCommand.Unlink(record));

    /// <summary>Links the existing record <paramref name="id"/> (command 4).</summary>
    /// <param name="id">The record's id.</param>
    public static OdooCommand<TTarget> Link(int id) => new(OdooCommand.Link(id));

    /// <summary>Links <paramref name="record"/> (command 4).</summary>
    /// <param name="record">The record.</param>
    public static OdooCommand<TTarget> Link(TTarget record) => new(OdooCommand.Link(record));

    /// <summary>Removes every link (command 5).</summary>
    public static OdooCommand<TTarget> Clear() => new(OdooCommand.Clear());

    /// <summary>Replaces the links with <paramref name="ids"/> (command 6).</summary>
    /// <param name="ids">The record ids.</param>
    public static OdooCommand<TTarget> Set(IEnumerable<int> ids) => new(OdooCommand.Set(ids));

    /// <summary>Replaces the links with <paramref name="records"/> (command 6).</summary>
    /// <param name="records">The records.</param>
    public static OdooCommand<TTarget> Set(IEnumerable<TTarget> records) => new(OdooCommand.Set(records));

    /// <inheritdoc />
    public override string ToString() => Command.ToString();
}
