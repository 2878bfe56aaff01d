namespace Odoo;

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
