namespace Odoo.Models.OpenStack;

/// <summary>
/// One line of a sale order (<c>sale.order.line</c>), with the OpenStack details of the usage it
/// sells.
/// </summary>
/// <remarks>The line's label within the order comes from the base record's <c>DisplayName</c>.</remarks>
[OdooModel("sale.order.line", ClientProperty = "SaleOrderLines")]
public partial record SaleOrderLine
{
    /// <summary>The company of the line (the order's company).</summary>
    [Many2One("company_id")]
    public partial Company Company { get; }

    /// <summary>The currency of the line (the order's currency).</summary>
    [Many2One("currency_id")]
    public partial Currency Currency { get; }

    /// <summary>The discount, as a percentage from 0 to 100.</summary>
    public partial double Discount { get; }

    /// <summary>The invoice lines made from this line.</summary>
    [Many2Many("invoice_lines", IdsProperty = "InvoiceLineIds")]
    public partial IReadOnlyList<AccountMoveLine> InvoiceLines { get; }

    /// <summary>How much of the line remains to be invoiced.</summary>
    public partial SaleInvoiceStatus InvoiceStatus { get; }

    /// <summary>Whether the line is a down payment.</summary>
    public partial bool IsDownpayment { get; }

    /// <summary>Whether the line comes from a re-invoiced expense.</summary>
    public partial bool IsExpense { get; }

    /// <summary>The line's label (not the product's name); the OpenStack add-on puts the resource name here.</summary>
    public partial string Name { get; }

    /// <summary>The order the line belongs to.</summary>
    [Many2One("order_id")]
    public partial SaleOrder Order { get; }

    /// <summary>The customer of the order.</summary>
    [Many2One("order_partner_id")]
    public partial Partner OrderPartner { get; }

    /// <summary>The OpenStack project whose usage the line sells, if any.</summary>
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

    /// <summary>The price of one unit after discount, taxes excluded (Odoo 18's replacement for <c>price_reduce</c>).</summary>
    public partial double PriceReduceTaxexcl { get; }

    /// <summary>The price of one unit after discount, taxes included.</summary>
    public partial double PriceReduceTaxinc { get; }

    /// <summary>The line amount, taxes excluded.</summary>
    public partial double PriceSubtotal { get; }

    /// <summary>The tax amount of the line.</summary>
    public partial double PriceTax { get; }

    /// <summary>The line amount, taxes included.</summary>
    public partial double PriceTotal { get; }

    /// <summary>The price of one unit before taxes and discount.</summary>
    public partial double PriceUnit { get; }

    /// <summary>The product sold; <see langword="null"/> on section and note lines.</summary>
    [Many2One("product_id")]
    public partial Product? Product { get; }

    /// <summary>The unit the quantity is expressed in; <see langword="null"/> on section and note lines.</summary>
    [Many2One("product_uom")]
    public partial Uom? ProductUom { get; }

    /// <summary>The quantity ordered.</summary>
    public partial double ProductUomQty { get; }

    /// <summary>Whether the quantity can no longer be changed.</summary>
    [OdooReadOnly]
    public partial bool ProductUomReadonly { get; }

    /// <summary>Whether the product can still be changed.</summary>
    [OdooReadOnly]
    public partial bool ProductUpdatable { get; }

    /// <summary>The quantity already invoiced.</summary>
    public partial double QtyInvoiced { get; }

    /// <summary>The quantity still to invoice.</summary>
    public partial double QtyToInvoice { get; }

    /// <summary>
    /// The salesperson of the order, a user (Odoo field <c>salesman_id</c>, a <c>res.users</c> link);
    /// <see langword="null"/> when the order has none.
    /// </summary>
    [Many2One("salesman_id")]
    public partial User? Salesman { get; }

    /// <summary>The state of the order the line belongs to.</summary>
    public partial SaleOrderState State { get; }

    /// <summary>The taxes of the line (Odoo 18 field <c>tax_id</c>, a many2many).</summary>
    [Many2Many("tax_id", IdsProperty = "TaxIds")]
    public partial IReadOnlyList<Tax> Taxes { get; }

    /// <summary>The untaxed amount already invoiced.</summary>
    public partial double UntaxedAmountInvoiced { get; }

    /// <summary>The untaxed amount still to invoice.</summary>
    public partial double UntaxedAmountToInvoice { get; }
}
