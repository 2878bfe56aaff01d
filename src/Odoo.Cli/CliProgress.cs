using System.Diagnostics;
using System.Globalization;
using Odoo.Schema;

namespace Odoo.Cli;

/// <summary>
/// Progress on stderr: on a terminal one line redrawn in place (<c>[3/7] reading res.partner</c>);
/// when stderr is redirected (a log, CI) nothing per model, only the summary line at the end. Quiet
/// prints nothing at all. Reports synchronously (<see cref="Progress{T}"/> would post to the thread
/// pool and reorder the writes).
/// </summary>
/// <param name="console">Where to write, and whether it is a terminal.</param>
/// <param name="quiet">Whether to print nothing.</param>
/// <param name="verb">What is done to each model: <c>reading</c>, <c>checking</c>.</param>
/// <param name="pastVerb">The same in the summary: <c>read</c>, <c>checked</c>.</param>
internal sealed class CliProgress(OdooCliConsole console, bool quiet, string verb, string pastVerb) : IProgress<OdooScaffoldProgress>
{
    private readonly Stopwatch _time = Stopwatch.StartNew();
    private int _drawn;
    private int _count;

    public void Report(OdooScaffoldProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _count = Math.Max(_count, value.Index);
        if (quiet || !console.IsErrorTerminal) return;
        var text = string.Create(CultureInfo.InvariantCulture, $"[{value.Index}/{value.Total}] {verb} {value.Model}");
        console.Error.Write("\r" + text.PadRight(_drawn));
        _drawn = text.Length;
    }

    /// <summary>Clears the redrawn line and prints one summary line (nothing when quiet or when no model was reported).</summary>
    public void Complete()
    {
        if (quiet || _count == 0) return;
        if (_drawn > 0) console.Error.Write("\r" + new string(' ', _drawn) + "\r");
        _drawn = 0;
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pastVerb} {_count} model(s) in {_time.Elapsed.TotalSeconds:0.0} s."));
    }
}
