namespace Odoo.Values;

/// <summary>
/// A link to a record of <typeparamref name="TTarget"/> in a values type: assign a record or its id
/// (<c>values.ReferralCreditType = creditType</c> or <c>= 7</c>).
/// </summary>
/// <typeparam name="TTarget">The linked record type.</typeparam>
public readonly record struct OdooRecordId<TTarget>
    where TTarget : OdooRecord
{
    /// <summary>Links to the record <paramref name="id"/>.</summary>
    /// <param name="id">A positive record id.</param>
    public OdooRecordId(int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        Id = id;
    }

    /// <summary>The linked record's id.</summary>
    public int Id { get; }

    /// <summary>Links to the record <paramref name="id"/>.</summary>
    /// <param name="id">A positive record id.</param>
    public static implicit operator OdooRecordId<TTarget>(int id) => new(id);

    /// <summary>Links to <paramref name="record"/>.</summary>
    /// <param name="record">A record read from Odoo.</param>
    public static implicit operator OdooRecordId<TTarget>(TTarget record) => new((record ?? throw new ArgumentNullException(nameof(record))).Id);
}
