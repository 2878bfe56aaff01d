using System.Text.Json;
using Odoo.Metadata;
using Odoo.Testing;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// The declarations against the schema of a real Odoo 18 with the OpenStack test addon
/// (<c>RealSchema/fields_get.json</c>, recorded by <c>scripts/record-real-schema.sh</c> from
/// <c>tests/odoo_addons/openstack_models</c>): every model loads into an <see cref="OdooTestServer"/>
/// through <see cref="OdooModelSchema.FromFieldsGet(string, JsonElement, string?)"/>, and every
/// declared field exists there with a type the declaration can read, the same relation, and
/// selection keys the enum covers. A wrong field name in a declaration fails here.
/// </summary>
public sealed class RealSchemaTests
{
    private static readonly OdooVersion Odoo18 = OdooVersion.Parse("18.0");

    private static string SchemaFile => Path.Combine(AppContext.BaseDirectory, "RealSchema", "fields_get.json");

    /// <summary>The recorded schema, model name → fields_get answer.</summary>
    internal static IReadOnlyDictionary<string, OdooModelSchema> LoadRecordedSchemas()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SchemaFile));
        return doc.RootElement.EnumerateObject().ToDictionary(m => m.Name, m => OdooModelSchema.FromFieldsGet(m.Name, m.Value), StringComparer.Ordinal);
    }

    private static IEnumerable<OdooModelMetadata> DeclaredModels => ModelTypes.Records.Select(ModelTypes.Metadata);

    [Fact]
    public void The_recorded_schema_has_every_declared_model_and_nothing_else()
    {
        var recorded = LoadRecordedSchemas();
        Assert.Equal(
            DeclaredModels.Select(m => m.ModelName).Distinct().Order(StringComparer.Ordinal),
            recorded.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_recorded_model_loads_into_the_test_server_with_every_declared_field()
    {
        await using var server = await OdooTestServer.StartAsync();
        foreach (var schema in LoadRecordedSchemas().Values) server.DefineModel(schema);
        using var doc = JsonDocument.Parse(File.ReadAllText(SchemaFile));

        var problems = new List<string>();
        var checkedFields = 0;
        foreach (var model in DeclaredModels)
        {
            var schema = server.GetSchema(model.ModelName);
            if (schema is null)
            {
                problems.Add($"{model.ModelName}: not defined");
                continue;
            }
            foreach (var f in model.Fields)
            {
                if (f.AliasOf is not null || OdooModelMetadata.BaseFields.Any(b => b.Name == f.Name)) continue;
                var remote = f.GetRemoteName(Odoo18);
                checkedFields++;
                var s = schema.Field(remote);
                if (s is null)
                {
                    problems.Add($"{model.RecordType}.{f.Name}: Odoo 18 has no field {model.ModelName}.{remote}");
                    continue;
                }
                // The recorded type: FromFieldsGet reads the types it does not model (many2one_reference) as char.
                var type = doc.RootElement.GetProperty(model.ModelName).GetProperty(remote).GetProperty("type").GetString()!;
                if (!Compatible(f.Kind, type))
                {
                    problems.Add($"{model.RecordType}.{f.Name}: declared {f.Kind}, Odoo 18's {remote} is {type}");
                    continue;
                }
                if (f.IsRelation && f.RelationModel != s.Relation)
                {
                    problems.Add($"{model.RecordType}.{f.Name}: points to {f.RelationModel}, Odoo 18's {remote} to {s.Relation}");
                }
                if (f.Kind == OdooFieldKind.Selection && f.SelectionOptions.Count > 0)
                {
                    var declared = f.SelectionOptions.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
                    var missing = s.SelectionValues.Select(v => v.Key).Where(k => !declared.Contains(k)).ToList();
                    if (missing.Count > 0) problems.Add($"{model.RecordType}.{f.Name}: no enum member for {string.Join(", ", missing)}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedFields > 300, $"only {checkedFields} fields checked");
    }

    [Fact]
    public void Non_nullable_declarations_read_fields_Odoo_18_requires_or_fills_itself()
    {
        // The recorded attributes behind odoogen check's nullability rule: a non-nullable string, date,
        // selection or many2one reads a field that is required, related, read-only and computed, or
        // read-only with a default (only sale.order.state, which Odoo defaults to 'draft').
        using var doc = JsonDocument.Parse(File.ReadAllText(SchemaFile));
        var unsafeFields = new List<string>();
        foreach (var model in DeclaredModels)
        {
            var fields = doc.RootElement.GetProperty(model.ModelName);
            foreach (var f in model.Fields)
            {
                if (f.IsNullable || f.AliasOf is not null || OdooModelMetadata.BaseFields.Any(b => b.Name == f.Name)) continue;
                if (f.Kind is not (OdooFieldKind.Char or OdooFieldKind.Date or OdooFieldKind.DateTime or OdooFieldKind.Selection or OdooFieldKind.Many2One or OdooFieldKind.Binary)) continue;
                if (!fields.TryGetProperty(f.GetRemoteName(Odoo18), out var a)) continue; // the test above reports it
                var type = a.GetProperty("type").GetString();
                if (type is "integer" or "float" or "monetary" or "boolean") continue;
                var required = a.GetProperty("required").GetBoolean();
                var readOnly = a.GetProperty("readonly").GetBoolean();
                var related = a.TryGetProperty("related", out _);
                var computed = a.TryGetProperty("depends", out var d) && d.GetArrayLength() > 0;
                if (required || related || (readOnly && computed)) continue;
                unsafeFields.Add($"{model.ModelName}.{f.GetRemoteName(Odoo18)}");
            }
        }
        Assert.Equal(["sale.order.state"], unsafeFields);
    }

    /// <summary>Whether a declared kind reads Odoo's type (the rule of odoogen check).</summary>
    private static bool Compatible(OdooFieldKind kind, string type) => kind switch
    {
        OdooFieldKind.Json => true,
        OdooFieldKind.Boolean => type == "boolean",
        OdooFieldKind.Integer => type is "integer" or "many2one_reference",
        OdooFieldKind.Float => type is "float" or "monetary" or "integer",
        OdooFieldKind.Char => type is "char" or "text" or "html" or "selection" or "binary" or "reference",
        OdooFieldKind.Binary => type is "binary" or "char" or "text",
        OdooFieldKind.Date => type == "date",
        OdooFieldKind.DateTime => type == "datetime",
        OdooFieldKind.Selection => type == "selection",
        OdooFieldKind.Many2One => type == "many2one",
        OdooFieldKind.One2Many => type == "one2many",
        OdooFieldKind.Many2Many => type == "many2many",
        _ => false,
    };
}
