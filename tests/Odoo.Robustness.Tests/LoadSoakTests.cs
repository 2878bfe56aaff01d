using System.Diagnostics;
using Odoo.Domains;
using Odoo.Models.OpenStack;
using Odoo.Robustness.Tests.Support;
using Odoo.Testing;
using Xunit.Abstractions;

namespace Odoo.Robustness.Tests;

/// <summary>
/// 64 concurrent tasks make 500 mixed calls each (32,000 in all) on one client. Every call reads
/// records whose content names them (code <c>CODE-000123</c> is record 123, with allowed_uses 123),
/// so an answer delivered to the wrong caller fails the check. Bounded in count; the only time
/// limit is a generous hard cap so a hang fails instead of blocking CI.
/// </summary>
public sealed class LoadSoakTests(ITestOutputHelper output)
{
    private const int Tasks = 64;
    private const int CallsPerTask = 500;
    private const int WarmUpCallsPerTask = 25;
    private const int SharedCodes = 2_000;

    /// <summary>Allowed growth of the managed heap (client and server share the process) between warm-up and the end.</summary>
    private const long AllowedHeapGrowth = 48L * 1024 * 1024;

    [Fact]
    public async Task Sixty_four_tasks_times_five_hundred_mixed_calls_on_one_client()
    {
        // No request log: it would grow with the call count and hide the client's own memory behaviour.
        await using var server = await TestOdoo.StartAsync(SharedCodes + Tasks, new OdooTestServerOptions { RecordRequests = false });
        // The client's own handler under a counter: every call must be exactly one request on the wire.
        using var wire = new CountingHandler(OdooHttpHandlers.Create(new OdooClientOptions()));
        await using var odoo = await TestOdoo.ConnectAsync(server, o => o.HttpMessageHandler = wire);
        using var hardCap = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        await RunAsync(odoo, WarmUpCallsPerTask, hardCap.Token);
        var heapAfterWarmUp = GC.GetTotalMemory(forceFullCollection: true);

        var sentBefore = wire.Requests;
        var clock = Stopwatch.StartNew();
        var calls = await RunAsync(odoo, CallsPerTask, hardCap.Token);
        clock.Stop();
        var sent = wire.Requests - sentBefore;
        var heapAtEnd = GC.GetTotalMemory(forceFullCollection: true);

        output.WriteLine($"{calls} calls by {Tasks} tasks in {clock.Elapsed.TotalSeconds:0.00} s ({calls / clock.Elapsed.TotalSeconds:0} calls/s); " +
                         $"heap after warm-up {heapAfterWarmUp / 1024.0 / 1024:0.0} MiB, at end {heapAtEnd / 1024.0 / 1024:0.0} MiB; " +
                         $"{Environment.ProcessorCount} cores");
        // Each call was sent, once: no call skipped the wire (a cache or a short cut) and none was retried or doubled.
        Assert.Equal(Tasks * (CallsPerTask + 1), sent); // + each task's first read of its own record
        Assert.True(heapAtEnd - heapAfterWarmUp < AllowedHeapGrowth,
            $"managed heap grew from {heapAfterWarmUp} to {heapAtEnd} bytes over {calls} calls");
    }

    /// <summary>Runs <paramref name="callsPerTask"/> calls on each of the 64 tasks; returns the number of calls made.</summary>
    private static async Task<int> RunAsync(OpenStackOdooClient odoo, int callsPerTask, CancellationToken ct)
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(() => TaskAsync(odoo, t, callsPerTask, ct), ct)));
        return counts.Sum();
    }

    private static async Task<int> TaskAsync(OpenStackOdooClient odoo, int task, int callsPerTask, CancellationToken ct)
    {
        var codes = odoo.ReferralCodes;
        var own = SharedCodes + 1 + task; // only this task writes this record
        var random = new Random(task);
        // What this task last wrote to its record (in an earlier run, or the seeded value).
        var lastWritten = (await codes.GetAsync(own, cancellationToken: ct)).AllowedUses;
        for (var i = 0; i < callsPerTask; i++)
        {
            var id = random.Next(1, SharedCodes - 3);
            switch ((task + i) % 10)
            {
                case 0 or 1 or 2:
                {
                    var r = await codes.GetAsync(id, cancellationToken: ct);
                    Check(r, id);
                    break;
                }
                case 3 or 4:
                {
                    var found = await codes.SearchAsync(OdooDomain.Equal("code", TestOdoo.CodeOf(id)), cancellationToken: ct);
                    Check(Assert.Single(found), id);
                    break;
                }
                case 5:
                {
                    var list = await codes.ListAsync([id, id + 1, id + 2], cancellationToken: ct);
                    Assert.Equal(3, list.Count);
                    for (var k = 0; k < 3; k++) Check(list[k], id + k);
                    break;
                }
                case 6:
                {
                    Assert.Equal(id, await codes.CountAsync(OdooDomain.Where("id", "<=", id), cancellationToken: ct));
                    break;
                }
                case 7:
                {
                    var r = await codes.FindByCodeAsync(TestOdoo.CodeOf(id), cancellationToken: ct);
                    Check(Assert.IsType<ReferralCode>(r), id);
                    break;
                }
                case 8:
                {
                    lastWritten = task * 100_000 + i;
                    await codes.UpdateAsync(own, new Dictionary<string, object?> { ["AllowedUses"] = lastWritten }, cancellationToken: ct);
                    break;
                }
                default:
                {
                    var r = await codes.GetAsync(own, cancellationToken: ct);
                    Assert.Equal(own, r.Id);
                    Assert.Equal(TestOdoo.CodeOf(own), r.Code);
                    Assert.Equal(lastWritten, r.AllowedUses);
                    break;
                }
            }
        }
        return callsPerTask;
    }

    /// <summary>Counts the requests the client hands to its HTTP handler.</summary>
    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private long _requests;

        public long Requests => Interlocked.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static void Check(ReferralCode r, int id)
    {
        Assert.Equal(id, r.Id);
        Assert.Equal(TestOdoo.CodeOf(id), r.Code);
        Assert.Equal(id, r.AllowedUses);
        Assert.Equal(1 + (id % TestOdoo.CreditTypeCount), r.ReferralCreditTypeId);
    }
}
