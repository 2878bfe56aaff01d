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

    public sealed record Result(int Records, long PeakWorkingSet, long PeakManagedHeap, long PeakLiveHeap, long Allocated, int Gen0, int Gen2, TimeSpan Elapsed);

    /// <summary>Runs a child process streaming <paramref name="count"/> records; returns what it measured.</summary>
    public static async Task<Result> RunChildAsync(Uri url, string database, string username, string password, int count, int batchSize, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var host = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(StreamScenario).Assembly.Location);
        start.FileName = host;
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        foreach (var a in (string[])[ChildFlag, url.ToString(), database, username, password, count.ToString(CultureInfo.InvariantCulture), batchSize.ToString(CultureInfo.InvariantCulture)])
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
            TimeSpan.FromMilliseconds(double.Parse(parts["ms"], CultureInfo.InvariantCulture)));
    }

    /// <summary>The child: <c>--stream-child url db user password count batchSize</c>.</summary>
    public static async Task<int> ChildMainAsync(string[] args)
    {
        var url = new Uri(args[1]);
        var count = int.Parse(args[5], CultureInfo.InvariantCulture);
        var batch = int.Parse(args[6], CultureInfo.InvariantCulture);
        await using var odoo = await OpenStackOdooClient.ConnectAsync(BenchOdoo.Options(url, args[2], args[3], args[4]));
        var clock = Stopwatch.StartNew();
        var n = 0;
        long peakHeap = 0;
        long peakLive = 0;
        long checksum = 0;
        await foreach (var code in odoo.ReferralCodes.StreamAsync(OdooDomain.Where("id", "<=", count), batchSize: batch))
        {
            n++;
            checksum += code.Id + code.Code.Length;
            if (n % 1000 == 0) peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
            // What the stream keeps alive: the heap after a full collection, every 2,000 records (50 collections per 100,000).
            if (n % 2000 == 0) peakLive = Math.Max(peakLive, GC.GetTotalMemory(true));
        }
        clock.Stop();
        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
        if (n != count) throw new InvalidOperationException($"Streamed {n} records, expected {count}.");
        Console.WriteLine(FormattableString.Invariant(
            $"RESULT records={n} peakWs={PeakWorkingSet()} peakHeap={peakHeap} peakLive={peakLive} allocated={GC.GetTotalAllocatedBytes(true)} gen0={GC.CollectionCount(0)} gen2={GC.CollectionCount(2)} ms={clock.Elapsed.TotalMilliseconds:0.0} checksum={checksum}"));
        return 0;
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
