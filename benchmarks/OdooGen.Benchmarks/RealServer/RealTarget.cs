using System.Globalization;
using Odoo;
using Odoo.Domains;
using Odoo.Models.OpenStack;
using Odoo.Values;

namespace OdooGen.Benchmarks.RealServer;

/// <summary>A many2one over a fixed set of fetched records: loaded all at once, or record by record (the N+1 reference).</summary>
/// <remarks><see cref="LoadOneByOneAsync"/> loads the first <c>n</c> records' relation, one request each.</remarks>
public sealed record Many2OneSet(int Records, Func<Task> LoadBatchedAsync, Func<int, Task> LoadOneByOneAsync, string RelatedModel, IReadOnlyList<int> RelatedIds);

/// <summary>
/// What the real-server scenarios do through the library, for one model: the seeded records (keys
/// <c>BENCH-000001</c>...), the calls each scenario makes, and the unique field raw floors rewrite.
/// Seeding and clean-up go through the library too, idempotently.
/// </summary>
public abstract class RealTarget(int records, int many2OneRecords)
{
    public const string Prefix = "BENCH-";
    public const string TempPrefix = "BENCHTMP-";

    public int Records { get; } = records;

    public int Many2OneRecords { get; } = many2OneRecords;

    /// <summary>The Odoo model.</summary>
    public abstract string Model { get; }

    /// <summary>The unique (by construction) text field the keys go in, as Odoo names it.</summary>
    public abstract string UniqueField { get; }

    /// <summary>The field set "named fields" reads.</summary>
    public abstract string[] NamedFields { get; }

    /// <summary>The fields of the "small read".</summary>
    public abstract string[] SmallFields { get; }

    public static string Key(int i) => Prefix + i.ToString("D6", CultureInfo.InvariantCulture);

    public static string TempKey(string run, int i) => TempPrefix + run + "-" + i.ToString("D4", CultureInfo.InvariantCulture);

    protected OdooDomain Seeded => OdooDomain.Where(UniqueField, "=like", Prefix + "%");

    /// <summary>Creates what is missing (nothing when everything is there); removes temporary records left by an interrupted run.</summary>
    public abstract Task SeedAsync(OpenStackOdooClient odoo, Action<string> log);

    /// <summary>The ids of the seeded records, in id order.</summary>
    public abstract Task<IReadOnlyList<int>> SeededIdsAsync(OpenStackOdooClient odoo);

    public abstract Task<int> ReadSmallAsync(OpenStackOdooClient odoo, int id);

    public abstract Task<int> GetByKeyAsync(OpenStackOdooClient odoo, string key);

    public abstract Task<int> CreateAsync(OpenStackOdooClient odoo, string key);

    public abstract Task<int> CreateManyAsync(OpenStackOdooClient odoo, IReadOnlyList<string> keys);

    /// <summary>Deletes every temporary record (untimed clean-up after the create scenarios).</summary>
    public abstract Task<int> DeleteTemporaryAsync(OpenStackOdooClient odoo);

    /// <summary>Every seeded record, all fields (<paramref name="named"/> false) or <see cref="NamedFields"/>.</summary>
    public abstract Task<int> SearchSeededAsync(OpenStackOdooClient odoo, bool named);

    public abstract Task<int> StreamSeededAsync(OpenStackOdooClient odoo);

    public abstract Task<int> CountSeededAsync(OpenStackOdooClient odoo);

    /// <summary>A page of 20 seeded records (named fields).</summary>
    public abstract Task<int> PageAsync(OpenStackOdooClient odoo, int offset);

    /// <summary>Fresh records (relation caches empty) for the many2one scenario.</summary>
    public abstract Task<Many2OneSet> FetchMany2OneAsync(OpenStackOdooClient odoo);
}

/// <summary>
/// <c>openstack.referral_code</c> (the OpenStack test addon): 5,000 codes <c>BENCH-000001</c>...,
/// the first 500 each pointing at its own credit type (<c>BENCH-CT-0001</c>...), so the batched
/// many2one load reads 500 distinct ids.
/// </summary>
public sealed class ReferralTarget(int records = 5_000, int many2OneRecords = 500) : RealTarget(records, many2OneRecords)
{
    private const string ProductName = "BENCH credit product";
    private IReadOnlyList<int> _creditTypes = [];

    public override string Model => "openstack.referral_code";

    public override string UniqueField => "code";

    public override string[] NamedFields => [nameof(ReferralCode.Code), nameof(ReferralCode.AllowedUses), nameof(ReferralCode.ReferralCreditType)];

    public override string[] SmallFields => [nameof(ReferralCode.Code), nameof(ReferralCode.AllowedUses)];

    private static string CreditTypeName(int i) => Prefix + "CT-" + i.ToString("D4", CultureInfo.InvariantCulture);

    public override async Task SeedAsync(OpenStackOdooClient odoo, Action<string> log)
    {
        await DeleteTemporaryAsync(odoo);
        var products = odoo.Client.Model("product.product");
        var product = (await products.SearchAsync(new object[] { new object[] { "name", "=", ProductName } }, limit: 1)).FirstOrDefault();
        if (product == 0) product = await products.CreateAsync(new Dictionary<string, object?> { ["name"] = ProductName });

        var typeCount = Math.Max(Many2OneRecords, 2);
        var existingTypes = (await odoo.CreditTypes.SearchAsync(OdooDomain.Where("name", "=like", Prefix + "CT-%"), [nameof(CreditType.Name)], order: "id"))
            .ToDictionary(t => t.Name, t => t.Id, StringComparer.Ordinal);
        var missingTypes = Enumerable.Range(1, typeCount).Where(i => !existingTypes.ContainsKey(CreditTypeName(i))).ToList();
        foreach (var chunk in missingTypes.Chunk(500))
        {
            var ids = await odoo.CreditTypes.CreateManyAsync(chunk.Select(i => new OdooValues
            {
                [nameof(CreditType.Name)] = CreditTypeName(i),
                [nameof(CreditType.Product)] = product,
                [nameof(CreditType.Refundable)] = i % 2 == 0,
            }));
            for (var k = 0; k < chunk.Length; k++) existingTypes[CreditTypeName(chunk[k])] = ids[k];
        }
        if (missingTypes.Count > 0) log($"created {missingTypes.Count} credit types");
        _creditTypes = Enumerable.Range(1, typeCount).Select(i => existingTypes[CreditTypeName(i)]).ToArray();

        var existing = (await odoo.ReferralCodes.SearchAsync(Seeded, [nameof(ReferralCode.Code)])).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var missing = Enumerable.Range(1, Records).Where(i => !existing.Contains(Key(i))).ToList();
        foreach (var chunk in missing.Chunk(500))
        {
            await odoo.ReferralCodes.CreateManyAsync(chunk.Select(i => Values(Key(i), i)));
        }
        if (missing.Count > 0) log($"created {missing.Count} referral codes");
        var total = await odoo.ReferralCodes.CountAsync(Seeded);
        if (total != Records) throw new InvalidOperationException($"{total} referral codes match '{Prefix}%', expected {Records}: remove the extra ones.");
    }

    private OdooValues Values(string code, int i) => new()
    {
        [nameof(ReferralCode.Code)] = code,
        [nameof(ReferralCode.AllowedUses)] = i % 1000,
        [nameof(ReferralCode.BeforeRewardUsageThreshold)] = i * 0.5,
        [nameof(ReferralCode.ReferralCreditAmount)] = 50.0,
        [nameof(ReferralCode.ReferralCreditDuration)] = 30,
        [nameof(ReferralCode.ReferralCreditType)] = _creditTypes[(i - 1) % _creditTypes.Count],
        [nameof(ReferralCode.RewardCreditAmount)] = 25.5,
        [nameof(ReferralCode.RewardCreditDuration)] = 90,
        [nameof(ReferralCode.RewardCreditType)] = _creditTypes[i % _creditTypes.Count],
    };

    public override async Task<IReadOnlyList<int>> SeededIdsAsync(OpenStackOdooClient odoo) =>
        await odoo.ReferralCodes.SearchIdsAsync(Seeded, order: "id");

    public override async Task<int> ReadSmallAsync(OpenStackOdooClient odoo, int id) =>
        (await odoo.ReferralCodes.GetAsync(id, SmallFields)).Id;

    public override async Task<int> GetByKeyAsync(OpenStackOdooClient odoo, string key) =>
        (await odoo.ReferralCodes.GetByCodeAsync(key)).Id;

    public override Task<int> CreateAsync(OpenStackOdooClient odoo, string key) =>
        odoo.ReferralCodes.CreateAsync(Values(key, 7));

    public override async Task<int> CreateManyAsync(OpenStackOdooClient odoo, IReadOnlyList<string> keys) =>
        (await odoo.ReferralCodes.CreateManyAsync(keys.Select(k => Values(k, 7)))).Count;

    public override async Task<int> DeleteTemporaryAsync(OpenStackOdooClient odoo)
    {
        var ids = await odoo.ReferralCodes.SearchIdsAsync(OdooDomain.Where("code", "=like", TempPrefix + "%"));
        if (ids.Count > 0) await odoo.ReferralCodes.DeleteAsync(ids);
        return ids.Count;
    }

    public override async Task<int> SearchSeededAsync(OpenStackOdooClient odoo, bool named) =>
        (await odoo.ReferralCodes.SearchAsync(Seeded, named ? NamedFields : null, order: "id")).Count;

    public override async Task<int> StreamSeededAsync(OpenStackOdooClient odoo)
    {
        var n = 0;
        await foreach (var code in odoo.ReferralCodes.StreamAsync(Seeded, NamedFields)) n += code.Id > 0 ? 1 : 0;
        return n;
    }

    public override Task<int> CountSeededAsync(OpenStackOdooClient odoo) => odoo.ReferralCodes.CountAsync(Seeded);

    public override async Task<int> PageAsync(OpenStackOdooClient odoo, int offset) =>
        (await odoo.ReferralCodes.SearchAsync(Seeded, NamedFields, order: "id", limit: 20, offset: offset)).Count;

    public override async Task<Many2OneSet> FetchMany2OneAsync(OpenStackOdooClient odoo)
    {
        var records = await odoo.ReferralCodes.SearchAsync(Seeded, [nameof(ReferralCode.Code), nameof(ReferralCode.ReferralCreditType)], order: "id", limit: Many2OneRecords);
        return new Many2OneSet(
            records.Count,
            async () =>
            {
                await records.LoadAsync(ReferralCode.Relations.ReferralCreditType);
                Check(records);
            },
            async n =>
            {
                foreach (var r in records.Take(n)) await r.LoadReferralCreditTypeAsync();
                Check(records.Take(n).ToArray());
            },
            "openstack.credit.type",
            records.Select(r => r.ReferralCreditTypeId).ToArray());
    }

    private static void Check(IReadOnlyList<ReferralCode> records)
    {
        foreach (var r in records)
        {
            if (r.ReferralCreditType.Id != r.ReferralCreditTypeId) throw new InvalidOperationException("Wrong credit type loaded.");
        }
    }
}

/// <summary>
/// <c>res.partner</c> on a stock Odoo (no test addon): partners named <c>BENCH-000001</c>..., each
/// with a parent among <c>BENCH-P-0001</c>... (one per many2one record). Named fields only: the
/// declaration's other fields belong to the OpenStack addon. For developing the harness; the figures
/// come from <see cref="ReferralTarget"/>.
/// </summary>
public sealed class PartnerTarget(int records, int many2OneRecords) : RealTarget(records, many2OneRecords)
{
    private IReadOnlyList<int> _parents = [];

    public override string Model => "res.partner";

    public override string UniqueField => "name";

    public override string[] NamedFields => [nameof(Partner.Name), nameof(Partner.Email), nameof(Partner.Parent)];

    public override string[] SmallFields => [nameof(Partner.Name), nameof(Partner.Email)];

    private static string ParentName(int i) => Prefix + "P-" + i.ToString("D4", CultureInfo.InvariantCulture);

    public override async Task SeedAsync(OpenStackOdooClient odoo, Action<string> log)
    {
        await DeleteTemporaryAsync(odoo);
        var parents = (await odoo.Partners.SearchAsync(OdooDomain.Where("name", "=like", Prefix + "P-%"), [nameof(Partner.Name)]))
            .ToDictionary(p => p.Name!, p => p.Id, StringComparer.Ordinal);
        var missingParents = Enumerable.Range(1, Many2OneRecords).Where(i => !parents.ContainsKey(ParentName(i))).ToList();
        foreach (var chunk in missingParents.Chunk(500))
        {
            var ids = await odoo.Partners.CreateManyAsync(chunk.Select(i => new OdooValues { [nameof(Partner.Name)] = ParentName(i) }));
            for (var k = 0; k < chunk.Length; k++) parents[ParentName(chunk[k])] = ids[k];
        }
        _parents = Enumerable.Range(1, Many2OneRecords).Select(i => parents[ParentName(i)]).ToArray();
        var existing = (await odoo.Partners.SearchAsync(Seeded, [nameof(Partner.Name)])).Select(p => p.Name!).ToHashSet(StringComparer.Ordinal);
        var missing = Enumerable.Range(1, Records).Where(i => !existing.Contains(Key(i))).ToList();
        foreach (var chunk in missing.Chunk(500)) await odoo.Partners.CreateManyAsync(chunk.Select(i => Values(Key(i), i)));
        if (missing.Count + missingParents.Count > 0) log($"created {missing.Count} partners and {missingParents.Count} parents");
    }

    private OdooValues Values(string name, int i) => new()
    {
        [nameof(Partner.Name)] = name,
        [nameof(Partner.Email)] = name.ToLowerInvariant() + "@example.invalid",
        [nameof(Partner.Parent)] = _parents.Count == 0 ? null : _parents[(i - 1) % _parents.Count],
    };

    // "BENCH-%" also matches the parents "BENCH-P-...": the seeded records are "BENCH-" and six digits.
    private static OdooDomain SeededOnly => OdooDomain.Where("name", "=like", Prefix + "______") & OdooDomain.Where("name", "not like", Prefix + "P-");

    public override async Task<IReadOnlyList<int>> SeededIdsAsync(OpenStackOdooClient odoo) => await odoo.Partners.SearchIdsAsync(SeededOnly, order: "id");

    public override async Task<int> ReadSmallAsync(OpenStackOdooClient odoo, int id) => (await odoo.Partners.GetAsync(id, SmallFields)).Id;

    public override async Task<int> GetByKeyAsync(OpenStackOdooClient odoo, string key) => (await odoo.Partners.GetByUniqueFieldAsync("name", key, fields: NamedFields)).Id;

    public override Task<int> CreateAsync(OpenStackOdooClient odoo, string key) => odoo.Partners.CreateAsync(Values(key, 1));

    public override async Task<int> CreateManyAsync(OpenStackOdooClient odoo, IReadOnlyList<string> keys) =>
        (await odoo.Partners.CreateManyAsync(keys.Select(k => Values(k, 1)))).Count;

    public override async Task<int> DeleteTemporaryAsync(OpenStackOdooClient odoo)
    {
        var ids = await odoo.Partners.SearchIdsAsync(OdooDomain.Where("name", "=like", TempPrefix + "%"));
        if (ids.Count > 0) await odoo.Partners.DeleteAsync(ids);
        return ids.Count;
    }

    public override async Task<int> SearchSeededAsync(OpenStackOdooClient odoo, bool named) =>
        (await odoo.Partners.SearchAsync(SeededOnly, named ? NamedFields : [.. NamedFields, nameof(Partner.Active), nameof(Partner.Company), nameof(Partner.User)], order: "id")).Count;

    public override async Task<int> StreamSeededAsync(OpenStackOdooClient odoo)
    {
        var n = 0;
        await foreach (var p in odoo.Partners.StreamAsync(SeededOnly, NamedFields)) n += p.Id > 0 ? 1 : 0;
        return n;
    }

    public override Task<int> CountSeededAsync(OpenStackOdooClient odoo) => odoo.Partners.CountAsync(SeededOnly);

    public override async Task<int> PageAsync(OpenStackOdooClient odoo, int offset) =>
        (await odoo.Partners.SearchAsync(SeededOnly, NamedFields, order: "id", limit: 20, offset: offset)).Count;

    public override async Task<Many2OneSet> FetchMany2OneAsync(OpenStackOdooClient odoo)
    {
        var records = await odoo.Partners.SearchAsync(SeededOnly, NamedFields, order: "id", limit: Many2OneRecords);
        return new Many2OneSet(
            records.Count,
            () => records.LoadAsync(Partner.Relations.Parent),
            async n =>
            {
                foreach (var r in records.Take(n)) await r.LoadParentAsync();
            },
            "res.partner",
            records.Select(r => r.ParentId ?? 0).ToArray());
    }
}
