using System.Reflection;
using Odoo.Metadata;

namespace Odoo.Testing;

public sealed partial class OdooTestServer
{
    /// <summary>
    /// Defines the model of a generated <c>[OdooModel]</c> record from its metadata (see
    /// <see cref="DefineModels(IEnumerable{OdooModelMetadata}, bool, Action{OdooModelSchema}?, OdooMetadataSchemaOptions?)"/>).
    /// </summary>
    /// <example>
    /// <code>
    /// server.DefineModel&lt;Voucher&gt;(includeRelated: true, configure: s =>
    /// {
    ///     if (s.Name == "x.voucher") s.Field("code")!.Unique = true;
    /// });
    /// </code>
    /// </example>
    /// <typeparam name="TRecord">The generated record.</typeparam>
    /// <param name="includeRelated">Whether the models its relations point at are defined too, transitively (those the server already has are left as they are).</param>
    /// <param name="configure">Adjusts each schema before it is defined (required or unique fields, computed fields, order...).</param>
    public void DefineModel<TRecord>(bool includeRelated = false, Action<OdooModelSchema>? configure = null)
        where TRecord : OdooRecord, IOdooRecord<TRecord>
        => DefineModels([TRecord.Metadata], includeRelated, configure);

    /// <summary>
    /// Defines the models of generated records from their metadata (see
    /// <see cref="DefineModels(IEnumerable{OdooModelMetadata}, bool, Action{OdooModelSchema}?, OdooMetadataSchemaOptions?)"/>).
    /// </summary>
    /// <param name="models">The metadata, e.g. <c>Partner.Metadata, Voucher.Metadata</c>.</param>
    public void DefineModels(params OdooModelMetadata[] models) => DefineModels((IEnumerable<OdooModelMetadata>)models);

    /// <summary>
    /// Defines models from the metadata OdooGen generates for <c>[OdooModel]</c> records, so the
    /// server knows exactly the fields the declarations read and write. Each schema is built by
    /// <see cref="OdooModelSchema.FromMetadata(IEnumerable{OdooModelMetadata}, OdooMetadataSchemaOptions?)"/>
    /// (records of one model, such as a record and the records derived from it, are merged), with field
    /// names as on this server's <see cref="Version"/> unless <paramref name="options"/> names another.
    /// </summary>
    /// <remarks>
    /// A model the server already has (res.partner, res.users... or one defined earlier) is extended,
    /// not replaced: the declared fields are added, replacing fields of the same name, while its other
    /// fields, records, order, display name, constraints and record-rule behaviour are kept. With
    /// <paramref name="includeRelated"/>, the targets of relations (<see cref="OdooFieldMetadata.RelationTarget"/>)
    /// are walked transitively and the models found are defined as well, except those the server already
    /// had before the call; without it, define the targets yourself (a many2many to an undefined model
    /// cannot be written). <paramref name="configure"/> sees each final schema (for an extended model,
    /// the merged one), just before it is defined.
    /// </remarks>
    /// <param name="models">The metadata.</param>
    /// <param name="includeRelated">Whether the models relations point at are defined too, transitively.</param>
    /// <param name="configure">Adjusts each schema before it is defined; check <see cref="OdooModelSchema.Name"/> to tell them apart.</param>
    /// <param name="options">The version of the field names (this server's by default) and whether non-nullable fields are required.</param>
    public void DefineModels(IEnumerable<OdooModelMetadata> models, bool includeRelated = false, Action<OdooModelSchema>? configure = null, OdooMetadataSchemaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        var list = models.ToList();
        foreach (var m in list) ArgumentNullException.ThrowIfNull(m, nameof(models));
        var effective = new OdooMetadataSchemaOptions
        {
            Version = options?.Version ?? (OdooVersion.TryParse(Version, out var v) ? v : null),
            RequireNonNullable = options?.RequireNonNullable ?? false,
        };
        using (var scope = _store.Enter())
        {
            var store = scope.Store;
            if (includeRelated) list = WithRelated(store, list);
            foreach (var schema in OdooModelSchema.FromMetadata(list, effective))
            {
                var final = store.Schema.TryTable(schema.Name) is { } existing ? Extend(existing.Schema, existing.Schema.Fields.Select(f => f.WithName(f.Name)), schema.Fields) : schema;
                configure?.Invoke(final);
                store.Schema.Define(final);
            }
        }
    }

    /// <summary>
    /// Defines the models of every <c>[OdooModel]</c> record of an assembly (the records the generator
    /// registers with <see cref="OdooModelRegistrationAttribute"/>, in name order), as
    /// <see cref="DefineModels(IEnumerable{OdooModelMetadata}, bool, Action{OdooModelSchema}?, OdooMetadataSchemaOptions?)"/> does.
    /// </summary>
    /// <param name="assembly">The assembly holding the records, e.g. <c>typeof(Partner).Assembly</c>.</param>
    /// <param name="includeRelated">Whether the models relations point at (in other assemblies) are defined too, transitively.</param>
    /// <param name="configure">Adjusts each schema before it is defined.</param>
    /// <param name="options">The version of the field names (this server's by default) and whether non-nullable fields are required.</param>
    /// <exception cref="InvalidOperationException">A registered record has no generated <c>Metadata</c>.</exception>
    public void DefineModels(Assembly assembly, bool includeRelated = false, Action<OdooModelSchema>? configure = null, OdooMetadataSchemaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var models = assembly.GetCustomAttributes<OdooModelRegistrationAttribute>()
            .Select(a => a.RecordType)
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(MetadataOf)
            .ToList();
        DefineModels(models, includeRelated, configure, options);
    }

    private static OdooModelMetadata MetadataOf(Type record) =>
        record.GetProperty("Metadata", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)?.GetValue(null) as OdooModelMetadata
        ?? throw new InvalidOperationException($"{record} has no generated static Metadata property.");

    /// <summary>The models and, transitively, their relation targets, except models defined before the call and not asked for.</summary>
    private static List<OdooModelMetadata> WithRelated(Internal.Store store, List<OdooModelMetadata> models)
    {
        var asked = models.Select(m => m.ModelName).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<OdooModelMetadata>(models, ReferenceEqualityComparer.Instance);
        var result = new List<OdooModelMetadata>(models);
        var queue = new Queue<OdooModelMetadata>(models);
        while (queue.TryDequeue(out var m))
        {
            foreach (var f in m.Fields)
            {
                if (!f.IsRelation || f.AliasOf is not null || f.RelationTarget is not { } target) continue;
                var t = target();
                if (!seen.Add(t)) continue;
                if (!asked.Contains(t.ModelName) && store.Schema.TryTable(t.ModelName) is not null) continue;
                result.Add(t);
                queue.Enqueue(t);
            }
        }
        return result;
    }

    /// <summary>
    /// A copy of <paramref name="current"/> (its settings and constraints) with <paramref name="currentFields"/>
    /// (its fields, or copies of them) and <paramref name="fields"/> added after them, replacing those of the same name.
    /// </summary>
    private static OdooModelSchema Extend(OdooModelSchema current, IEnumerable<OdooFieldSchema> currentFields, IEnumerable<OdooFieldSchema> fields)
    {
        var schema = new OdooModelSchema(current.Name, current.Description, currentFields)
        {
            RecName = current.RecName,
            DisplayNameCompute = current.DisplayNameCompute,
            Order = current.Order,
            ParentField = current.ParentField,
            HasRecordRules = current.HasRecordRules,
        };
        foreach (var c in current.Constraints) schema.AddConstraint(c);
        foreach (var f in fields) schema.Add(f);
        return schema;
    }
}
