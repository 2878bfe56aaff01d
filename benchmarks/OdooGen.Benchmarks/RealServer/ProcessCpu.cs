using System.Diagnostics;
using System.Globalization;

namespace OdooGen.Benchmarks.RealServer;

/// <summary>CPU time of this process, and of another one (the Odoo server) read from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
public static class ProcessCpu
{
    private static readonly Process Self = Process.GetCurrentProcess();

    /// <summary>This process's user + system CPU time, all threads.</summary>
    public static TimeSpan Self_()
    {
        Self.Refresh();
        return Self.TotalProcessorTime;
    }

    /// <summary>
    /// utime + stime of <paramref name="pid"/> (all its threads; Odoo's threaded server is one process), in
    /// clock ticks of 10 ms (USER_HZ is 100 on Linux); <see langword="null"/> when it cannot be read.
    /// </summary>
    public static TimeSpan? Of(int? pid)
    {
        if (pid is null) return null;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // rest[0] is field 3 (state); utime is field 14, stime field 15.
            var ticks = long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10.0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The pid in <paramref name="pidFile"/>, if the file exists and the process is alive.</summary>
    public static int? FromPidFile(string pidFile)
    {
        if (!File.Exists(pidFile)) return null;
        return int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && Directory.Exists($"/proc/{pid}") ? pid : null;
    }
}
