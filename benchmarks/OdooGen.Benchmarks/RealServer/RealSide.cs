using System.Diagnostics;
using OdooGen.Benchmarks.Support;

namespace OdooGen.Benchmarks.RealServer;

/// <summary>One measured run of one side: wall time, this process's CPU, the Odoo server's CPU, requests sent.</summary>
public sealed record RunSample(double WallMs, double ClientCpuMs, double? OdooCpuMs, long Requests);

/// <summary>
/// One side of a scenario (the library, or a floor): <see cref="Run"/> makes <c>n</c> calls;
/// <see cref="Latencies"/> collects per-call times when the side records them.
/// </summary>
public sealed class RealSide(string label, CountingHandler handler, Func<int, RealSide, Task> run)
{
    public string Label { get; } = label;

    public CountingHandler Handler { get; } = handler;

    public Func<int, RealSide, Task> Run { get; } = run;

    /// <summary>Untimed work before each run (fresh records, for example).</summary>
    public Func<Task>? BeforeRun { get; init; }

    /// <summary>Untimed work after each run (deleting what it created, for example).</summary>
    public Func<Task>? AfterRun { get; init; }

    public List<RunSample> Samples { get; } = [];

    public List<double> Latencies { get; } = [];

    /// <summary>Times one call and records it in <see cref="Latencies"/>.</summary>
    public async Task<T> TimeAsync<T>(Task<T> call)
    {
        var t0 = Stopwatch.GetTimestamp();
        var r = await call;
        Latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        return r;
    }

    public static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        if (v.Length == 0) return double.NaN;
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }

    public double WallMs => Median(Samples.Select(s => s.WallMs));

    public double ClientCpuMs => Median(Samples.Select(s => s.ClientCpuMs));

    public double? OdooCpuMs => Samples.All(s => s.OdooCpuMs is not null) && Samples.Count > 0 ? Median(Samples.Select(s => s.OdooCpuMs!.Value)) : null;

    /// <summary>Requests per run (the same in every run, or the median).</summary>
    public long Requests => (long)Median(Samples.Select(s => (double)s.Requests));

    public string RequestsText => Samples.Select(s => s.Requests).Distinct().Count() <= 1
        ? Requests.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : $"{Samples.Min(s => s.Requests)}–{Samples.Max(s => s.Requests)}";

    /// <summary>
    /// Runs every side <paramref name="runs"/> times after one warm-up run of <paramref name="warmupCalls"/> calls,
    /// rotating the order of the sides each iteration so that load from other processes hits all alike.
    /// </summary>
    public static async Task MeasureAsync(IReadOnlyList<RealSide> sides, int calls, int warmupCalls, int runs, int? odooPid)
    {
        for (var it = -1; it < runs; it++)
        {
            var n = it < 0 ? warmupCalls : calls;
            for (var k = 0; k < sides.Count; k++)
            {
                var side = sides[(k + Math.Max(it, 0)) % sides.Count];
                if (side.BeforeRun is { } before) await before();
                if (it < 0) side.Latencies.Clear();
                var latencies = side.Latencies.Count;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var r0 = side.Handler.Requests;
                var o0 = ProcessCpu.Of(odooPid);
                var c0 = ProcessCpu.Self_();
                var t0 = Stopwatch.GetTimestamp();
                await side.Run(n, side);
                var wall = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                var c1 = ProcessCpu.Self_();
                var o1 = ProcessCpu.Of(odooPid);
                var requests = side.Handler.Requests - r0;
                if (side.AfterRun is { } after) await after();
                if (it < 0)
                {
                    side.Latencies.RemoveRange(latencies, side.Latencies.Count - latencies);
                    continue;
                }
                side.Samples.Add(new RunSample(wall, (c1 - c0).TotalMilliseconds, o0 is { } a && o1 is { } b ? (b - a).TotalMilliseconds : null, requests));
            }
        }
    }
}
