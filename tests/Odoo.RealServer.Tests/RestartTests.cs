using System.Collections.Concurrent;
using System.Diagnostics;
using Odoo.Domains;
using Odoo.Models.OpenStack;
using Odoo.Values;

namespace Odoo.RealServer.Tests;

/// <summary>
/// Odoo restarted under the client, with <b>default options</b>: a stream and a loop of reads finish with
/// nothing skipped or repeated, and creates keyed by a natural key leave every record exactly once. The
/// restart is <c>ODOO_RESTART_COMMAND</c> (scripts/real-odoo-tests.sh sets it when it runs the server
/// itself; against a server given by ODOO_URL these tests are filtered out unless you set it).
/// </summary>
[Collection(RealOdooCollection.Name)]
[Trait("Category", "Restart")]
public sealed class RestartTests(RealOdooFixture fixture) : IAsyncLifetime
{
    private const int CodeCount = 3_000;

    private OpenStackOdooClient Admin => fixture.Odoo;

    private Cleanup _cleanup = null!;
    private int _type;
    private List<int> _ids = null!;

    private static string Prefix => RealOdoo.Run + "-RST-";

    public async Task InitializeAsync()
    {
        _cleanup = new Cleanup(Admin.Client);
        var product = await Support.ProductAsync(Admin, _cleanup, "restart");
        _type = _cleanup.Add("openstack.credit.type", await Admin.CreditTypes.CreateAsync(new OdooValues { ["Name"] = RealOdoo.Name("restart"), ["Product"] = product }));
        var values = Enumerable.Range(0, CodeCount).Select(i => new OdooValues { ["Code"] = $"{Prefix}{i:D5}", ["ReferralCreditType"] = _type, ["RewardCreditType"] = _type });
        _ids = [.. _cleanup.Add("openstack.referral_code", await Admin.ReferralCodes.CreateManyAsync(values))];
    }

    public async Task DisposeAsync()
    {
        await WaitUntilUpAsync();
        var created = await Admin.ReferralCodes.SearchIdsAsync(OdooDomain.Where("Code", "=like", Prefix + "NEW-%"));
        _cleanup.Add("openstack.referral_code", created);
        await _cleanup.DisposeAsync();
    }

    private static string RestartCommand =>
        Environment.GetEnvironmentVariable("ODOO_RESTART_COMMAND") is { Length: > 0 } c
            ? c
            : throw new InvalidOperationException("ODOO_RESTART_COMMAND is not set: scripts/real-odoo-tests.sh sets it when it runs Odoo itself; filter these tests out (Category!=Restart) against a server you cannot restart.");

    /// <summary>Starts the restart without waiting for it.</summary>
    private static Task<int> RestartAsync()
    {
        var process = Process.Start(new ProcessStartInfo("sh", ["-c", RestartCommand]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        return process.WaitForExitAsync().ContinueWith(_ => process.ExitCode, TaskScheduler.Default);
    }

    private static async Task WaitUntilUpAsync()
    {
        using var http = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                using var answer = await http.PostAsync(RealOdoo.Url.TrimEnd('/') + "/web/webclient/version_info",
                    new StringContent("""{"jsonrpc":"2.0","method":"call","params":{},"id":1}""", System.Text.Encoding.UTF8, "application/json"));
                if (answer.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // still starting
            }
            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task A_stream_of_3000_codes_survives_a_restart_between_pages()
    {
        await using var odoo = await RealOdoo.ConnectAsync(); // default retry options
        var seen = new List<int>();
        Task<int>? restart = null;
        await foreach (var code in odoo.ReferralCodes.StreamAsync(OdooDomain.Where("Code", "=like", Prefix + "0%"), fields: ["Code"], batchSize: 300))
        {
            seen.Add(code.Id);
            if (seen.Count == 900) restart = RestartAsync();
            if (seen.Count == 901) await Task.Delay(1_000); // the next page is asked for while Odoo is down
        }

        Assert.Equal(0, await restart!);
        Assert.Equal(_ids.Order(), seen);
    }

    [Fact]
    public async Task A_loop_of_reads_survives_a_restart()
    {
        await using var odoo = await RealOdoo.ConnectAsync();
        Task<int>? restart = null;
        var read = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            if (i == 20) restart = RestartAsync();
            var code = await odoo.ReferralCodes.GetAsync(_ids[i], ["Code"]);
            read.Add(code.Code);
        }

        Assert.Equal(0, await restart!);
        Assert.Equal(Enumerable.Range(0, 120).Select(i => $"{Prefix}{i:D5}"), read);
    }

    [Fact]
    public async Task Creates_keyed_by_code_while_odoo_restarts_exist_exactly_once()
    {
        await using var odoo = await RealOdoo.ConnectAsync();
        var outcomes = new ConcurrentDictionary<string, string>();
        var restart = RestartAsync();
        await Parallel.ForEachAsync(Enumerable.Range(0, 60), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, ct) =>
        {
            var code = $"{Prefix}NEW-{i:D3}";
            await Task.Delay(i * 50, ct);
            try
            {
                var result = await odoo.ReferralCodes.CreateOrGetAsync("Code", new OdooValues { ["Code"] = code, ["ReferralCreditType"] = _type, ["RewardCreditType"] = _type }, cancellationToken: ct);
                outcomes[code] = "id " + result.Id;
            }
            catch (OdooNotCreatedException)
            {
                outcomes[code] = "not created";
            }
        });
        Assert.Equal(0, await restart);
        await WaitUntilUpAsync();

        foreach (var (code, outcome) in outcomes)
        {
            var ids = await Admin.ReferralCodes.SearchIdsAsync(OdooDomain.Equal("Code", code), context: OdooContext.Empty.WithActiveTest(false));
            if (outcome.StartsWith("id ", StringComparison.Ordinal)) Assert.Equal([int.Parse(outcome[3..], System.Globalization.CultureInfo.InvariantCulture)], ids);
            else Assert.Empty(ids);
        }
        Assert.Equal(60, outcomes.Count);
    }
}
