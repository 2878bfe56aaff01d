using System.Reflection;
using System.Text.Json;
using Odoo.Metadata;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// The declarations' <c>[OdooReadOnly]</c> markers against a real Odoo 18 (the recorded <c>fields_get</c>): a declared
/// field Odoo reports as read-only and not stored (computed, without an inverse: a write of it is ignored) has the
/// marker, so the generated values type has no property for it; every other declared field has none.
/// </summary>
public sealed class ReadOnlyFieldTests
{
    private static readonly OdooVersion Odoo18 = OdooVersion.Parse("18.0");

    [Fact]
    public void Read_only_markers_match_the_fields_odoo_computes_without_storing()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RealSchema.FilePath));
        var problems = new List<string>();
        var marked = 0;
        foreach (var type in ModelTypes.Records)
        {
            var model = ModelTypes.Metadata(type);
            var fields = doc.RootElement.GetProperty(model.ModelName);
            foreach (var f in model.Fields)
            {
                if (f.AliasOf is not null || OdooModelMetadata.BaseFields.Any(b => b.Name == f.Name)) continue;
                var property = type.GetProperty(f.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
                if (property is null) continue; // declared on a base record
                var declared = property.GetCustomAttribute<OdooReadOnlyAttribute>() is not null;
                if (declared) marked++;
                if (!fields.TryGetProperty(f.GetRemoteName(Odoo18), out var schema)) continue; // RealSchemaTests reports it
                var computedOnly = schema.GetProperty("readonly").GetBoolean() && !schema.GetProperty("store").GetBoolean();
                if (declared != computedOnly)
                {
                    problems.Add($"{type.Name}.{f.Name} ({model.ModelName}.{f.GetRemoteName(Odoo18)}): " +
                                 (computedOnly ? "Odoo computes it without storing it: mark it [OdooReadOnly]" : "Odoo stores it or lets it be written: remove [OdooReadOnly]"));
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(marked > 0, "No declared field is marked read-only: the check above proves nothing.");
    }

    [Fact]
    public void A_read_only_field_has_no_property_on_the_values_type()
    {
        Assert.NotNull(typeof(SaleOrder).GetProperty(nameof(SaleOrder.InvoiceCount)));
        Assert.Null(typeof(SaleOrderValues).GetProperty(nameof(SaleOrder.InvoiceCount)));
        Assert.NotNull(typeof(SaleOrderValues).GetProperty(nameof(SaleOrder.Note)));
        Assert.NotNull(SaleOrder.Fields.InvoiceCount); // still queried and ordered by
    }
}
