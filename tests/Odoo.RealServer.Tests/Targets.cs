using Odoo.Models.OpenStack;
using Odoo.Values;

namespace Odoo.RealServer.Tests;

/// <summary>The related records a test needs, created on first use (through the library) and deleted by its cleanup.</summary>
public sealed class Targets(OpenStackOdooClient odoo, Cleanup cleanup)
{
    private readonly Dictionary<string, Task<int>> _made = [];

    public OpenStackOdooClient Odoo => odoo;

    public Cleanup Cleanup => cleanup;

    private Task<int> Once(string key, Func<Task<int>> make)
    {
        lock (_made)
        {
            if (!_made.TryGetValue(key, out var task)) _made[key] = task = make();
            return task;
        }
    }

    private static string N(string what) => RealOdoo.Name(what);

    public Task<int> Company() => Once("company", () => Support.CompanyIdAsync(odoo));

    public Task<int> CompanyCurrency() => Once("currency", async () =>
        (await odoo.Client.Model("res.company").ReadAsync([await Company()], ["currency_id"]))[0].GetProperty("currency_id")[0].GetInt32());

    public Task<int> Units() => Once("units", () => Support.XmlIdAsync(odoo, "uom.product_uom_unit"));

    public Task<int> Partner(int n = 1) => Once($"partner{n}", () => Support.PartnerAsync(odoo, cleanup, $"rt{n}"));

    public Task<int> Product(int n = 1) => Once($"product{n}", () => Support.ProductAsync(odoo, cleanup, $"rt{n}", 10.0 * n));

    public Task<int> ProductCategory(int n = 1) => Once($"pcat{n}", async () =>
        cleanup.Add("product.category", await odoo.ProductCategories.CreateAsync(new OdooValues { ["Name"] = N($"category {n}") })));

    public Task<int> PartnerCategory(int n = 1) => Once($"tag{n}", async () =>
        cleanup.Add("res.partner.category", await odoo.PartnerCategories.CreateAsync(new OdooValues { ["Name"] = N($"tag {n}") })));

    public Task<int> UomCategory() => Once("uomcat", async () =>
    {
        var category = cleanup.Add("uom.category", await odoo.UomCategories.CreateAsync(new OdooValues { ["Name"] = N("uom category") }));
        cleanup.Add("uom.uom", await odoo.Uoms.CreateAsync(new OdooValues { ["Name"] = N("each"), ["Category"] = category, ["UomType"] = UomType.Reference, ["Factor"] = 1.0 }));
        return category;
    });

    public Task<int> CreditType(int n = 1) => Once($"ctype{n}", async () =>
        cleanup.Add("openstack.credit.type", await odoo.CreditTypes.CreateAsync(new OdooValues { ["Name"] = N($"credit type {n}"), ["Product"] = await Product() })));

    public Task<int> GrantType() => Once("gtype", async () =>
        cleanup.Add("openstack.grant.type", await odoo.GrantTypes.CreateAsync(new OdooValues { ["Name"] = N("grant type"), ["Product"] = await Product() })));

    public Task<int> Voucher() => Once("voucher", async () =>
        cleanup.Add("openstack.voucher_code", await odoo.VoucherCodes.CreateAsync(new OdooValues { ["Code"] = RealOdoo.Run + "-V1" })));

    public Task<int> Credit() => Once("credit", async () =>
        cleanup.Add("openstack.credit", await odoo.Credits.CreateAsync(new OdooValues { ["CreditType"] = await CreditType(), ["StartDate"] = new DateOnly(2025, 1, 1), ["ExpiryDate"] = new DateOnly(2025, 12, 31), ["InitialBalance"] = 10.0 })));

    public Task<int> Grant() => Once("grant", async () =>
        cleanup.Add("openstack.grant", await odoo.Grants.CreateAsync(new OdooValues { ["Name"] = N("grant"), ["GrantType"] = await GrantType(), ["StartDate"] = new DateOnly(2025, 1, 1), ["ExpiryDate"] = new DateOnly(2025, 12, 31) })));

    public Task<int> Project(int n = 1) => Once($"project{n}", async () =>
        cleanup.Add("openstack.project", await odoo.Projects.CreateAsync(new OdooValues { ["Name"] = N($"project {n}"), ["OsId"] = Guid.NewGuid().ToString("N"), ["Owner"] = await Partner() })));

    public Task<int> Pricelist(int n = 1) => Once($"pricelist{n}", async () =>
        cleanup.Add("product.pricelist", await odoo.Pricelists.CreateAsync(new OdooValues { ["Name"] = N($"pricelist {n}"), ["Currency"] = await CompanyCurrency() })));

    public Task<int> CustomerGroup() => Once("group", async () =>
        cleanup.Add("openstack.customer_group", await odoo.CustomerGroups.CreateAsync(new OdooValues { ["Name"] = N("group 1") })));

    public Task<int> ReferralCode() => Once("referral", async () =>
        cleanup.Add("openstack.referral_code", await odoo.ReferralCodes.CreateAsync(new OdooValues { ["Code"] = RealOdoo.Run + "-R1", ["ReferralCreditType"] = await CreditType(), ["RewardCreditType"] = await CreditType() })));

    public Task<int> ResellerTier() => Once("tier", async () =>
        cleanup.Add("openstack.reseller.tier", await odoo.ResellerTiers.CreateAsync(new OdooValues { ["Name"] = N("tier"), ["DiscountProduct"] = await Product(), ["FreeMonthlyCreditProduct"] = await Product() })));

    public Task<int> Reseller() => Once("reseller", async () =>
        cleanup.Add("openstack.reseller", await odoo.Resellers.CreateAsync(new OdooValues { ["Name"] = N("reseller"), ["Partner"] = await Partner(2), ["Tier"] = await ResellerTier() })));

    public Task<int> Trial() => Once("trial", async () =>
        cleanup.Add("openstack.trial", await odoo.Trials.CreateAsync(new OdooValues { ["Partner"] = await Partner(2), ["StartDate"] = new DateOnly(2025, 1, 1), ["EndDate"] = new DateOnly(2025, 1, 31) })));

    public Task<int> SupportSubscriptionType() => Once("ssubtype", async () =>
        cleanup.Add("openstack.support_subscription.type", await odoo.SupportSubscriptionTypes.CreateAsync(new OdooValues { ["Name"] = N("support type"), ["Product"] = await Product() })));

    public Task<int> SupportSubscription() => Once("ssub", async () =>
        cleanup.Add("openstack.support_subscription", await odoo.SupportSubscriptions.CreateAsync(new OdooValues
        {
            ["SupportSubscriptionType"] = await SupportSubscriptionType(), ["StartDate"] = new DateOnly(2025, 1, 1), ["EndDate"] = new DateOnly(2025, 12, 31), ["Partner"] = await Partner(),
        })));

    public Task<int> TermDiscount() => Once("term", async () =>
        cleanup.Add("openstack.term_discount", await odoo.TermDiscounts.CreateAsync(new OdooValues { ["Partner"] = await Partner(), ["StartDate"] = new DateOnly(2026, 3, 1), ["EndDate"] = new DateOnly(2027, 2, 28) })));

    public Task<int> TaxGroup() => Once("taxgroup", async () =>
        cleanup.Add("account.tax.group", await odoo.TaxGroups.CreateAsync(new OdooValues { ["Name"] = N("tax group"), ["company_id"] = await Company() })));

    /// <summary>A 15 % sales tax (n = 1) or a 5 % one (n = 2).</summary>
    public Task<int> Tax(int n = 1) => Once($"tax{n}", async () =>
        cleanup.Add("account.tax", await odoo.Taxes.CreateAsync(new OdooValues
        {
            ["Name"] = N($"tax {n}"), ["Amount"] = n == 1 ? 15.0 : 5.0, ["AmountType"] = TaxAmountType.Percent, ["TaxGroup"] = await TaxGroup(),
            ["Company"] = await Company(), ["type_tax_use"] = "sale",
        })));

    public Task<int> FiscalPosition() => Once("fp", async () =>
        cleanup.Add("account.fiscal.position", await odoo.FiscalPositions.CreateAsync(new OdooValues { ["Name"] = N("fiscal position"), ["Company"] = await Company() })));

    /// <summary>A draft customer invoice of partner 1, with one line.</summary>
    public Task<int> Invoice() => Once("invoice", async () =>
        cleanup.Add("account.move", await odoo.AccountMoves.CreateAsync(new OdooValues
        {
            ["MoveType"] = AccountMoveType.OutInvoice, ["partner_id"] = await Partner(),
            ["InvoiceLines"] = new[] { OdooCommand.Create(new OdooValues { ["Name"] = "base", ["Quantity"] = 1.0, ["PriceUnit"] = 5.0, ["Taxes"] = OdooCommand.Clear() }) },
        })));

    /// <summary>A draft sale order of partner 1, without lines.</summary>
    public Task<int> SaleOrder() => Once("order", async () =>
        cleanup.Add("sale.order", await odoo.SaleOrders.CreateAsync(new OdooValues { ["Partner"] = await Partner() })));

    /// <summary>A three-letter currency code no currency has yet.</summary>
    public async Task<string> FreeCurrencyCode()
    {
        for (var i = 0; ; i++)
        {
            var code = "Q" + (char)('A' + Random.Shared.Next(26)) + (char)('A' + Random.Shared.Next(26));
            if (await odoo.Currencies.FindByNameAsync(code, context: OdooContext.Empty.WithActiveTest(false)) is null) return code;
        }
    }
}
