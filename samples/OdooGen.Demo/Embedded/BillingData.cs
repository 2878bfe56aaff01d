using System.Globalization;
using Odoo.Testing;

namespace OdooGen.Demo.Embedded;

/// <summary>
/// The data of the in-memory Odoo: a small OpenStack cloud's billing (credit types, referral codes
/// and the customers who signed up with them, products, projects and last month's sale order).
/// Seeded straight into the server with Odoo field names, as a test would.
/// </summary>
internal static class BillingData
{
    /// <summary>The referral code the demo looks up.</summary>
    public const string WelcomeCode = "WELCOME10";

    /// <summary>The OpenStack id of the project the demo bills.</summary>
    public const string ProductionProjectOsId = "8c5f0d7e2b4a4f61a3d9e6b1c07f52aa";

    /// <summary>How many generated campaign codes there are besides the named ones.</summary>
    public const int CampaignCodeCount = 120;

    private const string SaleOrderPrefix = "S";

    /// <summary>
    /// Adds the business rules of Odoo's sale module that the demo relies on; pass it as the
    /// <c>configure</c> callback of <see cref="OdooTestServer.DefineModels(System.Reflection.Assembly, bool, Action{OdooModelSchema}?, OdooMetadataSchemaOptions?)"/>.
    /// </summary>
    /// <param name="schema">A schema built from the generated metadata, before it is defined.</param>
    public static void AddBusinessRules(OdooModelSchema schema)
    {
        switch (schema.Name)
        {
            case "sale.order":
                // On create: the next number of the sequence, a draft state, the current date.
                var nextNumber = 41;
                schema.Field("name")!.DefaultFactory = () => $"{SaleOrderPrefix}{Interlocked.Increment(ref nextNumber):D5}";
                schema.Field("state")!.Default = "draft";
                schema.Field("date_order")!.DefaultFactory = () => DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                break;
            case "sale.order.line":
                // Amounts follow quantity, unit price and discount (no taxes in this demo).
                schema.Field("price_subtotal")!.Compute = Subtotal;
                schema.Field("price_total")!.Compute = Subtotal;
                break;
        }

        static object Subtotal(OdooRecordView line) =>
            Math.Round(line.GetNumber("product_uom_qty") * line.GetNumber("price_unit") * (1 - (line.GetNumber("discount") / 100)), 2);
    }

    /// <summary>Seeds the data.</summary>
    /// <param name="server">A server whose models are defined, with <see cref="AddBusinessRules"/>.</param>
    public static void Seed(OdooTestServer server)
    {
        var currency = server.Seed("res.currency", new { name = "NZD", symbol = "$", decimal_places = 2, rounding = 0.01, position = "before", rate = 1.0 })[0];
        var companyPartner = server.Create("res.partner", new { name = "Harbour Cloud Ltd", is_company = true, email = "billing@harbourcloud.example" });
        var company = server.Seed("res.company", new { name = "Harbour Cloud Ltd", partner_id = companyPartner })[0];
        var standardGroup = server.Seed("openstack.customer_group", new { name = "Standard" })[0];

        var products = SeedProducts(server, company);
        var creditTypes = SeedCreditTypes(server, products["CLOUD-CREDIT"]);
        var codes = SeedReferralCodes(server, creditTypes);
        var customer = SeedCustomers(server, codes, standardGroup);
        var production = SeedProjects(server, customer);
        SeedLastMonthsOrder(server, customer, production, currency, company, products);
    }

    private static Dictionary<string, int> SeedProducts(OdooTestServer server, int company)
    {
        var category = server.Seed("product.category", new { name = "Cloud Services", complete_name = "All / Cloud Services" })[0];
        var time = server.Seed("uom.category", new { name = "Working Time" })[0];
        var data = server.Seed("uom.category", new { name = "Data" })[0];
        var unit = server.Seed("uom.category", new { name = "Unit" })[0];
        var hours = server.Seed("uom.uom", new { name = "Hours", category_id = time, factor = 1.0, uom_type = "reference" })[0];
        var gbMonth = server.Seed("uom.uom", new { name = "GB-month", category_id = data, factor = 1.0, uom_type = "reference" })[0];
        var units = server.Seed("uom.uom", new { name = "Units", category_id = unit, factor = 1.0, uom_type = "reference" })[0];

        (string Code, string Name, double Price, int Uom, bool Sellable)[] catalogue =
        [
            ("COMPUTE-C1.C2R4", "Compute c1.c2r4", 0.088, hours, true),
            ("COMPUTE-C1.C4R8", "Compute c1.c4r8", 0.176, hours, true),
            ("VOLUME-B1.STD", "Block storage b1.standard", 0.15, gbMonth, true),
            ("OBJECT-STD", "Object storage", 0.03, gbMonth, true),
            ("NET-FIP", "Floating IP", 0.006, hours, true),
            ("CLOUD-CREDIT", "Cloud credit", 0.0, units, false),
        ];
        return catalogue.ToDictionary(
            p => p.Code,
            p => server.Seed("product.product", new
            {
                default_code = p.Code,
                name = p.Name,
                list_price = p.Price,
                categ_id = category,
                uom_id = p.Uom,
                company_id = company,
                sale_ok = p.Sellable,
            })[0]);
    }

    private static (int Referral, int Reward, int Prepaid) SeedCreditTypes(OdooTestServer server, int creditProduct)
    {
        var ids = server.Seed("openstack.credit.type",
            new { name = "Referral Credit", product = creditProduct, refundable = false },
            new { name = "Referral Reward", product = creditProduct, refundable = false },
            new { name = "Prepaid Credit", product = creditProduct, refundable = true });
        return (ids[0], ids[1], ids[2]);
    }

    private static Dictionary<string, int> SeedReferralCodes(OdooTestServer server, (int Referral, int Reward, int Prepaid) types)
    {
        object Code(string code, int allowedUses, double credit, int creditDays, double reward, int rewardDays, double threshold) => new
        {
            code,
            name = $"Referral code {code}",
            allowed_uses = allowedUses,
            referral_credit_amount = credit,
            referral_credit_duration = creditDays,
            referral_credit_type = types.Referral,
            reward_credit_amount = reward,
            reward_credit_duration = rewardDays,
            reward_credit_type = types.Reward,
            before_reward_usage_threshold = threshold,
        };

        (string Code, object Values)[] named =
        [
            (WelcomeCode, Code(WelcomeCode, -1, 50, 30, 25, 90, 300)),
            ("OPENINFRA-25", Code("OPENINFRA-25", -1, 150, 60, 50, 90, 500)),
            ("ACME-PARTNER", Code("ACME-PARTNER", 25, 100, 90, 40, 90, 400)),
            ("STUDENT-2025", Code("STUDENT-2025", 500, 75, 180, 0, 30, 0)),
            ("MEETUP-AKL", Code("MEETUP-AKL", 0, 50, 30, 10, 30, 100)),
        ];
        var ids = server.Seed("openstack.referral_code", [.. named.Select(n => n.Values)]);
        var codes = named.Select((n, i) => (n.Code, Id: ids[i])).ToDictionary(n => n.Code, n => n.Id);

        // A spring campaign: one single-use code per newsletter subscriber.
        server.SeedMany("openstack.referral_code", Enumerable.Range(1, CampaignCodeCount)
            .Select(i => Code($"SPRING-{i:D4}", 1, i % 3 == 0 ? 20 : 10, 30, 5, 30, 100)));
        return codes;
    }

    private static int SeedCustomers(OdooTestServer server, Dictionary<string, int> codes, int customerGroup)
    {
        (string Name, string Email, string Code, bool IsCompany)[] signUps =
        [
            ("Tui Labs Ltd", "accounts@tuilabs.example", WelcomeCode, true),
            ("Aroha Ngata", "aroha@ngata.example", WelcomeCode, false),
            ("Ben Carter", "ben@carterdata.example", WelcomeCode, false),
            ("Dev Patel", "dev@patel.example", "OPENINFRA-25", false),
            ("Emma Wilson", "emma@kowhai.example", "OPENINFRA-25", false),
            ("Acme Robotics Ltd", "it@acmerobotics.example", "ACME-PARTNER", true),
            ("Finn O'Brien", "finn@obrien.example", "ACME-PARTNER", false),
            ("Grace Liu", "grace.liu@uni.example", "STUDENT-2025", false),
            ("Hemi Walker", "hemi@walker.example", "MEETUP-AKL", false),
        ];
        var ids = server.SeedMany("res.partner", signUps.Select(p => (object)new
        {
            name = p.Name,
            email = p.Email,
            is_company = p.IsCompany,
            os_referral = codes[p.Code],
            os_customer_group = customerGroup,
        }));
        return ids[0]; // Tui Labs, the customer the demo bills.
    }

    private static int SeedProjects(OdooTestServer server, int owner)
    {
        var ids = server.Seed("openstack.project",
            new { name = "tui-labs-production", os_id = ProductionProjectOsId, owner, billing_type = "customer", payment_method = "invoice", enabled = true, group_invoices = false },
            new { name = "tui-labs-staging", os_id = "1d2e3f4a5b6c4d7e8f90a1b2c3d4e5f6", owner, billing_type = "customer", payment_method = "invoice", enabled = true, group_invoices = false });
        return ids[0];
    }

    private static void SeedLastMonthsOrder(OdooTestServer server, int customer, int project, int currency, int company, Dictionary<string, int> products)
    {
        var order = server.Seed("sale.order", new
        {
            name = $"{SaleOrderPrefix}{41:D5}",
            partner_id = customer,
            os_project = project,
            currency_id = currency,
            client_order_ref = "Usage May 2025",
            date_order = "2025-06-01 00:00:00",
            state = "sale",
            invoice_status = "to invoice",
        })[0];
        server.Seed("sale.order.line",
            new { order_id = order, company_id = company, product_id = products["COMPUTE-C1.C2R4"], name = "web-01 (c1.c2r4)", product_uom_qty = 744.0, price_unit = 0.088, os_region = "nz-akl-1", os_resource_type = "Compute" },
            new { order_id = order, company_id = company, product_id = products["VOLUME-B1.STD"], name = "web-01-data (b1.standard)", product_uom_qty = 200.0, price_unit = 0.15, os_region = "nz-akl-1", os_resource_type = "Block storage" });
    }
}
