using Odoo;
using Odoo.Domains;
using Odoo.Models.OpenStack;
using Odoo.Values;
using OdooGen.Demo.Output;

namespace OdooGen.Demo;

/// <summary>
/// The billing flow the demo walks, one small method per step. Each step uses the typed client
/// (<see cref="OpenStackOdooClient"/>) the way an application would, and prints what it got.
/// </summary>
/// <param name="odoo">A connected client.</param>
/// <param name="report">Where the steps are printed (with the requests each one sent).</param>
internal sealed class BillingFlow(OpenStackOdooClient odoo, DemoReport report)
{
    /// <summary>Records per page when streaming.</summary>
    public const int StreamBatchSize = 25;

    /// <summary>The metered usage the new sale order bills (what a rating service would hand over).</summary>
    private static readonly MeteredUsage[] JuneUsage =
    [
        new("COMPUTE-C1.C2R4", "web-01", 720),
        new("VOLUME-B1.STD", "web-01-data", 250),
        new("NET-FIP", "web-01-ip", 720),
    ];

    /// <summary>The reading part: works against any Odoo with the OpenStack add-on.</summary>
    /// <param name="code">The referral code to look up; <see langword="null"/> takes the first one.</param>
    /// <param name="cancellationToken">Cancels the flow.</param>
    public async Task RunReadOnlyAsync(string? code, CancellationToken cancellationToken)
    {
        var referralCode = await report.StepAsync("Look up a referral code by its code", () => LookUpReferralCodeAsync(code, cancellationToken));
        report.Step("Its credit type's id and name: already in the record, no request", () => ShowCreditTypeReference(referralCode));
        await report.StepAsync("Its credit type, the full record: one request, then cached", () => LoadCreditTypeAsync(referralCode, cancellationToken));
        var openCodes = await report.StepAsync("Search codes with a typed domain", () => SearchGenerousCodesAsync(cancellationToken));
        await report.StepAsync("Load the referrals of all those codes at once (no N+1)", () => LoadReferralsAsync(openCodes, cancellationToken));
        await report.StepAsync("Stream every code, page by page", () => StreamAllCodesAsync(cancellationToken));
    }

    /// <summary>The whole flow: the reading part, then a sale order written and read back.</summary>
    /// <param name="code">The referral code to look up.</param>
    /// <param name="projectOsId">The OpenStack id of the project to bill.</param>
    /// <param name="cancellationToken">Cancels the flow.</param>
    public async Task RunAsync(string code, string projectOsId, CancellationToken cancellationToken)
    {
        await RunReadOnlyAsync(code, cancellationToken);
        var inputs = await report.StepAsync("Find the project to bill, its products and currency", () => FindOrderInputsAsync(projectOsId, cancellationToken));
        var orderId = await report.StepAsync("Create a sale order with its lines in one call", () => CreateSaleOrderAsync(inputs, cancellationToken));
        await report.StepAsync("Read the order back with its lines", () => ShowSaleOrderAsync(orderId, cancellationToken));
    }

    // ------------------------------------------------------------------ the reading part

    private async Task<ReferralCode> LookUpReferralCodeAsync(string? code, CancellationToken cancellationToken)
    {
        ReferralCode referralCode;
        if (code is null)
        {
            report.Code("odoo.ReferralCodes.SearchAsync(order: \"Id\", limit: 1)   // no --code given: take the first one");
            var first = await odoo.ReferralCodes.SearchAsync(order: "Id", limit: 1, cancellationToken: cancellationToken);
            referralCode = first.Count > 0 ? first[0] : throw new OdooRecordNotFoundException("This Odoo has no referral codes to show.");
        }
        else
        {
            report.Code($"odoo.ReferralCodes.GetByCodeAsync(\"{code}\")");
            referralCode = await odoo.ReferralCodes.GetByCodeAsync(code, cancellationToken: cancellationToken);
        }

        report.Fields(
            ("Id", referralCode.Id),
            ("Code", referralCode.Code),
            ("Name", referralCode.Name),
            ("AllowedUses", referralCode.AllowedUses == -1 ? "unlimited (-1)" : referralCode.AllowedUses),
            ("ReferralCreditAmount", referralCode.ReferralCreditAmount),
            ("ReferralCreditDuration", $"{referralCode.ReferralCreditDuration} days"),
            ("RewardCreditAmount", referralCode.RewardCreditAmount),
            ("ReferralIds", string.Join(", ", referralCode.ReferralIds.Order())));
        return referralCode;
    }

    private void ShowCreditTypeReference(ReferralCode code)
    {
        // Odoo sends a many2one as an [id, name] pair: both halves are on the record already.
        report.Code("code.ReferralCreditTypeId, code.ReferralCreditTypeName");
        report.Fields(
            ("ReferralCreditTypeId", code.ReferralCreditTypeId),
            ("ReferralCreditTypeName", code.ReferralCreditTypeName));
    }

    private async Task LoadCreditTypeAsync(ReferralCode code, CancellationToken cancellationToken)
    {
        report.Code("await code.LoadReferralCreditTypeAsync()");
        CreditType creditType = await code.LoadReferralCreditTypeAsync(cancellationToken);
        await code.LoadReferralCreditTypeAsync(cancellationToken); // cached: no second request

        report.Fields(
            ("Id", creditType.Id),
            ("Name", creditType.Name),
            ("Refundable", creditType.Refundable),
            ("Product", creditType.ProductName),
            ("OnlyForProductIds", creditType.OnlyForProductIds.Count == 0 ? "(any product)" : string.Join(", ", creditType.OnlyForProductIds)),
            ("Cached on the code", ReferenceEquals(code.ReferralCreditType, creditType))); // code.ReferralCreditType, no await
    }

    private async Task<IReadOnlyList<ReferralCode>> SearchGenerousCodesAsync(CancellationToken cancellationToken)
    {
        // Codes still open for sign-ups (unlimited, or uses left) that give a newcomer at least 50.
        var domain =
            (OdooDomain.Where(nameof(ReferralCode.AllowedUses), "=", -1) | OdooDomain.Where(nameof(ReferralCode.AllowedUses), ">", 0))
            & OdooDomain.Where(nameof(ReferralCode.ReferralCreditAmount), ">=", 50.0);
        report.Code("(AllowedUses = -1 | AllowedUses > 0) & ReferralCreditAmount >= 50");
        report.Line("sent as " + odoo.ReferralCodes.EncodeDomain(domain));

        var codes = await odoo.ReferralCodes.SearchAsync(domain, order: "ReferralCreditAmount desc, Code", limit: 10, cancellationToken: cancellationToken);

        report.Table(
            ["Code", "Uses allowed", "Credit", "Days", "Credit type"],
            codes.Select(c => (IReadOnlyList<object?>)[c.Code, c.AllowedUses == -1 ? "unlimited" : c.AllowedUses, c.ReferralCreditAmount, c.ReferralCreditDuration, c.ReferralCreditTypeName]));
        return codes;
    }

    private async Task LoadReferralsAsync(IReadOnlyList<ReferralCode> codes, CancellationToken cancellationToken)
    {
        report.Code("await codes.LoadAsync(ReferralCode.Relations.Referrals)");
        await codes.LoadAsync(ReferralCode.Relations.Referrals, cancellationToken);

        report.Table(
            ["Code", "Signed up with it"],
            codes.Select(c => (IReadOnlyList<object?>)[c.Code, c.Referrals.Count == 0 ? "(nobody yet)" : string.Join(", ", c.Referrals.Select(p => p.Name))]));
        report.Line($"{DemoReport.Plural(codes.Sum(c => c.ReferralIds.Count), "partner")} for {DemoReport.Plural(codes.Count, "code")}, read together");
    }

    private async Task StreamAllCodesAsync(CancellationToken cancellationToken)
    {
        report.Code($"await foreach (var code in odoo.ReferralCodes.StreamAsync(fields: [\"Code\", \"ReferralCreditAmount\"], batchSize: {StreamBatchSize}))");
        var total = await odoo.ReferralCodes.CountAsync(cancellationToken: cancellationToken);

        var streamed = 0;
        var creditOnOffer = 0.0;
        await foreach (var code in odoo.ReferralCodes.StreamAsync(fields: ["Code", "ReferralCreditAmount"], batchSize: StreamBatchSize, cancellationToken: cancellationToken))
        {
            streamed++;
            creditOnOffer += code.ReferralCreditAmount;
            if (streamed % StreamBatchSize == 0 || streamed == total) report.Progress(streamed, total, "codes");
        }
        report.EndProgress();
        report.Line($"{DemoReport.Plural(streamed, "code")} streamed in pages of {StreamBatchSize} (plus one count); newcomer credit on offer: {DemoReport.Format(creditOnOffer)}");
    }

    // ------------------------------------------------------------------ the writing part

    private async Task<OrderInputs> FindOrderInputsAsync(string projectOsId, CancellationToken cancellationToken)
    {
        report.Code($"odoo.Projects.GetByOsIdAsync(\"{projectOsId}\")");
        var project = await odoo.Projects.GetByOsIdAsync(projectOsId, cancellationToken: cancellationToken);

        string[] productCodes = [.. JuneUsage.Select(u => u.ProductCode)];
        report.Code($"odoo.Products.SearchAsync(OdooDomain.In(\"DefaultCode\", [{string.Join(", ", productCodes.Select(c => $"\"{c}\""))}]))");
        var products = await odoo.Products.SearchAsync(OdooDomain.In(nameof(Product.DefaultCode), productCodes), cancellationToken: cancellationToken);

        // The customer's last order gives the currency (a real integration would take the pricelist's).
        report.Code("odoo.SaleOrders.SearchAsync(OdooDomain.Equal(\"Partner\", project.OwnerId), fields: [\"Currency\"], order: \"Id desc\", limit: 1)");
        var lastOrders = await odoo.SaleOrders.SearchAsync(
            OdooDomain.Equal(nameof(SaleOrder.Partner), project.OwnerId), fields: ["Currency"], order: "Id desc", limit: 1, cancellationToken: cancellationToken);
        var currencyId = lastOrders.Count > 0 ? lastOrders[0].CurrencyId : throw new OdooRecordNotFoundException($"{project.OwnerName} has no earlier order to take the currency from.");

        report.Fields(
            ("Project", $"{project.Name} (id {project.Id})"),
            ("Customer", $"{project.OwnerName} (id {project.OwnerId})"),
            ("Currency", $"{lastOrders[0].CurrencyName} (id {currencyId})"));
        report.Table(
            ["Product", "Default code", "Unit", "List price"],
            products.Select(p => (IReadOnlyList<object?>)[p.Name, p.DefaultCode, p.UomName, p.ListPrice]));
        return new OrderInputs(project, products, currencyId);
    }

    private async Task<int> CreateSaleOrderAsync(OrderInputs inputs, CancellationToken cancellationToken)
    {
        report.Code("odoo.SaleOrders.CreateAsync(new OdooValues { [\"Partner\"] = ..., [\"OrderLines\"] = lines.Select(l => OdooCommand.Create(...)) })");
        var project = inputs.Project;
        var order = new OdooValues
        {
            ["Partner"] = project.OwnerId,      // an id or a record
            ["OsProject"] = project,
            ["Currency"] = inputs.CurrencyId,
            ["ClientOrderRef"] = "Usage June 2025",
            ["OrderLines"] = inputs.Products.Select(product =>
            {
                var usage = JuneUsage.Single(u => u.ProductCode == product.DefaultCode);
                return OdooCommand.Create(new OdooValues
                {
                    ["Product"] = product,
                    ["Name"] = $"{usage.Resource} ({product.Name})",
                    ["ProductUomQty"] = usage.Quantity,
                    ["PriceUnit"] = product.ListPrice,
                    ["OsRegion"] = "nz-akl-1",
                    ["OsResourceName"] = usage.Resource,
                });
            }).ToList(),
        };
        var orderId = await odoo.SaleOrders.CreateAsync(order, cancellationToken: cancellationToken);

        report.Fields(("New order id", orderId), ("Lines created with it", inputs.Products.Count));
        return orderId;
    }

    private async Task ShowSaleOrderAsync(int orderId, CancellationToken cancellationToken)
    {
        report.Code($"var order = await odoo.SaleOrders.GetAsync({orderId}); await order.LoadOrderLineAsync()");
        var order = await odoo.SaleOrders.GetAsync(orderId, cancellationToken: cancellationToken);
        var lines = await order.LoadOrderLineAsync(cancellationToken);

        report.Fields(
            ("Order", order.Name),
            ("Customer", order.PartnerName),
            ("Project", order.OsProjectName),
            ("State", order.State),
            ("Reference", order.ClientOrderRef));
        report.Table(
            ["Line", "Quantity", "Unit price", "Subtotal"],
            [
                .. lines.Select(l => (IReadOnlyList<object?>)[l.Name, l.ProductUomQty, l.PriceUnit, l.PriceSubtotal]),
                ["Total (taxes excluded)", "", "", lines.Sum(l => l.PriceSubtotal)],
            ]);
    }
}

/// <summary>One metered resource to bill: the product, the OpenStack resource and the quantity used.</summary>
internal sealed record MeteredUsage(string ProductCode, string Resource, double Quantity);

/// <summary>What a new sale order needs: the project (and its owner, the customer), the products and the currency.</summary>
internal sealed record OrderInputs(Project Project, IReadOnlyList<Product> Products, int CurrencyId);
