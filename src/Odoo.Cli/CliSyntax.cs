using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using Odoo.Schema;

namespace Odoo.Cli;

/// <summary>A usage error: bad or missing arguments (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The commands, options and arguments of <c>odoogen</c> (System.CommandLine): parsing, validation
/// with messages that name the option and the value, generated help, and shell completion
/// (the <c>[suggest]</c> directive that <c>dotnet-suggest</c> calls).
/// </summary>
internal sealed partial class CliSyntax
{
    private const string ScaffoldNotes = """
        Reads fields_get (and ir.model) of each MODEL and writes one C# file per model: a sealed
        [OdooModel] partial record with a partial property per field, enums for selections, relation
        attributes and XML docs. The files compile as they are with the OdooGen generator.
        Relation targets that are neither scaffolded nor in --existing-assembly get a stub record
        (Id and DisplayName only); an existing file is never replaced by a stub.
        The paths written go to stdout, progress to stderr.

        """;

    private const string CheckNotes = """
        Loads the generated metadata of every [OdooModel] record in the assembly and compares it with
        the server's fields_get: missing fields, changed types and relation targets, non-nullable
        declarations of fields Odoo does not require (it may send false), selection values the enums
        do not cover.

        """;

    private const string ConnectionNote = """
        Connection options win over the environment variables in [brackets]. With no password or API
        key and a terminal attached, odoogen prompts for the password.
        Exit codes: 0 success, 1 drift (check), 2 usage, connection or authentication error.
        Shell completion: dotnet tool install -g dotnet-suggest, then see docs/cli.md.
        """;

    public CliSyntax()
    {
        Timeout.CustomParser = r =>
        {
            var text = Single(r);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 86400) return seconds;
            r.AddError($"--timeout '{text}' is not a number of seconds.");
            return null;
        };
        Protocol.CompletionSources.Add("auto", "jsonrpc", "json2");

        Models.Validators.Add(r =>
        {
            if (UnknownOption(r)) return;
            foreach (var m in SplitLists(r.GetValueOrDefault<string[]>() ?? []))
            {
                if (!ModelNamePattern().IsMatch(m))
                {
                    r.AddError($"'{m}' is not an Odoo model name (for example res.partner).");
                    return;
                }
            }
        });
        Paths.Validators.Add(r => UnknownOption(r));
        Namespace.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } ns && !NamespacePattern().IsMatch(ns))
            {
                r.AddError($"--namespace '{ns}' is not a C# namespace (for example Billing.Models).");
            }
        });
        MaxModels.CustomParser = r =>
        {
            var text = Single(r);
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1) return n;
            r.AddError($"--max-models '{text}' is not a positive number.");
            return null;
        };
        FailOn.CustomParser = r =>
        {
            var text = Single(r);
            switch (text.ToLowerInvariant())
            {
                case "error" or "errors": return OdooDriftSeverity.Error;
                case "warning" or "warnings": return OdooDriftSeverity.Warning;
                case "info" or "any": return OdooDriftSeverity.Info;
                default:
                    r.AddError($"--fail-on '{text}' is not one of error, warning, info.");
                    return OdooDriftSeverity.Warning;
            }
        };
        FailOn.CompletionSources.Clear(); // not the enum's member names
        FailOn.CompletionSources.Add("error", "warning", "info");

        Scaffold = new Command("scaffold", "write declarations from a live Odoo")
        {
            Models, Namespace, Out, FollowRelations, MaxModels, ExistingAssembly, StripPrefix, ExcludeField, ExcludeModules, OnlyModules, MonetaryAsDouble, Force,
        };
        Scaffold.Validators.Add(r =>
        {
            if (SplitLists(r.GetValue(Models) ?? []).Count == 0) r.AddError("name at least one model, for example: odoogen scaffold res.partner.");
            if (r.GetResult(ExcludeModules) is not null && r.GetResult(OnlyModules) is not null) r.AddError("--exclude-modules and --only-modules contradict each other; pass one.");
        });

        Check = new Command("check", "compare declarations with a live Odoo (drift)")
        {
            Paths, Assembly, Model, Json, FailOn,
        };
        Check.Validators.Add(r =>
        {
            if ((r.GetValue(Assembly) ?? []).Length == 0 && (r.GetValue(Paths) ?? []).Length == 0)
            {
                r.AddError("name the assembly to check: odoogen check --assembly path/to/Models.dll.");
            }
        });

        foreach (var command in new[] { Scaffold, Check })
        {
            foreach (var option in Connection) command.Add(option);
        }

        HelpCommand = new Command("help", "the options of a command") { HelpTopic };
        VersionCommand = new Command("version", "the version of odoogen") { Hidden = true };

        Root = new RootCommand("""
            odoogen: OdooGen's command line.

              odoogen scaffold MODEL... [options]   write declarations from a live Odoo
              odoogen check --assembly PATH         compare declarations with a live Odoo (drift)
              odoogen help COMMAND                  the options of a command
              odoogen --version
            """)
        {
            Scaffold, Check, HelpCommand, VersionCommand,
        };
        // "odoogen --version" prints "odoogen <version>", like "odoogen version".
        for (var i = Root.Options.Count - 1; i >= 0; i--)
        {
            if (Root.Options[i] is VersionOption) Root.Options.RemoveAt(i);
        }
        Root.Options.Add(Version);

        // Help: System.CommandLine's, then the notes of the command asked about.
        var helpOption = Root.Options.OfType<HelpOption>().First();
        Help = new HelpWithNotes((SynchronousCommandLineAction)helpOption.Action!, new Dictionary<Command, string>
        {
            [Scaffold] = ScaffoldNotes + ConnectionNote,
            [Check] = CheckNotes + ConnectionNote,
            [Root] = ConnectionNote,
        });
        helpOption.Action = Help;
    }

    /// <summary>The help action (it runs even when the rest of the command line is wrong).</summary>
    public CommandLineAction Help { get; }

    // ---------------------------------------------------------------- connection (scaffold and check)

    public Option<string> Url { get; } = new("--url") { HelpName = "URL", Description = "the Odoo server, e.g. https://erp.example.com [ODOO_URL]" };

    public Option<string> Database { get; } = new("--database", "-d") { HelpName = "NAME", Description = "the database [ODOO_DATABASE]" };

    public Option<string> Username { get; } = new("--username", "-u") { HelpName = "LOGIN", Description = "the login [ODOO_USERNAME]" };

    public Option<string> Password { get; } = new("--password", "-p") { HelpName = "SECRET", Description = "the password (prefer the variable: arguments are visible to other users) [ODOO_PASSWORD]" };

    public Option<string> ApiKey { get; } = new("--api-key") { HelpName = "KEY", Description = "an API key instead of the password [ODOO_API_KEY]" };

    public Option<string> Protocol { get; } = new("--protocol") { HelpName = "P", Description = "auto (default), jsonrpc or json2 [ODOO_PROTOCOL]" };

    public Option<bool> Insecure { get; } = new("--insecure") { Description = "do not verify the server's TLS certificate" };

    public Option<string> CaFile { get; } = new("--ca-file") { HelpName = "PATH", Description = "also trust this CA certificate (PEM or DER)" };

    public Option<double?> Timeout { get; } = new("--timeout") { HelpName = "SECONDS", Description = "per request (default 120)" };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "no progress on stderr" };

    private IEnumerable<Option> Connection => [Url, Database, Username, Password, ApiKey, Protocol, Insecure, CaFile, Timeout, Quiet];

    // ---------------------------------------------------------------- scaffold

    public Command Scaffold { get; }

    public Argument<string[]> Models { get; } = new("MODEL") { Arity = ArgumentArity.ZeroOrMore, Description = "the Odoo models, e.g. res.partner (comma-separated lists too)" };

    public Option<string> Namespace { get; } = new("--namespace", "-n") { HelpName = "NS", Description = "namespace of the records (default: the RootNamespace, or the name, of the .csproj in --out; else Models)" };

    public Option<string> Out { get; } = new("--out", "-o") { HelpName = "DIR", Description = "where to write (default: the current directory)" };

    public Option<bool> FollowRelations { get; } = new("--follow-relations") { Description = "scaffold relation targets too, transitively" };

    public Option<int?> MaxModels { get; } = new("--max-models") { HelpName = "N", Description = "at most N models in full with --follow-relations (default 50)" };

    public Option<string[]> ExistingAssembly { get; } = new("--existing-assembly") { HelpName = "PATH", Description = "use the records this assembly declares for relation targets (repeatable)" };

    public Option<string[]> StripPrefix { get; } = new("--strip-prefix") { HelpName = "P", Description = "model prefixes left out of record names (repeatable; default res. and ir.; 'none' keeps every prefix)" };

    public Option<string[]> ExcludeField { get; } = new("--exclude-field") { HelpName = "GLOB", Description = "leave fields out, e.g. 'message_*' (repeatable)" };

    public Option<string[]> ExcludeModules { get; } = new("--exclude-modules") { HelpName = "MODULE", Description = "leave out the fields these modules add, e.g. mail,website (repeatable; read from ir.model.fields)" };

    public Option<string[]> OnlyModules { get; } = new("--only-modules") { HelpName = "MODULE", Description = "keep only the fields these modules (and base) define, e.g. sale,account (repeatable; read from ir.model.fields)" };

    public Option<bool> MonetaryAsDouble { get; } = new("--monetary-as-double") { Description = "monetary fields as double (default decimal)" };

    public Option<bool> Force { get; } = new("--force") { Description = "overwrite existing files" };

    // ---------------------------------------------------------------- check

    public Command Check { get; }

    public Argument<string[]> Paths { get; } = new("PATH") { Arity = ArgumentArity.ZeroOrMore, Description = "the compiled models (as --assembly)" };

    public Option<string[]> Assembly { get; } = new("--assembly", "-a") { HelpName = "PATH", Description = "the compiled models (repeatable)" };

    public Option<string[]> Model { get; } = new("--model", "-m") { HelpName = "NAME", Description = "check only this model or record (repeatable)" };

    public Option<bool> Json { get; } = new("--json") { Description = "the report as JSON (for CI)" };

    public Option<OdooDriftSeverity?> FailOn { get; } = new("--fail-on")
    {
        HelpName = "LEVEL",
        Description = "exit 1 on findings of at least LEVEL: error, warning (default) or info",
    };

    // ---------------------------------------------------------------- help and version

    public Command HelpCommand { get; }

    public Argument<string?> HelpTopic { get; } = new("COMMAND") { Arity = ArgumentArity.ZeroOrOne, Description = "scaffold or check" };

    public Command VersionCommand { get; }

    public Option<bool> Version { get; } = new("--version") { Description = "the version of odoogen" };

    public RootCommand Root { get; }

    /// <summary>The values of a repeatable option or argument, comma-separated lists split, duplicates kept once.</summary>
    public static List<string> SplitLists(IEnumerable<string> values) =>
        [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// One line for the first parse error, in the words the tool has always used: unknown options and
    /// commands, options without their value, then the validators' messages.
    /// </summary>
    public string DescribeFirstError(ParseResult result)
    {
        if (result.UnmatchedTokens.Count > 0)
        {
            var token = result.UnmatchedTokens[0];
            if (token.StartsWith('-')) return $"unknown option '{token.Split('=', 2)[0]}'.";
            return result.CommandResult.Command == Root
                ? $"unknown command '{token}'; the commands are scaffold and check."
                : $"unexpected argument '{token}'.";
        }
        foreach (var error in result.Errors)
        {
            if (error.SymbolResult is OptionResult { Tokens.Count: 0, Implicit: false } o && o.Option.Arity.MinimumNumberOfValues > 0)
            {
                return $"{o.Option.Name} needs a value.";
            }
        }
        return result.Errors[0].Message;
    }

    /// <summary>
    /// A command's arguments take any token, so an unknown option would pass for a model or a path: it is
    /// reported as what it is.
    /// </summary>
    private static bool UnknownOption(ArgumentResult r)
    {
        if (r.Tokens.FirstOrDefault(t => t.Value.Length > 1 && t.Value[0] == '-') is not { } token) return false;
        r.AddError($"unknown option '{token.Value.Split('=', 2)[0]}'.");
        return true;
    }

    private static string Single(ArgumentResult r) => r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";

    [GeneratedRegex(@"^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ModelNamePattern();

    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{Nd}_]*(\.[\p{L}_][\p{L}\p{Nd}_]*)*$")]
    private static partial Regex NamespacePattern();
}

/// <summary>System.CommandLine's help, followed by the notes of the command it describes.</summary>
/// <param name="help">The generated help.</param>
/// <param name="notes">Text printed after the help of a command.</param>
internal sealed class HelpWithNotes(SynchronousCommandLineAction help, IReadOnlyDictionary<Command, string> notes) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var code = help.Invoke(parseResult);
        if (notes.TryGetValue(parseResult.CommandResult.Command, out var text)) parseResult.InvocationConfiguration.Output.WriteLine(text);
        return code;
    }
}
