using System.Diagnostics;
using System.Globalization;
using Odoo.Domains;
using Odoo.Models.OpenStack;
using OdooGen.Benchmarks.Support;

namespace OdooGen.Benchmarks.Scenarios;

/// <summary>
/// <c>StreamAsync</c> over N referral codes, measured in a fresh child process so that the peak
/// working set is the client's alone: the parent hosts Odoo.Testing (which holds all the records),
/// the child connects to it, streams and reports its own peak working set.
/// </summary>
public static class StreamScenario
{
    public const string ChildFlag = "--stream-child";

    /// <summary>
    /// What a child measured. <see cref="PeakLiveHeap"/> is the largest heap size a collection left behind
    /// (no collection is forced); <see cref="PeakWorkingSet"/> is VmHWM, reset after the warm-up when
    /// <see cref="PeakWorkingSetReset"/>.
    /// </summary>
    public sealed record Result(int Records, long PeakWorkingSet, long PeakManagedHeap, long PeakLiveHeap, long Allocated, int Gen0, int Gen2, TimeSpan Elapsed)
    {
        public bool PeakWorkingSetReset { get; init; }
    }

    /// <summary>
    /// Runs a child process streaming <paramref name="count"/> records (after streaming <paramref name="warmup"/>
    /// records once, unmeasured, when it is not 0); returns what it measured.
    /// </summary>
    public static async Task<Result> RunChildAsync(Uri url, string database, string username, string password, int count, int batchSize, IReadOnlyDictionary<string, string>? environment = null, int warmup = 0)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var host = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(StreamScenario).Assembly.Location);
        start.FileName = host;
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        foreach (var a in (string[])[ChildFlag, url.ToString(), database, username, password, count.ToString(CultureInfo.InvariantCulture), batchSize.ToString(CultureInfo.InvariantCulture), warmup.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(a);
        }
        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = (await stdout).Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The stream child failed ({child.ExitCode}): {await stderr}");
        var parts = line["RESULT ".Length..].Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        return new Result(
            int.Parse(parts["records"], CultureInfo.InvariantCulture),
            long.Parse(parts["peakWs"], CultureInfo.InvariantCulture),
            long.Parse(parts["peakHeap"], CultureInfo.InvariantCulture),
            long.Parse(parts["peakLive"], CultureInfo.InvariantCulture),
            long.Parse(parts["allocated"], CultureInfo.InvariantCulture),
            int.Parse(parts["gen0"], CultureInfo.InvariantCulture),
            int.Parse(parts["gen2"], CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds(double.Parse(parts["ms"], CultureInfo.InvariantCulture)))
        {
            PeakWorkingSetReset = parts["hwmReset"] == "1",
        };
    }

    /// <summary>
    /// The child: <c>--stream-child url db user password count batchSize warmup</c>. Nothing forces a collection
    /// during the measured stream: the heap is sampled as the GC leaves it (<see cref="GC.GetGCMemoryInfo()"/>
    /// after each collection that happened, and <see cref="GC.GetTotalMemory(bool)"/> without forcing one).
    /// After a warm-up stream the peak resident set is reset (<c>/proc/self/clear_refs</c>), so the peak is the
    /// measured stream's.
    /// </summary>
    public static async Task<int> ChildMainAsync(string[] args)
    {
        var url = new Uri(args[1]);
        var count = int.Parse(args[5], CultureInfo.InvariantCulture);
        var batch = int.Parse(args[6], CultureInfo.InvariantCulture);
        var warmup = args.Length > 7 ? int.Parse(args[7], CultureInfo.InvariantCulture) : 0;
        await using var odoo = await OpenStackOdooClient.ConnectAsync(BenchOdoo.Options(url, args[2], args[3], args[4]));
        var hwmReset = false;
        if (warmup > 0)
        {
            var w = 0;
            await foreach (var code in odoo.ReferralCodes.StreamAsync(OdooDomain.Where("id", "<=", warmup), batchSize: batch)) w += code.Code.Length > 0 ? 1 : 0;
            if (w != warmup) throw new InvalidOperationException($"Warm-up streamed {w} records, expected {warmup}.");
            hwmReset = ResetPeakWorkingSet();
        }
        var allocated0 = GC.GetTotalAllocatedBytes(true);
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        var n = 0;
        long peakHeap = 0;
        long peakAfterGc = 0;
        long lastGc = -1;
        long checksum = 0;
        await foreach (var code in odoo.ReferralCodes.StreamAsync(OdooDomain.Where("id", "<=", count), batchSize: batch))
        {
            n++;
            checksum += code.Id + code.Code.Length;
            if (n % 500 != 0) continue;
            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
            // The heap as the last collection left it (live data plus fragmentation), whenever a new one has run.
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            if (info.Index != lastGc)
            {
                lastGc = info.Index;
                peakAfterGc = Math.Max(peakAfterGc, info.HeapSizeBytes);
            }
        }
        clock.Stop();
        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
        if (n != count) throw new InvalidOperationException($"Streamed {n} records, expected {count}.");
        Console.WriteLine(FormattableString.Invariant(
            $"RESULT records={n} peakWs={PeakWorkingSet()} peakHeap={peakHeap} peakLive={peakAfterGc} allocated={GC.GetTotalAllocatedBytes(true) - allocated0} gen0={GC.CollectionCount(0) - gen0} gen2={GC.CollectionCount(2) - gen2} ms={clock.Elapsed.TotalMilliseconds:0.0} checksum={checksum} hwmReset={(hwmReset ? 1 : 0)}"));
        return 0;
    }

    /// <summary>Resets the kernel's peak resident set of this process (Linux 4.0+: "5" into /proc/self/clear_refs).</summary>
    private static bool ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The process's peak resident set (VmHWM on Linux).</summary>
    private static long PeakWorkingSet()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
