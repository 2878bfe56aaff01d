using Odoo;
using Odoo.Domains;
using Odoo.Models.OpenStack;
using Odoo.Testing;
using OdooGen.Benchmarks.Support;

namespace OdooGen.Benchmarks.Scenarios;

/// <summary>
/// One many2one (<c>ReferralCreditType</c>) for 500 referral codes, each pointing at its own credit
/// type: loaded for all records at once (<c>records.LoadAsync(ReferralCode.Relations.ReferralCreditType)</c>,
/// one <c>read</c>) or record by record (<c>LoadReferralCreditTypeAsync</c>, one <c>read</c> each).
/// </summary>
public sealed class RelationScenario : IAsyncDisposable
{
    public const int Count = 500;

    private RelationScenario(OdooTestServer server, OpenStackOdooClient odoo)
    {
        Server = server;
        Odoo = odoo;
    }

    public OdooTestServer Server { get; }

    public OpenStackOdooClient Odoo { get; }

    public static async Task<RelationScenario> StartAsync()
    {
        var server = await BenchOdoo.StartAsync(Count, creditTypes: Count);
        return new RelationScenario(server, await BenchOdoo.ConnectAsync(server));
    }

    /// <summary>Fresh records (relation caches empty).</summary>
    public Task<IReadOnlyList<ReferralCode>> FetchAsync() =>
        Odoo.ReferralCodes.SearchAsync(OdooDomain.Where("id", "<=", Count), order: "id");

    public async Task<int> BatchedAsync(IReadOnlyList<ReferralCode> records)
    {
        await records.LoadAsync(ReferralCode.Relations.ReferralCreditType);
        return Check(records);
    }

    public async Task<int> PerRecordAsync(IReadOnlyList<ReferralCode> records)
    {
        foreach (var r in records) await r.LoadReferralCreditTypeAsync();
        return Check(records);
    }

    /// <summary>The <c>read</c>s of credit types the server has received.</summary>
    public int CreditTypeReads => Server.CountCalls("openstack.credit.type", "read");

    private static int Check(IReadOnlyList<ReferralCode> records)
    {
        foreach (var r in records)
        {
            if (r.ReferralCreditType.Id != r.ReferralCreditTypeId) throw new InvalidOperationException("Wrong credit type loaded.");
        }
        return records.Count;
    }

    public async ValueTask DisposeAsync()
    {
        await Odoo.DisposeAsync();
        await Server.DisposeAsync();
    }
}
