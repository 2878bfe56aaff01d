using System.Text.Json;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>The Python reference's record catalogue (<c>TestData/models.json</c>), as the walk test needs it.</summary>
internal sealed class ReferenceCatalogue
{
    private static readonly Lazy<ReferenceCatalogue> Instance = new(Load);

    public static ReferenceCatalogue Current => Instance.Value;

    public required IReadOnlyList<RefField> BaseFields { get; init; }

    public required IReadOnlyList<RefRecord> Records { get; init; }

    public RefRecord this[string record] => Records.Single(r => r.Record == record);

    public static string TestDataPath(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", file);

    private static ReferenceCatalogue Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestDataPath("models.json")));
        var root = doc.RootElement;
        return new ReferenceCatalogue
        {
            BaseFields = [.. root.GetProperty("base_fields").EnumerateArray().Select(ReadField)],
            Records = [.. root.GetProperty("records").EnumerateArray().Select(ReadRecord)],
        };
    }

    private static RefRecord ReadRecord(JsonElement e) => new()
    {
        Record = e.GetProperty("record").GetString()!,
        OdooModel = e.GetProperty("odoo_model").GetString()!,
        ClientAttribute = e.GetProperty("client_attribute").GetString()!,
        ManagerClass = e.GetProperty("manager_class").GetString()!,
        Mixins = e.TryGetProperty("mixins", out var m) ? [.. m.EnumerateArray().Select(x => x.GetString()!)] : [],
        Fields = [.. e.GetProperty("fields").EnumerateArray().Select(ReadField)],
        DefaultFields = e.TryGetProperty("default_fields", out var d) ? [.. d.EnumerateArray().Select(x => x.GetString()!)] : null,
        FieldMapping = e.TryGetProperty("field_mapping", out var fm)
            ? fm.EnumerateObject().ToDictionary(v => v.Name, v => (IReadOnlyDictionary<string, string>)v.Value.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.GetString()!))
            : new Dictionary<string, IReadOnlyDictionary<string, string>>(),
        Methods = e.TryGetProperty("manager_methods", out var mm)
            ? [.. mm.EnumerateArray().Select(x => new RefMethod(x.GetProperty("name").GetString()!, x.GetProperty("on").GetString()!, x.TryGetProperty("kind", out var k) ? k.GetString() : null))]
            : [],
    };

    private static RefField ReadField(JsonElement e)
    {
        RefRelation? rel = null;
        if (e.TryGetProperty("relation", out var r))
        {
            rel = new RefRelation(r.GetProperty("remote_field").GetString()!, r.GetProperty("target").GetString()!, r.GetProperty("role").GetString()!);
        }
        return new RefField
        {
            Name = e.GetProperty("name").GetString()!,
            Type = e.GetProperty("type").GetString()!,
            Optional = e.TryGetProperty("optional", out var o) ? o.GetString() : null,
            Relation = rel,
            AliasOf = e.TryGetProperty("alias_of", out var a) ? a.GetString() : null,
            Values = e.TryGetProperty("values", out var v) ? [.. v.EnumerateArray().Select(x => x.GetString()!)] : [],
            FromMixin = e.TryGetProperty("from_mixin", out var fmx) ? fmx.GetString() : null,
        };
    }
}

internal sealed record RefRecord
{
    public required string Record { get; init; }
    public required string OdooModel { get; init; }
    public required string ClientAttribute { get; init; }
    public required string ManagerClass { get; init; }
    public required IReadOnlyList<string> Mixins { get; init; }
    public required IReadOnlyList<RefField> Fields { get; init; }
    public IReadOnlyList<string>? DefaultFields { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> FieldMapping { get; init; }
    public required IReadOnlyList<RefMethod> Methods { get; init; }

    public override string ToString() => Record;
}

internal sealed record RefField
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public string? Optional { get; init; }
    public RefRelation? Relation { get; init; }
    public string? AliasOf { get; init; }
    public IReadOnlyList<string> Values { get; init; } = [];
    public string? FromMixin { get; init; }

    public bool IsOptional => Optional is not null;
}

internal sealed record RefRelation(string RemoteField, string Target, string Role);

internal sealed record RefMethod(string Name, string On, string? Kind);

internal static class Names
{
    /// <summary><c>referral_credit_type_id</c> → <c>ReferralCreditTypeId</c>.</summary>
    public static string Pascal(string snake) =>
        string.Concat(snake.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
