using System.Text.Json;
using System.Text.Json.Nodes;
using Odoo.Testing;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// The <c>fields_get</c> of the 36 OpenStack models as a real Odoo 18 with the project's test addon answers it
/// (<c>RealSchema/fields_get.json</c>, recorded by <c>scripts/record-real-schema.sh</c>: one JSON object, model
/// name → <c>fields_get</c> result), as <see cref="OdooModelSchema"/>s built by
/// <see cref="OdooModelSchema.FromFieldsGet(string, JsonElement, string?)"/>. It is the stand-in's schema for the
/// tests of the declarations, so that they are not checked against themselves.
/// </summary>
internal static class RealSchema
{
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "RealSchema", "fields_get.json");

    private static readonly Lazy<string> Text = new(() => File.ReadAllText(FilePath));

    /// <summary>
    /// The recorded models, each a fresh schema (a caller may adjust it): Odoo's field names, types, relations,
    /// inverse fields and selection keys; <c>active</c> defaults to true. No field is required: Odoo fills most of its required fields
    /// (<c>company_id</c>, <c>autopost_bills</c>, <c>currency_id</c>...) from defaults the recording does not hold,
    /// so a stand-in that required them would refuse creates the real server accepts.
    /// (<c>RealSchemaTests</c> checks the declarations' nullability against the recorded <c>required</c> flags.)
    /// </summary>
    public static IReadOnlyList<OdooModelSchema> Load()
    {
        var schemas = new List<OdooModelSchema>();
        foreach (var (name, fields) in JsonNode.Parse(Text.Value)!.AsObject())
        {
            foreach (var (_, attributes) in fields!.AsObject())
            {
                // FromFieldsGet reads the types it does not model as char; Odoo sends a many2one_reference
                // (ir.attachment.res_id) as the integer id.
                if ((string?)attributes!["type"] == "many2one_reference") attributes["type"] = "integer";
            }
            var schema = OdooModelSchema.FromFieldsGet(name, fields.ToJsonString());
            foreach (var field in schema.Fields)
            {
                field.Required = false;
                // Odoo's convention, which fields_get does not state: a record is active unless told otherwise.
                if (field is { Name: "active", Type: OdooFieldType.Boolean }) field.Default = true;
            }
            schemas.Add(schema);
        }
        return schemas;
    }

    /// <summary>
    /// Defines the recorded models on <paramref name="server"/>: models it already has (res.partner, res.users...)
    /// get the recorded fields added, the others are defined; one2many fields last, once the many2one fields
    /// they mirror exist on every model.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <param name="configure">Adjusts each schema before it is applied (what a schema cannot tell, e.g. a computed value).</param>
    public static void ApplyTo(OdooTestServer server, Action<OdooModelSchema>? configure = null)
    {
        var schemas = Load();
        foreach (var schema in schemas)
        {
            configure?.Invoke(schema);
            var plain = schema.Fields.Where(f => f.Type != OdooFieldType.One2Many).ToArray();
            if (server.GetSchema(schema.Name) is null) server.DefineModel(new OdooModelSchema(schema.Name, schema.Description, plain));
            else server.AddFields(schema.Name, plain);
        }
        foreach (var schema in schemas)
        {
            server.AddFields(schema.Name, [.. schema.Fields.Where(f => f.Type == OdooFieldType.One2Many)]);
        }
    }
}
