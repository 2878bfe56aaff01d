using Odoo.Metadata;

namespace Odoo.Testing;

public sealed partial class OdooModelSchema
{
    /// <summary>
    /// Builds a schema from the metadata OdooGen generates for an <c>[OdooModel]</c> record (its
    /// static <c>Metadata</c> property), so the server knows exactly the fields the declaration reads
    /// and writes.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Aliases (<c>[FieldAlias]</c>) and the automatic fields (<see cref="MagicFieldNames"/>) are skipped.</item>
    /// <item>Field names are each field's default Odoo name, or its name on <see cref="OdooMetadataSchemaOptions.Version"/>.</item>
    /// <item>Kinds map to types one to one; <c>char</c> covers Odoo's char, text and html (the metadata does not tell them apart),
    /// <c>float</c> covers monetary. A binary field declared as a <see cref="string"/> has the char kind: change it
    /// afterwards if it matters (<c>schema.Add(new OdooFieldSchema("datas", OdooFieldType.Binary))</c>).</item>
    /// <item>A selection gets the declared keys, each labelled with its C# enum member name.</item>
    /// <item>A one2many mirrors the many2one of the target model that points back to this model (its
    /// <see cref="OdooFieldSchema.InverseName"/>), when the target's metadata declares exactly one. Otherwise (none, or
    /// several to choose from) it stays a one2many without an inverse: the server keeps its ids as a plain list, like a
    /// many2many (reads, commands 0 to 6), while <c>fields_get</c> still reports a one2many. Set
    /// <see cref="OdooFieldSchema.InverseName"/> afterwards to link it.</item>
    /// <item>A relation whose target model is unknown (hand-written metadata without <see cref="OdooFieldMetadata.RelationModel"/>)
    /// keeps its type without a comodel: ids are stored and linked, but x2many commands that create, update or
    /// delete target records fail.</item>
    /// <item>A boolean field named <c>active</c> defaults to <see langword="true"/>, as in Odoo.</item>
    /// <item>No field is required unless <see cref="OdooMetadataSchemaOptions.RequireNonNullable"/> is set; nothing is unique
    /// or read-only. Adjust the returned schema (<see cref="Field(string)"/>) for constraints and computed fields.</item>
    /// <item>The description is the model name.</item>
    /// </list>
    /// A derived record (<c>[OdooModel] partial record BillingPartner : Partner</c>) lists its base record's fields
    /// too; to merge several records of one model, use <see cref="FromMetadata(IEnumerable{OdooModelMetadata}, OdooMetadataSchemaOptions?)"/>.
    /// </remarks>
    /// <param name="model">The generated metadata, e.g. <c>Partner.Metadata</c>.</param>
    /// <param name="options">Version and required fields; null for the defaults.</param>
    /// <returns>A new schema, free to change before it is defined on a server.</returns>
    public static OdooModelSchema FromMetadata(OdooModelMetadata model, OdooMetadataSchemaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var schema = new OdooModelSchema(model.ModelName);
        foreach (var f in model.Fields)
        {
            if (f.AliasOf is not null) continue;
            var name = f.GetRemoteName(options?.Version);
            if (string.IsNullOrWhiteSpace(name) || MagicFieldNames.Contains(name)) continue;
            // Two declarations of one Odoo name (a base record's and a derived one's): the first wins.
            if (schema.Field(name) is not null) continue;
            schema.Add(FieldFromMetadata(model, f, name, options));
        }
        return schema;
    }

    /// <summary>
    /// Builds the schemas of several records (see <see cref="FromMetadata(OdooModelMetadata, OdooMetadataSchemaOptions?)"/>),
    /// one per Odoo model: records of the same model (a base record and records derived from it, or
    /// two teams' views of <c>res.partner</c>) are merged, the first declaration of a field winning.
    /// </summary>
    /// <param name="models">The generated metadata.</param>
    /// <param name="options">Version and required fields; null for the defaults.</param>
    /// <returns>The schemas, in the order their models first appear.</returns>
    public static IReadOnlyList<OdooModelSchema> FromMetadata(IEnumerable<OdooModelMetadata> models, OdooMetadataSchemaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        var byName = new Dictionary<string, OdooModelSchema>(StringComparer.Ordinal);
        var ordered = new List<OdooModelSchema>();
        foreach (var m in models)
        {
            ArgumentNullException.ThrowIfNull(m, nameof(models));
            var schema = FromMetadata(m, options);
            if (byName.TryGetValue(schema.Name, out var first))
            {
                foreach (var f in schema.Fields)
                    if (first.Field(f.Name) is null) first.Add(f);
            }
            else
            {
                byName[schema.Name] = schema;
                ordered.Add(schema);
            }
        }
        return ordered;
    }

    private static OdooFieldSchema FieldFromMetadata(OdooModelMetadata model, OdooFieldMetadata f, string name, OdooMetadataSchemaOptions? options)
    {
        var type = f.Kind switch
        {
            OdooFieldKind.Boolean => OdooFieldType.Boolean,
            OdooFieldKind.Integer => OdooFieldType.Integer,
            OdooFieldKind.Float => OdooFieldType.Float,
            OdooFieldKind.Char => OdooFieldType.Char,
            OdooFieldKind.Date => OdooFieldType.Date,
            OdooFieldKind.DateTime => OdooFieldType.DateTime,
            OdooFieldKind.Selection => OdooFieldType.Selection,
            OdooFieldKind.Many2One => OdooFieldType.Many2One,
            OdooFieldKind.One2Many => OdooFieldType.One2Many,
            OdooFieldKind.Many2Many => OdooFieldType.Many2Many,
            OdooFieldKind.Binary => OdooFieldType.Binary,
            OdooFieldKind.Json => OdooFieldType.Json,
            _ => OdooFieldType.Json,
        };
        var relation = string.IsNullOrWhiteSpace(f.RelationModel) ? null : f.RelationModel;
        var inverse = type == OdooFieldType.One2Many ? InverseOf(model, f, options?.Version) : null;
        var field = new OdooFieldSchema(name, type)
        {
            Relation = type is OdooFieldType.Many2One or OdooFieldType.One2Many or OdooFieldType.Many2Many ? relation : null,
            InverseName = inverse,
        };
        if (type == OdooFieldType.Selection)
            field.SelectionValues = [.. f.SelectionOptions.Select(o => new KeyValuePair<string, string>(o.Key, o.Member))];
        if (type == OdooFieldType.Boolean && name == "active")
            field.Default = true;
        if (options?.RequireNonNullable == true && !f.IsNullable
            && type is OdooFieldType.Char or OdooFieldType.Date or OdooFieldType.DateTime or OdooFieldType.Selection or OdooFieldType.Many2One or OdooFieldType.Binary)
            field.Required = true;
        return field;
    }

    /// <summary>The one many2one of the one2many's target that points back to <paramref name="model"/>, or null.</summary>
    private static string? InverseOf(OdooModelMetadata model, OdooFieldMetadata f, OdooVersion? version)
    {
        var target = f.RelationTarget?.Invoke();
        if (target is null) return null;
        string? found = null;
        foreach (var x in target.Fields)
        {
            if (x.Kind != OdooFieldKind.Many2One || x.AliasOf is not null || x.RelationModel != model.ModelName) continue;
            var n = x.GetRemoteName(version);
            if (MagicFieldNames.Contains(n) || n == found) continue;
            if (found is not null) return null; // several candidates: ambiguous
            found = n;
        }
        return found;
    }
}
