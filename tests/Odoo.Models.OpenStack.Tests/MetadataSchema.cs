using System.Security.Cryptography;
using Odoo.Metadata;
using Odoo.Testing;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// Builds the in-memory server's schema from the generated metadata, so the test server knows
/// exactly the fields the declarations read and write. No field is required (the tests set every
/// field explicitly); a one2many is mirrored by the many2one of the target that points back (or
/// becomes a many2many when the target declares none).
/// </summary>
internal static class MetadataSchema
{
    public static IReadOnlyList<OdooModelSchema> Build(IEnumerable<OdooModelMetadata> models)
    {
        var list = models.ToList();
        return [.. list.Select(m => Build(m))];
    }

    public static IReadOnlyList<OdooModelSchema> All() => Build(ModelTypes.Records.Select(ModelTypes.Metadata));

    public static OdooModelSchema Build(OdooModelMetadata model)
    {
        var schema = new OdooModelSchema(model.ModelName);
        foreach (var f in model.Fields)
        {
            if (f.AliasOf is not null || OdooModelSchema.MagicFieldNames.Contains(f.RemoteName)) continue;
            schema.Add(Field(model, f));
        }
        if (schema.Field("name") is null) schema.RecName = null;
        if (model.ModelName == "ir.attachment")
        {
            // Odoo computes the checksum (SHA-1 of the contents) when datas is written.
            schema.Add(new OdooFieldSchema("checksum", OdooFieldType.Char)
            {
                Compute = r => r.GetString("datas") is { Length: > 0 } b64
                    ? Convert.ToHexStringLower(SHA1.HashData(Convert.FromBase64String(b64)))
                    : null,
            });
        }
        return schema;
    }

    private static OdooFieldSchema Field(OdooModelMetadata model, OdooFieldMetadata f)
    {
        var type = f.Kind switch
        {
            OdooFieldKind.Boolean => OdooFieldType.Boolean,
            OdooFieldKind.Integer => OdooFieldType.Integer,
            OdooFieldKind.Float => OdooFieldType.Float,
            OdooFieldKind.Char => f.RemoteName == "datas" ? OdooFieldType.Binary : OdooFieldType.Char,
            OdooFieldKind.Date => OdooFieldType.Date,
            OdooFieldKind.DateTime => OdooFieldType.DateTime,
            OdooFieldKind.Selection => OdooFieldType.Selection,
            OdooFieldKind.Many2One => OdooFieldType.Many2One,
            OdooFieldKind.One2Many => OdooFieldType.One2Many,
            OdooFieldKind.Many2Many => OdooFieldType.Many2Many,
            OdooFieldKind.Binary => OdooFieldType.Binary,
            OdooFieldKind.Json => OdooFieldType.Json,
            _ => OdooFieldType.Char,
        };
        var schema = new OdooFieldSchema(f.RemoteName, type) { Relation = f.RelationModel };
        if (f.RemoteName == "active" && type == OdooFieldType.Boolean) schema.Default = true;
        if (type == OdooFieldType.Selection)
        {
            schema.SelectionValues = [.. f.SelectionOptions.Select(o => new KeyValuePair<string, string>(o.Key, o.Member))];
        }
        if (type == OdooFieldType.One2Many)
        {
            var target = f.RelationTarget!();
            var inverse = target.Fields.Where(x => x.Kind == OdooFieldKind.Many2One && x.AliasOf is null && x.RelationModel == model.ModelName).ToList();
            if (inverse.Count == 1)
            {
                schema.InverseName = inverse[0].RemoteName;
            }
            else
            {
                schema = new OdooFieldSchema(f.RemoteName, OdooFieldType.Many2Many) { Relation = f.RelationModel };
            }
        }
        return schema;
    }
}
