namespace Odoo.Models.OpenStack;

/// <summary>
/// A term discount (<c>openstack.term_discount</c>): a discount a partner earns by committing to a
/// minimum spend over a period, for all its projects or for one.
/// </summary>
[OdooModel("openstack.term_discount", ClientProperty = "TermDiscounts")]
public partial record TermDiscount
{
    /// <summary>The largest discount granted, as a percentage from 0 to 100.</summary>
    public partial double DiscountPercent { get; }

    /// <summary>The day the discount was ended early; <see langword="null"/> when it runs its full term.</summary>
    public partial DateOnly? EarlyTerminationDate { get; }

    /// <summary>The last day the discount applies.</summary>
    public partial DateOnly EndDate { get; }

    /// <summary>The spend the partner committed to.</summary>
    public partial double MinCommit { get; }

    /// <summary>The partner that gets the discount.</summary>
    [Many2One("partner")]
    public partial Partner Partner { get; }

    /// <summary>The one project the discount is limited to; <see langword="null"/> for all of the partner's projects.</summary>
    [Many2One("project")]
    public partial Project? Project { get; }

    /// <summary>The first day the discount applies.</summary>
    public partial DateOnly StartDate { get; }

    /// <summary>The term discount that took over from this one, if any.</summary>
    [Many2One("superseded_by")]
    public partial TermDiscount? SupersededBy { get; }
}
