using System.Reflection;
using Odoo;
using Odoo.Metadata;
using Odoo.Models.OpenStack;
using Odoo.Testing;

namespace OdooGen.Benchmarks.Support;

/// <summary>
/// The in-memory server's schema, built from the generated metadata of the 36 OpenStack records (as
/// tests/Odoo.Models.OpenStack.Tests does): the server knows exactly the fields the declarations read.
/// </summary>
internal static class MetadataSchema
{
    private static IReadOnlyList<Type> Records { get; } =
        [.. typeof(OpenStackOdooClient).Assembly.GetTypes().Where(t => t.GetCustomAttribute<OdooModelAttribute>() is not null).OrderBy(t => t.Name, StringComparer.Ordinal)];

    private static OdooModelMetadata MetadataOf(Type record) =>
        (OdooModelMetadata)typeof(MetadataSchema).GetMethod(nameof(MetadataOfGeneric), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(record).Invoke(null, null)!;

    private static OdooModelMetadata MetadataOfGeneric<T>() where T : OdooRecord, IOdooRecord<T> => T.Metadata;

    /// <summary>Declares the 36 models on <paramref name="server"/> (fields added to the models it already has).</summary>
    public static void Apply(OdooTestServer server)
    {
        var schemas = Records.Select(MetadataOf).Select(Build).ToList();
        foreach (var s in schemas)
        {
            if (server.GetSchema(s.Name) is null) server.DefineModel(new OdooModelSchema(s.Name));
        }
        foreach (var s in schemas)
        {
            if (server.GetSchema(s.Name)!.Fields.Count == 0) server.DefineModel(s);
            else server.AddFields(s.Name, [.. s.Fields]);
        }
    }

    private static OdooModelSchema Build(OdooModelMetadata model)
    {
        var schema = new OdooModelSchema(model.ModelName);
        foreach (var f in model.Fields)
        {
            if (f.AliasOf is not null || OdooModelSchema.MagicFieldNames.Contains(f.RemoteName)) continue;
            schema.Add(Field(model, f));
        }
        if (schema.Field("name") is null) schema.RecName = null;
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
            if (inverse.Count == 1) schema.InverseName = inverse[0].RemoteName;
            else schema = new OdooFieldSchema(f.RemoteName, OdooFieldType.Many2Many) { Relation = f.RelationModel };
        }
        return schema;
    }
}
