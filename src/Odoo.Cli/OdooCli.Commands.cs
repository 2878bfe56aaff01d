using System.Globalization;
using Odoo.Schema;

namespace Odoo.Cli;

public static partial class OdooCli
{
    private static async Task<int> ScaffoldAsync(string[] args, OdooCliConsole console, List<string> secrets, CancellationToken ct)
    {
        var a = Parse(args,
            ["--namespace", "--out", "--existing-assembly", "--max-models", "--strip-prefix", "--exclude-field"],
            ["--follow-relations", "--force", "--monetary-as-double"]);
        if (a.Flag("--help"))
        {
            await console.Out.WriteAsync(HelpFor("scaffold")).ConfigureAwait(false);
            return ExitOk;
        }
        var models = a.Positional.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();
        if (models.Count == 0) throw new UsageException("name at least one model, for example: odoogen scaffold res.partner.");
        foreach (var m in models)
        {
            if (!ModelNamePattern.IsMatch(m)) throw new UsageException($"'{m}' is not an Odoo model name (for example res.partner).");
        }
        var options = new OdooScaffoldOptions
        {
            Namespace = a.Value("--namespace") ?? "Odoo.Models",
            FollowRelations = a.Flag("--follow-relations"),
            MonetaryAsDecimal = !a.Flag("--monetary-as-double"),
        };
        if (!System.Text.RegularExpressions.Regex.IsMatch(options.Namespace, @"^[\p{L}_][\p{L}\p{Nd}_]*(\.[\p{L}_][\p{L}\p{Nd}_]*)*$"))
        {
            throw new UsageException($"--namespace '{options.Namespace}' is not a C# namespace (for example Billing.Models).");
        }
        if (a.Value("--max-models") is { } max)
        {
            if (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) throw new UsageException($"--max-models '{max}' is not a positive number.");
            options.MaxModels = n;
        }
        if (a.Has("--strip-prefix"))
        {
            options.StripPrefixes.Clear();
            foreach (var p in a.Values("--strip-prefix")) options.StripPrefixes.Add(p is "none" or "" ? "" : p.EndsWith('.') ? p : p + ".");
        }
        foreach (var p in a.Values("--exclude-field")) options.ExcludeFields.Add(p);
        var outDir = Path.GetFullPath(a.Value("--out") ?? ".");
        var quiet = a.Flag("--quiet");

        var loaded = new List<OdooModelAssembly>();
        try
        {
            foreach (var path in a.Values("--existing-assembly"))
            {
                var asm = LoadAssembly(path);
                loaded.Add(asm);
                foreach (var (model, type) in asm.RecordTypes()) options.ExistingRecords.TryAdd(model, type);
            }

            var connection = ConnectionOptions(a, console, secrets);
            await using var client = await ConnectAsync(connection, ct).ConfigureAwait(false);
            options.Source = $"{client.BaseUrl} (Odoo {client.ServerVersion.Text})";
            var progress = new SyncProgress<OdooScaffoldProgress>(p => Progress(console, quiet, p, "reading"));
            var files = await OdooScaffolder.ScaffoldAsync(client, models, options, progress, ct).ConfigureAwait(false);

            // Refuse to overwrite before writing anything; stubs never replace an existing file.
            Directory.CreateDirectory(outDir);
            var existing = files.Where(f => !f.IsStub && File.Exists(Path.Combine(outDir, f.FileName))).Select(f => f.FileName).ToList();
            if (existing.Count > 0 && !a.Flag("--force"))
            {
                throw new UsageException($"{string.Join(", ", existing)} already exist{(existing.Count == 1 ? "s" : "")} in {outDir}; pass --force to overwrite.");
            }
            var written = 0;
            foreach (var f in files)
            {
                var path = Path.Combine(outDir, f.FileName);
                if (f.IsStub && File.Exists(path))
                {
                    if (!quiet) await console.Error.WriteLineAsync($"kept {f.FileName} ({f.ModelName}) as it is").ConfigureAwait(false);
                    continue;
                }
                await File.WriteAllTextAsync(path, f.Content, ct).ConfigureAwait(false);
                written++;
                await console.Out.WriteLineAsync(path).ConfigureAwait(false);
            }
            if (!quiet)
            {
                var full = files.Count(f => !f.IsStub);
                var stubs = files.Where(f => f.IsStub).Select(f => f.ModelName).ToList();
                await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {written} file(s) to {outDir}: {full} model(s){(stubs.Count > 0 ? $", {stubs.Count} stub(s) for relation targets ({string.Join(", ", stubs)}; scaffold them, or use --follow-relations or --existing-assembly)" : "")}.")).ConfigureAwait(false);
            }
            return ExitOk;
        }
        finally
        {
            foreach (var asm in loaded) asm.Dispose();
        }
    }

    private static async Task<int> CheckAsync(string[] args, OdooCliConsole console, List<string> secrets, CancellationToken ct)
    {
        var a = Parse(args, ["--assembly", "--model", "--fail-on"], ["--json"]);
        if (a.Flag("--help"))
        {
            await console.Out.WriteAsync(HelpFor("check")).ConfigureAwait(false);
            return ExitOk;
        }
        var paths = a.Values("--assembly").Concat(a.Positional).ToList();
        if (paths.Count == 0) throw new UsageException("name the assembly to check: odoogen check --assembly path/to/Models.dll.");
        var failOn = (a.Value("--fail-on") ?? "warning").ToLowerInvariant() switch
        {
            "error" or "errors" => OdooDriftSeverity.Error,
            "warning" or "warnings" => OdooDriftSeverity.Warning,
            "info" or "any" => OdooDriftSeverity.Info,
            var other => throw new UsageException($"--fail-on '{other}' is not one of error, warning, info."),
        };
        var only = a.Values("--model");
        var quiet = a.Flag("--quiet");

        var loaded = new List<OdooModelAssembly>();
        try
        {
            var models = new List<Odoo.Metadata.OdooModelMetadata>();
            foreach (var path in paths)
            {
                var asm = LoadAssembly(path);
                loaded.Add(asm);
                if (asm.Models.Count == 0) throw new UsageException($"'{path}' declares no [OdooModel] records (or was built without the OdooGen generator).");
                models.AddRange(asm.Models);
            }
            if (only.Count > 0)
            {
                var unknown = only.Where(m => models.All(x => x.ModelName != m && x.RecordType != m && !x.RecordType.EndsWith("." + m, StringComparison.Ordinal))).ToList();
                if (unknown.Count > 0) throw new UsageException($"the assembly declares no model {string.Join(", ", unknown.Select(u => "'" + u + "'"))}.");
                models = [.. models.Where(x => only.Any(m => x.ModelName == m || x.RecordType == m || x.RecordType.EndsWith("." + m, StringComparison.Ordinal)))];
            }

            var connection = ConnectionOptions(a, console, secrets);
            await using var client = await ConnectAsync(connection, ct).ConfigureAwait(false);
            var progress = new SyncProgress<OdooScaffoldProgress>(p => Progress(console, quiet || models.Count < 2, p, "checking"));
            var report = await OdooSchemaChecker.CheckAsync(client, models, progress, ct).ConfigureAwait(false);
            await console.Out.WriteAsync(a.Flag("--json") ? report.ToJson() + "\n" : report.ToTable()).ConfigureAwait(false);
            return report.HasFindings(failOn) ? ExitDrift : ExitOk;
        }
        finally
        {
            foreach (var asm in loaded) asm.Dispose();
        }
    }

    private static OdooModelAssembly LoadAssembly(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"the assembly '{path}' does not exist.");
        try
        {
            return OdooModelAssembly.Load(path);
        }
        catch (BadImageFormatException)
        {
            throw new UsageException($"'{path}' is not a .NET assembly.");
        }
        catch (FileLoadException ex)
        {
            throw new UsageException($"cannot load '{path}': {FirstLine(ex.Message)}");
        }
    }

    private const string ConnectionHelp = """
        Connection (options win over environment variables):
          --url URL              the Odoo server, e.g. https://erp.example.com        [ODOO_URL]
          -d, --database NAME    the database                                        [ODOO_DATABASE]
          -u, --username LOGIN   the login                                           [ODOO_USERNAME]
          -p, --password SECRET  the password (prefer the variable: argv is visible) [ODOO_PASSWORD]
          --api-key KEY          an API key instead of the password                  [ODOO_API_KEY]
          --protocol P           auto (default), jsonrpc or json2                    [ODOO_PROTOCOL]
          --insecure             do not verify the server's TLS certificate
          --ca-file PATH         also trust this CA certificate (PEM or DER)
          --timeout SECONDS      per request (default 120)
          -q, --quiet            no progress on stderr
        With no password or API key and a terminal attached, odoogen prompts for the password.

        """;

    private static readonly string ScaffoldHelp = """
        odoogen scaffold MODEL... [options]

        Reads fields_get (and ir.model) of each MODEL and writes one C# file per model: an
        [OdooModel] partial record with a partial property per field, enums for selections,
        relation attributes and XML docs. The files compile as they are with the OdooGen generator.

          -n, --namespace NS         namespace of the records (default Odoo.Models)
          -o, --out DIR              where to write (default: the current directory)
          --follow-relations         scaffold relation targets too, transitively
          --max-models N             at most N models in full with --follow-relations (default 50)
          --existing-assembly PATH   use the records this assembly declares for relation targets (repeatable)
          --strip-prefix P           model prefixes left out of record names (repeatable; default res. and ir.;
                                     'none' keeps every prefix)
          --exclude-field GLOB       leave fields out, e.g. 'message_*' (repeatable)
          --monetary-as-double       monetary fields as double (default decimal)
          --force                    overwrite existing files
        Relation targets that are neither scaffolded nor in --existing-assembly get a stub record
        (Id and DisplayName only); an existing file is never replaced by a stub.
        The paths written go to stdout, progress to stderr.

        """ + ConnectionHelp;

    private static readonly string CheckHelp = """
        odoogen check --assembly PATH [options]

        Loads the generated metadata of every [OdooModel] record in the assembly and compares it with
        the server's fields_get: missing fields, changed types and relation targets, non-nullable
        declarations of fields Odoo does not require (it may send false), selection values the enums
        do not cover.

          -a, --assembly PATH   the compiled models (repeatable)
          -m, --model NAME      check only this model or record (repeatable)
          --json                the report as JSON (for CI)
          --fail-on LEVEL       exit 1 on findings of at least LEVEL: error, warning (default) or info
        Exit codes: 0 no drift, 1 drift, 2 usage, connection or authentication error.

        """ + ConnectionHelp;

    private static readonly string Help = """
        odoogen: OdooGen's command line.

          odoogen scaffold MODEL... [options]   write declarations from a live Odoo
          odoogen check --assembly PATH         compare declarations with a live Odoo (drift)
          odoogen help COMMAND                  the options of a command
          odoogen --version

        """ + ConnectionHelp;

    private static string HelpFor(string command) => command switch
    {
        "scaffold" => ScaffoldHelp,
        "check" => CheckHelp,
        _ => Help,
    };
}
