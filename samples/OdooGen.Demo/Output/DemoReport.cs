using System.Globalization;

namespace OdooGen.Demo.Output;

/// <summary>
/// Prints the flow: numbered steps with the requests each one cost, key/value blocks, aligned
/// tables, a progress line and a closing summary.
/// </summary>
/// <param name="output">Where to print.</param>
/// <param name="requests">Counts the requests sent to Odoo so far.</param>
/// <param name="interactive">Whether <paramref name="output"/> is a terminal (progress redraws one line; otherwise one line at the end).</param>
internal sealed class DemoReport(TextWriter output, IRequestCounter requests, bool interactive = false)
{
    private const string Indent = "   ";
    private readonly List<(string Title, int Requests)> _steps = [];
    private string? _progressLine;

    /// <summary>The requests counted so far (connecting included).</summary>
    public int TotalRequests => requests.Count;

    /// <summary>Prints a heading.</summary>
    public void Title(string text)
    {
        output.WriteLine(text);
        output.WriteLine(new string('=', text.Length));
        output.WriteLine();
    }

    /// <summary>Runs one step: prints its title, runs it, then prints how many requests it sent.</summary>
    public async Task<T> StepAsync<T>(string title, Func<Task<T>> step)
    {
        var before = requests.Count;
        output.WriteLine($"{_steps.Count + 1}. {title}");
        var result = await step();
        var sent = requests.Count - before;
        _steps.Add((title, sent));
        output.WriteLine($"{Indent}-> {Plural(sent, "request")}");
        output.WriteLine();
        return result;
    }

    /// <summary>Runs one step that returns nothing (see <see cref="StepAsync{T}"/>).</summary>
    public Task StepAsync(string title, Func<Task> step) =>
        StepAsync(title, async () =>
        {
            await step();
            return true;
        });

    /// <summary>Runs one step that makes no call (see <see cref="StepAsync{T}"/>).</summary>
    public void Step(string title, Action step) =>
        StepAsync(title, () =>
        {
            step();
            return Task.FromResult(true);
        }).GetAwaiter().GetResult();

    /// <summary>Prints the C# that the step runs.</summary>
    public void Code(string csharp) => output.WriteLine($"{Indent}> {csharp}");

    /// <summary>Prints a line of text.</summary>
    public void Line(string text = "") => output.WriteLine(text.Length == 0 ? "" : Indent + text);

    /// <summary>Prints labels and values in two aligned columns.</summary>
    public void Fields(params IReadOnlyList<(string Label, object? Value)> fields)
    {
        var width = fields.Max(f => f.Label.Length);
        foreach (var (label, value) in fields) output.WriteLine($"{Indent}{label.PadRight(width)}  {Format(value)}");
    }

    /// <summary>Prints an aligned table; columns holding only numbers are right-aligned.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var cells = rows.Select(r => r.Select(Format).ToArray()).ToList();
        var widths = headers.Select((h, c) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(r => r[c].Length))).ToArray();
        var numeric = headers.Select((_, c) => cells.Count > 0 && cells.All(r => r[c].Length == 0 || IsNumber(r[c]))).ToArray();

        string Row(IReadOnlyList<string> values) =>
            Indent + string.Join("  ", values.Select((v, c) => numeric[c] ? v.PadLeft(widths[c]) : v.PadRight(widths[c]))).TrimEnd();

        output.WriteLine(Row(headers));
        output.WriteLine(Row([.. widths.Select(w => new string('-', w))]));
        foreach (var row in cells) output.WriteLine(Row(row));
    }

    /// <summary>
    /// Shows progress: on a terminal one line redrawn in place; otherwise (a file, a pipe, CI) nothing
    /// until <see cref="EndProgress"/> prints the final state as one line.
    /// </summary>
    public void Progress(int done, int total, string what)
    {
        var width = total.ToString(CultureInfo.InvariantCulture).Length;
        var percent = total == 0 ? 100 : done * 100 / total;
        var barLength = Math.Clamp(percent / 5, 0, 20);
        _progressLine = $"{Indent}[{new string('#', barLength)}{new string('.', 20 - barLength)}] {done.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{total} {what}";
        if (interactive) output.Write("\r" + _progressLine);
    }

    /// <summary>Ends the progress: finishes the redrawn line, or prints its final state once.</summary>
    public void EndProgress()
    {
        if (_progressLine is null) return;
        if (interactive) output.WriteLine();
        else output.WriteLine(_progressLine);
        _progressLine = null;
    }

    /// <summary>Prints every step with its request count, and the total.</summary>
    public void Summary(string connectLabel, int connectRequests)
    {
        output.WriteLine("Requests per step");
        Table(
            ["Step", "Requests"],
            [[connectLabel, connectRequests], .. _steps.Select((s, i) => (IReadOnlyList<object?>)[$"{i + 1}. {s.Title}", s.Requests]), ["Total", TotalRequests]]);
    }

    /// <summary>"1 request", "3 requests".</summary>
    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s";

    /// <summary>Formats a value for display: numbers with invariant culture, dates as ISO, null as "-".</summary>
    public static string Format(object? value) => value switch
    {
        null => "-",
        string s => s,
        bool b => b ? "yes" : "no",
        double d => d.ToString("#,0.00##", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsNumber(string text) =>
        double.TryParse(text.TrimStart('$'), NumberStyles.Number, CultureInfo.InvariantCulture, out _);
}
