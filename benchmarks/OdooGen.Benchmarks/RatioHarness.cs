using System.Globalization;
using System.Runtime.InteropServices;
using Odoo.Models.OpenStack;
using Odoo.Testing;
using OdooGen.Benchmarks.Scenarios;
using OdooGen.Benchmarks.Support;

namespace OdooGen.Benchmarks;

/// <summary>
/// <c>--ratios</c>: every scenario measured against its floor in the same run, printed as ratios.
/// <c>--quick</c> runs fewer iterations (a smoke test of the harness, not figures to publish).
/// </summary>
public static class RatioHarness
{
    private static readonly List<string> Rows = [];
    private static readonly List<string> Missed = [];

    public static async Task<int> RunAsync(string[] args)
    {
        // --url (or ODOO_URL): the end-to-end scenarios against a real Odoo, beside their raw HttpClient floors.
        if (RealServer.RealServerOptions.Parse(args) is { } real)
        {
            Console.WriteLine($"Load average at start: {LoadAverage()}");
            Console.WriteLine($"OdooGen ratio harness, real server — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, {RuntimeInformation.OSDescription}, " +
                              $"{Environment.ProcessorCount} logical CPUs, {RuntimeInformation.ProcessArchitecture}");
            return await RealServer.RealServerSuite.RunAsync(real);
        }
        var quick = args.Contains("--quick");
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        bool Wants(string name) => only is null || only.Split(',').Contains(name);
        Console.WriteLine($"Load average at start: {LoadAverage()}");
        Console.WriteLine($"OdooGen ratio harness — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, {RuntimeInformation.OSDescription}, " +
                          $"{Environment.ProcessorCount} logical CPUs, {RuntimeInformation.ProcessArchitecture}, {(quick ? "QUICK (smoke test)" : "full")}");
        var failures = 0;

        // The generator first, so its first run is really cold (nothing of Roslyn JIT-compiled yet).
        var baseline = args.SkipWhile(a => a != "--baseline").Skip(1).FirstOrDefault();
        if (Wants("generator")) failures += baseline is null ? Generator(quick) : GeneratorAgainst(GeneratorBuild.Load(baseline), quick);
        if (Wants("decode")) failures += await DecodeAsync(quick);
        if (Wants("e2e")) failures += await EndToEndAsync(quick);
        if (Wants("m2o")) failures += await RelationAsync(quick);
        if (Wants("stream")) failures += await StreamAsync(quick);
        if (Wants("cost")) failures += await CostModelAsync(quick);
        if (Wants("server")) await ServerAsync(quick);

        Console.WriteLine();
        Console.WriteLine("| Scenario | Ours | Floor / reference | Ratio | Target | Met |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var row in Rows) Console.WriteLine(row);
        Console.WriteLine();
        Console.WriteLine($"Load average at end: {LoadAverage()}");
        if (failures == 0)
        {
            Console.WriteLine("All targets met.");
            return 0;
        }
        Console.WriteLine($"{failures} target(s) missed:");
        foreach (var m in Missed) Console.WriteLine("  MISSED: " + m);
        return 1;
    }

    private static int Row(string scenario, string ours, string floor, double ratio, string target, bool? met)
    {
        Rows.Add($"| {scenario} | {ours} | {floor} | {ratio.ToString("0.00", CultureInfo.InvariantCulture)}x | {target} | {(met is null ? "—" : met.Value ? "yes" : "**no**")} |");
        Console.WriteLine($"  {scenario}: {ours} vs {floor} -> {ratio:0.00}x (target {target}){(met == false ? " MISSED" : "")}");
        if (met == false) Missed.Add($"{scenario}: {ours} vs {floor} ({ratio.ToString("0.00", CultureInfo.InvariantCulture)}x), target {target}");
        return met == false ? 1 : 0;
    }

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    private static string Bytes(long b) => b >= 1024 * 1024
        ? (b / 1024.0 / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " MiB"
        : (b / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB";

    private static int Generator(bool quick)
    {
        Console.WriteLine("Generator (CSharpGeneratorDriver, fresh driver and compilation clone per run)...");
        var failures = 0;
        var openStack = GeneratorScenario.OpenStack();
        var cold = Measure.Once(openStack.Run);
        var warm = Measure.Single(openStack.Run, warmup: 3, iterations: quick ? 3 : 15);
        failures += Row($"Generator, {openStack.Models} OpenStack models, first run in process (cold JIT)", Ms(cold.Ms), "100 ms budget", cold.Ms / 100, "< 100 ms", null);
        failures += Row($"Generator, {openStack.Models} OpenStack models, warm (median)", Ms(warm.MedianMs), "100 ms budget", warm.MedianMs / 100, "< 100 ms", warm.MedianMs < 100);
        Console.WriteLine($"  OpenStack output compiles with {openStack.CompileErrors()} errors.");

        var synthetic = GeneratorScenario.Synthetic(1_000);
        var first = Measure.Once(synthetic.Run);
        var median = Measure.Single(synthetic.Run, warmup: 1, iterations: quick ? 1 : 7);
        failures += Row("Generator, 1,000 synthetic models, first run", Ms(first.Ms), "2 s budget", first.Ms / 2000, "< 2 s", null);
        failures += Row("Generator, 1,000 synthetic models, warm (median)", Ms(median.MedianMs), "2 s budget", median.MedianMs / 2000, "< 2 s", median.MedianMs < 2000);
        if (!quick) Console.WriteLine($"  Synthetic output compiles with {synthetic.CompileErrors()} errors.");
        return failures;
    }

    /// <summary>
    /// <c>--baseline DIR</c>: this generator against another build of it (DIR holds its Odoo.Generator.dll and
    /// Odoo.Runtime.dll), run alternately in this process on the same declarations; the ratio is this build's
    /// median over the baseline's.
    /// </summary>
    private static int GeneratorAgainst(GeneratorBuild baseline, bool quick)
    {
        Console.WriteLine($"Generator, this build against {baseline.Label} (alternate runs in one process)...");
        var failures = 0;
        foreach (var (ours, iterations) in new[] { (GeneratorScenario.OpenStack(), quick ? 5 : 100), (GeneratorScenario.Synthetic(1_000), quick ? 2 : 15) })
        {
            var theirs = ours.With(baseline);
            var (a, b) = Measure.Pair(ours.Run, theirs.Run, warmup: quick ? 1 : 10, iterations);
            var (files, chars) = ours.OutputSize();
            var (baseFiles, baseChars) = theirs.OutputSize();
            Console.WriteLine($"  {ours.Name}: output {files} files, {chars:N0} chars (baseline {baseFiles} files, {baseChars:N0} chars); " +
                              $"allocated {Bytes(a.MedianAllocated)} (baseline {Bytes(b.MedianAllocated)})");
            var (driver, generator) = ours.Timing(quick ? 3 : 9);
            var (baseDriver, baseGenerator) = theirs.Timing(quick ? 3 : 9);
            Console.WriteLine($"  {ours.Name}: driver's timing {Ms(driver)} of which the generator {Ms(generator)} (baseline {Ms(baseDriver)}, {Ms(baseGenerator)})");
            failures += Row($"Generator, {ours.Models} {(ours.Name == "OpenStack" ? "OpenStack" : "synthetic")} models, warm (median) vs baseline build",
                Ms(a.MedianMs), Ms(b.MedianMs), a.MedianMs / b.MedianMs, "≤ 1.2x", a.MedianMs <= 1.2 * b.MedianMs);
        }
        return failures;
    }

    private static async Task<int> DecodeAsync(bool quick)
    {
        Console.WriteLine("Decode: recording a search_read answer of 5,000 referral codes...");
        var scenario = await DecodeScenario.RecordAsync();
        Console.WriteLine("  " + scenario.Describe());
        var (ours, floor) = Measure.Pair<int>(() => scenario.Ours().Count, () => scenario.Floor().Count, warmup: quick ? 10 : 40, iterations: quick ? 5 : 41);
        var failures = Row("Decode 5,000 codes: time (generated decoder vs STJ source-gen)", Ms(ours.MedianMs), Ms(floor.MedianMs), ours.MedianMs / floor.MedianMs, "≤ 1.5x", ours.MedianMs <= 1.5 * floor.MedianMs);
        failures += Row("Decode 5,000 codes: allocated", Bytes(ours.MedianAllocated), Bytes(floor.MedianAllocated), (double)ours.MedianAllocated / floor.MedianAllocated, "≤ 1.5x", ours.MedianAllocated <= 1.5 * floor.MedianAllocated);
        return failures;
    }

    private static async Task<int> EndToEndAsync(bool quick)
    {
        Console.WriteLine("End to end: SearchAsync of 5,000 codes vs raw HttpClient + STJ source-gen, same server...");
        await using var scenario = await EndToEndScenario.StartAsync();
        var (ours, streamed) = await Measure.PairAsync(scenario.OursAsync, scenario.FloorAsync, warmup: 5, iterations: quick ? 5 : 31);
        var (ours2, buffered) = await Measure.PairAsync(scenario.OursAsync, scenario.FloorBufferedAsync, warmup: 2, iterations: quick ? 5 : 31);
        Console.WriteLine($"  floors: ReadFromJsonAsync (streamed) {Ms(streamed.MedianMs)}, ReadAsByteArrayAsync + Deserialize (buffered) {Ms(buffered.MedianMs)}; ours {Ms(ours.MedianMs)} / {Ms(ours2.MedianMs)}");
        // The floor is the faster of the two raw calls, compared with ours measured alongside it.
        var (floor, mine) = streamed.MedianMs <= buffered.MedianMs ? (streamed, ours) : (buffered, ours2);
        ours = mine;
        var failures = Row("SearchAsync 5,000 codes end to end: time", Ms(ours.MedianMs), Ms(floor.MedianMs), ours.MedianMs / floor.MedianMs, "≤ 1.3x", ours.MedianMs <= 1.3 * floor.MedianMs);
        failures += Row("SearchAsync 5,000 codes end to end: allocated (client + in-process server)", Bytes(ours.MedianAllocated), Bytes(floor.MedianAllocated), (double)ours.MedianAllocated / floor.MedianAllocated, "—", null);
        return failures;
    }

    private static async Task ServerThroughputRow(ServerThroughputScenario scenario, int callers, TimeSpan duration)
    {
        var rps = await scenario.RequestsPerSecondAsync(callers, duration);
        Row($"Odoo.Testing: search_read of 100 records, {callers} concurrent caller(s)", rps.ToString("0", CultureInfo.InvariantCulture) + " requests/s", "—", 1, "—", null);
    }

    /// <summary>
    /// One small read against Odoo.Testing with the Odoo 18 cost model (5 ms per request, 25 ms more without an
    /// authenticated session): the library (web session) against a raw HttpClient with a session cookie, and the
    /// library without its web session against a raw HttpClient without a cookie. The same call on both sides,
    /// recovered from the library's own request.
    /// </summary>
    private static async Task<int> CostModelAsync(bool quick)
    {
        Console.WriteLine("Odoo.Testing with OdooCostModel.Odoo18 (5 ms a request, 25 ms more without an authenticated session): one small read...");
        await using var server = await BenchOdoo.StartAsync(100, costModel: OdooCostModel.Odoo18);
        var handler = new CountingHandler(new SocketsHttpHandler { UseCookies = false });
        var options = BenchOdoo.Options(server);
        options.HttpMessageHandler = handler;
        await using var withSession = await OpenStackOdooClient.ConnectAsync(options);
        var legacy = BenchOdoo.Options(server);
        legacy.UseWebSession = false;
        await using var withoutSession = await OpenStackOdooClient.ConnectAsync(legacy);
        handler.Capture = true;
        await withSession.ReferralCodes.GetAsync(1, ["Code", "AllowedUses"]);
        handler.Capture = false;
        var call = RealServer.RawCall.FromRequest(handler.Last!.Value.Path, handler.Last.Value.Body);
        using var cookie = new RealServer.RawOdoo(server.BaseUrl, server.Database, server.Username, server.Password);
        await cookie.AuthenticateAsync();
        using var noCookie = new RealServer.RawOdoo(server.BaseUrl, server.Database, server.Username, server.Password);
        await noCookie.LoginAsync();
        var cookieRequest = cookie.Prepare(call, call.CallKw);
        var noCookieRequest = noCookie.Prepare(call);
        var iterations = quick ? 11 : 41;
        var (lib, floor) = await Measure.PairAsync(async () => (await withSession.ReferralCodes.GetAsync(1, ["Code", "AllowedUses"])).Id, () => cookie.PostAsync(cookieRequest), 5, iterations);
        var (libOld, floorOld) = await Measure.PairAsync(async () => (await withoutSession.ReferralCodes.GetAsync(1, ["Code", "AllowedUses"])).Id, () => noCookie.PostAsync(noCookieRequest), 5, iterations);
        var failures = Row("Cost model (Odoo 18): one small read, library with its web session vs raw with a session cookie", Ms(lib.MedianMs), Ms(floor.MedianMs), lib.MedianMs / floor.MedianMs, "≤ 1.15x", lib.MedianMs <= 1.15 * floor.MedianMs);
        failures += Row("Cost model (Odoo 18): one small read, library with UseWebSession = false vs raw without a cookie", Ms(libOld.MedianMs), Ms(floorOld.MedianMs), libOld.MedianMs / floorOld.MedianMs, "—", null);
        failures += Row("Cost model (Odoo 18): one small read, library with vs without its web session", Ms(lib.MedianMs), Ms(libOld.MedianMs), lib.MedianMs / libOld.MedianMs, "—", null);
        return failures;
    }

    private static async Task ServerAsync(bool quick)
    {
        Console.WriteLine("Odoo.Testing throughput: search_read of 100 records over loopback JSON-RPC, raw HttpClient callers...");
        await using var scenario = await ServerThroughputScenario.StartAsync();
        var duration = TimeSpan.FromSeconds(quick ? 1 : 5);
        foreach (var callers in new[] { 1, 8, 32 }) await ServerThroughputRow(scenario, callers, duration);
    }

    private static async Task<int> RelationAsync(bool quick)
    {
        Console.WriteLine("Many2one for 500 records: batched vs the N+1 reference (one request per record: a reference to beat, not a floor)...");
        await using var scenario = await RelationScenario.StartAsync();
        var iterations = quick ? 2 : 7;
        var batched = new List<(double Ms, int Requests)>();
        var perRecord = new List<(double Ms, int Requests)>();
        for (var i = 0; i < iterations + 1; i++)
        {
            var records = await scenario.FetchAsync();
            var before = scenario.CreditTypeReads;
            var b = await Measure.OnceAsync(() => scenario.BatchedAsync(records));
            var afterBatched = scenario.CreditTypeReads;
            records = await scenario.FetchAsync();
            var p = await Measure.OnceAsync(() => scenario.PerRecordAsync(records));
            var afterPerRecord = scenario.CreditTypeReads;
            if (i == 0) continue; // warm-up
            batched.Add((b.Ms, afterBatched - before));
            perRecord.Add((p.Ms, afterPerRecord - afterBatched));
        }
        var bm = batched.Select(x => x.Ms).Order().ElementAt(batched.Count / 2);
        var pm = perRecord.Select(x => x.Ms).Order().ElementAt(perRecord.Count / 2);
        var failures = Row("Many2one for 500 records: time (N+1 reference ÷ batched)", $"{Ms(bm)} batched", $"{Ms(pm)} N+1 reference (not a floor)", pm / bm, "batched faster", bm < pm);
        failures += Row("Many2one for 500 records: requests (N+1 reference ÷ batched)", $"{batched[0].Requests} request(s) batched", $"{perRecord[0].Requests} N+1 reference", (double)perRecord[0].Requests / batched[0].Requests, "1 request batched", batched.All(x => x.Requests == 1));
        return failures;
    }

    private static async Task<int> StreamAsync(bool quick)
    {
        var max = quick ? 20_000 : 100_000;
        var mid = quick ? 2_000 : 10_000;
        const int batch = 500;
        Console.WriteLine($"StreamAsync: seeding {max:N0} codes, then one fresh child process per count (batch size {batch})...");
        await using var server = await BenchOdoo.StartAsync(max);
        var failures = 0;
        // Series 1, the target under default runtime settings: the child first streams a fixed warm-up (so the JIT's
        // tier-1 recompilations, a one-off cost whose code arena counts in the resident set, happen there), resets its
        // peak resident set, then streams the measured count. Series 2 is the same without the warm-up (informational:
        // its peak includes that one-off JIT growth, larger in longer runs). Series 3: tiered compilation off, every
        // method compiled once, no warm-up needed.
        var warm = quick ? 2_000 : 20_000;
        var series = new (string Label, Dictionary<string, string> Env, int Warmup, bool Target)[]
        {
            ($"default settings, after a {warm:N0}-record warm-up stream", [], warm, true),
            ("default settings, cold process (JIT tiering during the run)", [], 0, false),
            ("tiered compilation off", new() { ["DOTNET_TieredCompilation"] = "0" }, 0, true),
        };
        foreach (var (label, env, warmup, target) in series)
        {
            var results = new Dictionary<int, StreamScenario.Result>();
            foreach (var n in (int[])[mid, max / 2, max])
            {
                var r = await StreamScenario.RunChildAsync(server.BaseUrl, server.Database, server.Username, server.Password, n, batch, env, warmup);
                results[n] = r;
                if (warmup > 0 && !r.PeakWorkingSetReset) Console.WriteLine("  (the child could not reset its peak resident set: the peak includes the warm-up)");
                Console.WriteLine($"  [{label}] {n,7:N0} records: peak working set {Bytes(r.PeakWorkingSet)}, peak managed heap {Bytes(r.PeakManagedHeap)}, " +
                                  $"peak heap after a collection {Bytes(r.PeakLiveHeap)}, allocated {Bytes(r.Allocated)}, GCs gen0 {r.Gen0} / gen2 {r.Gen2}, " +
                                  $"{r.Elapsed.TotalMilliseconds:0} ms ({n / r.Elapsed.TotalSeconds:N0} records/s)");
            }
            // From the smallest count: informational (waived). Without forced collections the GC first fills its gen0
            // budget (about 19 MiB of managed heap here, chosen by the runtime) before collecting; a 10,000-record
            // stream allocates about 7 MiB and ends before reaching it, so its peak is lower for a reason that has
            // nothing to do with the records kept. Enforced: flat between the two counts past that ramp.
            var ratio = (double)results[max].PeakWorkingSet / results[mid].PeakWorkingSet;
            failures += Row($"StreamAsync peak working set, {max:N0} vs {mid:N0} records, {label}",
                Bytes(results[max].PeakWorkingSet), Bytes(results[mid].PeakWorkingSet), ratio, "— (waived: the GC's gen0 budget ramp, see docs)", null);
            var flat = (double)results[max].PeakWorkingSet / results[max / 2].PeakWorkingSet;
            failures += Row($"StreamAsync peak working set, {max:N0} vs {max / 2:N0} records, {label}",
                Bytes(results[max].PeakWorkingSet), Bytes(results[max / 2].PeakWorkingSet), flat, target ? "flat (≤ 1.10x)" : "— (informational)", target ? flat <= 1.10 : null);
            // The heap is a few MiB, so a ratio of it is noise; the test is absolute: keeping the extra records
            // (about 800 bytes each decoded) would add tens of MiB, the bound is 2 MiB. No collection is forced.
            var live = results[mid].PeakLiveHeap > 0 ? (double)results[max].PeakLiveHeap / results[mid].PeakLiveHeap : double.NaN; // 0: no collection ran
            var grew = results[max].PeakLiveHeap - results[mid].PeakLiveHeap;
            failures += Row($"StreamAsync peak heap after a collection (none forced), {max:N0} vs {mid:N0} records, {label}",
                Bytes(results[max].PeakLiveHeap), Bytes(results[mid].PeakLiveHeap), live, "grows < 2 MiB", grew < 2L * 1024 * 1024);
        }
        return failures;
    }
}
