using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Odoo.Testing.Internal;

namespace Odoo.Testing;

/// <summary>
/// The database service (<c>/jsonrpc</c> service <c>db</c>, odoo/service/db.py) and the database manager's transfer routes
/// (<c>/web/database/backup</c>, <c>/web/database/restore</c>, addons/web/controllers/database.py) over the server's
/// in-memory databases.
/// </summary>
public sealed partial class OdooTestServer
{
    private const string SnapshotMarker = "odoo-testing-snapshot:";

    private readonly Lock _dbSync = new();

    /// <summary>The databases by name, sorted as Odoo lists them; a <see langword="null"/> store is a listed database without users (<see cref="OdooTestServerOptions.OtherDatabases"/>).</summary>
    private readonly SortedDictionary<string, LockedStore?> _databases = new(StringComparer.Ordinal);

    /// <summary>The dumps taken, by token: a dump is an opaque file naming its snapshot, restorable on this server only.</summary>
    private readonly Dictionary<string, LockedStore?> _snapshots = new(StringComparer.Ordinal);

    private string _masterPassword = "admin";

    private void InitializeDatabases()
    {
        _masterPassword = _options.MasterPassword;
        _pdfRenderingAvailable = _options.PdfRenderingAvailable;
        _databases[_options.Database] = _store;
        foreach (var other in _options.OtherDatabases) _databases.TryAdd(other, null);
    }

    /// <summary>
    /// The databases the server hosts now, sorted as <c>db.list</c> answers them: <see cref="Database"/>, the
    /// <see cref="OdooTestServerOptions.OtherDatabases"/>, and those created, duplicated, renamed or restored through
    /// the database service (less those dropped).
    /// </summary>
    public IReadOnlyList<string> Databases
    {
        get { lock (_dbSync) return [.. _databases.Keys]; }
    }

    /// <summary>Whether <paramref name="db"/> is a database the server hosts.</summary>
    private bool HostsDatabase(string? db)
    {
        if (db is null) return false;
        lock (_dbSync) return _databases.ContainsKey(db);
    }

    /// <summary>The data of a hosted database; <see langword="null"/> when it is not hosted or holds no users.</summary>
    private LockedStore? StoreOf(string? db)
    {
        if (db is null) return null;
        lock (_dbSync) return _databases.GetValueOrDefault(db);
    }

    /// <summary>odoo/service/db.py <c>dispatch</c>: the methods without the master password, then <c>check_super</c>, then the method.</summary>
    private void DbService(string? method, JsonElement args, Utf8JsonWriter w)
    {
        var count = args.ValueKind == JsonValueKind.Array ? args.GetArrayLength() : 0;
        string? Arg(int i) => i < count && args[i].ValueKind == JsonValueKind.String ? args[i].GetString() : null;
        string Required(int i, string parameter) =>
            Arg(i) ?? throw OdooServerError.TypeError($"exp_{method}() missing required positional argument: '{parameter}'");

        switch (method)
        {
            case "list":
                if (!_options.ListDatabases) throw OdooServerError.AccessDenied();
                w.WriteStartArray();
                foreach (var name in Databases) w.WriteStringValue(name);
                w.WriteEndArray();
                return;
            case "server_version":
                w.WriteStringValue(_version.Text);
                return;
            case "db_exist":
                w.WriteBooleanValue(HostsDatabase(Arg(0)));
                return;
            case "list_lang":
                w.WriteStartArray();
                w.WriteStartArray();
                w.WriteStringValue("en_US");
                w.WriteStringValue("English (US)");
                w.WriteEndArray();
                w.WriteEndArray();
                return;
            case "create_database" or "duplicate_database" or "drop" or "rename" or "dump" or "restore" or "change_admin_password" or "migrate_databases":
                break;
            default:
                throw new OdooServerError("builtins.KeyError", $"Method not found: {method}");
        }

        // check_super(passwd): AccessDenied unless it is the master password; then check_db_management_enabled (list_db).
        if (Arg(0) is not { Length: > 0 } master || master != _masterPassword) throw OdooServerError.AccessDenied();
        if (!_options.ListDatabases) throw OdooServerError.AccessDenied();
        switch (method)
        {
            case "create_database":
                CreateDatabase(Required(1, "db_name"), Arg(3) ?? "en_US", Arg(4) ?? "admin", Arg(5) ?? "admin", Arg(6));
                w.WriteBooleanValue(true);
                return;
            case "duplicate_database":
                DuplicateDatabase(Required(1, "db_original_name"), Required(2, "db_name"));
                w.WriteBooleanValue(true);
                return;
            case "drop":
                w.WriteBooleanValue(DropDatabase(Required(1, "db_name")));
                return;
            case "rename":
                RenameDatabase(Required(1, "old_name"), Required(2, "new_name"));
                w.WriteBooleanValue(true);
                return;
            case "dump":
                w.WriteBase64StringValue(Dump(Required(1, "db_name"), Arg(2) ?? "zip"));
                return;
            case "restore":
            {
                var name = Required(1, "db_name");
                var data = Convert.FromBase64String(Required(2, "data"));
                Restore(name, data);
                w.WriteBooleanValue(true);
                return;
            }
            case "change_admin_password":
                lock (_dbSync) _masterPassword = Required(1, "new_password");
                w.WriteBooleanValue(true);
                return;
            default: // migrate_databases: nothing to migrate in memory.
                w.WriteBooleanValue(true);
                return;
        }
    }

    /// <summary>exp_create_database: DatabaseExists for a taken name, else a new database with Odoo's base records and the given administrator.</summary>
    private void CreateDatabase(string name, string lang, string password, string login, string? countryCode)
    {
        var store = new LockedStore(_options.TimeProvider);
        using (var scope = store.Enter()) SeedBaseData(scope.Store, login, password, apiKey: null, "Administrator", "My Company", lang);
        lock (_dbSync)
        {
            if (_databases.ContainsKey(name)) throw new OdooServerError("odoo.service.db.DatabaseExists", $"database '{name}' already exists!");
            _databases[name] = store;
        }
    }

    /// <summary>exp_duplicate_database: PostgreSQL's CREATE DATABASE ... TEMPLATE, which checks the source first.</summary>
    private void DuplicateDatabase(string source, string name)
    {
        LockedStore? original;
        lock (_dbSync)
        {
            if (!_databases.TryGetValue(source, out original))
                throw new OdooServerError("psycopg2.errors.InvalidCatalogName", $"template database \"{source}\" does not exist\n");
            if (_databases.ContainsKey(name))
                throw new OdooServerError("psycopg2.errors.DuplicateDatabase", $"database \"{name}\" already exists\n");
        }
        var copy = CloneStore(original);
        lock (_dbSync)
        {
            if (!_databases.TryAdd(name, copy))
                throw new OdooServerError("psycopg2.errors.DuplicateDatabase", $"database \"{name}\" already exists\n");
        }
    }

    private static LockedStore? CloneStore(LockedStore? store)
    {
        if (store is null) return null;
        using var scope = store.Enter();
        return new LockedStore(scope.Store.Clone());
    }

    /// <summary>exp_drop: <c>false</c> for a database that is not listed.</summary>
    private bool DropDatabase(string name)
    {
        lock (_dbSync) return _databases.Remove(name);
    }

    /// <summary>exp_rename: ALTER DATABASE ... RENAME TO, its PostgreSQL error wrapped in "Couldn't rename database ...".</summary>
    private void RenameDatabase(string oldName, string newName)
    {
        lock (_dbSync)
        {
            string? error = null;
            if (!_databases.TryGetValue(oldName, out var store)) error = $"database \"{oldName}\" does not exist\n";
            else if (_databases.ContainsKey(newName)) error = $"database \"{newName}\" already exists\n";
            if (error is not null) throw new OdooServerError("builtins.Exception", $"Couldn't rename database {oldName} to {newName}: {error}");
            _databases.Remove(oldName);
            _databases[newName] = store;
        }
    }

    /// <summary>
    /// A dump of an in-memory database: an opaque file holding a token of a snapshot the server keeps. <c>zip</c> is a
    /// zip with <c>dump.sql</c> and <c>manifest.json</c> (no filestore: the server keeps no files); <c>dump</c> starts
    /// with pg_dump's <c>PGDMP</c> signature. Only the server that made it can restore it.
    /// </summary>
    private byte[] Dump(string name, string format)
    {
        LockedStore? store;
        lock (_dbSync)
        {
            if (!_databases.TryGetValue(name, out store))
                throw new OdooServerError("psycopg2.OperationalError", $"connection to server failed: FATAL:  database \"{name}\" does not exist\n");
        }
        var snapshot = CloneStore(store);
        var token = Guid.NewGuid().ToString("N");
        lock (_dbSync) _snapshots[token] = snapshot;
        if (format != "zip") return Encoding.ASCII.GetBytes("PGDMP\n" + SnapshotMarker + token + "\n");
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var sql = new StreamWriter(zip.CreateEntry("dump.sql").Open(), Encoding.UTF8))
                sql.Write($"-- Odoo.Testing in-memory database '{name}'\n-- {SnapshotMarker}{token}\n");
            using var manifest = zip.CreateEntry("manifest.json").Open();
            using var w = new Utf8JsonWriter(manifest, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteString("odoo_dump", "1");
            w.WriteString("db_name", name);
            w.WriteString("version", _version.Text);
            w.WriteNumber("major_version", _version.Major);
            w.WriteString("pg_version", "15.0");
            w.WriteStartObject("modules");
            w.WriteString("base", _version.Text.Split('+')[0] + ".1.3");
            w.WriteEndObject();
            w.WriteString("odoo_testing_snapshot", token);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// restore_db: "Database already exists" for a taken name; otherwise Odoo creates the empty database first, so a
    /// dump it cannot read ("Couldn't restore database") leaves that empty database behind, as it does here.
    /// </summary>
    private void Restore(string name, byte[] data)
    {
        lock (_dbSync)
        {
            if (_databases.ContainsKey(name)) throw new OdooServerError("builtins.Exception", "Database already exists");
            _databases[name] = null;
        }
        var token = SnapshotToken(data);
        LockedStore? snapshot = null;
        var found = false;
        if (token is not null)
        {
            lock (_dbSync) found = _snapshots.TryGetValue(token, out snapshot);
        }
        if (!found) throw new OdooServerError("builtins.Exception", "Couldn't restore database");
        var copy = CloneStore(snapshot);
        lock (_dbSync) _databases[name] = copy;
    }

    private static string? SnapshotToken(byte[] data)
    {
        string? text = null;
        if (data.Length > 4 && data[0] == 'P' && data[1] == 'K')
        {
            try
            {
                using var zip = new ZipArchive(new MemoryStream(data), ZipArchiveMode.Read);
                if (zip.GetEntry("dump.sql") is { } entry)
                {
                    using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                    text = reader.ReadToEnd();
                }
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }
        else if (data.AsSpan().StartsWith("PGDMP"u8))
        {
            text = Encoding.ASCII.GetString(data);
        }
        if (text is null) return null;
        var at = text.IndexOf(SnapshotMarker, StringComparison.Ordinal);
        if (at < 0) return null;
        var start = at + SnapshotMarker.Length;
        var end = start;
        while (end < text.Length && char.IsAsciiHexDigit(text[end])) end++;
        return end > start ? text[start..end] : null;
    }

    /// <summary>
    /// addons/web/controllers/database.py <c>backup</c> and <c>restore</c> (the routes the client streams dumps through);
    /// <see langword="null"/> for the manager's other routes, which this server does not serve.
    /// </summary>
    private Reply? DatabaseManager(HttpContext ctx, string path, OdooRecordedRequest record)
    {
        if (path is not ("/web/database/backup" or "/web/database/restore")) return null;
        if (!HttpMethods.IsPost(ctx.Request.Method))
            return HtmlReply(405, Html.Error(405, "Method Not Allowed", "The method is not allowed for the requested URL."));
        var form = ctx.Request.HasFormContentType ? ctx.Request.Form : null;
        string? Field(string key) => form is not null && form.TryGetValue(key, out var v) ? v.ToString() : null;
        var master = Field("master_pwd");
        var name = Field("name");
        record.Method = path["/web/database/".Length..];
        record.Database = name;
        // insecure = verify_admin_password('admin'): a server on the default master password takes the one it is sent as its own.
        lock (_dbSync)
        {
            if (_masterPassword == "admin" && !string.IsNullOrEmpty(master)) _masterPassword = master;
        }
        var action = path == "/web/database/backup" ? "backup" : "restore";
        try
        {
            if (name is null) throw OdooServerError.TypeError($"Database.{action}() missing 1 required positional argument: 'name'");
            if (string.IsNullOrEmpty(master) || master != _masterPassword || !_options.ListDatabases) throw OdooServerError.AccessDenied();
            if (action == "backup")
            {
                if (!HostsDatabase(name)) throw new OdooServerError("builtins.Exception", $"Database '{name}' is not known");
                var format = Field("backup_format") ?? "zip";
                var bytes = Dump(name, format);
                var stamp = _options.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture);
                return new Reply
                {
                    ContentType = "application/octet-stream; charset=binary",
                    Bytes = bytes,
                    Headers = [new("Content-Disposition", $"attachment; filename={name}_{stamp}.{format}")],
                };
            }
            var file = form?.Files.GetFile("backup_file");
            var data = Array.Empty<byte>();
            if (file is not null)
            {
                using var copy = new MemoryStream();
                using (var stream = file.OpenReadStream()) stream.CopyTo(copy);
                data = copy.ToArray();
            }
            Restore(name, data);
            return new Reply { Status = 303, ContentType = HtmlContentType, Text = Html.Redirect("/web/database/manager"), Location = "/web/database/manager" };
        }
        catch (OdooServerError error)
        {
            record.ErrorName = error.Name;
            var label = action == "backup" ? "Database backup error" : "Database restore error";
            return new Reply { ContentType = "text/html; charset=utf-8", Text = Html.DatabaseManager($"{label}: {error.Message}") };
        }
    }
}
