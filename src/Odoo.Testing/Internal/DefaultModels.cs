namespace Odoo.Testing.Internal;

/// <summary>The minimal base models (res.partner, res.users, res.country, res.partner.category).</summary>
internal static class DefaultModels
{
    public static IEnumerable<OdooModelSchema> Schemas()
    {
        yield return new OdooModelSchema("res.country", "Country") { Order = "name" }
            .Char("name", "Country Name", required: true)
            .Char("code", "Country Code", configure: f => f.Unique = true)
            .Char("phone_code", "Country Calling Code");

        yield return new OdooModelSchema("res.partner.category", "Partner Tags") { Order = "name" }
            .Char("name", "Name", required: true)
            .Integer("color", "Color")
            .Many2One("parent_id", "res.partner.category", "Parent Category")
            .Boolean("active", "Active", configure: f => f.Default = true);

        var partner = new OdooModelSchema("res.partner", "Contact") { Order = "name, id desc", HasRecordRules = true }
            .Char("name", "Name")
            .Char("email", "Email")
            .Char("phone", "Phone")
            .Char("mobile", "Mobile")
            .Boolean("is_company", "Is a Company")
            .Selection("type", new KeyValuePair<string, string>[] { new("contact", "Contact"), new("invoice", "Invoice Address"), new("delivery", "Delivery Address"), new("other", "Other Address") },
                "Address Type", configure: f => f.Default = "contact")
            .Many2One("parent_id", "res.partner", "Related Company")
            .Char("company_name", "Company Name")
            .One2Many("child_ids", "res.partner", "parent_id", "Contact")
            .Many2Many("category_id", "res.partner.category", "Tags")
            .Char("street", "Street")
            .Char("street2", "Street2")
            .Char("city", "City")
            .Char("zip", "Zip")
            .Many2One("country_id", "res.country", "Country")
            .Char("vat", "Tax ID")
            .Char("ref", "Reference")
            .Char("website", "Website Link")
            .Html("comment", "Notes")
            .Selection("lang", new KeyValuePair<string, string>[] { new("en_US", "English (US)") }, "Language", configure: f => f.Default = "en_US")
            .Char("tz", "Timezone")
            .Boolean("active", "Active", configure: f => f.Default = true)
            .One2Many("user_ids", "res.users", "partner_id", "Users");
        partner.DisplayNameCompute = r =>
        {
            var name = r.GetString("name");
            // res.partner._get_complete_name: a contact shows its company (parent, or company_name).
            if (!r.GetBoolean("is_company") && (r.Related("parent_id")?.GetString("name") ?? r.GetString("company_name")) is { Length: > 0 } companyName)
                return string.IsNullOrEmpty(name) ? companyName : $"{companyName}, {name}";
            return name ?? "";
        };
        yield return partner;

        yield return new OdooModelSchema("res.users", "User") { Order = "name, login" }
            .Char("name", "Name")
            .Char("login", "Login", required: true, configure: f =>
            {
                f.Unique = true;
                f.UniqueMessage = "You can not have two users with the same login!";
            })
            .Many2One("partner_id", "res.partner", "Related Partner", required: true, configure: f => f.OnDelete = OdooOnDelete.Restrict)
            .Boolean("active", "Active", configure: f => f.Default = true)
            .Char("lang", "Language", configure: f => f.Default = "en_US")
            .Char("tz", "Timezone")
            .Boolean("share", "Share User");

        // odoo/addons/base/models/ir_actions_report.py: the fields a client reads to list and print reports.
        yield return new OdooModelSchema("ir.actions.report", "Report Action") { Order = "name" }
            .Char("name", "Action Name", required: true)
            .Char("model", "Model Name", required: true)
            .Selection("report_type", new KeyValuePair<string, string>[] { new("qweb-html", "HTML"), new("qweb-pdf", "PDF"), new("qweb-text", "Text") },
                "Report Type", required: true, configure: f => f.Default = "qweb-pdf")
            .Char("report_name", "Template Name", required: true)
            .Char("report_file", "Report File");

        // odoo/addons/base/models/ir_model.py IrModelData: the XML ids (module.name) a report can also be named by.
        yield return new OdooModelSchema("ir.model.data", "Model Data") { Order = "module, model, name" }
            .Char("name", "External Identifier", required: true)
            .Char("module", "Module", required: true)
            .Char("model", "Model Name", required: true)
            .Integer("res_id", "Record ID");
    }
}
