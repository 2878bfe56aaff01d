using System.Buffers;
using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Text.Json;
using Odoo.Reports;
using Odoo.Serialization;
using Odoo.Transport;

namespace Odoo.Databases;

/// <summary>
/// Odoo's database service (OdooRPC's <c>db</c>): list, check, create, duplicate, rename, drop, dump and restore the
/// databases of a server, and read its version. Needs no login; every operation that changes or copies a database
/// takes the master password (<see cref="OdooDatabaseServiceOptions.MasterPassword"/>), which never appears in a
/// message. Thread-safe; dispose it when done.
/// </summary>
/// <remarks>
/// <para>Wire: <c>/jsonrpc</c> service <c>db</c> (<c>list</c>, <c>db_exist</c>, <c>server_version</c>,
/// <c>create_database</c>, <c>duplicate_database</c>, <c>rename</c>, <c>drop</c>), and the database manager's HTTP
/// routes for the transfers, streamed both ways: <c>POST /web/database/backup</c> and <c>POST /web/database/restore</c>
/// (multipart). A database the server's <c>db_filter</c> hides cannot go through <c>/web/database/backup</c>; it is
/// dumped with <c>db.dump</c> on <c>/jsonrpc</c> instead (base64, decoded as it arrives).</para>
/// <para>On a server whose master password is still Odoo's default (<c>admin</c>), Odoo's <c>/web/database/*</c>
/// routes store the password they are given as the new master password. The service therefore checks the master
/// password first (<c>db.migrate_databases</c> with no database, which changes nothing), so a wrong one fails with
/// <see cref="OdooMasterPasswordException"/> instead of silently becoming the server's password.</para>
/// </remarks>
/// <example><code>
/// await using var db = OdooDatabaseService.Create(new() { Url = new("https://odoo.example.com"), MasterPassword = master });
/// await db.CreateAsync("staging", new() { AdminPassword = adminPassword, Language = "en_US" }, ct);
/// await using (var file = File.Create("staging.zip")) await db.DumpAsync("staging", file, OdooDumpFormat.Zip, ct);
/// </code></example>
public sealed class OdooDatabaseService : IAsyncDisposable
{
    private readonly OdooHttpConnection _http;
    private readonly JsonRpcTransport _rpc;
    private readonly string? _master;

    private OdooDatabaseService(OdooHttpConnection http, string? masterPassword)
    {
        _http = http;
        _master = masterPassword;
        _rpc = new JsonRpcTransport(http, string.Empty, masterPassword ?? string.Empty);
    }

    /// <summary>Creates the service for a server (no request is made).</summary>
    /// <param name="options">The server's URL, the master password and the HTTP settings.</param>
    /// <returns>The service; dispose it when done.</returns>
    /// <exception cref="ArgumentException"><see cref="OdooDatabaseServiceOptions.Url"/> is missing.</exception>
    public static OdooDatabaseService Create(OdooDatabaseServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "Timeout must be positive (or Timeout.InfiniteTimeSpan).");
        var redactor = new SecretRedactor(options.MasterPassword);
        return new OdooDatabaseService(OdooHttpConnection.Create(options.ToClientOptions(), redactor), options.MasterPassword);
    }

    /// <summary>The server's base URL.</summary>
    public Uri BaseUrl => _http.BaseUrl;

    /// <summary>The databases the server lists (<c>db.list</c>; not filtered by the server's <c>db_filter</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The database names, sorted as Odoo lists them.</returns>
    /// <exception cref="OdooDatabaseManagerDisabledException">The server does not list databases (<c>list_db = False</c>).</exception>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        var info = CallInfo.Service("db", "list");
        try
        {
            return await _rpc.CallServiceAsync("db", "list", static _ => { }, ReadNames, info, cancellationToken).ConfigureAwait(false);
        }
        catch (OdooAccessDeniedException ex)
        {
            throw Disabled(ex, info);
        }
    }

    /// <summary>Whether a database of that name exists (<c>db.db_exist</c>: Odoo can connect to it).</summary>
    /// <param name="name">The database name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        CheckName(name, nameof(name));
        return _rpc.CallServiceAsync("db", "db_exist", w => w.WriteStringValue(name), ReadBool, CallInfo.Service("db", "db_exist"), cancellationToken);
    }

    /// <summary>The server's version as it reports it (<c>db.server_version</c>), for example <c>18.0</c> or <c>17.0+e</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<OdooVersion> GetServerVersionAsync(CancellationToken cancellationToken = default)
    {
        var text = await _rpc.CallServiceAsync("db", "server_version", static _ => { }, static (ref Utf8JsonReader r) =>
            r.TokenType == JsonTokenType.String ? r.GetString()! : throw OdooJsonReader.Unexpected(ref r, "a version string"),
            CallInfo.Service("db", "server_version"), cancellationToken).ConfigureAwait(false);
        return OdooVersion.TryParse(text, out var version)
            ? version
            : throw new OdooProtocolException($"Odoo at {BaseUrl} reported the version '{text}', which is not an Odoo version.") { Method = "server_version" };
    }

    /// <summary>
    /// Creates a database and installs Odoo's base module in it (<c>db.create_database</c>; blocks until done: a
    /// minute or more).
    /// </summary>
    /// <param name="name">The new database's name: letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, starting with a letter or digit.</param>
    /// <param name="options">Demo data, language, the administrator's login and password (required), country and phone.</param>
    /// <param name="cancellationToken">Cancels waiting (Odoo may still finish creating the database).</param>
    /// <exception cref="OdooDatabaseExistsException">A database of that name exists.</exception>
    /// <exception cref="OdooMasterPasswordException">The master password was refused.</exception>
    /// <exception cref="OdooDatabaseManagerDisabledException">The server's database manager is disabled.</exception>
    public async Task CreateAsync(string name, OdooDatabaseCreateOptions options, CancellationToken cancellationToken = default)
    {
        CheckName(name, nameof(name));
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.AdminPassword)) throw new ArgumentException("Set AdminPassword: the password of the new database's administrator.", nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Language, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Login, nameof(options));
        var master = RequireMaster("create_database");
        var adminRedactor = new SecretRedactor(options.AdminPassword);
        try
        {
            await MasterCallAsync("create_database", name, w =>
            {
                w.WriteStringValue(master);
                w.WriteStringValue(name);
                w.WriteBooleanValue(options.Demo);
                w.WriteStringValue(options.Language);
                w.WriteStringValue(options.AdminPassword);
                w.WriteStringValue(options.Login);
                if (options.CountryCode is null) w.WriteBooleanValue(false); else w.WriteStringValue(options.CountryCode);
                if (options.Phone is null) w.WriteNullValue(); else w.WriteStringValue(options.Phone);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (OdooException ex) when (adminRedactor.Leaks(ex))
        {
            throw new OdooException(adminRedactor.Redact(ex.Message)) { Method = "create_database" };
        }
    }

    /// <summary>Copies a database, filestore included (<c>db.duplicate_database</c>; Odoo closes the source's connections first).</summary>
    /// <param name="source">The database to copy.</param>
    /// <param name="name">The copy's name.</param>
    /// <param name="neutralize">Whether to neutralize the copy (Odoo 16+: mail servers, crons and payment providers off).</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <exception cref="OdooDatabaseNotFoundException">There is no database <paramref name="source"/>.</exception>
    /// <exception cref="OdooDatabaseExistsException">A database <paramref name="name"/> exists.</exception>
    /// <exception cref="OdooMasterPasswordException">The master password was refused.</exception>
    public Task DuplicateAsync(string source, string name, bool neutralize = false, CancellationToken cancellationToken = default)
    {
        CheckName(source, nameof(source));
        CheckName(name, nameof(name));
        var master = RequireMaster("duplicate_database");
        return MasterCallAsync("duplicate_database", source, w =>
        {
            w.WriteStringValue(master);
            w.WriteStringValue(source);
            w.WriteStringValue(name);
            if (neutralize) w.WriteBooleanValue(true);
        }, cancellationToken, target: name);
    }

    /// <summary>Renames a database and its filestore (<c>db.rename</c>).</summary>
    /// <param name="name">The database's name.</param>
    /// <param name="newName">Its new name.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <exception cref="OdooDatabaseNotFoundException">There is no database <paramref name="name"/>.</exception>
    /// <exception cref="OdooDatabaseExistsException">A database <paramref name="newName"/> exists.</exception>
    /// <exception cref="OdooMasterPasswordException">The master password was refused.</exception>
    public Task RenameAsync(string name, string newName, CancellationToken cancellationToken = default)
    {
        CheckName(name, nameof(name));
        CheckName(newName, nameof(newName));
        var master = RequireMaster("rename");
        return MasterCallAsync("rename", name, w =>
        {
            w.WriteStringValue(master);
            w.WriteStringValue(name);
            w.WriteStringValue(newName);
        }, cancellationToken, target: newName);
    }

    /// <summary>Drops a database and its filestore (<c>db.drop</c>). There is no undo.</summary>
    /// <param name="name">The database's name.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <exception cref="OdooDatabaseNotFoundException">There is no database of that name (Odoo answered <c>false</c>).</exception>
    /// <exception cref="OdooMasterPasswordException">The master password was refused.</exception>
    public async Task DropAsync(string name, CancellationToken cancellationToken = default)
    {
        CheckName(name, nameof(name));
        var master = RequireMaster("drop");
        var dropped = await MasterCallAsync("drop", name, w =>
        {
            w.WriteStringValue(master);
            w.WriteStringValue(name);
        }, cancellationToken).ConfigureAwait(false);
        if (!dropped)
        {
            throw new OdooDatabaseNotFoundException("", "db.drop answered false",
                $"db.drop failed: Odoo at {BaseUrl} has no database '{name}' to drop.")
            { Database = name, Method = "drop" };
        }
    }

    /// <summary>
    /// Dumps a database into <paramref name="destination"/>, streamed as it arrives (<c>POST /web/database/backup</c>;
    /// <c>db.dump</c> when the server's <c>db_filter</c> hides the database).
    /// </summary>
    /// <param name="name">The database.</param>
    /// <param name="destination">Where the dump goes (not closed). Nothing is written when Odoo refuses.</param>
    /// <param name="format"><see cref="OdooDumpFormat.Zip"/> (SQL and filestore, the default) or <see cref="OdooDumpFormat.PgDump"/>.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <exception cref="OdooDatabaseNotFoundException">There is no database of that name.</exception>
    /// <exception cref="OdooMasterPasswordException">The master password was refused.</exception>
    public async Task DumpAsync(string name, Stream destination, OdooDumpFormat format = OdooDumpFormat.Zip, CancellationToken cancellationToken = default)
    {
        CheckName(name, nameof(name));
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite) throw new ArgumentException("The destination stream is not writable.", nameof(destination));
        var master = RequireMaster("backup");
        await CheckMasterAsync(cancellationToken).ConfigureAwait(false);
        var formatText = format == OdooDumpFormat.PgDump ? "dump" : "zip";
        var info = new CallInfo($"Dumping database '{name}' (POST /web/database/backup)", null, "backup", null);
        using (var form = new FormUrlEncodedContent([new("master_pwd", master), new("name", name), new("backup_format", formatText)]))
        using (var response = await _http.SendStreamingAsync(HttpMethod.Post, "web/database/backup", form, "*/*", info, cancellationToken).ConfigureAwait(false))
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (response.IsSuccessStatusCode && mediaType is not null && !mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
            {
                await _http.CopyBodyAsync(response, destination, info, cancellationToken).ConfigureAwait(false);
                return;
            }
            var error = await PageErrorAsync(response, info, cancellationToken).ConfigureAwait(false);
            if (!error.Contains("is not known", StringComparison.Ordinal)) throw ManagerError(error, info, name, (int)response.StatusCode);
        }
        // The route lists only the databases the server's db_filter lets through; db.dump has no such filter.
        if (!await ExistsAsync(name, cancellationToken).ConfigureAwait(false))
        {
            throw new OdooDatabaseNotFoundException("", $"Database '{name}' is not known",
                $"Dumping database '{name}' failed: Odoo at {BaseUrl} has no database of that name.")
            { Database = name, Method = "backup" };
        }
        await DumpOverJsonRpcAsync(name, formatText, master, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Dumps a database to a file (created or overwritten; removed again when Odoo refuses). See <see cref="DumpAsync"/>.</summary>
    /// <param name="name">The database.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="format">The dump's format.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    public async Task DumpToFileAsync(string name, string path, OdooDumpFormat format = OdooDumpFormat.Zip, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CheckName(name, nameof(name));
        var ok = false;
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        try
        {
            await using (file.ConfigureAwait(false))
            {
                await DumpAsync(name, file, format, cancellationToken).ConfigureAwait(false);
            }
            ok = true;
        }
        finally
        {
            if (!ok) File.Delete(path);
        }
    }

    /// <summary>
    /// Restores a dump (either format) as a new database, streaming <paramref name="dump"/> to the server
    /// (<c>POST /web/database/restore</c>, multipart).
    /// </summary>
    /// <param name="name">The new database's name.</param>
    /// <param name="dump">The dump, read to its end (not closed).</param>
    /// <param name="copy">
    /// Whether the database is a copy (Odoo gives it a new <c>database.uuid</c>, so it does not pass for the original,
    /// for example towards the subscription server); <see langword="false"/> when it replaces the original (the default).
    /// </param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <exception cref="OdooDatabaseExistsException">A database of that name exists.</exception>
    /// <exception cref="OdooMasterPasswordException">The master password was refused.</exception>
    public async Task RestoreAsync(string name, Stream dump, bool copy = false, CancellationToken cancellationToken = default)
    {
        CheckName(name, nameof(name));
        ArgumentNullException.ThrowIfNull(dump);
        if (!dump.CanRead) throw new ArgumentException("The dump stream is not readable.", nameof(dump));
        var master = RequireMaster("restore");
        await CheckMasterAsync(cancellationToken).ConfigureAwait(false);
        var info = new CallInfo($"Restoring database '{name}' (POST /web/database/restore)", null, "restore", null);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(master), "master_pwd" },
            { new StringContent(name), "name" },
            { new StringContent(copy ? "true" : "false"), "copy" },
        };
        var file = new StreamContent(dump, 81920);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "backup_file", name + ".dump");
        using var response = await _http.SendStreamingAsync(HttpMethod.Post, "web/database/restore", form, "text/html", info, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        // Success is a redirect to the database manager; a failure renders the manager with the error.
        if (status is >= 300 and < 400) return;
        var error = await PageErrorAsync(response, info, cancellationToken).ConfigureAwait(false);
        throw ManagerError(error, info, name, status);
    }

    /// <summary>Restores a dump file as a new database. See <see cref="RestoreAsync"/>.</summary>
    /// <param name="name">The new database's name.</param>
    /// <param name="path">The dump file.</param>
    /// <param name="copy">Whether the database is a copy (new <c>database.uuid</c>).</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    public async Task RestoreFromFileAsync(string name, string path, bool copy = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            await RestoreAsync(name, file, copy, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the service's connections.</summary>
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => $"OdooDatabaseService {{ {BaseUrl} }}";

    private string RequireMaster(string method) =>
        string.IsNullOrEmpty(_master)
            ? throw new InvalidOperationException($"db.{method} needs the master password: set OdooDatabaseServiceOptions.MasterPassword.")
            : _master;

    private static void CheckName(string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameter);
        // Odoo's database manager pattern (addons/web/controllers/database.py DBNAME_PATTERN): ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$
        var ok = name.Length >= 2 && char.IsAsciiLetterOrDigit(name[0]);
        foreach (var c in name) ok &= char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';
        if (!ok) throw new ArgumentException($"'{name}' is not a database name Odoo accepts: letters, digits, '_', '.' and '-', starting with a letter or digit, at least 2 characters.", parameter);
    }

    /// <summary>
    /// Checks the master password with a call that changes nothing (<c>db.migrate_databases(password, [])</c>: Odoo
    /// checks the password, then migrates no database), before a database-manager route that would otherwise store a
    /// wrong password on a server still using the default one.
    /// </summary>
    private Task CheckMasterAsync(CancellationToken cancellationToken) =>
        MasterCallAsync("migrate_databases", null, w =>
        {
            w.WriteStringValue(_master);
            w.WriteStartArray();
            w.WriteEndArray();
        }, cancellationToken);

    private async Task<bool> MasterCallAsync(string method, string? database, Action<Utf8JsonWriter> writeArguments, CancellationToken cancellationToken, string? target = null)
    {
        var info = CallInfo.Service("db", method);
        try
        {
            return await _rpc.CallServiceAsync("db", method, writeArguments, ReadBool, info, cancellationToken).ConfigureAwait(false);
        }
        catch (OdooAccessDeniedException ex)
        {
            throw await MasterRefusedAsync(ex, info, cancellationToken).ConfigureAwait(false);
        }
        catch (OdooServerException ex) when (IsExists(ex.ServerMessage))
        {
            var taken = target ?? database;
            throw new OdooDatabaseExistsException(ex.ExceptionName, ex.ServerMessage,
                _http.Redactor.Redact($"{info.Description} failed ({ex.ExceptionName}): a database named '{taken}' already exists on {BaseUrl}: choose another name or drop it first."), ex)
            { Database = taken, Method = method, Arguments = ex.Arguments, HttpStatus = ex.HttpStatus };
        }
        catch (OdooServerException ex) when (ex is not OdooDatabaseNotFoundException && ex.ServerMessage.Contains("does not exist", StringComparison.Ordinal))
        {
            throw new OdooDatabaseNotFoundException(ex.ExceptionName, ex.ServerMessage,
                _http.Redactor.Redact($"{info.Description} failed ({ex.ExceptionName}): Odoo at {BaseUrl} has no database '{database}': {ex.ServerMessage.Trim()}"))
            { Database = database, Method = method, Arguments = ex.Arguments, HttpStatus = ex.HttpStatus };
        }
    }

    private static bool IsExists(string message) =>
        message.Contains("already exists", StringComparison.OrdinalIgnoreCase);

    /// <summary>An <c>AccessDenied</c> to a call with the master password: the password, unless the manager is disabled (then <c>db.list</c> is refused too).</summary>
    private async Task<OdooException> MasterRefusedAsync(OdooAccessDeniedException ex, CallInfo info, CancellationToken cancellationToken)
    {
        var listed = await _rpc.ListDatabasesAsync(cancellationToken).ConfigureAwait(false);
        if (listed is null) return Disabled(ex, info);
        return new OdooMasterPasswordException(ex.ExceptionName, ex.ServerMessage,
            $"{info.Description} failed ({ex.ExceptionName}): Odoo at {BaseUrl} refused the master password (the database manager's password, admin_passwd in Odoo's configuration).")
        { Method = info.Method, HttpStatus = ex.HttpStatus, Arguments = ex.Arguments };
    }

    private OdooDatabaseManagerDisabledException Disabled(OdooAccessDeniedException ex, CallInfo info) =>
        new(ex.ExceptionName, ex.ServerMessage,
            $"{info.Description} failed ({ex.ExceptionName}): Odoo at {BaseUrl} has its database manager disabled (list_db = False in its configuration): it neither lists nor manages databases over the network.")
        { Method = info.Method, HttpStatus = ex.HttpStatus, Arguments = ex.Arguments };

    private async Task<string> PageErrorAsync(HttpResponseMessage response, CallInfo info, CancellationToken cancellationToken)
    {
        var page = await OdooHttpConnection.ReadTextAsync(response, 512 * 1024, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status == 404)
        {
            throw new OdooTransportException($"{info.Description} failed: Odoo at {BaseUrl} has no database manager route (HTTP 404): the web module is not loaded, or a proxy blocks /web/database.")
            { StatusCode = status, Url = response.RequestMessage?.RequestUri, Method = info.Method };
        }
        var text = OdooHtmlError.Extract(page);
        if (text is null || !page.Contains("alert-danger", StringComparison.Ordinal))
        {
            throw new OdooProtocolException(_http.Redactor.Redact(
                $"Odoo at {BaseUrl} answered {info.Description} with HTTP {status} ({response.Content.Headers.ContentType?.MediaType ?? "no Content-Type"}) and no error message: {text ?? "(empty)"}"))
            { BodyExcerpt = _http.Redactor.Redact(text), Method = info.Method };
        }
        return _http.Redactor.Redact(text);
    }

    /// <summary>The typed error of a database manager page ("Database backup error: ...", "Database restore error: ...").</summary>
    private OdooException ManagerError(string error, CallInfo info, string name, int status)
    {
        if (IsExists(error))
        {
            return new OdooDatabaseExistsException("", error, $"{info.Description} failed: a database named '{name}' already exists on {BaseUrl}: {error}")
            { Database = name, Method = info.Method, HttpStatus = status };
        }
        if (error.Contains("is not known", StringComparison.Ordinal) || error.Contains("does not exist", StringComparison.Ordinal))
        {
            return new OdooDatabaseNotFoundException("", error, $"{info.Description} failed: Odoo at {BaseUrl} has no database '{name}': {error}")
            { Database = name, Method = info.Method, HttpStatus = status };
        }
        if (error.Contains("Access Denied", StringComparison.OrdinalIgnoreCase))
        {
            return new OdooMasterPasswordException("odoo.exceptions.AccessDenied", error, $"{info.Description} failed: Odoo at {BaseUrl} refused the master password: {error}")
            { Method = info.Method, HttpStatus = status };
        }
        return new OdooServerException("", error, $"{info.Description} failed: {error}") { Method = info.Method, HttpStatus = status };
    }

    /// <summary>
    /// <c>db.dump(password, name, format)</c> on <c>/jsonrpc</c>: the answer is <c>{"jsonrpc": "2.0", "id": n, "result": "&lt;base64&gt;"}</c>,
    /// decoded into <paramref name="destination"/> as it arrives, never held whole.
    /// </summary>
    private async Task DumpOverJsonRpcAsync(string name, string format, string master, Stream destination, CancellationToken cancellationToken)
    {
        var info = new CallInfo($"Dumping database '{name}' (db.dump)", null, "dump", null);
        using var body = new PooledBuffer(256);
        _rpc.WriteServiceCall(body, "db", "dump", w =>
        {
            w.WriteStringValue(master);
            w.WriteStringValue(name);
            w.WriteStringValue(format);
        });
        using var content = new ReadOnlyMemoryContent(body.Memory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _http.SendStreamingAsync(HttpMethod.Post, "jsonrpc", content, "application/json", info, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var decoder = new Base64ResultDecoder();
            var buffer = ArrayPool<byte>.Shared.Rent(81920);
            var output = ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                int n;
                while ((n = await stream.ReadAsync(buffer.AsMemory(0, 81920), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    var input = buffer.AsMemory(0, n);
                    while (!input.IsEmpty)
                    {
                        var (consumed, written) = decoder.Feed(input.Span, output);
                        input = input[consumed..];
                        if (written > 0) await destination.WriteAsync(output.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
                        if (decoder.IsError) break;
                    }
                    if (decoder.IsError) break;
                }
                if (decoder.IsError)
                {
                    // An error envelope: read it whole (it is small) and raise it typed.
                    using var rest = new PooledBuffer(4096);
                    decoder.CopyHeadTo(rest);
                    await rest.ReadFromAsync(stream, cancellationToken).ConfigureAwait(false);
                    using var copy = new PooledBuffer(rest.Length + 1);
                    rest.Span.CopyTo(copy.GetSpan(rest.Length));
                    copy.Advance(rest.Length);
                    using var answer = new HttpAnswer((int)response.StatusCode, response.ReasonPhrase, response.Content.Headers.ContentType?.ToString(), copy, new Uri(BaseUrl, "jsonrpc"));
                    try
                    {
                        _rpc.ReadEnvelope(answer, static (ref Utf8JsonReader r) => { r.Skip(); return 0; }, info);
                    }
                    catch (OdooAccessDeniedException ex)
                    {
                        throw await MasterRefusedAsync(ex, info, cancellationToken).ConfigureAwait(false);
                    }
                    throw new OdooProtocolException($"Odoo at {BaseUrl} answered {info.Description} with neither a dump nor an error.") { Method = "dump" };
                }
                if (!decoder.IsComplete)
                {
                    throw new OdooProtocolException($"Odoo at {BaseUrl} answered {info.Description} with a body cut short (the dump's base64 text did not end).") { Method = "dump" };
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
                ArrayPool<byte>.Shared.Return(output);
            }
        }
    }

    private static IReadOnlyList<string> ReadNames(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartArray) throw OdooJsonReader.Unexpected(ref r, "a list of database names");
        var names = new List<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.String) throw OdooJsonReader.Unexpected(ref r, "a database name");
            names.Add(r.GetString()!);
        }
        return names;
    }

    private static bool ReadBool(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False or JsonTokenType.Null => false,
        _ => throw OdooJsonReader.Unexpected(ref r, "true or false"),
    };
}

/// <summary>
/// Finds <c>"result": "</c> in a JSON-RPC answer and decodes the base64 string after it chunk by chunk. An answer
/// whose head holds <c>"error"</c> instead is flagged (<see cref="IsError"/>) with its head kept for the error reader.
/// </summary>
internal sealed class Base64ResultDecoder
{
    private const int MaxHead = 64 * 1024;
    private readonly List<byte> _head = [];
    private readonly byte[] _carry = new byte[8];
    private int _carryLength;
    private bool _inString;

    public bool IsError { get; private set; }

    public bool IsComplete { get; private set; }

    public void CopyHeadTo(PooledBuffer buffer)
    {
        var span = buffer.GetSpan(_head.Count);
        for (var i = 0; i < _head.Count; i++) span[i] = _head[i];
        buffer.Advance(_head.Count);
    }

    /// <summary>Not a dump: keeps the rest of the input with the head, for the error reader.</summary>
    private void Fail(ReadOnlySpan<byte> rest)
    {
        foreach (var b in rest) _head.Add(b);
        IsError = true;
    }

    /// <summary>Consumes input; returns how much was consumed and how many decoded bytes went to <paramref name="output"/>.</summary>
    public (int Consumed, int Written) Feed(ReadOnlySpan<byte> input, byte[] output)
    {
        if (IsComplete) return (input.Length, 0);
        if (!_inString)
        {
            for (var i = 0; i < input.Length; i++)
            {
                _head.Add(input[i]);
                if (_head.Count > MaxHead) { Fail(input[(i + 1)..]); return (input.Length, 0); }
                if (input[i] != (byte)'"' || _head.Count < 2) continue;
                var head = System.Text.Encoding.UTF8.GetString(_head.ToArray());
                var trimmed = head.AsSpan().TrimEnd('"').TrimEnd();
                if (trimmed.EndsWith(":") && trimmed[..^1].TrimEnd().EndsWith("\"result\"", StringComparison.Ordinal))
                {
                    _inString = true;
                    return (i + 1, 0);
                }
                if (head.Contains("\"error\"", StringComparison.Ordinal)) { Fail(input[(i + 1)..]); return (input.Length, 0); }
            }
            return (input.Length, 0);
        }
        // Base64 text up to the closing quote; decode whole quads, keep the rest for the next chunk.
        var end = input.IndexOf((byte)'"');
        var text = end < 0 ? input : input[..end];
        var consumed = end < 0 ? input.Length : end + 1;
        var maxText = output.Length / 3 * 4 - 4;
        if (text.Length > maxText)
        {
            text = text[..maxText];
            consumed = maxText;
            end = -1;
        }
        var pending = new byte[_carryLength + text.Length];
        _carry.AsSpan(0, _carryLength).CopyTo(pending);
        text.CopyTo(pending.AsSpan(_carryLength));
        var whole = pending.Length / 4 * 4;
        if (end >= 0) whole = pending.Length;
        var status = Base64.DecodeFromUtf8(pending.AsSpan(0, whole), output, out var used, out var written, isFinalBlock: end >= 0);
        if (status is OperationStatus.InvalidData) throw new OdooProtocolException("The dump's base64 text is invalid.") { Method = "dump" };
        _carryLength = pending.Length - used;
        if (_carryLength > _carry.Length) throw new OdooProtocolException("The dump's base64 text is invalid (it does not decode in blocks of four characters).") { Method = "dump" };
        pending.AsSpan(used).CopyTo(_carry);
        if (end >= 0) IsComplete = true;
        return (consumed, written);
    }
}
