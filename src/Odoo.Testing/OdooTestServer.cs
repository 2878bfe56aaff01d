using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Odoo.Testing.Internal;

namespace Odoo.Testing;

/// <summary>
/// An in-memory Odoo 18/19 server on a loopback port, speaking Odoo's real wire protocols:
/// <c>/jsonrpc</c>, the web client routes and (for version 19+) JSON-2. Start one per test (or
/// per test class) with <see cref="StartAsync"/> and dispose it when done; many can run side by
/// side. Define models with <see cref="DefineModel"/>, add data with <see cref="Seed"/>, add
/// methods with <see cref="RegisterMethod"/>, inject faults with <see cref="Faults"/> and check
/// traffic with <see cref="Requests"/>. All members are thread-safe.
/// </summary>
public sealed partial class OdooTestServer : IAsyncDisposable
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private const string HtmlContentType = "text/html; charset=utf-8";
    private const int SeedUid = 1;

    private readonly OdooTestServerOptions _options;
    private readonly LockedStore _store;
    private readonly ResponseBufferPool _buffers = new();
    private readonly ConcurrentDictionary<string, WebSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _logSync = new();
    private readonly Queue<OdooRecordedRequest> _log = new();
    private readonly List<OdooTestUser> _users = [];
    private readonly VersionInfo _version;
    private WebApplication? _app;
    private ILogger _jsonRpcLogger = NullLogger.Instance;

    /// <summary>addons/rpc/controllers/__init__.py (19.0), RPC_DEPRECATION_NOTICE, logged by JSONRPC.jsonrpc on every call.</summary>
    private static readonly Action<ILogger, string, Exception?> JsonRpcDeprecated = LoggerMessage.Define<string>(
        LogLevel.Warning,
        new EventId(1, "JsonRpcDeprecated"),
        "The /xmlrpc, /xmlrpc/2 and /jsonrpc endpoints are deprecated in Odoo 19 and scheduled for removal in Odoo 20. " +
        "Please report the problem to the client making the request.\nMute this logger: --log-handler {Logger}:ERROR\n" +
        "https://www.odoo.com/documentation/latest/developer/reference/external_api.html#migrating-from-xml-rpc-json-rpc");

    private void LogJsonRpcDeprecated() => JsonRpcDeprecated(_jsonRpcLogger, "odoo.addons.rpc.controllers.jsonrpc", null);
    private long _sequence;
    private int _disposed;

    /// <summary>A web session, kept server side like Odoo's session files.</summary>
    private sealed class WebSession(int uid, string db)
    {
        public int Uid { get; } = uid;

        public string Db { get; } = db;

        /// <summary>Whether an auth='user' route already succeeded on it (Odoo then records the device and saves the session once).</summary>
        public bool TraceRecorded { get; set; }
    }

    private OdooTestServer(OdooTestServerOptions options)
    {
        _options = options;
        _store = new LockedStore(options.TimeProvider);
        _version = VersionInfo.Parse(options.Version);
        Faults = new OdooFaultCollection();
        InitializeDatabases();
    }

    /// <summary>Starts a server on 127.0.0.1 with an ephemeral port.</summary>
    /// <param name="options">The settings; null for the defaults (Odoo 18.0, database <c>odoodb</c>, admin/admin).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<OdooTestServer> StartAsync(OdooTestServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OdooTestServerOptions();
        var server = new OdooTestServer(options);
        server.InitializeData();
        await server.StartHostAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The TCP port.</summary>
    public int Port => BaseUrl.Port;

    /// <summary>The database name.</summary>
    public string Database => _options.Database;

    /// <summary>The reported server version (e.g. <c>18.0</c>).</summary>
    public string Version => _options.Version;

    /// <summary>The major version number (e.g. 18).</summary>
    public int MajorVersion => _version.Major;

    /// <summary>Whether JSON-2 (<c>/json/2</c>) is served (major version 19 or more).</summary>
    public bool SupportsJson2 => _version.Major >= 19;

    /// <summary>The admin login.</summary>
    public string Username => _options.AdminLogin;

    /// <summary>The admin password.</summary>
    public string Password => _options.AdminPassword;

    /// <summary>The admin API key.</summary>
    public string ApiKey => _options.AdminApiKey;

    /// <summary>The admin user id (2, as in Odoo).</summary>
    public int AdminUid => 2;

    /// <summary>The users created through options or <see cref="AddUser(OdooTestUserDefinition)"/>, admin first.</summary>
    public IReadOnlyList<OdooTestUser> Users
    {
        get { using (_store.Enter()) return [.. _users]; }
    }

    /// <summary>The fault rules; see <see cref="OdooFault"/>.</summary>
    public OdooFaultCollection Faults { get; }

    // ------------------------------------------------------------------ lifetime

    private async Task StartHostAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(OdooTestServer).Assembly.GetName().Name });
        if (!_options.EnableLogging) builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (_options.Certificate is { } cert) listen.UseHttps(cert);
            });
        });
        var app = builder.Build();
        _jsonRpcLogger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("odoo.addons.rpc.controllers.jsonrpc");
        app.Run(HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address);
        BaseUrl = new UriBuilder(uri.Scheme, "127.0.0.1", uri.Port, "/").Uri;
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || _app is null) return;
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void InitializeData()
    {
        using (var scope = _store.Enter())
        {
            var store = scope.Store;
            if (_options.SeedDefaultData)
            {
                SeedBaseData(store, _options.AdminLogin, _options.AdminPassword, _options.AdminApiKey, _options.AdminName, "YourCompany", lang: null);
                _users.Add(new OdooTestUser(2, _options.AdminLogin, _options.AdminPassword, _options.AdminApiKey, _options.AdminName, 3));
                foreach (var u in _options.Users) AddUser(u);
            }
        }
    }

    /// <summary>
    /// Defines Odoo's base models in <paramref name="store"/> and seeds its first records (partner 1 the company,
    /// partner 3 and user 2 the administrator, country 233), the invoice reports and their XML ids. The caller holds
    /// the store's lock.
    /// </summary>
    private static void SeedBaseData(Store store, string login, string password, string? apiKey, string adminName, string company, string? lang)
    {
        foreach (var schema in DefaultModels.Schemas()) store.Schema.Define(schema);
        SeedRaw(store, "res.country", new { id = 233, name = "United States", code = "US", phone_code = "1" });
        SeedRaw(store, "res.partner", new { id = 1, name = company, is_company = true, email = "info@yourcompany.com", country_id = 233 });
        SeedRaw(store, "res.partner", new { id = 2, name = "OdooBot", email = "odoobot@example.com", active = false });
        SeedRaw(store, "res.partner", new { id = 3, name = adminName, email = "admin@yourcompany.example.com", country_id = 233, company_name = company });
        SeedRaw(store, "res.users", new { id = 1, login = "__system__", name = "OdooBot", partner_id = 2, active = false });
        SeedRaw(store, "res.users", new { id = 2, login, name = adminName, partner_id = 3, tz = "Europe/Brussels", lang = lang ?? "en_US" });
        store.Schema.Table("res.partner").NextId = 7;
        store.Schema.Table("res.users").NextId = 6;
        store.Access.Credentials[2] = new UserCredentials(2, login, password, apiKey);
        SeedInvoiceReports(store);
    }

    private static void SeedRaw(Store store, string model, object values)
        => store.Records.Create(store.Schema.Table(model), JsonSerializer.SerializeToElement(values), SeedUid, allowId: true);

    // ------------------------------------------------------------------ schema and data

    /// <summary>
    /// Defines a model, or redefines it (records are kept, values of fields that still exist
    /// with the same type are carried over).
    /// </summary>
    /// <param name="schema">The schema; not to be changed afterwards.</param>
    public void DefineModel(OdooModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using (var scope = _store.Enter()) scope.Store.Schema.Define(schema);
    }

    /// <summary>Adds (or replaces) fields of a defined model, e.g. custom fields on res.partner.</summary>
    /// <param name="model">The model.</param>
    /// <param name="fields">The fields.</param>
    /// <exception cref="KeyNotFoundException">The model is not defined.</exception>
    public void AddFields(string model, params OdooFieldSchema[] fields)
    {
        using (var scope = _store.Enter())
        {
            var store = scope.Store;
            var current = TableOrThrow(store, model).Schema;
            store.Schema.Define(Extend(current, current.Fields, fields));
        }
    }

    /// <summary>The schema of a defined model.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The schema, or null when the model is not defined.</returns>
    public OdooModelSchema? GetSchema(string model)
    {
        using (var scope = _store.Enter()) return scope.Store.Schema.TryTable(model)?.Schema;
    }

    /// <summary>The names of the defined models.</summary>
    public IReadOnlyList<string> Models
    {
        get { using (var scope = _store.Enter()) return [.. scope.Store.Schema.Models.Keys.Order(StringComparer.Ordinal)]; }
    }

    private static ModelTable TableOrThrow(Store store, string model)
        => store.Schema.TryTable(model) ?? throw new KeyNotFoundException($"Model '{model}' is not defined on this server.");

    /// <summary>
    /// Inserts records as given (an <c>id</c> key chooses the id), bypassing access rules, as
    /// user 1 (OdooBot). Each record is an anonymous object, a dictionary, a
    /// <see cref="JsonObject"/> or a <see cref="JsonElement"/> of field values (x2many values may
    /// be id lists or commands). All or none are inserted.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="records">The records.</param>
    /// <returns>The ids, in order.</returns>
    /// <exception cref="OdooServerError">A value is invalid or a constraint fails.</exception>
    public IReadOnlyList<int> Seed(string model, params object[] records) => SeedMany(model, records);

    /// <summary>Like <see cref="Seed"/>, for a sequence of records (e.g. generated ones).</summary>
    /// <param name="model">The model.</param>
    /// <param name="records">The records.</param>
    /// <returns>The ids, in order.</returns>
    public IReadOnlyList<int> SeedMany(string model, IEnumerable<object> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var elements = records.Select(ToElement).ToList();
        using (var scope = _store.Enter())
        {
            var store = scope.Store;
            var t = TableOrThrow(store, model);
            return store.Records.Transaction(() => elements.Select(e => store.Records.Create(t, e, SeedUid, allowId: true)).ToList());
        }
    }

    /// <summary>Sets the id the next created record of <paramref name="model"/> gets (ids only grow).</summary>
    /// <param name="model">The model.</param>
    /// <param name="nextId">The next id.</param>
    public void SetNextId(string model, int nextId)
    {
        using (var scope = _store.Enter()) TableOrThrow(scope.Store, model).NextId = nextId;
    }

    /// <summary>Creates a record as a user would (constraints apply, access rules do not).</summary>
    /// <param name="model">The model.</param>
    /// <param name="values">The values (see <see cref="Seed"/>).</param>
    /// <param name="uid">The acting user (admin by default).</param>
    /// <returns>The new id.</returns>
    public int Create(string model, object values, int? uid = null)
    {
        var e = ToElement(values);
        using (var scope = _store.Enter())
        {
            var store = scope.Store;
            var t = TableOrThrow(store, model);
            return store.Records.Transaction(() => store.Records.Create(t, e, uid ?? AdminUid));
        }
    }

    /// <summary>Writes values on records (ids that do not exist are ignored).</summary>
    /// <param name="model">The model.</param>
    /// <param name="ids">The records.</param>
    /// <param name="values">The values (see <see cref="Seed"/>).</param>
    /// <param name="uid">The acting user (admin by default).</param>
    public void Write(string model, IEnumerable<int> ids, object values, int? uid = null)
    {
        var e = ToElement(values);
        var list = ids.ToList();
        using (var scope = _store.Enter())
        {
            var store = scope.Store;
            var t = TableOrThrow(store, model);
            store.Records.Transaction(() =>
            {
                store.Records.Write(t, list.Where(t.Rows.ContainsKey).ToList(), e, uid ?? AdminUid);
                return true;
            });
        }
    }

    /// <summary>Deletes records (ids that do not exist are ignored).</summary>
    /// <param name="model">The model.</param>
    /// <param name="ids">The records.</param>
    public void Unlink(string model, params int[] ids)
    {
        using (var scope = _store.Enter())
        {
            var store = scope.Store;
            var t = TableOrThrow(store, model);
            store.Records.Transaction(() =>
            {
                store.Records.Unlink(t, ids.Where(t.Rows.ContainsKey).ToList(), AdminUid);
                return true;
            });
        }
    }

    /// <summary>Searches like the <c>search</c> method.</summary>
    /// <param name="model">The model.</param>
    /// <param name="domainJson">The domain as JSON, e.g. <c>[["name", "ilike", "acme"]]</c>; null for all.</param>
    /// <param name="order">The order; null for the model's.</param>
    /// <param name="limit">The most ids returned.</param>
    /// <param name="activeTest">Whether archived records are hidden.</param>
    /// <returns>The ids.</returns>
    public IReadOnlyList<int> Search(string model, string? domainJson = null, string? order = null, int? limit = null, bool activeTest = true)
    {
        using var doc = JsonDocument.Parse(domainJson ?? "[]");
        using (var scope = _store.Enter())
            return scope.Store.Records.Search(TableOrThrow(scope.Store, model), doc.RootElement, 0, limit, order, activeTest).Select(r => r.Id).ToList();
    }

    /// <summary>Counts the records of a model matching a domain, like <c>search_count</c>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="domainJson">The domain as JSON; null for all.</param>
    /// <param name="activeTest">Whether archived records are hidden.</param>
    /// <returns>The count.</returns>
    public int Count(string model, string? domainJson = null, bool activeTest = true)
    {
        using var doc = JsonDocument.Parse(domainJson ?? "[]");
        using (var scope = _store.Enter()) return scope.Store.Records.Search(TableOrThrow(scope.Store, model), doc.RootElement, 0, null, "id", activeTest).Count;
    }

    /// <summary>Whether a record exists.</summary>
    /// <param name="model">The model.</param>
    /// <param name="id">The id.</param>
    /// <returns>Whether it exists.</returns>
    public bool Exists(string model, int id)
    {
        using (var scope = _store.Enter()) return TableOrThrow(scope.Store, model).Rows.ContainsKey(id);
    }

    /// <summary>
    /// A field value in stored form (see <see cref="OdooRecordView.this[string]"/>): null when
    /// unset, string, long, double, bool, int (many2one id), id list, or JsonElement.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="id">The record.</param>
    /// <param name="field">The field.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The record or field does not exist.</exception>
    public object? GetValue(string model, int id, string field)
    {
        using (var scope = _store.Enter())
        {
            var store = scope.Store;
            var t = TableOrThrow(store, model);
            if (!t.Rows.TryGetValue(id, out var row)) throw new KeyNotFoundException($"{model}({id}) does not exist.");
            var f = t.Field(field) ?? throw new KeyNotFoundException($"Model {model} has no field '{field}'.");
            var v = store.Records.Get(t, row, f);
            return v is List<int> list ? list.ToArray() : v;
        }
    }

    /// <summary>Reads records exactly as the <c>read</c> method answers (a JSON array of objects).</summary>
    /// <param name="model">The model.</param>
    /// <param name="ids">The records.</param>
    /// <param name="fields">The fields; none for all.</param>
    /// <returns>The JSON array.</returns>
    public JsonArray Read(string model, IEnumerable<int> ids, params string[] fields)
    {
        var buffer = new ResponseBuffer();
        using (var scope = _store.Enter())
        {
            var store = scope.Store;
            var t = TableOrThrow(store, model);
            var defs = fields.Length == 0 ? t.Fields : fields.Select(n => t.Field(n) ?? throw new KeyNotFoundException($"Model {model} has no field '{n}'.")).ToArray();
            JsonOut.WriteRows(buffer.Writer, store, t, store.Records.ExistingRows(t, ids.ToList(), false, AdminUid), defs, activeTest: true);
        }
        return JsonNode.Parse(buffer.Flush().Span)!.AsArray();
    }

    private static JsonElement ToElement(object values) => values switch
    {
        null => throw new ArgumentNullException(nameof(values)),
        JsonElement e => e.Clone(),
        string s => JsonDocument.Parse(s).RootElement.Clone(),
        _ => JsonSerializer.SerializeToElement(values),
    };

    // ------------------------------------------------------------------ methods, access, users

    /// <summary>
    /// Registers (or replaces) a method callable over RPC on a model. It may also override a
    /// built-in such as <c>write</c>.
    /// </summary>
    /// <param name="model">The model (need not be defined yet, but must be when called).</param>
    /// <param name="method">The method name (not starting with <c>_</c>).</param>
    /// <param name="handler">The handler.</param>
    /// <param name="kind">Whether the first positional argument is the record ids.</param>
    public void RegisterMethod(string model, string method, OdooMethodHandler handler, OdooMethodKind kind = OdooMethodKind.Records)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(handler);
        if (method.StartsWith('_')) throw new ArgumentException("Private methods cannot be called remotely.", nameof(method));
        using (var scope = _store.Enter()) scope.Store.Schema.Methods[(model, method)] = new MethodRegistration(handler, kind);
    }

    /// <summary>Makes operations on a model fail with Odoo's AccessError, for one user or all.</summary>
    /// <param name="model">The model.</param>
    /// <param name="operations">The operations denied.</param>
    /// <param name="uid">The user, or null for every user.</param>
    public void DenyAccess(string model, OdooOperation operations = OdooOperation.All, int? uid = null)
    {
        using (var scope = _store.Enter()) scope.Store.Access.Rules.Add(new AccessRule(model, operations, uid, []));
    }

    /// <summary>
    /// Makes operations on a model fail with Odoo's AccessError, whose message lists the groups
    /// that would allow them (e.g. <c>"Administration/Access Rights"</c>), as Odoo's does.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="operations">The operations denied.</param>
    /// <param name="uid">The user, or null for every user.</param>
    /// <param name="allowedGroups">The full names of the groups the message names.</param>
    public void DenyAccess(string model, OdooOperation operations, int? uid, params string[] allowedGroups)
    {
        ArgumentNullException.ThrowIfNull(allowedGroups);
        using (var scope = _store.Enter()) scope.Store.Access.Rules.Add(new AccessRule(model, operations, uid, [.. allowedGroups]));
    }

    /// <summary>Removes every rule added by <c>DenyAccess</c>.</summary>
    public void ClearAccessRules()
    {
        using (var scope = _store.Enter()) scope.Store.Access.Rules.Clear();
    }

    /// <summary>Creates a user (with its partner) who can log in with a password or API key.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The created user.</returns>
    public OdooTestUser AddUser(OdooTestUserDefinition user)
    {
        ArgumentNullException.ThrowIfNull(user);
        using (var scope = _store.Enter())
        {
            var store = scope.Store;
            var name = user.Name ?? user.Login;
            var uid = store.Records.Transaction(() => store.Records.Create(store.Schema.Table("res.users"),
                JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["login"] = user.Login, ["name"] = name, ["lang"] = user.Lang, ["tz"] = user.Tz }),
                AdminUid));
            var partnerId = (int)store.Schema.Table("res.users").Rows[uid].Values[store.Schema.Table("res.users").Field("partner_id")!.Slot]!;
            store.Access.Credentials[uid] = new UserCredentials(uid, user.Login, user.Password, user.ApiKey);
            var created = new OdooTestUser(uid, user.Login, user.Password, user.ApiKey, name, partnerId);
            _users.Add(created);
            return created;
        }
    }

    /// <summary>Creates a user who can log in with a password and, optionally, an API key.</summary>
    /// <param name="login">The login.</param>
    /// <param name="password">The password.</param>
    /// <param name="apiKey">The API key, or null.</param>
    /// <returns>The created user.</returns>
    public OdooTestUser AddUser(string login, string password, string? apiKey = null)
        => AddUser(new OdooTestUserDefinition(login, password) { ApiKey = apiKey });

    /// <summary>
    /// Forgets every web session, as when Odoo's session files are deleted (garbage-collected
    /// after a week of inactivity, or the server's data folder is lost): the routes that need a
    /// user (<c>/web/dataset/call_kw</c>, <c>/web/session/get_session_info</c>, <c>check</c>,
    /// <c>destroy</c>) answer <c>odoo.http.SessionExpiredException</c> (code 100, id null, no
    /// Set-Cookie) to the old cookies; <c>/jsonrpc</c> ignores cookies and keeps working.
    /// </summary>
    public void ExpireSessions() => _sessions.Clear();

    /// <summary>The number of live authenticated web sessions (those <see cref="ExpireSessions"/> forgets).</summary>
    public int SessionCount => _sessions.Count;

    // ------------------------------------------------------------------ request log

    /// <summary>The requests received so far, oldest first.</summary>
    public IReadOnlyList<OdooRecordedRequest> Requests
    {
        get
        {
            lock (_logSync) return [.. _log.OrderBy(r => r.Sequence)];
        }
    }

    /// <summary>Counts ORM calls of a method on a model (over any protocol).</summary>
    /// <param name="model">The model.</param>
    /// <param name="method">The ORM method, e.g. <c>read</c>.</param>
    /// <returns>The count.</returns>
    public int CountCalls(string model, string method)
    {
        lock (_logSync) return _log.Count(r => r.Model == model && r.Method == method);
    }

    /// <summary>Counts recorded requests, all of them or those matching <paramref name="predicate"/>.</summary>
    /// <param name="predicate">The filter, or null.</param>
    /// <returns>The count.</returns>
    public int CountRequests(Func<OdooRecordedRequest, bool>? predicate = null)
    {
        lock (_logSync) return predicate is null ? _log.Count : _log.Count(predicate);
    }

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests()
    {
        lock (_logSync) _log.Clear();
    }

    private void Record(OdooRecordedRequest r)
    {
        if (!_options.RecordRequests) return;
        lock (_logSync)
        {
            _log.Enqueue(r);
            while (_log.Count > _options.MaxRecordedRequests) _log.Dequeue();
        }
    }

    private static string NewSessionId()
    {
        Span<byte> bytes = stackalloc byte[63];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The parsed version string.</summary>
    private sealed record VersionInfo(string Text, int Major, int Minor, string Suffix)
    {
        public static VersionInfo Parse(string text)
        {
            var core = text.Split('-')[0];
            var plus = core.IndexOf('+', StringComparison.Ordinal);
            var suffix = plus >= 0 ? core[(plus + 1)..] : "";
            var digits = new string(core.Where(c => char.IsAsciiDigit(c) || c == '.').ToArray());
            var parts = digits.Split('.', StringSplitOptions.RemoveEmptyEntries);
            var major = parts.Length > 0 && int.TryParse(parts[0], out var m) ? m : 0;
            var minor = parts.Length > 1 && int.TryParse(parts[1], out var n) ? n : 0;
            return new VersionInfo(text, major, minor, suffix);
        }

        public string Serie => Text.StartsWith("saas~", StringComparison.Ordinal) ? $"saas~{Major}.{Minor}" : $"{Major}.{Minor}";

        public void WriteInfoArray(Utf8JsonWriter w)
        {
            w.WriteStartArray();
            w.WriteNumberValue(Major);
            w.WriteNumberValue(Minor);
            w.WriteNumberValue(0);
            w.WriteStringValue("final");
            w.WriteNumberValue(0);
            w.WriteStringValue(Suffix);
            w.WriteEndArray();
        }
    }

    private void WriteVersionDict(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("server_version", _version.Text);
        w.WritePropertyName("server_version_info");
        _version.WriteInfoArray(w);
        w.WriteString("server_serie", _version.Serie);
        w.WriteNumber("protocol_version", 1);
        w.WriteEndObject();
    }

}
