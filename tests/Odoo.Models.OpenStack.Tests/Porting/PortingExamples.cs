using System.Text.Json;
using Odoo.Domains;
using Odoo.Managers;
using Odoo.Values;

namespace Odoo.Models.OpenStack.Tests.Porting;

// The C# side of docs/porting-from-python.md. Each region between "// <example NAME>" and "// </example>" is
// copied into the guide verbatim (PortingGuideTests checks that they match). A pair NAME_Python / NAME_Typed
// is one example written with the reference's names as strings and with the C# property names:
// PortingGuideTests runs both against the in-memory Odoo and requires the same requests and the same results.
// A method without a suffix runs once.
#pragma warning disable CA1707 // underscores name the two forms of an example

/// <summary>The guide's examples.</summary>
public static class PortingExamples
{
    // <example connect>
    public static async Task<OpenStackOdooClient> Connect() =>
        // odoo_client = OdooClient(hostname="localhost", port=8069, protocol="jsonrpc",
        //                          database="odoodb", user="test-user", password="<password>")
        await OpenStackOdooClient.ConnectAsync(new OdooClientOptions
        {
            Host = "localhost",
            Port = 8069,
            Protocol = OdooProtocol.JsonRpc,
            Database = "odoodb",
            Username = "test-user",
            Password = "<password>",
        });
    // </example>

    // <example get>
    public static async Task<object?> Get(OpenStackOdooClient odoo_client)
    {
        // odoo_client.referral_codes.get(1234)
        ReferralCode code = await odoo_client.ReferralCodes.GetAsync(1234);
        // code.referral_credit_type_id, code.referral_credit_type_name: no request
        Console.WriteLine($"{code.Code}: {code.ReferralCreditTypeId} {code.ReferralCreditTypeName}");
        // code.referral_credit_type, code.referrals: one request each, then cached
        CreditType creditType = await code.LoadReferralCreditTypeAsync();
        IReadOnlyList<Partner> referrals = await code.LoadReferralsAsync();
        return (code, creditType, referrals);
    }
    // </example>

    // <example get-fields>
    // odoo_client.referral_codes.get(1234, fields=["code", "referral_credit_type_id", "referral_ids"])
    public static async Task<object?> GetFields_Python(OpenStackOdooClient odoo_client) =>
        await odoo_client.ReferralCodes.GetAsync(1234, ["code", "referral_credit_type_id", "referral_ids"]);

    public static async Task<object?> GetFields_Typed(OpenStackOdooClient odoo_client) =>
        await odoo_client.ReferralCodes.GetAsync(1234, [nameof(ReferralCode.Code), nameof(ReferralCode.ReferralCreditTypeId), nameof(ReferralCode.ReferralIds)]);
    // </example>

    // <example get-dict>
    // odoo_client.referral_codes.get(1234, fields=["code", "referral_credit_type"], as_dict=True)
    public static async Task<object?> GetDict_Python(OpenStackOdooClient odoo_client) =>
        await odoo_client.ReferralCodes.GetDictionaryAsync(1234, ["code", "referral_credit_type"]);

    public static async Task<object?> GetDict_Typed(OpenStackOdooClient odoo_client) =>
        await odoo_client.ReferralCodes.GetDictionaryAsync(1234, [nameof(ReferralCode.Code), nameof(ReferralCode.ReferralCreditType)]);
    // </example>

    // <example get-optional>
    public static async Task<object?> GetOptional(OpenStackOdooClient odoo_client)
    {
        // odoo_client.referral_codes.get(999, optional=True)  -> None
        ReferralCode? missing = await odoo_client.ReferralCodes.FindAsync(999);
        // odoo_client.referral_codes.list([1234, 999], optional=True)
        IReadOnlyList<ReferralCode> existing = await odoo_client.ReferralCodes.ListExistingAsync([1234, 999]);
        return (missing, existing);
    }
    // </example>

    // <example list-fields>
    // odoo_client.products.list(product_ids, fields=["taxes", "tax_ids", "taxes_id", "name"])
    // (one read of ["taxes_id", "name"]: the three names are one field)
    public static async Task<object?> ListFields_Python(OpenStackOdooClient odoo_client) =>
        await odoo_client.Products.ListAsync(await odoo_client.Products.SearchIdsAsync(), ["taxes", "tax_ids", "taxes_id", "name"]);

    public static async Task<object?> ListFields_Typed(OpenStackOdooClient odoo_client) =>
        await odoo_client.Products.ListAsync(await odoo_client.Products.SearchIdsAsync(), [nameof(Product.Taxes), nameof(Product.Name)]);
    // </example>

    // <example search-filters>
    // odoo_client.sale_orders.search(
    //     [("partner", "=", p), ("os_project", "=", None), "|",
    //      ("os_invoice_date", ">=", date(2024, 6, 1)), ("order_lines", "in", {1, 2})])
    public static async Task<object?> SearchFilters_Python(OpenStackOdooClient odoo_client, Partner p) =>
        await odoo_client.SaleOrders.SearchAsync(
            OdooDomain.Where("partner", "=", p) & OdooDomain.Where("os_project", "=", null)
            & (OdooDomain.Where("os_invoice_date", ">=", new DateOnly(2024, 6, 1)) | OdooDomain.Where("order_lines", "in", new[] { 1, 2 })));

    public static async Task<object?> SearchFilters_Typed(OpenStackOdooClient odoo_client, Partner p) =>
        await odoo_client.SaleOrders.SearchAsync(
            OdooDomain.Where(nameof(SaleOrder.Partner), "=", p) & OdooDomain.Where(nameof(SaleOrder.OsProject), "=", null)
            & (OdooDomain.Where(nameof(SaleOrder.OsInvoiceDate), ">=", new DateOnly(2024, 6, 1)) | OdooDomain.Where(nameof(SaleOrder.OrderLines), "in", new[] { 1, 2 })));
    // </example>

    // <example search-list-form>
    public static async Task<object?> SearchListForm(OpenStackOdooClient odoo_client, Partner p) =>
        // The reference's list of tuples, as written (implicit AND, "|" in prefix position):
        await odoo_client.SaleOrders.SearchAsync(OdooDomain.FromList(
        [
            ("partner", "=", p), ("os_project", "=", (object?)null), "|",
            ("os_invoice_date", ">=", new DateOnly(2024, 6, 1)), ("order_lines", "in", new[] { 1, 2 }),
        ]));
    // </example>

    // <example search-ids-dicts>
    // odoo_client.sale_orders.search([("os_project_id", "=", 5)], order="create_date desc", as_id=True)
    // odoo_client.sale_orders.search([("os_project_id", "=", 5)], fields=["name", "partner_id"], as_dict=True)
    public static async Task<object?> SearchIdsDicts_Python(OpenStackOdooClient odoo_client) =>
    (
        await odoo_client.SaleOrders.SearchIdsAsync(OdooDomain.Equal("os_project_id", 5), order: "create_date desc"),
        await odoo_client.SaleOrders.SearchDictionariesAsync(OdooDomain.Equal("os_project_id", 5), ["name", "partner_id"])
    );

    public static async Task<object?> SearchIdsDicts_Typed(OpenStackOdooClient odoo_client) =>
    (
        await odoo_client.SaleOrders.SearchIdsAsync(OdooDomain.Equal(nameof(SaleOrder.OsProjectId), 5), order: $"{nameof(SaleOrder.CreateDate)} desc"),
        await odoo_client.SaleOrders.SearchDictionariesAsync(OdooDomain.Equal(nameof(SaleOrder.OsProjectId), 5), [nameof(SaleOrder.Name), nameof(SaleOrder.PartnerId)])
    );
    // </example>

    // <example paths>
    // odoo_client.users.search([("create_user.name", "=", "Administrator")])
    // odoo_client.product_categories.search([("parent.parent.name", "=", "All")])
    public static async Task<object?> Paths_Python(OpenStackOdooClient odoo_client) =>
    (
        await odoo_client.Users.SearchIdsAsync(OdooDomain.Equal("create_user.name", "Administrator")),
        await odoo_client.ProductCategories.SearchIdsAsync(OdooDomain.Equal("parent.parent.name", "All"))
    );

    public static async Task<object?> Paths_Typed(OpenStackOdooClient odoo_client) =>
    (
        await odoo_client.Users.SearchIdsAsync(OdooDomain.Equal($"{nameof(User.CreateUid)}.Name", "Administrator")),
        await odoo_client.ProductCategories.SearchIdsAsync(OdooDomain.Equal($"{nameof(ProductCategory.Parent)}.{nameof(ProductCategory.Parent)}.{nameof(ProductCategory.Name)}", "All"))
    );
    // </example>

    // <example aliases>
    // odoo_client.partner_categories.search([("colour", "=", 3)], as_id=True)
    // odoo_client.products.search([("tax_ids", "in", [1])], as_id=True)
    public static async Task<object?> Aliases_Python(OpenStackOdooClient odoo_client) =>
    (
        await odoo_client.PartnerCategories.SearchIdsAsync(OdooDomain.Equal("colour", 3)),
        await odoo_client.Products.SearchIdsAsync(OdooDomain.In("tax_ids", new[] { 1 }))
    );

    public static async Task<object?> Aliases_Typed(OpenStackOdooClient odoo_client) =>
    (
        await odoo_client.PartnerCategories.SearchIdsAsync(OdooDomain.Equal(nameof(PartnerCategory.Color), 3)),
        await odoo_client.Products.SearchIdsAsync(OdooDomain.In(nameof(Product.Taxes), new[] { 1 }))
    );
    // </example>

    // <example unique-field>
    // odoo_client.referral_codes.get_by_unique_field("code", "WELCOME10")
    // odoo_client.referral_codes.get_by_unique_field("code", "WELCOME10", as_id=True)
    // odoo_client.referral_codes.get_by_unique_field("code", "WELCOME10", as_dict=True)
    public static async Task<object?> UniqueField_Python(OpenStackOdooClient odoo_client) =>
    (
        await odoo_client.ReferralCodes.GetByUniqueFieldAsync("code", "WELCOME10"),
        await odoo_client.ReferralCodes.GetIdByUniqueFieldAsync("code", "WELCOME10"),
        await odoo_client.ReferralCodes.GetDictionaryByUniqueFieldAsync("code", "WELCOME10")
    );

    public static async Task<object?> UniqueField_Typed(OpenStackOdooClient odoo_client) =>
    (
        await odoo_client.ReferralCodes.GetByUniqueFieldAsync(nameof(ReferralCode.Code), "WELCOME10"),
        await odoo_client.ReferralCodes.GetIdByUniqueFieldAsync(nameof(ReferralCode.Code), "WELCOME10"),
        await odoo_client.ReferralCodes.GetDictionaryByUniqueFieldAsync(nameof(ReferralCode.Code), "WELCOME10")
    );
    // </example>

    // <example mixins>
    public static async Task<object?> Mixins(OpenStackOdooClient odoo_client) =>
    (
        // odoo_client.referral_codes.get_by_code("WELCOME10")                 (and as_id / as_dict / optional)
        await odoo_client.ReferralCodes.GetByCodeAsync("WELCOME10"),
        await odoo_client.ReferralCodes.GetIdByCodeAsync("WELCOME10"),
        await odoo_client.ReferralCodes.GetDictionaryByCodeAsync("WELCOME10"),
        await odoo_client.ReferralCodes.FindByCodeAsync("NO-SUCH-CODE"),
        // odoo_client.credit_types.get_by_name("Referral credit", as_id=True)
        await odoo_client.CreditTypes.GetIdByNameAsync("Referral credit"),
        await odoo_client.CreditTypes.FindDictionaryByNameAsync("Referral credit")
    );
    // </example>

    // <example create>
    // odoo_client.referral_codes.create(code="SPRING", referral_credit_type_id=11,
    //                                   reward_credit_type_name=12, allowed_uses=5)
    public static async Task<object?> Create_Python(OpenStackOdooClient odoo_client)
    {
        await odoo_client.ReferralCodes.CreateAsync(new OdooValues
        {
            ["code"] = "SPRING",
            ["referral_credit_type_id"] = 11,
            ["reward_credit_type_name"] = 12, // any role of a relation names its field, as in the reference
            ["allowed_uses"] = 5,
        });
        return null; // a new id each time
    }

    public static async Task<object?> Create_Typed(OpenStackOdooClient odoo_client)
    {
        await odoo_client.ReferralCodes.CreateAsync(new OdooValues
        {
            [nameof(ReferralCode.Code)] = "SPRING",
            [nameof(ReferralCode.ReferralCreditType)] = 11,
            [nameof(ReferralCode.RewardCreditType)] = 12,
            [nameof(ReferralCode.AllowedUses)] = 5,
        });
        return null;
    }
    // </example>

    // <example update-delete>
    // odoo_client.referral_codes.update(1234, allowed_uses=10, referral_ids=[alice_id])
    // code = odoo_client.referral_codes.get(1234); code.update(allowed_uses=20); code.refresh()
    public static async Task<object?> UpdateDelete_Python(OpenStackOdooClient odoo_client, Partner alice)
    {
        await odoo_client.ReferralCodes.UpdateAsync(1234, new OdooValues { ["allowed_uses"] = 10, ["referral_ids"] = new[] { alice.Id } });
        var code = await odoo_client.ReferralCodes.GetAsync(1234, ["allowed_uses"]);
        await code.UpdateAsync(new OdooValues { ["allowed_uses"] = 20 });
        return await code.RefreshAsync();
    }

    public static async Task<object?> UpdateDelete_Typed(OpenStackOdooClient odoo_client, Partner alice)
    {
        await odoo_client.ReferralCodes.UpdateAsync(1234, new OdooValues { [nameof(ReferralCode.AllowedUses)] = 10, [nameof(ReferralCode.Referrals)] = new[] { alice } });
        var code = await odoo_client.ReferralCodes.GetAsync(1234, [nameof(ReferralCode.AllowedUses)]);
        await code.UpdateAsync(new OdooValues { [nameof(ReferralCode.AllowedUses)] = 20 });
        return await code.RefreshAsync();
    }
    // </example>

    // <example record-dict>
    public static async Task<object?> RecordDict(OpenStackOdooClient odoo_client)
    {
        var code = await odoo_client.ReferralCodes.GetAsync(1234, ["code", "referral_credit_type"]);
        // code.as_dict(): the same keys as the dictionary forms of the lookups (ReferralCreditTypeId / ...Name)
        IReadOnlyDictionary<string, object?> values = code.ToDictionary();
        // code.as_dict(raw=True): Odoo's names and wire values
        IReadOnlyDictionary<string, object?> raw = code.ToDictionary(raw: true);
        return (values.Keys.Order().ToArray(), raw.Keys.Order().ToArray());
    }
    // </example>

    // <example load-all>
    public static async Task<object?> LoadAll(OpenStackOdooClient odoo_client)
    {
        // Python fetches code.referral_credit_type, code.reward_credit_type and code.referrals on first
        // access, one request per record and relation. Here: one read per related model for the whole list.
        IReadOnlyList<ReferralCode> codes = await odoo_client.ReferralCodes.SearchAsync();
        await codes.LoadAllRelationsAsync();
        return codes.Select(c => (c.ReferralCreditType.Name, c.RewardCreditType?.Name, c.Referrals.Count)).ToArray();
    }
    // </example>

    // <example raw>
    public static async Task<object?> Raw(OpenStackOdooClient odoo_client) =>
        // odoo_client.env["res.partner"].search_count([("is_company", "=", True)])
        (await odoo_client.Client.Model("res.partner").CallAsync("search_count", [new object[] { new object[] { "is_company", "=", true } }])).GetInt32();
    // </example>
}

// <example mixin>
// A mixin of one's own: an interface for the records that have the field, and extension methods on the
// managers of those records (the reference's get_by_os_id, for any record with an os_id).
public interface IOsIdentified
{
    /// <summary>The OpenStack id (Odoo field <c>os_id</c>).</summary>
    string OsId { get; }
}

public static class OsIdLookups
{
    public static Task<TRecord> GetByOsIdAsync<TRecord>(this OdooManager<TRecord> manager, string osId, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>, IOsIdentified =>
        manager.GetByUniqueFieldAsync(nameof(IOsIdentified.OsId), osId, cancellationToken: cancellationToken);

    public static Task<int?> FindIdByOsIdAsync<TRecord>(this OdooManager<TRecord> manager, string osId, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>, IOsIdentified =>
        manager.FindIdByUniqueFieldAsync(nameof(IOsIdentified.OsId), osId, cancellationToken: cancellationToken);
}

// A record of one's own that takes the mixin: the generator writes its manager (client.Manager<CloudProject>()).
[OdooModel("openstack.project")]
public partial record CloudProject : IOsIdentified, INamedRecord
{
    /// <summary>The project's name.</summary>
    public partial string Name { get; }

    /// <summary>The OpenStack project id.</summary>
    public partial string OsId { get; }
}
// </example>

/// <summary>The mixin in use.</summary>
public static class MixinExamples
{
    // <example mixin-use>
    public static async Task<object?> UseMixin(OpenStackOdooClient odoo_client)
    {
        var projects = odoo_client.Client.Manager<CloudProject>();
        CloudProject project = await projects.GetByOsIdAsync("4f1c0a");
        int? sameId = await projects.FindIdByOsIdAsync("4f1c0a");
        CloudProject byName = await projects.GetByNameAsync(project.Name); // the library's named mixin works too
        return (project.Id, sameId, byName.Id);
    }
    // </example>
}
