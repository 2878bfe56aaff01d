using Odoo.Models.OpenStack;
using Odoo.Values;

namespace Odoo.RealServer.Tests;

/// <summary>Records the tests need as targets, created through the library and registered for cleanup.</summary>
public static class Support
{
    public static async Task<int> PartnerAsync(OpenStackOdooClient odoo, Cleanup cleanup, string tag, OdooValues? extra = null)
    {
        var values = new OdooValues { ["Name"] = RealOdoo.Name($"partner {tag}"), ["Email"] = $"{RealOdoo.Run}.{tag.Replace(' ', '.')}@example.com" };
        if (extra is not null) foreach (var (k, v) in extra) values[k] = v;
        return cleanup.Add("res.partner", await odoo.Partners.CreateAsync(values));
    }

    public static async Task<int> ProductAsync(OpenStackOdooClient odoo, Cleanup cleanup, string tag, double price = 10.0, OdooValues? extra = null)
    {
        var values = new OdooValues { ["Name"] = RealOdoo.Name($"product {tag}"), ["ListPrice"] = price, ["SaleOk"] = true, ["Taxes"] = OdooCommand.Clear() };
        if (extra is not null) foreach (var (k, v) in extra) values[k] = v;
        var id = await odoo.Products.CreateAsync(values);
        // product.product creates its product.template: delete the template too (it deletes the variant).
        var template = (await odoo.Client.Model("product.product").ReadAsync([id], ["product_tmpl_id"]))[0].GetProperty("product_tmpl_id")[0].GetInt32();
        cleanup.Add("product.template", template);
        return cleanup.Add("product.product", id);
    }

    public static async Task<int> CompanyIdAsync(OpenStackOdooClient odoo) => (await odoo.GetUserAsync()).CompanyId;

    /// <summary>A user with a password, in the given groups (by external id); none gives a user with no groups at all.</summary>
    public static async Task<(int Id, string Login, string Password)> UserAsync(OpenStackOdooClient odoo, Cleanup cleanup, string tag, params string[] groupXmlIds)
    {
        var groups = new List<int>();
        foreach (var xmlId in groupXmlIds) groups.Add(await XmlIdAsync(odoo, xmlId));
        var login = $"{RealOdoo.Run}-{tag}";
        var password = $"pw-{Guid.NewGuid():N}";
        var id = await odoo.Users.CreateAsync(new OdooValues
        {
            ["Name"] = RealOdoo.Name($"user {tag}"),
            ["login"] = login,
            ["password"] = password,
            ["groups_id"] = OdooCommand.Set(groups),
        });
        var partner = (await odoo.Users.GetAsync(id, ["Partner"])).PartnerId;
        cleanup.Add("res.partner", partner);
        cleanup.Add("res.users", id);
        return (id, login, password);
    }

    public static async Task<int> XmlIdAsync(OpenStackOdooClient odoo, string xmlId)
    {
        var parts = xmlId.Split('.');
        var rows = await odoo.Client.Model("ir.model.data").SearchReadAsync(
            new object[] { new object[] { "module", "=", parts[0] }, new object[] { "name", "=", parts[1] } }, ["res_id"]);
        return rows.Count == 1 ? rows[0].GetProperty("res_id").GetInt32() : throw new InvalidOperationException($"No record with external id {xmlId}.");
    }
}
