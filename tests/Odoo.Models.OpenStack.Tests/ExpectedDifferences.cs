namespace Odoo.Models.OpenStack.Tests;

/// <summary>How a C# declaration differs from the Python reference's member.</summary>
internal enum DifferenceKind
{
    /// <summary>The reference's field or role is not declared (removed from Odoo, or it never had it).</summary>
    NotDeclared,
    /// <summary>Declared under Odoo 18's name: another remote field, or an alias of the renamed property.</summary>
    Renamed,
    /// <summary>The relation targets another model or has another cardinality than the reference reads.</summary>
    RelationChanged,
    /// <summary>Another field type than the reference's.</summary>
    TypeChanged,
    /// <summary>The selection has other keys than the reference's.</summary>
    SelectionChanged,
    /// <summary>Nullable here, always set in the reference (Odoo 18 sends <c>false</c> for it in ordinary data).</summary>
    Nullable,
    /// <summary>Required here, optional in the reference.</summary>
    Required,
    /// <summary>The reference's method is not there under its name and form (it differs, see the document).</summary>
    MethodDiffers,
}

/// <summary>One expected difference: the reference's record and member, the kind, and why.</summary>
internal sealed record ExpectedDifference(string Record, string Member, DifferenceKind Kind, string Why)
{
    public override string ToString() => $"{Record}.{Member} ({Kind})";
}

/// <summary>
/// Every difference between the C# declarations and the Python reference that is intended, each with its kind.
/// <see cref="ReferenceWalkTests"/> fails on a difference not listed here (or listed with another kind), and on
/// an entry that no longer matches a difference. <c>docs/differences-from-python.md</c> explains each to users.
/// </summary>
internal static class ExpectedDifferences
{
    private const DifferenceKind N = DifferenceKind.Nullable;

    public static IReadOnlyList<ExpectedDifference> All { get; } =
    [
        // Fields declared as Odoo 18 has them.
        new("Tax", "tax_eligibility", DifferenceKind.Renamed, "The Odoo field is tax_exigibility; TaxEligibility stays as an alias of TaxExigibility."),
        new("Pricelist", "discount_policy", DifferenceKind.NotDeclared, "Removed in Odoo 17."),
        new("Uom", "measure_type", DifferenceKind.NotDeclared, "Removed in Odoo 14."),
        new("UomCategory", "measure_type", DifferenceKind.NotDeclared, "Removed in Odoo 14."),
        new("SaleOrderLine", "price_reduce", DifferenceKind.NotDeclared, "Removed in Odoo 17 (price_reduce_taxexcl / price_reduce_taxinc replace it)."),
        new("SaleOrderLine", "tax_id", DifferenceKind.RelationChanged, "tax_id is a many2many; declared as Taxes/TaxIds, there is no single tax id."),
        new("SaleOrderLine", "tax_name", DifferenceKind.RelationChanged, "tax_id is a many2many; the reference's name half is the second tax id."),
        new("SaleOrderLine", "tax", DifferenceKind.RelationChanged, "tax_id is a many2many; LoadTaxesAsync loads all of them."),
        new("SaleOrderLine", "salesman_id", DifferenceKind.RelationChanged, "salesman_id links to res.users, not res.partner."),
        new("SaleOrderLine", "salesman_name", DifferenceKind.RelationChanged, "salesman_id links to res.users, not res.partner."),
        new("SaleOrderLine", "salesman", DifferenceKind.RelationChanged, "salesman_id links to res.users, not res.partner."),
        new("PartnerCategory", "child_ids", DifferenceKind.Renamed, "res.partner.category has child_ids, not child_id."),
        new("PartnerCategory", "children", DifferenceKind.Renamed, "res.partner.category has child_ids, not child_id."),
        new("PartnerCategory", "partner_ids", DifferenceKind.Renamed, "res.partner.category has partner_ids, not partner_id."),
        new("PartnerCategory", "partners", DifferenceKind.Renamed, "res.partner.category has partner_ids, not partner_id."),
        new("AccountMoveLine", "currency_name", DifferenceKind.TypeChanged, "The reference declares it an integer (the currency id); here it is the currency's name."),

        // Nullable where Odoo 18 sends false in ordinary data.
        new("Currency", "position", N, "Defaulted to 'after' but not required, and writable: a client may clear it (odoogen check against Odoo 18)."),
        new("Partner", "company_id", N, "Partners shared between companies have no company."),
        new("Partner", "company", N, "Partners shared between companies have no company."),
        new("Partner", "name", N, "Only contacts require a name; addresses may have none."),
        new("Partner", "email", N, "Optional in Odoo."),
        new("AccountMove", "name", N, "A draft not yet numbered has no name."),
        new("AccountMove", "invoice_date", N, "Empty on drafts until posted."),
        new("AccountMove", "invoice_date_due", N, "Empty on plain journal entries."),
        new("AccountMoveLine", "product_id", N, "Section, note and manual lines have no product."),
        new("AccountMoveLine", "product", N, "Section, note and manual lines have no product."),
        new("AccountMoveLine", "name", N, "A line label is optional."),
        new("SaleOrderLine", "product_id", N, "Section and note lines have no product."),
        new("SaleOrderLine", "product", N, "Section and note lines have no product."),
        new("SaleOrderLine", "product_uom_id", N, "Section and note lines have no unit."),
        new("SaleOrderLine", "product_uom", N, "Section and note lines have no unit."),
        new("SaleOrderLine", "salesman_id", N, "An order may have no salesperson."),
        new("SaleOrderLine", "salesman", N, "An order may have no salesperson."),
        new("SaleOrder", "note", N, "Empty notes are false."),
        new("SaleOrder", "os_invoice_date", N, "Only set when overridden."),
        new("SaleOrder", "os_invoice_due_date", N, "Only set when overridden."),
        new("Attachment", "checksum", N, "URL attachments have no checksum."),
        new("Attachment", "mimetype", N, "Empty files have no MIME type."),
        new("Attachment", "index_content", N, "Empty files have no index text."),
        new("Currency", "date", N, "A currency without a rate has no rate date."),
        new("Product", "description", N, "Optional HTML."),
        new("Tax", "description", N, "Optional."),
        new("Tax", "country_code", N, "Optional."),
        new("ReferralCode", "name", N, "Odoo 18's fields_get does not mark it required (a read-only computed name)."),
    ];

    private static readonly HashSet<(string, string, DifferenceKind)> Keys = [.. All.Select(e => (e.Record, e.Member, e.Kind))];

    public static bool Contains(string record, string member, DifferenceKind kind) => Keys.Contains((record, member, kind));
}
