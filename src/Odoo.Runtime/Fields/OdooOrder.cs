namespace Odoo.Fields;

/// <summary>
/// An order clause built from typed field references, for example
/// <c>ReferralCode.Fields.ReferralCreditAmount.Descending.ThenBy(ReferralCode.Fields.Code.Ascending)</c>;
/// it converts to the text a manager's <c>order:</c> takes (<c>"ReferralCreditAmount desc, Code asc"</c>).
/// </summary>
public sealed class OdooOrder
{
    internal OdooOrder(string text) => Text = text;

    /// <summary>The order clause, by C# names (managers translate them to Odoo's).</summary>
    public string Text { get; }

    /// <summary>This order, then <paramref name="next"/> for ties.</summary>
    /// <param name="next">The next key.</param>
    public OdooOrder ThenBy(OdooOrder next) => new(Text + ", " + (next ?? throw new ArgumentNullException(nameof(next))).Text);

    /// <summary>The order clause, for a manager's <c>order:</c>.</summary>
    /// <param name="order">The order.</param>
    public static implicit operator string(OdooOrder order) => (order ?? throw new ArgumentNullException(nameof(order))).Text;

    /// <summary>The order clause.</summary>
    public override string ToString() => Text;
}
