using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Odoo.Domains;
using Odoo.Managers;
using Odoo.Metadata;
using Odoo.Models.OpenStack;
using Odoo.Values;

namespace Odoo.RealServer.Tests;

/// <summary>
/// For each of the 36 models on the real server: create a record with valid values for the fields
/// Odoo lets a client write, read it back (every declared field is read and decoded), compare what
/// was written with what is read, find it with a domain over the written values, update it, compare
/// again, and delete it. Computed values (names, totals, paths) are checked where Odoo computes them.
/// </summary>
[Collection(RealOdooCollection.Name)]
public sealed class RoundTripTests(RealOdooFixture fixture)
{
    private OpenStackOdooClient Odoo => fixture.Odoo;

    public static TheoryData<string> Models() => [.. OpenStackOdooClient.ModelNames];

    [Fact]
    public void Every_model_has_a_round_trip() =>
        Assert.Equal(OpenStackOdooClient.ModelNames.Order(), Specs.Keys.Order());

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Create_read_update_search_delete(string model)
    {
        var manager = Odoo.GetManager(model);
        var recordType = manager.GetType().BaseType!.GetGenericArguments()[0];
        await (Task)typeof(RoundTripTests).GetMethod(nameof(RunAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(recordType).Invoke(this, [Specs[model]])!;
    }

    private async Task RunAsync<TRecord>(Spec spec) where TRecord : OdooRecord, IOdooRecord<TRecord>
    {
        var meta = TRecord.Metadata;
        var manager = (OdooManager<TRecord>)Odoo.GetManager(meta.ModelName);
        await using var cleanup = new Cleanup(Odoo.Client);
        var t = new Targets(Odoo, cleanup);
        string[]? fields = meta.DefaultFields is null ? null : [.. meta.Fields.Where(f => f.AliasOf is null && f.Name != "Id").Select(f => f.Name)];

        var created = await spec.Create(t);
        var id = cleanup.Add(meta.ModelName, await manager.CreateAsync(created));
        var record = await manager.GetAsync(id, fields);
        Assert.Equal(id, record.Id);
        ReadsEveryField(record, meta);
        Compare.Written(record, created);
        if (spec.Check is not null) await spec.Check(t, record, 1);

        // Found by a domain over the written scalar and many2one values, by local names.
        var domain = OdooDomain.Equal("Id", id);
        foreach (var (key, value) in created)
        {
            var f = meta.FindByName(key);
            if (f is null || f.IsToMany || f.Kind == OdooFieldKind.Float || key is "Datas" or "Note" or "Description") continue;
            domain &= f.Kind == OdooFieldKind.Many2One ? OdooDomain.Equal(f.IdProperty!, value ?? false) : OdooDomain.Equal(f.Name, value ?? false);
        }
        var found = await manager.SearchAsync(domain, fields, context: OdooContext.Empty.WithActiveTest(false));
        Assert.Equal([id], found.Select(r => r.Id));
        Compare.Written(found[0], created);

        var updated = await spec.Update(t);
        await manager.UpdateAsync(id, updated);
        var again = await manager.GetAsync(id, fields);
        ReadsEveryField(again, meta);
        Compare.Written(again, updated);
        if (spec.Check is not null) await spec.Check(t, again, 2);

        if (spec.ArchiveOnly)
        {
            // Deleting a company leaves Odoo's cached company list of its users stale (every later call of the
            // admin fails with MissingError until the server restarts): companies are archived, never deleted.
            await manager.UpdateAsync(id, new OdooValues { ["Active"] = false });
            Assert.Empty(await manager.SearchIdsAsync(OdooDomain.Equal("Id", id)));
            Assert.Equal([id], await manager.SearchIdsAsync(OdooDomain.Equal("Id", id), context: OdooContext.Empty.WithActiveTest(false)));
            return;
        }
        await manager.DeleteAsync(id);
        Assert.Null(await manager.FindAsync(id, context: OdooContext.Empty.WithActiveTest(false)));
    }

    /// <summary>Every declared property decodes: a declaration that does not fit the server's data fails here.</summary>
    private static void ReadsEveryField(OdooRecord record, OdooModelMetadata meta)
    {
        foreach (var f in meta.Fields)
        {
            var property = (f.Kind == OdooFieldKind.Many2One ? f.IdProperty : f.IsToMany ? f.IdsProperty : null) ?? f.Name;
            try
            {
                _ = Compare.Property(record, property);
            }
            catch (TargetInvocationException e) when (e.InnerException is OdooValueException v)
            {
                Assert.Fail($"{record.GetType().Name}.{property}: {v.Message}");
            }
            catch (TargetInvocationException e) when (f.AliasOf is not null && e.InnerException is OdooRelationNotLoadedException)
            {
                // an alias of a relation: its target's ids were read above
            }
        }
    }

    private sealed record Spec(
        Func<Targets, Task<OdooValues>> Create,
        Func<Targets, Task<OdooValues>> Update,
        Func<Targets, OdooRecord, int, Task>? Check = null)
    {
        public bool ArchiveOnly { get; init; }
    }

    private static Spec S(Func<Targets, Task<OdooValues>> create, Func<Targets, Task<OdooValues>> update, Func<Targets, OdooRecord, int, Task>? check = null) =>
        new(create, update, check);

    private static Spec S<T>(Func<Targets, Task<OdooValues>> create, Func<Targets, Task<OdooValues>> update, Func<Targets, T, int, Task> check) where T : OdooRecord =>
        new(create, update, (t, r, v) => check(t, (T)r, v));

    private static readonly DateOnly D1 = new(2025, 3, 1), D2 = new(2025, 9, 30), D3 = new(2026, 2, 28);

    private static string N(string what) => RealOdoo.Name(what);

    private static readonly byte[] File1 = Encoding.UTF8.GetBytes("first contents of the round trip"), File2 = Encoding.UTF8.GetBytes("second contents");

    private static readonly Dictionary<string, Spec> Specs = new()
    {
        ["account.move"] = S<AccountMove>(
            async t => new OdooValues
            {
                ["MoveType"] = AccountMoveType.OutInvoice,
                ["partner_id"] = await t.Partner(),
                ["InvoiceDate"] = D1,
                ["OsProject"] = await t.Project(),
                ["InvoiceLines"] = new[] { OdooCommand.Create(new OdooValues { ["Name"] = "usage", ["Quantity"] = 2.0, ["PriceUnit"] = 50.0, ["Taxes"] = OdooCommand.Clear() }) },
            },
            async t => new OdooValues { ["InvoiceDate"] = D2, ["IsMoveSent"] = true, ["OsProject"] = await t.Project(2) },
            async (t, m, v) =>
            {
                Assert.Equal(AccountMoveState.Draft, m.State);
                Assert.Equal(AccountMovePaymentState.NotPaid, m.PaymentState);
                Assert.Equal(100.0, m.AmountUntaxed);
                Assert.Equal(100.0, m.AmountTotal);
                Assert.Equal(await t.CompanyCurrency(), m.CurrencyId);
                Assert.Single(m.InvoiceLineIds);
                Assert.Null(m.MessageMainAttachmentId);
            }),
        ["account.move.line"] = S<AccountMoveLine>(
            async t => new OdooValues
            {
                ["Move"] = await t.Invoice(), ["Name"] = "compute hours", ["Product"] = await t.Product(), ["Quantity"] = 3.0, ["PriceUnit"] = 20.0,
                ["Taxes"] = Array.Empty<int>(), ["OsProject"] = await t.Project(), ["OsRegion"] = "nz-hlz-1", ["OsResourceId"] = "f00d",
                ["OsResourceName"] = "c1.c1r1", ["OsResourceType"] = "Compute", ["LineTaxAmount"] = 1.5,
            },
            async t => new OdooValues { ["Quantity"] = 4.0, ["PriceUnit"] = 12.5, ["Name"] = "compute hours (2)", ["OsRegion"] = "nz-por-1", ["Taxes"] = new[] { await t.Tax() }, ["OsProject"] = null },
            async (t, l, v) =>
            {
                Assert.Equal(v == 1 ? 60.0 : 50.0, l.PriceSubtotal);
                Assert.Equal(await t.CompanyCurrency(), l.CurrencyId);
            }),
        ["ir.attachment"] = S<Attachment>(
            async t => new OdooValues
            {
                ["Name"] = N("file.txt"), ["Datas"] = Convert.ToBase64String(File1), ["ResModel"] = "res.partner", ["ResId"] = await t.Partner(),
                ["Description"] = "a file", ["Mimetype"] = "text/plain", ["Public"] = false,
            },
            t => Task.FromResult(new OdooValues { ["Name"] = N("file2.txt"), ["Datas"] = Convert.ToBase64String(File2), ["Description"] = "another", ["Public"] = true }),
            (t, a, v) =>
            {
                Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(v == 1 ? File1 : File2)), a.Checksum);
                Assert.Equal(AttachmentType.Binary, a.Type);
                Assert.Equal(RealOdoo.Name("partner rt1"), a.ResName);
                Assert.NotNull(a.StoreFname);
                Assert.Null(a.Url);
                return Task.CompletedTask;
            }),
        ["res.company"] = S<Company>(
            t => Task.FromResult(new OdooValues { ["Name"] = N("company") }),
            t => Task.FromResult(new OdooValues { ["Name"] = N("company renamed") }),
            async (t, c, v) =>
            {
                Assert.True(c.Active);
                Assert.Null(c.ParentId);
                Assert.Empty(c.ChildIds);
                Assert.Equal($"{c.Id}/", c.ParentPath);
                Assert.Equal(c.Name, (await c.LoadPartnerAsync()).Name);
                t.Cleanup.Add("res.partner", c.PartnerId); // archived with its company
            }) with { ArchiveOnly = true },
        ["openstack.credit"] = S<Credit>(
            async t => new OdooValues { ["CreditType"] = await t.CreditType(), ["StartDate"] = D1, ["ExpiryDate"] = D2, ["InitialBalance"] = 100.0, ["CurrentBalance"] = 80.0, ["VoucherCode"] = await t.Voucher() },
            t => Task.FromResult(new OdooValues { ["CurrentBalance"] = 55.5, ["ExpiryDate"] = D3, ["VoucherCode"] = null }),
            (t, c, v) =>
            {
                Assert.Equal($"{RealOdoo.Name("credit type 1")} (2025-03-01)", c.Name); // computed by the addon
                Assert.Empty(c.TransactionIds);
                return Task.CompletedTask;
            }),
        ["openstack.credit.transaction"] = S(
            async t => new OdooValues { ["Credit"] = await t.Credit(), ["Description"] = "usage for March", ["Value"] = 12.25 },
            t => Task.FromResult(new OdooValues { ["Description"] = "usage for April", ["Value"] = 7.0 })),
        ["openstack.credit.type"] = S<CreditType>(
            async t => new OdooValues { ["Name"] = N("ct rt"), ["Product"] = await t.Product(), ["Refundable"] = true, ["OnlyForProducts"] = new[] { await t.Product() }, ["OnlyForProductCategories"] = Array.Empty<int>() },
            async t => new OdooValues { ["Name"] = N("ct rt 2"), ["Product"] = await t.Product(2), ["Refundable"] = false, ["OnlyForProducts"] = Array.Empty<int>(), ["OnlyForProductCategories"] = new[] { await t.ProductCategory() } },
            (t, c, v) => { Assert.Empty(c.CreditIds); return Task.CompletedTask; }),
        ["res.currency"] = S<Currency>(
            async t => new OdooValues { ["Name"] = await t.FreeCurrencyCode(), ["Symbol"] = "¤1", ["Rounding"] = 0.01, ["Position"] = CurrencyPosition.After, ["CurrencyUnitLabel"] = "Crown", ["CurrencySubunitLabel"] = "Penny", ["Active"] = true },
            t => Task.FromResult(new OdooValues { ["Symbol"] = "¤2", ["Rounding"] = 0.001, ["Position"] = CurrencyPosition.Before, ["CurrencyUnitLabel"] = null, ["Active"] = false }),
            (t, c, v) =>
            {
                Assert.Equal(v == 1 ? 2 : 3, c.DecimalPlaces); // computed from the rounding
                Assert.Equal(1.0, c.Rate); // no rate yet
                return Task.CompletedTask;
            }),
        ["openstack.customer_group"] = S<CustomerGroup>(
            async t => new OdooValues { ["Name"] = N("group rt"), ["Pricelist"] = await t.Pricelist() },
            async t => new OdooValues { ["Name"] = N("group rt 2"), ["Pricelist"] = null, ["Partners"] = new[] { await t.Partner() } },
            async (t, g, v) =>
            {
                if (v == 2) Assert.Equal(g.Id, (await OdooOf(t).Partners.GetAsync(await t.Partner(), ["OsCustomerGroup"])).OsCustomerGroupId);
            }),
        ["account.fiscal.position"] = S<FiscalPosition>(
            async t => new OdooValues { ["Name"] = N("fp rt"), ["Company"] = await t.Company(), ["Active"] = true },
            t => Task.FromResult(new OdooValues { ["Name"] = N("fp rt 2"), ["Active"] = false }),
            (t, f, v) => { Assert.Empty(f.TaxIds); return Task.CompletedTask; }),
        ["account.fiscal.position.tax"] = S<FiscalPositionTaxMapping>(
            async t => new OdooValues { ["Position"] = await t.FiscalPosition(), ["TaxSrc"] = await t.Tax(), ["TaxDest"] = await t.Tax(2) },
            t => Task.FromResult(new OdooValues { ["TaxDest"] = null }),
            async (t, m, v) => Assert.Equal(await t.Company(), m.CompanyId)),
        ["openstack.grant"] = S(
            async t => new OdooValues { ["Name"] = N("grant rt"), ["GrantType"] = await t.GrantType(), ["StartDate"] = D1, ["ExpiryDate"] = D2, ["Value"] = 250.0, ["VoucherCode"] = await t.Voucher() },
            t => Task.FromResult(new OdooValues { ["Name"] = N("grant rt 2"), ["ExpiryDate"] = D3, ["Value"] = 300.0, ["VoucherCode"] = null })),
        ["openstack.grant.type"] = S<GrantType>(
            async t => new OdooValues { ["Name"] = N("gt rt"), ["Product"] = await t.Product(), ["OnlyOnGroupRoot"] = true, ["OnlyForProducts"] = new[] { await t.Product(), await t.Product(2) }, ["OnlyForProductCategories"] = new[] { await t.ProductCategory() } },
            async t => new OdooValues { ["Name"] = N("gt rt 2"), ["Product"] = await t.Product(2), ["OnlyOnGroupRoot"] = false, ["OnlyForProducts"] = Array.Empty<int>() },
            (t, g, v) => { Assert.Empty(g.GrantIds); return Task.CompletedTask; }),
        ["res.partner"] = S<Partner>(
            async t => new OdooValues
            {
                ["Name"] = N("partner rt"), ["Email"] = "rt@example.com", ["Active"] = true, ["Company"] = await t.Company(), ["OsCustomerGroup"] = await t.CustomerGroup(),
                ["OsReferral"] = await t.ReferralCode(), ["OsReseller"] = await t.Reseller(), ["OsTrial"] = await t.Trial(),
                ["PropertyAccountPosition"] = await t.FiscalPosition(), ["PropertyProductPricelist"] = await t.Pricelist(), ["StripeCustomerId"] = "cus_123", ["User"] = OdooOf(t).UserId,
            },
            async t => new OdooValues
            {
                // A contact with a parent takes the parent's commercial fields (fiscal position, pricelist): those are not written here.
                ["Name"] = N("partner rt 2"), ["Email"] = null, ["OsCustomerGroup"] = null, ["OsReferral"] = null, ["OsReseller"] = null, ["OsTrial"] = null, ["Parent"] = await t.Partner(),
                ["StripeCustomerId"] = null, ["User"] = null, ["Active"] = false,
            },
            (t, p, v) =>
            {
                Assert.Empty(p.OsProjectIds);
                Assert.Empty(p.OsProjectContactIds);
                Assert.Empty(p.OsReferralCodeIds);
                return Task.CompletedTask;
            }),
        ["res.partner.category"] = S<PartnerCategory>(
            async t => new OdooValues { ["Name"] = N("tag rt"), ["Color"] = 4, ["Parent"] = await t.PartnerCategory(), ["Active"] = true, ["Partners"] = new[] { await t.Partner() } },
            async t => new OdooValues { ["Name"] = N("tag rt 2"), ["Colour"] = 5, ["Parent"] = null, ["Partners"] = new[] { await t.Partner(), await t.Partner(2) } },
            async (t, c, v) =>
            {
                Assert.Equal(v == 1 ? $"{await t.PartnerCategory()}/{c.Id}/" : $"{c.Id}/", c.ParentPath);
                Assert.Equal(c.Color, c.Colour);
                Assert.Empty(c.ChildIds);
            }),
        ["product.pricelist"] = S(
            async t => new OdooValues { ["Name"] = N("pl rt"), ["Currency"] = await t.CompanyCurrency(), ["Company"] = await t.Company(), ["Active"] = true },
            t => Task.FromResult(new OdooValues { ["Name"] = N("pl rt 2"), ["Company"] = null, ["Active"] = false })),
        ["product.product"] = S<Product>(
            async t => new OdooValues
            {
                ["Name"] = N("product rt"), ["Categ"] = await t.ProductCategory(), ["DefaultCode"] = RealOdoo.Run + "-P", ["Description"] = "<p>a product</p>",
                ["ListPrice"] = 42.5, ["SaleOk"] = true, ["Taxes"] = new[] { await t.Tax() }, ["Uom"] = await t.Units(), ["Company"] = await t.Company(), ["Active"] = true,
            },
            async t => new OdooValues { ["Name"] = N("product rt 2"), ["DefaultCode"] = null, ["ListPrice"] = 10.0, ["SaleOk"] = false, ["Taxes"] = Array.Empty<int>(), ["Company"] = null, ["Categ"] = await t.ProductCategory(2) },
            async (t, p, v) =>
            {
                Assert.Equal(p.TaxesId, p.TaxIds);
                var template = (await OdooOf(t).Client.Model("product.product").ReadAsync([p.Id], ["product_tmpl_id"]))[0].GetProperty("product_tmpl_id")[0].GetInt32();
                t.Cleanup.Add("product.template", template);
            }),
        ["product.category"] = S<ProductCategory>(
            async t => new OdooValues { ["Name"] = N("pc rt"), ["Parent"] = await t.ProductCategory() },
            t => Task.FromResult(new OdooValues { ["Name"] = N("pc rt 2"), ["Parent"] = null }),
            async (t, c, v) =>
            {
                Assert.Equal(v == 1 ? $"{N("category 1")} / {N("pc rt")}" : N("pc rt 2"), c.CompleteName);
                Assert.Equal(v == 1 ? $"{await t.ProductCategory()}/{c.Id}/" : $"{c.Id}/", c.ParentPath);
                Assert.Equal(0, c.ProductCount);
                Assert.Empty(c.ChildId);
                Assert.Equal(c.ChildId, c.ChildIds);
            }),
        ["openstack.project"] = S<Project>(
            async t => new OdooValues
            {
                ["Name"] = N("project rt"), ["OsId"] = Guid.NewGuid().ToString("N"), ["Owner"] = await t.Partner(), ["Parent"] = await t.Project(),
                ["BillingType"] = ProjectBillingType.Internal, ["PaymentMethod"] = ProjectPaymentMethod.CreditCard, ["Enabled"] = true, ["GroupInvoices"] = true,
                ["OverridePoNumber"] = true, ["PoNumber"] = "PO-1", ["StripeCardId"] = "card_1", ["ProjectCredits"] = new[] { await t.Credit() },
                ["ProjectGrants"] = new[] { await t.Grant() }, ["SupportSubscription"] = await t.SupportSubscription(),
            },
            async t => new OdooValues
            {
                ["Name"] = N("project rt 2"), ["Owner"] = await t.Partner(2), ["Parent"] = null, ["BillingType"] = ProjectBillingType.Customer, ["PaymentMethod"] = ProjectPaymentMethod.Invoice,
                ["Enabled"] = false, ["PoNumber"] = null, ["StripeCardId"] = null, ["ProjectCredits"] = Array.Empty<int>(), ["ProjectGrants"] = Array.Empty<int>(), ["SupportSubscription"] = null,
            },
            (t, p, v) => { Assert.Empty(p.ProjectContactIds); Assert.Empty(p.TermDiscountIds); return Task.CompletedTask; }),
        ["openstack.project_contact"] = S(
            async t => new OdooValues { ["ContactType"] = ProjectContactType.ResellerCustomer, ["Inherit"] = true, ["Partner"] = await t.Partner(), ["Project"] = await t.Project() },
            async t => new OdooValues { ["ContactType"] = ProjectContactType.Billing, ["Inherit"] = false, ["Partner"] = await t.Partner(2), ["Project"] = null }),
        ["openstack.referral_code"] = S<ReferralCode>(
            async t => new OdooValues
            {
                ["Code"] = RealOdoo.Run + "-RT", ["AllowedUses"] = 5, ["BeforeRewardUsageThreshold"] = 300.0, ["ReferralCreditAmount"] = 50.0, ["ReferralCreditDuration"] = 30,
                ["ReferralCreditType"] = await t.CreditType(), ["RewardCreditAmount"] = 25.0, ["RewardCreditDuration"] = 60, ["RewardCreditType"] = await t.CreditType(2),
            },
            async t => new OdooValues { ["Code"] = RealOdoo.Run + "-RT2", ["AllowedUses"] = -1, ["ReferralCreditAmount"] = 0.0, ["RewardCreditType"] = await t.CreditType(), ["Referrals"] = new[] { await t.Partner() } },
            (t, r, v) => { Assert.Equal(r.Code, r.Name); return Task.CompletedTask; }),
        ["openstack.reseller"] = S(
            async t => new OdooValues
            {
                ["Name"] = N("reseller rt"), ["Partner"] = await t.Partner(), ["Tier"] = await t.ResellerTier(), ["AlternativeBillingUrl"] = "https://billing.example.com",
                ["AlternativeSupportUrl"] = "https://support.example.com", ["DemoProject"] = await t.Project(), ["HideBilling"] = true, ["HideSupport"] = false,
            },
            t => Task.FromResult(new OdooValues { ["Name"] = N("reseller rt 2"), ["AlternativeBillingUrl"] = null, ["DemoProject"] = null, ["HideBilling"] = false, ["HideSupport"] = true })),
        ["openstack.reseller.tier"] = S(
            async t => new OdooValues
            {
                ["Name"] = N("tier rt"), ["DiscountPercent"] = 12.5, ["DiscountProduct"] = await t.Product(), ["FreeMonthlyCredit"] = 100.0,
                ["FreeMonthlyCreditProduct"] = await t.Product(2), ["FreeSupportHours"] = 4, ["MinUsageThreshold"] = 1000.0,
            },
            async t => new OdooValues { ["Name"] = N("tier rt 2"), ["DiscountPercent"] = 15.0, ["DiscountProduct"] = await t.Product(2), ["FreeSupportHours"] = 8 }),
        ["sale.order"] = S<SaleOrder>(
            async t => new OdooValues
            {
                ["Partner"] = await t.Partner(), ["ClientOrderRef"] = "REF-1", ["Note"] = "<p>first note</p>", ["OsInvoiceDate"] = D1, ["OsInvoiceDueDate"] = D2, ["OsProject"] = await t.Project(),
                ["OrderLine"] = new[] { OdooCommand.Create(new OdooValues { ["Product"] = await t.Product(), ["ProductUomQty"] = 3.0, ["PriceUnit"] = 10.0, ["Taxes"] = OdooCommand.Clear() }) },
            },
            async t => new OdooValues { ["ClientOrderRef"] = null, ["Note"] = "<p>second note</p>", ["OsInvoiceDate"] = D2, ["OsInvoiceDueDate"] = null, ["OsProject"] = await t.Project(2) },
            async (t, o, v) =>
            {
                Assert.StartsWith("S", o.Name);
                Assert.Equal(SaleOrderState.Draft, o.State);
                Assert.Equal(30.0, o.AmountUntaxed);
                Assert.Equal(0.0, o.AmountTax);
                Assert.Equal(30.0, o.AmountTotal);
                Assert.Equal(await t.CompanyCurrency(), o.CurrencyId);
                Assert.Equal(DateTimeKind.Utc, o.DateOrder.Kind);
                Assert.InRange(o.DateOrder, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(1));
                Assert.Equal(0, o.InvoiceCount);
                Assert.Empty(o.InvoiceIds);
                Assert.Equal(SaleInvoiceStatus.No, o.InvoiceStatus);
                Assert.Single(o.OrderLineIds);
            }),
        ["sale.order.line"] = S<SaleOrderLine>(
            async t => new OdooValues
            {
                ["Order"] = await t.SaleOrder(), ["Product"] = await t.Product(), ["Name"] = "compute", ["ProductUomQty"] = 4.0, ["PriceUnit"] = 25.0, ["Discount"] = 10.0,
                ["Taxes"] = Array.Empty<int>(), ["OsProject"] = await t.Project(), ["OsRegion"] = "nz-hlz-1", ["OsResourceId"] = "r1", ["OsResourceName"] = "c1", ["OsResourceType"] = "Compute",
            },
            async t => new OdooValues { ["Name"] = "compute (2)", ["ProductUomQty"] = 2.0, ["PriceUnit"] = 30.0, ["Discount"] = 0.0, ["Taxes"] = new[] { await t.Tax() }, ["OsProject"] = null, ["OsRegion"] = null },
            async (t, l, v) =>
            {
                Assert.Equal(v == 1 ? 90.0 : 60.0, l.PriceSubtotal);
                Assert.Equal(v == 1 ? 0.0 : 9.0, l.PriceTax); // the test tax is 15 %
                Assert.Equal(v == 1 ? 90.0 : 69.0, l.PriceTotal);
                Assert.Equal(v == 1 ? 22.5 : 30.0, l.PriceReduceTaxexcl);
                Assert.Equal(await t.Company(), l.CompanyId);
                Assert.Equal(await t.Partner(), l.OrderPartnerId);
                Assert.Equal(await t.Units(), l.ProductUomId);
                Assert.Equal(SaleOrderState.Draft, l.State);
                Assert.Equal(0.0, l.QtyInvoiced);
                Assert.False(l.IsDownpayment);
                Assert.Empty(l.InvoiceLineIds);
            }),
        ["openstack.support_subscription"] = S(
            async t => new OdooValues { ["BillingType"] = SupportBillingType.Complimentary, ["StartDate"] = D1, ["EndDate"] = D2, ["Partner"] = await t.Partner(), ["Project"] = await t.Project(), ["SupportSubscriptionType"] = await t.SupportSubscriptionType() },
            t => Task.FromResult(new OdooValues { ["BillingType"] = SupportBillingType.Paid, ["EndDate"] = D3, ["Partner"] = null, ["Project"] = null })),
        ["openstack.support_subscription.type"] = S<SupportSubscriptionType>(
            async t => new OdooValues { ["Name"] = N("sst rt"), ["BillingType"] = SupportBillingType.Paid, ["Product"] = await t.Product(), ["UsagePercent"] = 7.5 },
            async t => new OdooValues { ["Name"] = N("sst rt 2"), ["BillingType"] = SupportBillingType.Complimentary, ["Product"] = await t.Product(2), ["UsagePercent"] = 0.0 },
            (t, s, v) => { Assert.Empty(s.SupportSubscriptionIds); Assert.Equal(s.SupportSubscriptions.Count, s.SupportSubscription.Count); return Task.CompletedTask; }),
        ["account.tax"] = S<Tax>(
            async t => new OdooValues
            {
                ["Name"] = N("tax rt"), ["Amount"] = 12.5, ["AmountType"] = TaxAmountType.Percent, ["Company"] = await t.Company(), ["IncludeBaseAmount"] = true,
                ["TaxExigibility"] = TaxExigibility.OnInvoice, ["TaxGroup"] = await t.TaxGroup(), ["Active"] = true, ["Analytic"] = true, ["type_tax_use"] = "sale",
            },
            t => Task.FromResult(new OdooValues { ["Name"] = N("tax rt 2"), ["Amount"] = 5.0, ["AmountType"] = TaxAmountType.Fixed, ["IncludeBaseAmount"] = false, ["Analytic"] = false, ["Active"] = false }),
            (t, x, v) =>
            {
                Assert.False(x.PriceInclude);
                Assert.Equal(x.TaxExigibility, x.TaxEligibility);
                return Task.CompletedTask;
            }),
        ["account.tax.group"] = S(
            async t => new OdooValues { ["Name"] = N("tax group rt"), ["company_id"] = await t.Company() },
            t => Task.FromResult(new OdooValues { ["Name"] = N("tax group rt 2") })),
        ["openstack.term_discount"] = S(
            async t => new OdooValues
            {
                ["DiscountPercent"] = 10.0, ["StartDate"] = D1, ["EndDate"] = D3, ["EarlyTerminationDate"] = D2, ["MinCommit"] = 5000.0, ["Partner"] = await t.Partner(),
                ["Project"] = await t.Project(), ["SupersededBy"] = await t.TermDiscount(),
            },
            async t => new OdooValues { ["DiscountPercent"] = 12.0, ["EarlyTerminationDate"] = null, ["Partner"] = await t.Partner(2), ["Project"] = null, ["SupersededBy"] = null }),
        ["openstack.trial"] = S(
            async t => new OdooValues { ["Partner"] = await t.Partner(), ["StartDate"] = D1, ["EndDate"] = D2, ["AccountSuspendedDate"] = D2, ["AccountTerminatedDate"] = null, ["AccountUpgradedDate"] = D3 },
            t => Task.FromResult(new OdooValues { ["EndDate"] = D3, ["AccountSuspendedDate"] = null, ["AccountTerminatedDate"] = D3, ["AccountUpgradedDate"] = null })),
        ["uom.uom"] = S<Uom>(
            async t => new OdooValues { ["Name"] = N("dozen"), ["Category"] = await t.UomCategory(), ["UomType"] = UomType.Bigger, ["FactorInv"] = 12.0, ["Active"] = true },
            t => Task.FromResult(new OdooValues { ["Name"] = N("half dozen"), ["FactorInv"] = 6.0 }),
            (t, u, v) => { Assert.Equal(1.0 / (v == 1 ? 12.0 : 6.0), u.Factor, 6); return Task.CompletedTask; }),
        ["uom.category"] = S(
            t => Task.FromResult(new OdooValues { ["Name"] = N("uom category rt") }),
            t => Task.FromResult(new OdooValues { ["Name"] = N("uom category rt 2") })),
        ["res.users"] = S<User>(
            async t => new OdooValues { ["Name"] = N("user rt"), ["login"] = RealOdoo.Run + "-rt", ["Company"] = await t.Company(), ["Active"] = true },
            t => Task.FromResult(new OdooValues { ["Name"] = N("user rt 2"), ["Active"] = false }),
            async (t, u, v) =>
            {
                Assert.True(u.ActivePartner); // archiving a user leaves its partner active
                t.Cleanup.Add("res.partner", u.PartnerId);
                Assert.Equal(u.Name, (await u.LoadPartnerAsync()).Name);
            }),
        ["openstack.volume_discount_range"] = S<VolumeDiscountRange>(
            async t => new OdooValues { ["CustomerGroup"] = await t.CustomerGroup(), ["DiscountPercent"] = 5.0, ["Min"] = 1000.0, ["Max"] = 5000.0, ["UseMax"] = true },
            t => Task.FromResult(new OdooValues { ["CustomerGroup"] = null, ["DiscountPercent"] = 7.5, ["Max"] = null, ["UseMax"] = false }),
            (t, r, v) =>
            {
                Assert.Equal(v == 1 ? $"{N("group 1")}: 1000.0 - 5000.0 (5.0%)" : "1000.0+ (7.5%)", r.Name); // computed by the addon
                return Task.CompletedTask;
            }),
        ["openstack.voucher_code"] = S<VoucherCode>(
            async t => new OdooValues
            {
                ["Code"] = RealOdoo.Run + "-VRT", ["Claimed"] = false, ["CreditAmount"] = 100.0, ["CreditType"] = await t.CreditType(), ["CreditDuration"] = 30,
                ["CustomerGroup"] = await t.CustomerGroup(), ["ExpiryDate"] = D3, ["GrantDuration"] = 60, ["GrantType"] = await t.GrantType(), ["GrantValue"] = 50.0,
                ["MultiUse"] = true, ["QuotaSize"] = "medium", ["SalesPerson"] = await t.Partner(), ["Tags"] = new[] { await t.PartnerCategory() },
            },
            async t => new OdooValues
            {
                ["Claimed"] = true, ["CreditType"] = null, ["CustomerGroup"] = null, ["ExpiryDate"] = null, ["GrantType"] = null, ["MultiUse"] = false, ["QuotaSize"] = null,
                ["SalesPerson"] = null, ["Tags"] = new[] { await t.PartnerCategory(), await t.PartnerCategory(2) },
            },
            (t, c, v) => { Assert.Equal(c.Code, c.Name); return Task.CompletedTask; }),
    };

    private static OpenStackOdooClient OdooOf(Targets t) => t.Odoo;
}
