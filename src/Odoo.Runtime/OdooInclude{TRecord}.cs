namespace Odoo;

/// <summary>
/// A relation to load together with a search (<see cref="OdooManager{TRecord}.SearchAsync"/>'s <c>include</c>):
/// after the <c>search_read</c>, each included relation is read once for all the records found.
/// Create one with <see cref="OdooInclude.Of{TOwner, TTarget}(OdooMany2OneRelation{TOwner, TTarget})"/>.
/// </summary>
/// <typeparam name="TRecord">The record type searched.</typeparam>
public sealed class OdooInclude<TRecord> where TRecord : OdooRecord, IOdooRecord<TRecord>
{
    private readonly Func<IReadOnlyList<TRecord>, CancellationToken, Task> _load;

    internal OdooInclude(OdooRelation relation, Func<IReadOnlyList<TRecord>, CancellationToken, Task> load)
    {
        Relation = relation;
        _load = load;
    }

    /// <summary>The relation.</summary>
    public OdooRelation Relation { get; }

    internal Task LoadAsync(IReadOnlyList<TRecord> records, CancellationToken cancellationToken) => _load(records, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => "Include " + Relation;
}
