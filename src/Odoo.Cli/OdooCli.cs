using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Odoo.Schema;

namespace Odoo.Cli;

/// <summary>
/// The <c>odoogen</c> command line: <c>scaffold</c> and <c>check</c>. <see cref="RunAsync"/> is the
/// whole program (the process entry point only wires the console and Ctrl+C), so tests run it
/// in-process.
/// </summary>
public static partial class OdooCli
{
    /// <summary>Success; for <c>check</c>, no drift.</summary>
    public const int ExitOk = 0;

    /// <summary><c>check</c> found drift.</summary>
    public const int ExitDrift = 1;

    /// <summary>A usage, connection, authentication or input error.</summary>
    public const int ExitError = 2;

    /// <summary>Runs <c>odoogen</c> with <paramref name="args"/>.</summary>
    /// <param name="args">The command line (without the program name).</param>
    /// <param name="console">Output, errors, environment and terminal.</param>
    /// <param name="cancellationToken">Cancels (Ctrl+C).</param>
    /// <returns>The exit code: <see cref="ExitOk"/>, <see cref="ExitDrift"/> or <see cref="ExitError"/>.</returns>
    public static async Task<int> RunAsync(string[] args, OdooCliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var secrets = new List<string>();
        try
        {
            var syntax = new CliSyntax();
            var invocation = new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false, // errors become one line below
                ProcessTerminationTimeout = null,      // Ctrl+C is the caller's (the token)
            };
            syntax.Scaffold.SetAction((r, ct) => ScaffoldAsync(r, syntax, console, secrets, ct));
            syntax.Check.SetAction((r, ct) => CheckAsync(r, syntax, console, secrets, ct));
            syntax.HelpCommand.SetAction((r, ct) => ShowHelpAsync(syntax, invocation, r.GetValue(syntax.HelpTopic) is { } topic ? [topic] : [], ExitOk, ct));
            syntax.VersionCommand.SetAction(async (_, _) =>
            {
                await console.Out.WriteLineAsync(Version).ConfigureAwait(false);
                return ExitOk;
            });
            syntax.Version.Action = syntax.VersionCommand.Action;
            syntax.Root.SetAction((_, ct) => ShowHelpAsync(syntax, invocation, [], ExitError, ct));

            var parsed = syntax.Root.Parse(args);
            // Secrets typed on the command line are masked in every message, parse errors included.
            foreach (var option in new[] { syntax.Password, syntax.ApiKey })
            {
                if (parsed.GetResult(option) is { } given) secrets.AddRange(given.Tokens.Select(t => t.Value).Where(v => v.Length > 0));
            }
            if (parsed.Errors.Count > 0 && parsed.Action != syntax.Help)
            {
                throw new UsageException(syntax.DescribeFirstError(parsed));
            }
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var line = Describe(ex);
            // Like the runtime, secrets shorter than 4 characters are not masked: masking "b" would garble every word.
            foreach (var s in secrets.Where(s => s.Length >= 4)) line = line.Replace(s, "***", StringComparison.Ordinal);
            await console.Error.WriteLineAsync("odoogen: " + line).ConfigureAwait(false);
            return ExitError;
        }
    }

    /// <summary>Prints the generated help of <paramref name="command"/> (the root's when empty).</summary>
    private static async Task<int> ShowHelpAsync(CliSyntax syntax, InvocationConfiguration invocation, string[] command, int exitCode, CancellationToken ct)
    {
        string[] topic = command is [var name] && syntax.Root.Subcommands.Any(c => c.Name == name && !c.Hidden && c != syntax.HelpCommand) ? [name] : [];
        await syntax.Root.Parse([.. topic, "--help"]).InvokeAsync(invocation, ct).ConfigureAwait(false);
        return exitCode;
    }

    /// <summary>One line for an error: what failed and, where it helps, what to do. Never a stack trace.</summary>
    private static string Describe(Exception ex) => ex switch
    {
        UsageException u => u.Message + (u.Message.Contains("--help", StringComparison.Ordinal) ? "" : " Run 'odoogen --help' for usage."),
        OdooAccessDeniedException => $"login refused: {FirstLine(ex.Message)} Check --username and --password/--api-key (or ODOO_USERNAME, ODOO_PASSWORD, ODOO_API_KEY).",
        OdooModelNotFoundException => FirstLine(ex.Message),
        OdooDatabaseNotFoundException => FirstLine(ex.Message).Replace("Set OdooClientOptions.Database to", "Set --database (or ODOO_DATABASE) to", StringComparison.Ordinal),
        OdooServerUnavailableException => FirstLine(ex.Message),
        OdooTransportException t when t.IsTimeout => FirstLine(ex.Message) + " Raise --timeout or check --url.",
        OdooTransportException => FirstLine(ex.Message) + " Check --url (or ODOO_URL).",
        OdooProtocolException => $"the server does not answer like Odoo: {FirstLine(ex.Message)} Check --url (or ODOO_URL) and --protocol.",
        OdooServerException s => $"Odoo refused {(s.Model is null ? "the call" : s.Model + "." + s.Method)}: {FirstLine(s.ServerMessage)}",
        OdooException => FirstLine(ex.Message),
        ArgumentException a => FirstLine(StripParameter(a)),
        OperationCanceledException => "cancelled.",
        FileNotFoundException f => FirstLine(f.Message),
        BadImageFormatException b => $"'{b.FileName}' is not a .NET assembly.",
        FileLoadException f => $"cannot load '{f.FileName}': {FirstLine(f.Message)}",
        InvalidOperationException => FirstLine(ex.Message),
        IOException or UnauthorizedAccessException => FirstLine(ex.Message),
        _ => $"{ex.GetType().Name}: {FirstLine(ex.Message)}",
    };

    private static string StripParameter(ArgumentException a)
    {
        var m = a.Message;
        var i = a.ParamName is null ? -1 : m.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return i > 0 ? m[..i] : m;
    }

    /// <summary>The first line, ending as a sentence (so a hint can follow).</summary>
    private static string FirstLine(string text)
    {
        var i = text.IndexOfAny(['\r', '\n']);
        var line = (i >= 0 ? text[..i] : text).Trim();
        return line.Length == 0 || line[^1] is '.' or '!' or '?' ? line : line + ".";
    }

    private static string Version =>
        "odoogen " + (typeof(OdooCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?");

    /// <summary>Builds client options from arguments and ODOO_* variables, prompting for a password on a terminal.</summary>
    private static OdooClientOptions ConnectionOptions(ParseResult a, CliSyntax syntax, OdooCliConsole console, List<string> secrets)
    {
        string? Get(Option<string> option, string variable) => a.GetValue(option) is { } v ? v : console.GetEnvironmentVariable(variable) is { Length: > 0 } e ? e : null;

        var password = Get(syntax.Password, "ODOO_PASSWORD");
        var apiKey = Get(syntax.ApiKey, "ODOO_API_KEY");
        if (password is not null) secrets.Add(password);
        if (apiKey is not null) secrets.Add(apiKey);

        var urlText = Get(syntax.Url, "ODOO_URL") ?? throw new UsageException("no server: pass --url (for example --url https://erp.example.com) or set ODOO_URL.");
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(url.Host))
        {
            throw new UsageException($"--url '{Redact(urlText)}' is not an http or https URL (for example https://erp.example.com).");
        }
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            throw new UsageException("--url must not contain credentials; pass --username and --password (or set ODOO_USERNAME and ODOO_PASSWORD).");
        }
        var protocolText = Get(syntax.Protocol, "ODOO_PROTOCOL") ?? "auto";
        var protocol = protocolText.ToLowerInvariant() switch
        {
            "auto" => OdooProtocol.Auto,
            "jsonrpc" or "json-rpc" => OdooProtocol.JsonRpc,
            "json2" or "json-2" => OdooProtocol.Json2,
            _ => throw new UsageException($"--protocol '{protocolText}' is not one of auto, jsonrpc, json2."),
        };
        var database = Get(syntax.Database, "ODOO_DATABASE");
        var username = Get(syntax.Username, "ODOO_USERNAME");
        if (protocol != OdooProtocol.Json2 && database is null) throw new UsageException("no database: pass --database or set ODOO_DATABASE.");
        if (protocol != OdooProtocol.Json2 && username is null) throw new UsageException("no user: pass --username or set ODOO_USERNAME.");
        if (string.IsNullOrEmpty(password) && string.IsNullOrEmpty(apiKey))
        {
            if (console.IsInteractive && console.ReadPassword is { } read)
            {
                password = read($"Password for {username ?? "the API key"}{(database is null ? "" : "@" + database)}: ");
                if (!string.IsNullOrEmpty(password)) secrets.Add(password);
            }
            if (string.IsNullOrEmpty(password))
            {
                throw new UsageException("no password: pass --password or --api-key, or set ODOO_PASSWORD or ODOO_API_KEY.");
            }
        }
        var options = new OdooClientOptions
        {
            Url = url,
            Database = database,
            Username = username,
            Password = password,
            ApiKey = apiKey,
            Protocol = protocol,
            VerifyTls = !a.GetValue(syntax.Insecure),
            CaCertificatePath = a.GetValue(syntax.CaFile),
            MaxReadRetries = 1,
        };
        if (a.GetValue(syntax.Insecure) && options.CaCertificatePath is not null) throw new UsageException("--insecure and --ca-file contradict each other; pass one.");
        if (a.GetValue(syntax.Timeout) is { } seconds) options.Timeout = TimeSpan.FromSeconds(seconds);
        if (options.CaCertificatePath is { } ca && !File.Exists(ca)) throw new UsageException($"--ca-file '{ca}' does not exist.");
        return options;

        string Redact(string text)
        {
            foreach (var s in secrets.Where(s => s.Length >= 4)) text = text.Replace(s, "***", StringComparison.Ordinal);
            return text;
        }
    }

    private static async Task<OdooClient> ConnectAsync(OdooClientOptions options, CancellationToken ct)
    {
        try
        {
            return await OdooClient.ConnectAsync(options, ct).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(StripParameter(ex));
        }
    }

}
