using System.Text;

namespace Odoo.Cli;

/// <summary>What <see cref="OdooCli"/> talks to: output, errors, the environment and the terminal. Tests pass their own.</summary>
public sealed class OdooCliConsole
{
    /// <summary>Creates a console over the given writers; no environment and no terminal unless set.</summary>
    /// <param name="output">Where results go (stdout).</param>
    /// <param name="error">Where progress and errors go (stderr).</param>
    public OdooCliConsole(TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Out = output;
        Error = error;
    }

    /// <summary>The process's console: stdout, stderr, environment variables and a no-echo password prompt.</summary>
    public static OdooCliConsole System => new(Console.Out, Console.Error)
    {
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        IsInteractive = !Console.IsInputRedirected,
        IsErrorTerminal = !Console.IsErrorRedirected,
        ReadPassword = ReadConsolePassword,
    };

    /// <summary>Results (stdout).</summary>
    public TextWriter Out { get; }

    /// <summary>Progress and errors (stderr).</summary>
    public TextWriter Error { get; }

    /// <summary>Reads an environment variable; none by default.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = static _ => null;

    /// <summary>Whether a terminal is attached to the input (a password may be prompted for).</summary>
    public bool IsInteractive { get; init; }

    /// <summary>
    /// Whether <see cref="Error"/> is a terminal: progress is then redrawn in place on one line;
    /// otherwise (a file, a pipe, CI) only a summary line is printed. <see langword="false"/> by default.
    /// </summary>
    public bool IsErrorTerminal { get; init; }

    /// <summary>Prompts for a password without echo; <see langword="null"/> when there is no terminal.</summary>
    public Func<string, string?>? ReadPassword { get; init; }

    private static string? ReadConsolePassword(string prompt)
    {
        Console.Error.Write(prompt);
        var sb = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (sb.Length > 0) sb.Length--;
                continue;
            }
            if (key.Key == ConsoleKey.Escape) return null;
            if (!char.IsControl(key.KeyChar)) sb.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return sb.ToString();
    }
}
