using Odoo.Schema;

namespace Odoo.Cli.Tests;

/// <summary>The library call, offline: names that clash with C#, the generator or each other still compile.</summary>
public sealed class ScaffolderNamingTests
{
    private static OdooServerField F(string name, string type, string? relation = null, bool required = false, params (string Key, string Label)[] selection) =>
        new(name, type) { Relation = relation, Required = required, Label = name, Selection = [.. selection.Select(s => new KeyValuePair<string, string>(s.Key, s.Label))] };

    [Fact]
    public void Clashing_and_odd_names_are_sanitised_and_the_output_compiles()
    {
        var options = new OdooScaffoldOptions { Namespace = "Odd.Names" };
        options.StripPrefixes.Add("x.");
        var models = new[]
        {
            new OdooServerModel("sale.order", "Sales Order",
            [
                F("id", "integer"), F("display_name", "char"), F("__last_update", "datetime"), F("create_uid", "many2one", "res.users"),
                F("state", "selection", null, false, ("draft", "Quotation"), ("sale", "Sales Order"), ("1st", "First"), ("", "Empty")),
                F("order_line", "one2many", "sale.order.line"),
                F("foo_bar", "char"), F("foo__bar", "char"),
                F("metadata", "char"), F("equals", "char"), F("sale_order", "char"), F("class", "char"),
                F("date_order", "datetime", required: true), F("validity_date", "date", required: true),
                F("amount", "monetary"), F("properties", "properties"), F("ref", "reference"), F("res_id", "many2one_reference"),
                new OdooServerField("priority", "selection") { Selection = [new("0", "Low"), new("1", "High")], HasNonStringSelectionKeys = true },
                F("company_id", "many2one", "res.company", required: true),
                F("company", "char"),
                F("tag_ids", "many2many", "crm.tag"), F("tag", "char"), F("tag_ids_count", "integer"),
                F("bad name", "char"),
                F("weird", "many2one"),   // a relation without a target: left out
            ]),
            new OdooServerModel("sale.order.line", null, [F("order_id", "many2one", "sale.order", required: true), F("name", "text", required: true)]),
            new OdooServerModel("date.time", "A model named like a System type", [F("name", "char")]),
            new OdooServerModel("x.partner", null, [F("name", "char")]),
            new OdooServerModel("x.partner.manager", null, [F("partner_id", "many2one", "x.partner")]),
        };

        var files = OdooScaffolder.Generate(models, options, new Dictionary<string, string> { ["res.company"] = "Companies" });
        Assert.Equal(
            ["SaleOrder.cs", "SaleOrderLine.cs", "DateTimeRecord.cs", "Partner.cs", "PartnerManager.cs", "CrmTag.cs", "Company.cs"],
            files.Select(f => f.FileName));
        Assert.Equal([false, false, false, false, false, true, true], files.Select(f => f.IsStub)); // no stub for res.users: create_uid is a base field

        var order = files[0].Content;
        Assert.Contains("public partial SaleOrderState? State { get; }", order, StringComparison.Ordinal);
        Assert.Contains("[OdooSelection(\"1st\")]\n    Value1st,", order, StringComparison.Ordinal);
        Assert.Contains("[OdooSelection(\"\")]\n    Empty,", order, StringComparison.Ordinal);
        Assert.Contains("[One2Many(\"order_line\")]\n    public partial IReadOnlyList<SaleOrderLine> OrderLines { get; }", order, StringComparison.Ordinal);
        Assert.Contains("public partial string? FooBar { get; }", order, StringComparison.Ordinal);
        Assert.Contains("[OdooField(\"foo__bar\")]\n    public partial string? FooBarValue { get; }", order, StringComparison.Ordinal);
        Assert.Contains("[OdooField(\"metadata\")]\n    public partial string? MetadataValue { get; }", order, StringComparison.Ordinal);
        Assert.Contains("[OdooField(\"equals\")]\n    public partial string? EqualsValue { get; }", order, StringComparison.Ordinal);
        Assert.Contains("[OdooField(\"sale_order\")]\n    public partial string? SaleOrderValue { get; }", order, StringComparison.Ordinal);
        Assert.Contains("public partial string? Class { get; }", order, StringComparison.Ordinal);
        Assert.Contains("public partial DateTime DateOrder { get; }", order, StringComparison.Ordinal);
        Assert.Contains("public partial DateOnly ValidityDate { get; }", order, StringComparison.Ordinal);
        Assert.Contains("public partial decimal Amount { get; }", order, StringComparison.Ordinal);
        Assert.Contains("public partial JsonElement? Properties { get; }", order, StringComparison.Ordinal);
        Assert.Contains("public partial string? Ref { get; }", order, StringComparison.Ordinal);
        Assert.Contains("public partial int ResId { get; }", order, StringComparison.Ordinal);
        Assert.Contains("public partial JsonElement? Priority { get; }", order, StringComparison.Ordinal);
        Assert.Contains("[Many2One(\"company_id\")]\n    public partial Company Company { get; }", order, StringComparison.Ordinal);
        Assert.Contains("[OdooField(\"company\")]\n    public partial string? CompanyValue { get; }", order, StringComparison.Ordinal);
        Assert.Contains("[Many2Many(\"tag_ids\")]\n    public partial IReadOnlyList<CrmTag> Tags { get; }", order, StringComparison.Ordinal);
        Assert.Contains("public partial string? Tag { get; }", order, StringComparison.Ordinal);
        Assert.Contains("public partial int TagIdsCount { get; }", order, StringComparison.Ordinal);
        foreach (var left in new[] { "\"id\"", "display_name", "__last_update", "create_uid", "bad name", "weird" })
        {
            Assert.DoesNotContain(left, order, StringComparison.Ordinal);
        }
        Assert.Contains("/// <summary>Companies (<c>res.company</c>): a stub", files[6].Content, StringComparison.Ordinal);
        Assert.Contains("[OdooModel(\"date.time\")]\npublic sealed partial record DateTimeRecord", files[2].Content, StringComparison.Ordinal);
        Assert.Contains("[OdooModel(\"x.partner\", ManagerName = \"PartnerRecordsManager\")]", files[3].Content, StringComparison.Ordinal);
        Assert.Equal(20, files[0].FieldCount);

        var compiled = Compiler.Compile(files.Select(f => (f.FileName, f.Content)));
        Assert.True(compiled.Diagnostics.Count == 0, compiled.Describe());
    }

    [Fact]
    public void Monetary_as_double_and_record_names_follow_the_options()
    {
        var options = new OdooScaffoldOptions { MonetaryAsDecimal = false };
        options.StripPrefixes.Clear();
        var files = OdooScaffolder.Generate([new OdooServerModel("res.users", null, [F("amount", "monetary")]), new OdooServerModel("product.product", null, [])], options);
        Assert.Equal(["ResUser.cs", "Product.cs"], files.Select(f => f.FileName));
        Assert.Contains("public partial double Amount { get; }", files[0].Content, StringComparison.Ordinal);
        Assert.Contains("namespace Models;", files[0].Content, StringComparison.Ordinal); // the library's default, outside Odoo.*
        Assert.Throws<ArgumentException>(() => OdooScaffolder.Generate([], new OdooScaffoldOptions { Namespace = "bad namespace" }));
    }
}
