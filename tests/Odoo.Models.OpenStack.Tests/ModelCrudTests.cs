using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Odoo.Domains;
using Odoo.Managers;
using Odoo.Metadata;
using Odoo.Values;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// For each of the 36 models, against the in-memory server with the schema of a real Odoo 18 and the
/// test addon (<see cref="RealSchema"/>, so a field name or type Odoo does not have fails here): create a record with a value for every
/// declared field, get it and read every field back (value and CLR type), find it with a domain over
/// all its fields by local names and typed values, update every field and read them again, clear the
/// nullable ones, and delete it.
/// </summary>
public sealed class ModelCrudTests(TestOdooFixture fixture) : IClassFixture<TestOdooFixture>
{
    private TestOdoo T => fixture.Odoo;

    public static TheoryData<string> RecordNames() => ReferenceWalkTests.RecordNames();

    [Theory]
    [MemberData(nameof(RecordNames))]
    public Task Create_get_search_update_clear_and_delete_read_every_field(string recordName) =>
        (Task)typeof(ModelCrudTests).GetMethod(nameof(RunAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(ModelTypes.Record(recordName)).Invoke(this, null)!;

    private async Task RunAsync<TRecord>() where TRecord : OdooRecord, IOdooRecord<TRecord>
    {
        var meta = TRecord.Metadata;
        var manager = (OdooManager<TRecord>)T.Odoo.GetManager(meta.ModelName);
        Assert.IsAssignableFrom<OdooManager<TRecord>>(typeof(OpenStackOdooClient).GetProperties().Single(p => p.PropertyType == manager.GetType()).GetValue(T.Odoo));
        var fields = meta.Fields.Where(f => f.AliasOf is null && !OdooModelMetadata.BaseFields.Any(b => b.Name == f.Name)).ToList();
        Assert.NotEmpty(fields);

        // Create with every field.
        var first = Sample(meta, fields, 1);
        var id = await manager.CreateAsync(first.Values);
        // Attachment reads a default field set without the contents; ask for every declared field.
        string[]? all = meta.DefaultFields is null ? null : [.. fields.Select(f => f.Name)];
        var record = await manager.GetAsync(id, all);
        Assert.Equal(id, record.Id);
        await AssertFieldsAsync(record, meta, first.Expected);

        // Search by a domain over every plain and many2one field (local names, typed values).
        var domain = OdooDomain.Equal("Id", id);
        foreach (var (field, expected) in first.Expected)
        {
            if (field.IsToMany || field.RemoteName is "checksum" or "datas") continue;
            domain &= field.Kind == OdooFieldKind.Many2One
                ? OdooDomain.Equal(field.IdProperty!, ((Many2OneValue)expected!).Id)
                : OdooDomain.Equal(field.Name, expected);
        }
        var found = await manager.SearchAsync(domain, all);
        Assert.Equal([id], found.Select(r => r.Id));
        await AssertFieldsAsync(found[0], meta, first.Expected);

        // Update every field.
        var second = Sample(meta, fields, 2);
        await manager.UpdateAsync(id, second.Values);
        await AssertFieldsAsync(await manager.GetAsync(id, all), meta, second.Expected);

        // Clear the nullable fields: Odoo answers false, which reads as null.
        var nullable = fields.Where(f => f.IsNullable && !f.IsToMany).ToList();
        if (nullable.Count > 0)
        {
            var clear = new OdooValues();
            foreach (var f in nullable.Where(f => f.RemoteName != "checksum")) clear[f.Name] = null; // checksum is computed from datas
            await manager.UpdateAsync(id, clear);
            var cleared = await manager.GetAsync(id, all);
            foreach (var f in nullable)
            {
                if (f.Kind == OdooFieldKind.Many2One)
                {
                    Assert.Null(Property(cleared, f.IdProperty!));
                    Assert.Null(Property(cleared, f.NameProperty!));
                    Assert.Null(await LoadAsync(cleared, f));
                }
                else if (f.Kind is OdooFieldKind.Integer or OdooFieldKind.Float)
                {
                    // Odoo reads an empty number as 0, never false.
                    Assert.True(Property(cleared, f.Name) is null or 0 or 0.0, $"{typeof(TRecord).Name}.{f.Name} should read as 0 or null once cleared");
                }
                else
                {
                    Assert.True(Property(cleared, f.Name) is null, $"{typeof(TRecord).Name}.{f.Name} should read as null once cleared");
                }
            }
        }

        // Delete.
        await manager.DeleteAsync(id);
        Assert.Null(await manager.FindAsync(id));
        Assert.False(T.Server.Exists(meta.ModelName, id));
    }

    private sealed record Many2OneValue(int Id, string Name);

    private sealed record SampleValues(OdooValues Values, List<(OdooFieldMetadata Field, object? Expected)> Expected);

    /// <summary>A value for every field; variant 1 and 2 differ in every field.</summary>
    private SampleValues Sample(OdooModelMetadata meta, List<OdooFieldMetadata> fields, int variant)
    {
        var values = new OdooValues();
        var expected = new List<(OdooFieldMetadata, object?)>();
        if (meta.ModelName == "res.users") values["login"] = $"user-{Guid.NewGuid():N}"; // required by Odoo, not declared
        byte[]? datas = null;
        foreach (var f in fields)
        {
            object? value;
            object? expect;
            switch (f.Kind)
            {
                case OdooFieldKind.Boolean:
                    value = expect = variant == 1;
                    break;
                case OdooFieldKind.Integer:
                    value = expect = 6 + variant;
                    break;
                case OdooFieldKind.Float:
                    value = expect = 1.25 * (variant + 1);
                    break;
                case OdooFieldKind.Char when f.RemoteName == "datas":
                    datas = Encoding.UTF8.GetBytes($"contents {variant} of {meta.ModelName}");
                    value = expect = Convert.ToBase64String(datas);
                    break;
                case OdooFieldKind.Char when f.RemoteName == "checksum":
                    continue; // computed from datas, checked below
                case OdooFieldKind.Char:
                    value = expect = $"{f.RemoteName} {variant}";
                    break;
                case OdooFieldKind.Date:
                    value = expect = new DateOnly(2024, 6, variant);
                    break;
                case OdooFieldKind.DateTime:
                    value = expect = new DateTime(2024, 6, variant, 12, 34, 56, DateTimeKind.Utc);
                    break;
                case OdooFieldKind.Selection:
                    {
                        var option = f.SelectionOptions[(variant * 2) % f.SelectionOptions.Count];
                        value = expect = Enum.Parse(EnumType(meta, f), option.Member);
                        break;
                    }
                case OdooFieldKind.Many2One:
                    {
                        var target = Targets(f.RelationModel!)[variant - 1];
                        value = target;
                        expect = new Many2OneValue(target, DisplayName(f.RelationModel!, target));
                        break;
                    }
                case OdooFieldKind.One2Many or OdooFieldKind.Many2Many:
                    {
                        var targets = Targets(f.RelationModel!);
                        int[] ids = variant == 1 ? [targets[0]] : [targets[0], targets[1]];
                        value = expect = ids;
                        break;
                    }
                default:
                    throw new InvalidOperationException($"No sample for {f}.");
            }
            values[f.Name] = value;
            expected.Add((f, expect));
        }
        if (datas is not null)
        {
            expected.Add((meta.FindByName("Checksum")!, Convert.ToHexStringLower(SHA1.HashData(datas))));
        }
        return new SampleValues(values, expected);
    }

    private readonly Dictionary<string, int[]> _targets = [];

    /// <summary>Two records of a related model, created directly on the server once per test class.</summary>
    private int[] Targets(string model)
    {
        if (_targets.TryGetValue(model, out var ids)) return ids;
        var schema = T.Server.GetSchema(model)!;
        ids = new int[2];
        for (var i = 0; i < 2; i++)
        {
            var values = new Dictionary<string, object?>();
            if (schema.Field("name") is not null) values["name"] = $"{model} target {i + 1} {Guid.NewGuid():N}";
            if (model == "res.users")
            {
                values["login"] = $"target-{Guid.NewGuid():N}";
                values["partner_id"] = 3;
            }
            ids[i] = T.Server.Create(model, values);
        }
        return _targets[model] = ids;
    }

    private string DisplayName(string model, int id) =>
        T.Server.Read(model, [id], "display_name")[0]!["display_name"]!.GetValue<string>();

    private static Type EnumType(OdooModelMetadata meta, OdooFieldMetadata f)
    {
        var type = ModelTypes.Record(meta.RecordType.Split('.')[^1]).GetProperty(f.Name)!.PropertyType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static object? Property(object record, string name) =>
        record.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!.GetValue(record);

    private static async Task<object?> LoadAsync(object record, OdooFieldMetadata f)
    {
        var task = record.GetType().GetMethod($"Load{f.Name}Async")!.Invoke(record, [CancellationToken.None])!;
        var asTask = (Task)task.GetType().GetMethod("AsTask")!.Invoke(task, null)!;
        await asTask;
        return asTask.GetType().GetProperty("Result")!.GetValue(asTask);
    }

    private static async Task AssertFieldsAsync(OdooRecord record, OdooModelMetadata meta, List<(OdooFieldMetadata Field, object? Expected)> expected)
    {
        var type = record.GetType();
        foreach (var (f, value) in expected)
        {
            var where = $"{type.Name}.{f.Name}";
            switch (f.Kind)
            {
                case OdooFieldKind.Many2One:
                    {
                        var m2o = (Many2OneValue)value!;
                        Assert.Equal(m2o.Id, Property(record, f.IdProperty!));
                        Assert.Equal(m2o.Name, Property(record, f.NameProperty!));
                        var loaded = (OdooRecord?)await LoadAsync(record, f);
                        Assert.NotNull(loaded);
                        Assert.Equal(m2o.Id, loaded.Id);
                        Assert.Equal(f.RelationTarget!().RecordType, loaded.GetType().FullName);
                        Assert.Same(loaded, Property(record, f.Name)); // the property gives the loaded record
                        break;
                    }
                case OdooFieldKind.One2Many or OdooFieldKind.Many2Many:
                    {
                        var ids = (int[])value!;
                        var actual = (IReadOnlyList<int>)Property(record, f.IdsProperty!)!;
                        Assert.Equal(ids.Order(), actual.Order());
                        var loaded = ((IEnumerable)(await LoadAsync(record, f))!).Cast<OdooRecord>().ToList();
                        Assert.Equal(ids.Order(), loaded.Select(r => r.Id).Order());
                        Assert.All(loaded, r => Assert.Equal(f.RelationTarget!().RecordType, r.GetType().FullName));
                        break;
                    }
                default:
                    {
                        var actual = Property(record, f.Name);
                        Assert.True(Equals(value, actual), $"{where}: expected {value} ({value?.GetType().Name}), read {actual} ({actual?.GetType().Name})");
                        Assert.Equal(value!.GetType(), actual!.GetType());
                        if (actual is DateTime dt) Assert.Equal(DateTimeKind.Utc, dt.Kind);
                        break;
                    }
            }
        }

        // Aliases read the same value as their target.
        foreach (var alias in meta.Fields.Where(f => f.AliasOf is not null))
        {
            var a = Property(record, alias.Name);
            var t = Property(record, alias.AliasOf!);
            if (a is IEnumerable ea && a is not string) Assert.Equal(((IEnumerable)t!).Cast<object>(), ea.Cast<object>());
            else Assert.Equal(t, a);
        }
    }
}
