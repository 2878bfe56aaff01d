using System.Diagnostics;

namespace OdooGen.Benchmarks.Support;

/// <summary>Median time and allocation of one operation over N iterations.</summary>
public sealed record Sample(double MedianMs, double MinMs, long MedianAllocated);

/// <summary>
/// A simple, honest in-process measurement: warm-up, then N iterations of each side alternately
/// (so load from other processes hits both alike), a full GC before each iteration, median time,
/// and allocated bytes from the GC (this thread's for synchronous code, the process's for async code).
/// </summary>
public static class Measure
{
    public static (Sample A, Sample B) Pair<T>(Func<T> a, Func<T> b, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++)
        {
            a();
            b();
        }
        var ta = new double[iterations];
        var tb = new double[iterations];
        var aa = new long[iterations];
        var ab = new long[iterations];
        for (var i = 0; i < iterations; i++)
        {
            (ta[i], aa[i]) = Once(a);
            (tb[i], ab[i]) = Once(b);
        }
        return (Summarize(ta, aa), Summarize(tb, ab));
    }

    public static async Task<(Sample A, Sample B)> PairAsync<T>(Func<Task<T>> a, Func<Task<T>> b, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++)
        {
            await a();
            await b();
        }
        var ta = new double[iterations];
        var tb = new double[iterations];
        var aa = new long[iterations];
        var ab = new long[iterations];
        for (var i = 0; i < iterations; i++)
        {
            (ta[i], aa[i]) = await OnceAsync(a);
            (tb[i], ab[i]) = await OnceAsync(b);
        }
        return (Summarize(ta, aa), Summarize(tb, ab));
    }

    public static Sample Single<T>(Func<T> a, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++) a();
        var t = new double[iterations];
        var al = new long[iterations];
        for (var i = 0; i < iterations; i++) (t[i], al[i]) = Once(a);
        return Summarize(t, al);
    }

    public static (double Ms, long Allocated) Once<T>(Func<T> op)
    {
        Collect();
        var a0 = GC.GetAllocatedBytesForCurrentThread();
        var t0 = Stopwatch.GetTimestamp();
        GC.KeepAlive(op());
        var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        return (ms, GC.GetAllocatedBytesForCurrentThread() - a0);
    }

    public static async Task<(double Ms, long Allocated)> OnceAsync<T>(Func<Task<T>> op)
    {
        Collect();
        var a0 = GC.GetTotalAllocatedBytes(precise: true);
        var t0 = Stopwatch.GetTimestamp();
        GC.KeepAlive(await op());
        var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        return (ms, GC.GetTotalAllocatedBytes(precise: true) - a0);
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static Sample Summarize(double[] times, long[] allocated)
    {
        var t = times.Order().ToArray();
        var a = allocated.Order().ToArray();
        return new Sample(t[t.Length / 2], t[0], a[a.Length / 2]);
    }
}
