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

/// <summary>Creates <see cref="OdooInclude{TRecord}"/> values.</summary>
public static class OdooInclude
{
    /// <summary>Loads a many2one with the search (one extra <c>read</c> for all records).</summary>
    /// <typeparam name="TOwner">The record type searched.</typeparam>
    /// <typeparam name="TTarget">The related record type.</typeparam>
    /// <param name="relation">The relation, for example <c>ReferralCode.Relations.ReferralCreditType</c>.</param>
    public static OdooInclude<TOwner> Of<TOwner, TTarget>(OdooMany2OneRelation<TOwner, TTarget> relation)
        where TOwner : OdooRecord, IOdooRecord<TOwner>
        where TTarget : OdooRecord, IOdooRecord<TTarget>
    {
        ArgumentNullException.ThrowIfNull(relation);
        return new(relation, (records, ct) => records.LoadAsync(relation, ct));
    }

    /// <summary>Loads a one2many or many2many with the search (one extra <c>read</c> for all records).</summary>
    /// <typeparam name="TOwner">The record type searched.</typeparam>
    /// <typeparam name="TTarget">The related record type.</typeparam>
    /// <param name="relation">The relation, for example <c>ReferralCode.Relations.Referrals</c>.</param>
    public static OdooInclude<TOwner> Of<TOwner, TTarget>(OdooX2ManyRelation<TOwner, TTarget> relation)
        where TOwner : OdooRecord, IOdooRecord<TOwner>
        where TTarget : OdooRecord, IOdooRecord<TTarget>
    {
        ArgumentNullException.ThrowIfNull(relation);
        return new(relation, (records, ct) => records.LoadAsync(relation, ct));
    }
}
