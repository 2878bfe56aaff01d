using System.Reflection;
using Odoo.Metadata;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// Walks every record of the Python reference's catalogue (<c>TestData/models.json</c>) against the
/// C# declarations: every field and relation role, the aliases, the version mapping, the default
/// fields, the mixins, the model-specific methods and the client property. Anything missing or
/// different fails, unless <c>docs/differences-from-python.md</c> names it as <c>`Record.field`</c>.
/// </summary>
public sealed class ReferenceWalkTests
{
    private static readonly string Differences = File.ReadAllText(ReferenceCatalogue.TestDataPath("differences-from-python.md"));

    /// <summary>Reference method names whose C# name is not simply PascalCase + Async.</summary>
    private static readonly Dictionary<string, string> MethodNames = new(StringComparer.Ordinal)
    {
        ["send_openstack_invoice_email"] = "SendOpenStackInvoiceEmailAsync",
        ["res_model_manager"] = "GetResModelManager",
    };

    public static TheoryData<string> RecordNames()
    {
        var data = new TheoryData<string>();
        foreach (var r in ReferenceCatalogue.Current.Records) data.Add(r.Record);
        return data;
    }

    private static bool Documented(RefRecord record, string field) => Differences.Contains($"`{record.Record}.{field}`", StringComparison.Ordinal);

    [Fact]
    public void The_catalogue_has_36_records_and_each_is_declared_once()
    {
        var reference = ReferenceCatalogue.Current.Records.Select(r => r.Record).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(36, reference.Length);
        Assert.Equal(reference, ModelTypes.Records.Select(t => t.Name).ToArray());
    }

    [Fact]
    public void Base_fields_come_from_the_runtime_base_record()
    {
        var props = typeof(OdooRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet();
        var methods = typeof(OdooRecord).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet();
        foreach (var f in ReferenceCatalogue.Current.BaseFields)
        {
            var name = Names.Pascal(f.Name);
            if (f.Relation?.Role == "record")
            {
                Assert.Contains($"Load{name}Async", methods);
            }
            else
            {
                Assert.Contains(name, props);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RecordNames))]
    public void Every_reference_field_and_role_is_declared_or_documented(string recordName)
    {
        var record = ReferenceCatalogue.Current[recordName];
        var type = ModelTypes.Record(recordName);
        var meta = ModelTypes.Metadata(type);
        var problems = new List<string>();

        var attribute = type.GetCustomAttribute<OdooModelAttribute>()!;
        if (attribute.ModelName != record.OdooModel) problems.Add($"model name {attribute.ModelName}, expected {record.OdooModel}");
        if (meta.ModelName != record.OdooModel) problems.Add($"metadata model name {meta.ModelName}");

        foreach (var f in record.Fields)
        {
            var problem = Check(record, meta, f);
            if (problem is not null && !Documented(record, f.Name)) problems.Add($"{record.Record}.{f.Name}: {problem}");
        }

        if (record.DefaultFields is { } defaults)
        {
            if (meta.DefaultFields is null || !meta.DefaultFields.SequenceEqual(defaults)) problems.Add("default fields differ");
        }
        else if (meta.DefaultFields is not null)
        {
            problems.Add("unexpected default fields");
        }

        foreach (var (version, map) in record.FieldMapping)
        {
            foreach (var (local, remote) in map)
            {
                var field = meta.FindByName(Names.Pascal(local));
                if (field is null || !field.RemoteNamesByVersion.TryGetValue(version, out var mapped) || mapped != remote)
                {
                    problems.Add($"{record.Record}.{local}: no {version} mapping to {remote}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(RecordNames))]
    public void Fields_made_nullable_for_Odoo_18_are_documented(string recordName)
    {
        // A field the reference treats as always set, declared nullable here, is an Odoo 18 choice
        // and must be listed in the differences document.
        var record = ReferenceCatalogue.Current[recordName];
        var meta = ModelTypes.Metadata(ModelTypes.Record(recordName));
        var undocumented = new List<string>();
        foreach (var f in record.Fields.Where(f => !f.IsOptional && f.AliasOf is null && f.Name != "display_name" && f.Relation?.Role is null or "id" or "record"))
        {
            var field = f.Relation is null ? meta.FindByName(Names.Pascal(f.Name)) : FindRelation(meta, f);
            if (field is { IsNullable: true, Kind: not (OdooFieldKind.One2Many or OdooFieldKind.Many2Many) } && !Documented(record, f.Name))
            {
                undocumented.Add($"{record.Record}.{f.Name}");
            }
        }
        Assert.True(undocumented.Count == 0, "Nullable here but not in the reference, and not documented: " + string.Join(", ", undocumented));
    }

    [Theory]
    [MemberData(nameof(RecordNames))]
    public void Mixins_methods_manager_and_client_property_exist(string recordName)
    {
        var record = ReferenceCatalogue.Current[recordName];
        var type = ModelTypes.Record(recordName);
        var problems = new List<string>();

        var manager = ModelTypes.Manager(record.ManagerClass);
        if (manager is null)
        {
            Assert.Fail($"No manager class {record.ManagerClass}.");
        }

        var clientProperty = typeof(OpenStackOdooClient).GetProperty(Names.Pascal(record.ClientAttribute));
        if (clientProperty?.PropertyType != manager) problems.Add($"OpenStackOdooClient.{Names.Pascal(record.ClientAttribute)} is missing or not a {manager.Name}");
        if (type.GetCustomAttribute<OdooModelAttribute>()!.ClientProperty != Names.Pascal(record.ClientAttribute)) problems.Add("ClientProperty differs");

        var managerMethods = AllMethods(manager);
        foreach (var mixin in record.Mixins)
        {
            switch (mixin)
            {
                case "named":
                    if (!managerMethods.Contains("GetByNameAsync")) problems.Add("named: no GetByNameAsync");
                    break;
                case "coded":
                    if (!managerMethods.Contains("GetByCodeAsync")) problems.Add("coded: no GetByCodeAsync");
                    break;
                case "attachment":
                    var main = ModelTypes.Metadata(type).FindByName("MessageMainAttachment");
                    if (main is not { Kind: OdooFieldKind.Many2One, RelationModel: "ir.attachment", IdProperty: "MessageMainAttachmentId", NameProperty: "MessageMainAttachmentName" })
                    {
                        problems.Add("attachment: no MessageMainAttachment many2one");
                    }
                    break;
                default:
                    problems.Add("unknown mixin " + mixin);
                    break;
            }
        }

        var recordMethods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var m in record.Methods)
        {
            var name = MethodNames.GetValueOrDefault(m.Name) ?? Names.Pascal(m.Name) + "Async";
            var onManager = m.On is "manager" or "both";
            var onRecord = m.On is "record" or "both";
            if (onManager && !managerMethods.Contains(name) && !Documented(record, m.Name)) problems.Add($"{record.ManagerClass}.{name} missing ({m.Name})");
            if (onRecord && !recordMethods.Contains(name) && !Documented(record, m.Name)) problems.Add($"{record.Record}.{name} missing ({m.Name}, record form)");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static HashSet<string> AllMethods(Type manager)
    {
        var names = manager.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        // Mixin helpers may be extension methods on the manager type or on an interface it implements.
        foreach (var t in AppDomain.CurrentDomain.GetAssemblies().SelectMany(SafeTypes).Where(t => t.IsAbstract && t.IsSealed))
        {
            foreach (var m in t.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute), false)))
            {
                var first = m.GetParameters().FirstOrDefault()?.ParameterType;
                if (first is null) continue;
                if (first.IsAssignableFrom(manager) || (first.IsGenericParameter && Satisfies(first, manager)) || (first.IsGenericType && manager.IsAssignableToGeneric(first)))
                {
                    names.Add(m.Name);
                }
            }
        }
        return names;
    }

    private static bool Satisfies(Type genericParameter, Type candidate) =>
        genericParameter.GetGenericParameterConstraints().All(c => c.ContainsGenericParameters ? candidate.IsAssignableToGeneric(c) : c.IsAssignableFrom(candidate));

    private static IEnumerable<Type> SafeTypes(Assembly a)
    {
        try { return a.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); }
    }

    private static OdooFieldMetadata? FindRelation(OdooModelMetadata meta, RefField f)
    {
        var name = Names.Pascal(f.Name);
        return f.Relation!.Role switch
        {
            "id" => meta.Fields.FirstOrDefault(x => x.Kind == OdooFieldKind.Many2One && x.IdProperty == name),
            "name" => meta.Fields.FirstOrDefault(x => x.Kind == OdooFieldKind.Many2One && x.NameProperty == name),
            "ids" => meta.Fields.FirstOrDefault(x => x.IsToMany && x.IdsProperty == name),
            _ => Resolve(meta, meta.FindByName(name)),
        };
    }

    private static OdooFieldMetadata? Resolve(OdooModelMetadata meta, OdooFieldMetadata? field)
    {
        for (var i = 0; field?.AliasOf is { } target && i < 10; i++) field = meta.FindByName(target);
        return field;
    }

    /// <summary>Returns why the declaration does not match the reference field, or <see langword="null"/>.</summary>
    private static string? Check(RefRecord record, OdooModelMetadata meta, RefField f)
    {
        var name = Names.Pascal(f.Name);
        if (f.Name == "display_name") return null; // OdooRecord.DisplayName
        if (f.AliasOf is { } aliasOf)
        {
            var alias = meta.Fields.FirstOrDefault(x => x.Name == name);
            if (alias?.AliasOf is null) return $"no alias {name}";
            var target = Resolve(meta, alias);
            var expected = record.Fields.Single(x => x.Name == aliasOf);
            var expectedField = expected.Relation is null ? meta.FindByName(Names.Pascal(expected.Name)) : FindRelation(meta, expected);
            return target is not null && ReferenceEquals(target, expectedField) ? null : $"alias {name} does not resolve to {aliasOf}";
        }
        if (f.Relation is { } rel)
        {
            var target = ReferenceCatalogue.Current.Records.SingleOrDefault(r => r.Record == (rel.Target == "Self" ? record.Record : rel.Target));
            var field = FindRelation(meta, f);
            if (field is null) return $"no {rel.Role} role named {name}";
            if (field.RemoteName != rel.RemoteField) return $"remote field {field.RemoteName}, reference reads {rel.RemoteField}";
            if (field.RelationModel != target?.OdooModel) return $"targets {field.RelationModel}, reference {target?.OdooModel}";
            var toMany = rel.Role is "ids" or "records";
            if (toMany != field.IsToMany) return $"is {(field.IsToMany ? "x2many" : "many2one")}, reference reads it as {(toMany ? "a list" : "a pair")}";
            if (rel.Role is "id" or "name" or "record" && f.IsOptional && !field.IsNullable) return "reference allows an empty link, declared required";
            if (rel.Role == "id" && f.Type != "int") return $"id role typed {f.Type} in the reference";
            if (rel.Role == "name" && f.Type != "str") return $"name role typed {f.Type} in the reference";
            return null;
        }
        var plain = meta.Fields.FirstOrDefault(x => x.Name == name && x.AliasOf is null);
        if (plain is null) return $"no property {name}";
        if (plain.GetRemoteName(null) != f.Name) return $"remote name {plain.RemoteName}";
        if (f.IsOptional && !plain.IsNullable) return "reference allows empty values, declared non-nullable";
        var kindOk = f.Type switch
        {
            "int" => plain.Kind == OdooFieldKind.Integer,
            "float" => plain.Kind == OdooFieldKind.Float,
            "bool" => plain.Kind == OdooFieldKind.Boolean,
            "str" => plain.Kind is OdooFieldKind.Char or OdooFieldKind.Binary,
            "date" => plain.Kind == OdooFieldKind.Date,
            "datetime" => plain.Kind == OdooFieldKind.DateTime,
            _ when f.Type.StartsWith("selection", StringComparison.Ordinal) => plain.Kind == OdooFieldKind.Selection,
            _ => false,
        };
        if (!kindOk) return $"kind {plain.Kind} for reference type {f.Type}";
        if (f.Values.Count > 0)
        {
            var keys = plain.SelectionOptions.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
            var missing = f.Values.Where(v => !keys.Contains(v)).ToArray();
            if (missing.Length > 0) return "selection lacks " + string.Join(", ", missing);
        }
        return null;
    }
}

internal static class TypeExtensions
{
    public static bool IsAssignableToGeneric(this Type type, Type generic)
    {
        var definition = generic.IsGenericType ? generic.GetGenericTypeDefinition() : generic;
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == definition) return true;
            if (t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition)) return true;
        }
        return false;
    }
}
