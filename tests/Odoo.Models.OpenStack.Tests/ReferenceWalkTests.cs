using System.Reflection;
using Odoo.Metadata;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// Walks every record of the Python reference's catalogue (<c>TestData/models.json</c>) against the
/// C# declarations: every field and relation role, the aliases, the version mapping, the default
/// fields, the mixins, the model-specific methods and the client property. Anything missing or
/// different fails, unless <see cref="ExpectedDifferences"/> lists that member with that kind of
/// difference; an entry of the list that no longer matches a difference fails too.
/// </summary>
public sealed class ReferenceWalkTests
{
    private static readonly string DifferencesDocument = File.ReadAllText(ReferenceCatalogue.TestDataPath("differences-from-python.md"));

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

    /// <summary>A difference the walk found: the reference's member of a record, its kind, and what differs.</summary>
    private sealed record Found(string Record, string Member, DifferenceKind Kind, string Detail)
    {
        public bool IsExpected => ExpectedDifferences.Contains(Record, Member, Kind);

        public override string ToString() => $"{Record}.{Member} ({Kind}): {Detail}";
    }

    private static string Unexpected(IEnumerable<Found> found) =>
        string.Join(Environment.NewLine, found.Where(f => !f.IsExpected).Select(f => f.ToString()));

    /// <summary>Every difference of <paramref name="record"/>'s fields, nullability and methods, expected or not.</summary>
    private static IEnumerable<Found> AllDifferences(RefRecord record) =>
        [.. FieldDifferences(record), .. NullableDifferences(record), .. MethodDifferences(record)];

    [Fact]
    public void Every_expected_difference_is_a_difference_the_walk_finds_and_is_documented()
    {
        var found = ReferenceCatalogue.Current.Records.SelectMany(AllDifferences).Select(f => (f.Record, f.Member, f.Kind)).ToHashSet();
        var unused = ExpectedDifferences.All.Where(e => !found.Contains((e.Record, e.Member, e.Kind))).ToList();
        Assert.True(unused.Count == 0, "Listed in ExpectedDifferences but no longer different (remove them):" + Environment.NewLine + string.Join(Environment.NewLine, unused));
        var duplicates = ExpectedDifferences.All.GroupBy(e => (e.Record, e.Member, e.Kind)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        // The document explains each one to users.
        var undocumented = ExpectedDifferences.All.Where(e => !DifferencesDocument.Contains($"`{e.Record}.{e.Member}`", StringComparison.Ordinal)).ToList();
        Assert.True(undocumented.Count == 0, "Not named in docs/differences-from-python.md: " + string.Join(", ", undocumented));
    }

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
    public void Every_reference_field_and_role_is_declared_or_expected(string recordName)
    {
        var record = ReferenceCatalogue.Current[recordName];
        var type = ModelTypes.Record(recordName);
        var meta = ModelTypes.Metadata(type);
        var problems = new List<string>();

        var attribute = type.GetCustomAttribute<OdooModelAttribute>()!;
        if (attribute.ModelName != record.OdooModel) problems.Add($"model name {attribute.ModelName}, expected {record.OdooModel}");
        if (meta.ModelName != record.OdooModel) problems.Add($"metadata model name {meta.ModelName}");

        var unexpected = Unexpected(FieldDifferences(record));
        if (unexpected.Length > 0) problems.Add(unexpected);

        if (record.DefaultFields is { } defaults)
        {
            // The reference's list, completed with the base fields every record exposes (differences-from-python.md).
            string[] expected = [.. defaults, .. new[] { "display_name", "create_date", "create_uid", "write_date", "write_uid" }.Where(b => !defaults.Contains(b))];
            if (meta.DefaultFields is null || !meta.DefaultFields.SequenceEqual(expected)) problems.Add("default fields differ");
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

    private static IEnumerable<Found> FieldDifferences(RefRecord record)
    {
        var meta = ModelTypes.Metadata(ModelTypes.Record(record.Record));
        foreach (var f in record.Fields)
        {
            if (Check(record, meta, f) is { } problem) yield return new Found(record.Record, f.Name, problem.Kind, problem.Detail);
        }
    }

    [Theory]
    [MemberData(nameof(RecordNames))]
    public void Fields_made_nullable_for_Odoo_18_are_expected(string recordName)
    {
        // A field the reference treats as always set, declared nullable here, is an Odoo 18 choice
        // and must be listed as such.
        var unexpected = Unexpected(NullableDifferences(ReferenceCatalogue.Current[recordName]));
        Assert.True(unexpected.Length == 0, "Nullable here but not in the reference, and not expected:" + Environment.NewLine + unexpected);
    }

    private static IEnumerable<Found> NullableDifferences(RefRecord record)
    {
        var meta = ModelTypes.Metadata(ModelTypes.Record(record.Record));
        foreach (var f in record.Fields.Where(f => !f.IsOptional && f.AliasOf is null && f.Name != "display_name" && f.Relation?.Role is null or "id" or "record"))
        {
            var field = f.Relation is null ? meta.FindByName(Names.Pascal(f.Name)) : FindRelation(meta, f);
            if (field is { IsNullable: true, Kind: not (OdooFieldKind.One2Many or OdooFieldKind.Many2Many) })
            {
                yield return new Found(record.Record, f.Name, DifferenceKind.Nullable, "always set in the reference, nullable here");
            }
        }
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

        var unexpected = Unexpected(MethodDifferences(record));
        if (unexpected.Length > 0) problems.Add(unexpected);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static IEnumerable<Found> MethodDifferences(RefRecord record)
    {
        var type = ModelTypes.Record(record.Record);
        var manager = ModelTypes.Manager(record.ManagerClass);
        var managerMethods = manager is null ? [] : AllMethods(manager);
        var recordMethods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var m in record.Methods)
        {
            var name = MethodNames.GetValueOrDefault(m.Name) ?? Names.Pascal(m.Name) + "Async";
            var onManager = m.On is "manager" or "both";
            var onRecord = m.On is "record" or "both";
            if (onManager && !managerMethods.Contains(name)) yield return new Found(record.Record, m.Name, DifferenceKind.MethodDiffers, $"{record.ManagerClass}.{name} missing");
            if (onRecord && !recordMethods.Contains(name)) yield return new Found(record.Record, m.Name, DifferenceKind.MethodDiffers, $"{record.Record}.{name} missing (record form)");
        }
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

    /// <summary>Returns how and why the declaration does not match the reference field, or <see langword="null"/>.</summary>
    private static (DifferenceKind Kind, string Detail)? Check(RefRecord record, OdooModelMetadata meta, RefField f)
    {
        var name = Names.Pascal(f.Name);
        if (f.Name == "display_name") return null; // OdooRecord.DisplayName
        if (f.AliasOf is { } aliasOf)
        {
            var alias = meta.Fields.FirstOrDefault(x => x.Name == name);
            if (alias?.AliasOf is null) return (DifferenceKind.NotDeclared, $"no alias {name}");
            var target = Resolve(meta, alias);
            var expected = record.Fields.Single(x => x.Name == aliasOf);
            var expectedField = expected.Relation is null ? meta.FindByName(Names.Pascal(expected.Name)) : FindRelation(meta, expected);
            return target is not null && ReferenceEquals(target, expectedField) ? null : (DifferenceKind.Renamed, $"alias {name} does not resolve to {aliasOf}");
        }
        if (f.Relation is { } rel)
        {
            var target = ReferenceCatalogue.Current.Records.SingleOrDefault(r => r.Record == (rel.Target == "Self" ? record.Record : rel.Target));
            var field = FindRelation(meta, f);
            if (field is null)
            {
                // The same Odoo field declared otherwise: another cardinality, or the other half of the pair.
                if (meta.Fields.FirstOrDefault(x => x.AliasOf is null && x.RemoteName == rel.RemoteField) is { } same && same.IsToMany != (rel.Role is "ids" or "records"))
                {
                    return (DifferenceKind.RelationChanged, $"{rel.RemoteField} is declared as {(same.IsToMany ? "an x2many" : "a many2one")} ({same.Name}); the reference reads it as {(same.IsToMany ? "a pair" : "a list")}");
                }
                if (rel.Role == "id" && meta.Fields.Any(x => x.Kind == OdooFieldKind.Many2One && x.NameProperty == name))
                {
                    return (DifferenceKind.TypeChanged, $"{name} is the name half of a many2one pair here, an id ({f.Type}) in the reference");
                }
                return (DifferenceKind.NotDeclared, $"no {rel.Role} role named {name}");
            }
            if (field.RemoteName != rel.RemoteField) return (DifferenceKind.Renamed, $"remote field {field.RemoteName}, reference reads {rel.RemoteField}");
            if (field.RelationModel != target?.OdooModel) return (DifferenceKind.RelationChanged, $"targets {field.RelationModel}, reference {target?.OdooModel}");
            var toMany = rel.Role is "ids" or "records";
            if (toMany != field.IsToMany) return (DifferenceKind.RelationChanged, $"is {(field.IsToMany ? "x2many" : "many2one")}, reference reads it as {(toMany ? "a list" : "a pair")}");
            if (rel.Role is "id" or "name" or "record" && f.IsOptional && !field.IsNullable) return (DifferenceKind.Required, "reference allows an empty link, declared required");
            if (rel.Role == "id" && f.Type != "int") return (DifferenceKind.TypeChanged, $"id role typed {f.Type} in the reference");
            if (rel.Role == "name" && f.Type != "str") return (DifferenceKind.TypeChanged, $"name role typed {f.Type} in the reference");
            return null;
        }
        var plain = meta.Fields.FirstOrDefault(x => x.Name == name && x.AliasOf is null);
        if (plain is null)
        {
            var alias = meta.Fields.FirstOrDefault(x => x.Name == name);
            return alias?.AliasOf is { } of ? (DifferenceKind.Renamed, $"{name} is an alias of {of} ({Resolve(meta, alias)?.RemoteName})") : (DifferenceKind.NotDeclared, $"no property {name}");
        }
        if (plain.GetRemoteName(null) != f.Name) return (DifferenceKind.Renamed, $"remote name {plain.RemoteName}");
        if (f.IsOptional && !plain.IsNullable) return (DifferenceKind.Required, "reference allows empty values, declared non-nullable");
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
        if (!kindOk) return (DifferenceKind.TypeChanged, $"kind {plain.Kind} for reference type {f.Type}");
        if (f.Values.Count > 0)
        {
            var keys = plain.SelectionOptions.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
            var missing = f.Values.Where(v => !keys.Contains(v)).ToArray();
            if (missing.Length > 0) return (DifferenceKind.SelectionChanged, "selection lacks " + string.Join(", ", missing));
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

