namespace Odoo.Cli;

/// <summary>A usage error: bad or missing arguments (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A hand-rolled parser for <c>--name value</c>, <c>--name=value</c>, flags and positional arguments.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CliArguments()
    {
    }

    public List<string> Positional { get; } = [];

    /// <summary>Parses <paramref name="args"/>; <paramref name="valueOptions"/> take a value, <paramref name="flagOptions"/> do not.</summary>
    /// <param name="args">The arguments after the command.</param>
    /// <param name="valueOptions">Options taking a value, with their aliases (<c>-o</c> → <c>--out</c>).</param>
    /// <param name="flagOptions">Flags.</param>
    /// <param name="aliases">Short forms.</param>
    public static CliArguments Parse(IReadOnlyList<string> args, ICollection<string> valueOptions, ICollection<string> flagOptions, IReadOnlyDictionary<string, string> aliases)
    {
        var result = new CliArguments();
        var onlyPositional = false;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (onlyPositional || a.Length < 2 || a[0] != '-')
            {
                result.Positional.Add(a);
                continue;
            }
            if (a == "--")
            {
                onlyPositional = true;
                continue;
            }
            string name = a;
            string? inline = null;
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            if (a.StartsWith("--", StringComparison.Ordinal) && eq > 2)
            {
                name = a[..eq];
                inline = a[(eq + 1)..];
            }
            if (aliases.TryGetValue(name, out var full)) name = full;
            if (flagOptions.Contains(name))
            {
                if (inline is not null) throw new UsageException($"{name} takes no value.");
                result._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                string value;
                if (inline is not null)
                {
                    value = inline;
                }
                else
                {
                    if (i + 1 >= args.Count) throw new UsageException($"{name} needs a value.");
                    value = args[++i];
                }
                if (!result._values.TryGetValue(name, out var list)) result._values[name] = list = [];
                list.Add(value);
            }
            else
            {
                throw new UsageException($"unknown option '{name}'.");
            }
        }
        return result;
    }

    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The last value given for <paramref name="name"/>.</summary>
    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    /// <summary>Every value given for a repeatable option (comma-separated values are split).</summary>
    public IReadOnlyList<string> Values(string name) =>
        _values.TryGetValue(name, out var list)
            ? [.. list.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))]
            : [];

    public bool Has(string name) => _values.ContainsKey(name) || _flags.Contains(name);
}
