namespace Odoo.Models.OpenStack;

/// <summary>
/// One line of an invoice (<c>account.move.line</c>), with the OpenStack details of the usage it
/// bills.
/// </summary>
[OdooModel("account.move.line", ClientProperty = "AccountMoveLines")]
public partial record AccountMoveLine
{
    /// <summary>
    /// The line's currency. <c>CurrencyName</c> is the currency's display name here (the Python client
    /// declares it as an integer and returns the id instead).
    /// </summary>
    [Many2One("currency_id")]
    public partial Currency Currency { get; }

    /// <summary>The tax amount of the line (a field of the OpenStack add-on).</summary>
    public partial double LineTaxAmount { get; }

    /// <summary>The invoice the line belongs to.</summary>
    [Many2One("move_id")]
    public partial AccountMove Move { get; }

    /// <summary>The line's label; <see langword="null"/> when it has none.</summary>
    public partial string? Name { get; }

    /// <summary>The OpenStack project whose usage the line bills, if any.</summary>
    [Many2One("os_project")]
    public partial Project? OsProject { get; }

    /// <summary>The OpenStack region the usage comes from; <see langword="null"/> when not set.</summary>
    public partial string? OsRegion { get; }

    /// <summary>The OpenStack id of the resource that was used; <see langword="null"/> when not set.</summary>
    public partial string? OsResourceId { get; }

    /// <summary>The rating tier or flavour of the resource; <see langword="null"/> when not set.</summary>
    public partial string? OsResourceName { get; }

    /// <summary>A readable kind of resource; <see langword="null"/> when not set.</summary>
    public partial string? OsResourceType { get; }

    /// <summary>The line amount, taxes excluded.</summary>
    public partial double PriceSubtotal { get; }

    /// <summary>The price of one unit, taxes excluded.</summary>
    public partial double PriceUnit { get; }

    /// <summary>The product billed; <see langword="null"/> on lines without one (sections, notes, some manual lines).</summary>
    [Many2One("product_id")]
    public partial Product? Product { get; }

    /// <summary>The quantity billed.</summary>
    public partial double Quantity { get; }

    /// <summary>The taxes applied to the line.</summary>
    [Many2Many("tax_ids", IdsProperty = "TaxIds")]
    public partial IReadOnlyList<Tax> Taxes { get; }
}
