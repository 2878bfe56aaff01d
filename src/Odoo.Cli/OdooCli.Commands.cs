using System.CommandLine;
using System.Globalization;
using Odoo.Schema;

namespace Odoo.Cli;

public static partial class OdooCli
{
    private static async Task<int> ScaffoldAsync(ParseResult a, CliSyntax syntax, OdooCliConsole console, List<string> secrets, CancellationToken ct)
    {
        var models = CliSyntax.SplitLists(a.GetValue(syntax.Models) ?? []);
        var outDir = Path.GetFullPath(a.GetValue(syntax.Out) ?? ".");
        var options = new OdooScaffoldOptions
        {
            // Without --namespace: the namespace a new file in DIR gets in its project (RootNamespace + folders).
            Namespace = a.GetValue(syntax.Namespace) ?? OdooScaffolder.ProjectNamespace(outDir) ?? OdooScaffoldOptions.DefaultNamespace,
            FollowRelations = a.GetValue(syntax.FollowRelations),
            MonetaryAsDecimal = !a.GetValue(syntax.MonetaryAsDouble),
        };
        if (a.GetValue(syntax.MaxModels) is { } max) options.MaxModels = max;
        if (a.GetResult(syntax.StripPrefix) is not null)
        {
            options.StripPrefixes.Clear();
            foreach (var p in CliSyntax.SplitLists(a.GetValue(syntax.StripPrefix) ?? [])) options.StripPrefixes.Add(p is "none" ? "" : p.EndsWith('.') ? p : p + ".");
            if (options.StripPrefixes.Count == 0) options.StripPrefixes.Add("");
        }
        foreach (var p in CliSyntax.SplitLists(a.GetValue(syntax.ExcludeField) ?? [])) options.ExcludeFields.Add(p);
        foreach (var m in CliSyntax.SplitLists(a.GetValue(syntax.ExcludeModules) ?? [])) options.ExcludeModules.Add(m);
        foreach (var m in CliSyntax.SplitLists(a.GetValue(syntax.OnlyModules) ?? [])) options.OnlyModules.Add(m);
        var quiet = a.GetValue(syntax.Quiet);

        var loaded = new List<OdooModelAssembly>();
        try
        {
            foreach (var path in CliSyntax.SplitLists(a.GetValue(syntax.ExistingAssembly) ?? []))
            {
                var asm = LoadAssembly(path);
                loaded.Add(asm);
                foreach (var (model, type) in asm.RecordTypes()) options.ExistingRecords.TryAdd(model, type);
            }

            var connection = ConnectionOptions(a, syntax, console, secrets);
            await using var client = await ConnectAsync(connection, ct).ConfigureAwait(false);
            options.Source = $"{client.BaseUrl} (Odoo {client.ServerVersion.Text})";
            var progress = new CliProgress(console, quiet, "reading", "read");
            var files = await OdooScaffolder.ScaffoldAsync(client, models, options, progress, ct).ConfigureAwait(false);
            progress.Complete();

            // Refuse to overwrite before writing anything; stubs never replace an existing file.
            Directory.CreateDirectory(outDir);
            var existing = files.Where(f => !f.IsStub && File.Exists(Path.Combine(outDir, f.FileName))).Select(f => f.FileName).ToList();
            if (existing.Count > 0 && !a.GetValue(syntax.Force))
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
                    $"wrote {written} file(s) to {outDir} (namespace {options.Namespace}): {full} model(s){(stubs.Count > 0 ? $", {stubs.Count} stub(s) for relation targets ({string.Join(", ", stubs)}; scaffold them, or use --follow-relations or --existing-assembly)" : "")}.")).ConfigureAwait(false);
            }
            return ExitOk;
        }
        finally
        {
            foreach (var asm in loaded) asm.Dispose();
        }
    }

    private static async Task<int> CheckAsync(ParseResult a, CliSyntax syntax, OdooCliConsole console, List<string> secrets, CancellationToken ct)
    {
        var paths = CliSyntax.SplitLists((a.GetValue(syntax.Assembly) ?? []).Concat(a.GetValue(syntax.Paths) ?? []));
        var failOn = a.GetValue(syntax.FailOn) ?? OdooDriftSeverity.Warning;
        var only = CliSyntax.SplitLists(a.GetValue(syntax.Model) ?? []);
        var quiet = a.GetValue(syntax.Quiet);

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

            var connection = ConnectionOptions(a, syntax, console, secrets);
            await using var client = await ConnectAsync(connection, ct).ConfigureAwait(false);
            var progress = new CliProgress(console, quiet || models.Count < 2, "checking", "checked");
            var report = await OdooSchemaChecker.CheckAsync(client, models, progress, ct).ConfigureAwait(false);
            progress.Complete();
            await console.Out.WriteAsync(a.GetValue(syntax.Json) ? report.ToJson() + "\n" : report.ToTable()).ConfigureAwait(false);
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
}
