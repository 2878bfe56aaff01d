using System.Text.Json;
using Odoo.Serialization;

namespace Odoo.Transport;

/// <summary>
/// Odoo's JSON-RPC, in one of two modes. <b>Session</b> (a password login): <c>POST /web/session/authenticate</c>
/// opens an authenticated web session whose <c>session_id</c> cookie the connection keeps, and every ORM call
/// goes to <c>/web/dataset/call_kw/{model}/{method}</c> carrying that cookie, which Odoo serves without
/// re-checking the password or rebuilding the session (about 6 ms a call on Odoo 18 instead of 33 ms).
/// When Odoo no longer knows the session it answers <c>SessionExpiredException</c> before running anything,
/// so the call is sent again after one shared re-authentication, writes included.
/// <b>Stateless</b> (an API key, or a server that refuses the session login):
/// <c>object.execute_kw(db, uid, password, model, method, args, kwargs)</c> on <c>/jsonrpc</c>.
/// Also sends the service calls used to connect. Thread-safe.
/// </summary>
internal sealed partial class JsonRpcTransport : IOdooTransport
{
    private readonly OdooHttpConnection _http;
    private readonly string _database;
    private readonly string _secret;
    private readonly string? _username;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private long _nextId;
    private int _sessionGeneration;
    private int _sessionRenewals;

    public JsonRpcTransport(OdooHttpConnection http, string database, string secret, string? username = null)
    {
        _http = http;
        _database = database;
        _secret = secret;
        _username = username;
        _nextId = Random.Shared.Next(1, 1_000_000);
    }

    /// <summary>The user id, set once login succeeded.</summary>
    public int UserId { get; set; }

    /// <summary>Whether ORM calls go through the authenticated web session (<c>/web/dataset/call_kw</c>).</summary>
    public bool UsesSession { get; private set; }

    /// <summary>How many times the session was opened again after Odoo forgot it.</summary>
    public int SessionRenewals => Volatile.Read(ref _sessionRenewals);

    public OdooHttpConnection Http => _http;

    private long NextId() => Interlocked.Increment(ref _nextId);

    public async Task<T> ExecuteAsync<T>(OdooCall call, OdooContext context, OdooResultReader<T> reader, CancellationToken cancellationToken)
    {
        var info = CallInfo.For(call);
        if (!UsesSession)
        {
            using var body = new PooledBuffer();
            WriteExecuteKw(body, call, context);
            using var answer = await _http.SendAsync(HttpMethod.Post, "jsonrpc", body, null, null, info, cancellationToken, resendable: call.IsReadOnly).ConfigureAwait(false);
            return ReadEnvelope(answer, reader, info);
        }
        using var callBody = new PooledBuffer();
        WriteCallKw(callBody, call, context);
        var path = "web/dataset/call_kw/" + call.Model + "/" + call.Method;
        var generation = Volatile.Read(ref _sessionGeneration);
        try
        {
            using var answer = await _http.SendAsync(HttpMethod.Post, path, callBody, null, null, info, cancellationToken, resendable: call.IsReadOnly).ConfigureAwait(false);
            return ReadEnvelope(answer, reader, info);
        }
        catch (OdooNotFoundException ex) when (ex.ExceptionName == "werkzeug.exceptions.NotFound")
        {
            // addons/web/controllers/dataset.py: call_kw raises werkzeug's NotFound (code 404, no message of its own)
            // when the registry has no such model; an unknown method is an AttributeError instead.
            throw OdooServerErrors.Rewritten(new OdooNotFoundException(ex.ExceptionName, ex.ServerMessage,
                $"{info.Description} failed: The model '{call.Model}' does not exist on database '{_database}' (Odoo answered werkzeug.exceptions.NotFound): check the model name, or install the module that defines it.", ex), ex);
        }
        catch (OdooSessionExpiredException)
        {
            // Odoo checks the session before it dispatches the call: nothing ran, so sending it again is safe.
            await RenewSessionAsync(generation, cancellationToken).ConfigureAwait(false);
            using var answer = await _http.SendAsync(HttpMethod.Post, path, callBody, null, null, info, cancellationToken, resendable: call.IsReadOnly).ConfigureAwait(false);
            return ReadEnvelope(answer, reader, info);
        }
    }

    /// <summary>
    /// Opens the session again, once for all the calls that found it expired: a caller whose failed call was
    /// sent before the latest renewal only waits for it.
    /// </summary>
    private async Task RenewSessionAsync(int seenGeneration, CancellationToken cancellationToken)
    {
        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _sessionGeneration) != seenGeneration) return;
            var session = await AuthenticateSessionAsync(cancellationToken).ConfigureAwait(false);
            if (session is not { } s || s.UserId != UserId)
            {
                var message =
                    $"Odoo at {_http.BaseUrl} forgot the session of '{_username}' on database '{_database}' and refused to open a new one: the password may have changed or the user may be archived.";
                throw new OdooSessionExpiredException("odoo.http.SessionExpiredException", "session renewal refused", message) { Method = "authenticate" };
            }
            Interlocked.Increment(ref _sessionRenewals);
            Interlocked.Increment(ref _sessionGeneration);
            System.Diagnostics.Activity.Current?.AddEvent(new System.Diagnostics.ActivityEvent("odoo.session.renewed"));
            Odoo.Diagnostics.OdooLog.SessionRenewed(_http.Logger, _http.BaseUrl, _username, _database);
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <summary>Switches ORM calls to the web session once <see cref="AuthenticateSessionAsync"/> succeeded.</summary>
    public void UseSession(int userId)
    {
        UserId = userId;
        UsesSession = true;
    }

    /// <summary>
    /// <c>POST /web/session/authenticate</c> with <c>db</c>, <c>login</c> and <c>password</c>. The connection keeps
    /// the <c>session_id</c> cookie Odoo sets. Returns the user id and the user's context, or <see langword="null"/>
    /// when Odoo refused the password (wrong password, an API key, which Odoo accepts on <c>/jsonrpc</c> only, or a
    /// user with two-factor authentication, for whom Odoo answers <c>uid: null</c>).
    /// </summary>
    public async Task<(int UserId, OdooContext Context)?> AuthenticateSessionAsync(CancellationToken cancellationToken)
    {
        var info = CallInfo.Service("web.session", "authenticate");
        using var body = new PooledBuffer(256);
        WriteWebCall(body, [("db", _database), ("login", _username), ("password", _secret)]);
        using var answer = await _http.SendAsync(HttpMethod.Post, "web/session/authenticate", body, null, null, info, cancellationToken).ConfigureAwait(false);
        try
        {
            var (uid, context) = ReadEnvelope(answer, ReadSessionInfo, info);
            return uid > 0 ? (uid, context.With("uid", uid)) : null;
        }
        catch (OdooAccessDeniedException)
        {
            return null;
        }
        catch (OdooDatabaseNotFoundException ex) when (ex.AvailableDatabases is null)
        {
            throw await WithDatabaseListAsync(ex, info, cancellationToken).ConfigureAwait(false);
        }
    }

    private static (int UserId, OdooContext Context) ReadSessionInfo(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject) throw OdooJsonReader.Unexpected(ref r, "a session info object");
        var uid = 0;
        var context = OdooContext.Empty;
        while (true)
        {
            OdooJsonReader.Read(ref r);
            if (r.TokenType == JsonTokenType.EndObject) return (uid, context);
            if (r.ValueTextEquals("uid"u8))
            {
                OdooJsonReader.Read(ref r);
                if (r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var id)) uid = id;
                else r.Skip();
            }
            else if (r.ValueTextEquals("user_context"u8))
            {
                OdooJsonReader.Read(ref r);
                if (r.TokenType == JsonTokenType.StartObject) context = OdooClient.ReadContext(ref r);
                else r.Skip();
            }
            else
            {
                OdooJsonReader.Read(ref r);
                r.Skip();
            }
        }
    }

    /// <summary>
    /// <c>POST /web/session/destroy</c>: Odoo forgets the session. Best effort: any failure is swallowed, since the
    /// session also ends by itself after Odoo's inactivity limit (a week by default).
    /// </summary>
    public async Task LogoutAsync(CancellationToken cancellationToken)
    {
        if (!UsesSession) return;
        UsesSession = false;
        try
        {
            using var body = new PooledBuffer(128);
            WriteWebCall(body, []);
            using var answer = await _http.SendAsync(HttpMethod.Post, "web/session/destroy", body, null, null, CallInfo.Service("web.session", "destroy"), cancellationToken, whileClosing: true, resendable: false).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OdooException or OperationCanceledException or ObjectDisposedException)
        {
            System.Diagnostics.Activity.Current?.AddEvent(new System.Diagnostics.ActivityEvent("odoo.session.logout-failed",
                tags: new System.Diagnostics.ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName }));
        }
    }

    private void WriteExecuteKw(PooledBuffer body, OdooCall call, OdooContext context)
    {
        using var w = new Utf8JsonWriter(body, OdooWire.WriterOptions);
        WriteEnvelopeStart(w, "object", "execute_kw");
        w.WriteStringValue(_database);
        w.WriteNumberValue(UserId);
        w.WriteStringValue(_secret);
        w.WriteStringValue(call.Model);
        w.WriteStringValue(call.Method);
        WritePositional(w, call);
        WriteKeywords(w, call, context);
        WriteEnvelopeEnd(w);
    }

    /// <summary><c>{"jsonrpc":"2.0","method":"call","params":{"model":..,"method":..,"args":[ids?, ...],"kwargs":{..., "context":{..}}},"id":n}</c>.</summary>
    private void WriteCallKw(PooledBuffer body, OdooCall call, OdooContext context)
    {
        using var w = new Utf8JsonWriter(body, OdooWire.WriterOptions);
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        w.WriteString("method", "call");
        w.WritePropertyName("params");
        w.WriteStartObject();
        w.WriteString("model", call.Model);
        w.WriteString("method", call.Method);
        w.WritePropertyName("args");
        WritePositional(w, call);
        w.WritePropertyName("kwargs");
        WriteKeywords(w, call, context);
        w.WriteEndObject();
        w.WriteNumber("id", NextId());
        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>The positional arguments: <c>[ids?, ...args]</c>.</summary>
    private static void WritePositional(Utf8JsonWriter w, OdooCall call)
    {
        w.WriteStartArray();
        if (call.Ids is { } ids) OdooJsonWriter.WriteValue(w, ids);
        foreach (var a in call.Arguments) OdooJsonWriter.WriteValue(w, a.Value);
        w.WriteEndArray();
    }

    /// <summary>The keyword arguments, with the context last.</summary>
    private static void WriteKeywords(Utf8JsonWriter w, OdooCall call, OdooContext context)
    {
        w.WriteStartObject();
        foreach (var kw in call.KeywordArguments)
        {
            if (string.IsNullOrEmpty(kw.Name))
            {
                throw new ArgumentException($"A keyword argument of {call} has no name.", nameof(call));
            }
            if (kw.Name == "context")
            {
                throw new ArgumentException($"{call} passes 'context' as a keyword argument; set OdooCall.Context instead.", nameof(call));
            }
            OdooJsonWriter.WriteProperty(w, kw.Name, kw.Value);
        }
        w.WritePropertyName("context");
        OdooJsonWriter.WriteValue(w, context);
        w.WriteEndObject();
    }

    private void WriteEnvelopeStart(Utf8JsonWriter w, string service, string method)
    {
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        w.WriteString("method", "call");
        w.WritePropertyName("params");
        w.WriteStartObject();
        w.WriteString("service", service);
        w.WriteString("method", method);
        w.WritePropertyName("args");
        w.WriteStartArray();
    }

    private void WriteEnvelopeEnd(Utf8JsonWriter w)
    {
        w.WriteEndArray(); // args
        w.WriteEndObject(); // params
        w.WriteNumber("id", NextId());
        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>A web route's JSON-RPC body: <c>{"jsonrpc": "2.0", "method": "call", "params": {name: value...}, "id": n}</c>.</summary>
    private void WriteWebCall(PooledBuffer body, ReadOnlySpan<(string Name, string? Value)> parameters)
    {
        using var w = new Utf8JsonWriter(body, OdooWire.WriterOptions);
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        w.WriteString("method", "call");
        w.WritePropertyName("params");
        w.WriteStartObject();
        foreach (var (name, value) in parameters) w.WriteString(name, value);
        w.WriteEndObject();
        w.WriteNumber("id", NextId());
        w.WriteEndObject();
    }

    /// <summary><c>POST /web/webclient/version_info</c> with <c>params: {}</c>; returns <c>result.server_version</c>.</summary>
    public async Task<string> GetVersionInfoAsync(CancellationToken cancellationToken)
    {
        var info = CallInfo.Service("web", "version_info");
        using var body = new PooledBuffer(128);
        WriteWebCall(body, []);
        using var answer = await _http.SendAsync(HttpMethod.Post, "web/webclient/version_info", body, null, null, info, cancellationToken).ConfigureAwait(false);
        var version = ReadEnvelope(answer, ReadServerVersion, info);
        return version ?? throw OdooWire.Protocol("a version_info result without server_version", answer, info, _http.Redactor);
    }

    private static string? ReadServerVersion(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return null;
        }
        string? version = null;
        while (r.Read() && r.TokenType != JsonTokenType.EndObject)
        {
            var isVersion = r.ValueTextEquals("server_version"u8);
            r.Read();
            if (isVersion && r.TokenType == JsonTokenType.String) version = r.GetString();
            else r.Skip();
        }
        return version;
    }

    /// <summary><c>common.login(db, login, password)</c>: the uid, or 0 when Odoo answered <c>false</c>.</summary>
    public async Task<int> LoginAsync(string username, CancellationToken cancellationToken)
    {
        var info = CallInfo.Service("common", "login");
        using var body = new PooledBuffer(256);
        using (var w = new Utf8JsonWriter(body, OdooWire.WriterOptions))
        {
            WriteEnvelopeStart(w, "common", "login");
            w.WriteStringValue(_database);
            w.WriteStringValue(username);
            w.WriteStringValue(_secret);
            WriteEnvelopeEnd(w);
        }
        using var answer = await _http.SendAsync(HttpMethod.Post, "jsonrpc", body, null, null, info, cancellationToken).ConfigureAwait(false);
        try
        {
            return ReadEnvelope(answer, static (ref Utf8JsonReader r) => r.TokenType switch
            {
                JsonTokenType.Number => r.TryGetInt32(out var uid) ? uid : throw OdooJsonReader.Unexpected(ref r, "a user id"),
                JsonTokenType.False or JsonTokenType.Null => 0,
                _ => throw OdooJsonReader.Unexpected(ref r, "a user id or false"),
            }, info);
        }
        catch (OdooDatabaseNotFoundException ex) when (ex.AvailableDatabases is null)
        {
            throw await WithDatabaseListAsync(ex, info, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>db.list()</c> on <c>/jsonrpc</c>: the databases the server shows, or <see langword="null"/> when it refuses
    /// (<c>list_db = False</c> answers <c>AccessDenied</c>) or anything else goes wrong. Asked only after a login found
    /// no database, to say which ones there are; never fails.
    /// </summary>
    internal async Task<IReadOnlyList<string>?> ListDatabasesAsync(CancellationToken cancellationToken)
    {
        var info = CallInfo.Service("db", "list");
        try
        {
            using var body = new PooledBuffer(128);
            using (var w = new Utf8JsonWriter(body, OdooWire.WriterOptions))
            {
                WriteEnvelopeStart(w, "db", "list");
                WriteEnvelopeEnd(w);
            }
            using var answer = await _http.SendAsync(HttpMethod.Post, "jsonrpc", body, null, null, info, cancellationToken).ConfigureAwait(false);
            return ReadEnvelope(answer, static (ref Utf8JsonReader r) =>
            {
                if (r.TokenType != JsonTokenType.StartArray) throw OdooJsonReader.Unexpected(ref r, "a list of database names");
                var names = new List<string>();
                while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                {
                    if (r.TokenType != JsonTokenType.String) throw OdooJsonReader.Unexpected(ref r, "a database name");
                    names.Add(r.GetString()!);
                }
                return (IReadOnlyList<string>)names;
            }, info);
        }
        catch (Exception ex) when (ex is OdooException or HttpRequestException or IOException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The same error, with the databases the server lists (when it lists them).</summary>
    private async Task<OdooDatabaseNotFoundException> WithDatabaseListAsync(OdooDatabaseNotFoundException ex, CallInfo info, CancellationToken cancellationToken)
    {
        var available = await ListDatabasesAsync(cancellationToken).ConfigureAwait(false);
        if (available is null) return ex;
        var label = ex.ExceptionName.Length > 0 ? ex.ExceptionName : "Odoo error";
        return OdooServerErrors.Rewritten(new OdooDatabaseNotFoundException(ex.ExceptionName, ex.ServerMessage,
            OdooServerErrors.DatabaseNotFoundMessage(info.Description, label, ex.Database, available, _http.Redactor))
        {
            Database = ex.Database,
            AvailableDatabases = available,
        }, ex);
    }

    /// <summary><c>object.execute(db, uid, password, model, method)</c> (no arguments), as OdooRPC fetches the user context.</summary>
    public async Task<T> ExecuteServiceAsync<T>(string model, string method, OdooResultReader<T> reader, CancellationToken cancellationToken)
    {
        var info = new CallInfo(model + "." + method, model, method, null);
        using var body = new PooledBuffer(256);
        using (var w = new Utf8JsonWriter(body, OdooWire.WriterOptions))
        {
            WriteEnvelopeStart(w, "object", "execute");
            w.WriteStringValue(_database);
            w.WriteNumberValue(UserId);
            w.WriteStringValue(_secret);
            w.WriteStringValue(model);
            w.WriteStringValue(method);
            WriteEnvelopeEnd(w);
        }
        using var answer = await _http.SendAsync(HttpMethod.Post, "jsonrpc", body, null, null, info, cancellationToken).ConfigureAwait(false);
        return ReadEnvelope(answer, reader, info);
    }

    /// <summary>Reads a JSON-RPC answer: the <c>result</c> through <paramref name="reader"/>, or the <c>error</c> as a typed exception.</summary>
    internal T ReadEnvelope<T>(HttpAnswer answer, OdooResultReader<T> reader, CallInfo info)
    {
        var redactor = _http.Redactor;
        if (!answer.IsSuccess) throw OdooWire.HttpStatus(answer, info, redactor);
        if (!answer.LooksLikeJson) throw OdooWire.Protocol("a body that is not JSON", answer, info, redactor);
        ServerErrorData? error = null;
        var hasResult = false;
        T result = default!;
        try
        {
            var r = new Utf8JsonReader(answer.Body.Span, OdooWire.ReaderOptions);
            OdooJsonReader.Read(ref r);
            if (r.TokenType != JsonTokenType.StartObject) throw OdooWire.Protocol("JSON that is not a JSON-RPC envelope", answer, info, redactor);
            while (true)
            {
                OdooJsonReader.Read(ref r);
                if (r.TokenType == JsonTokenType.EndObject) break;
                if (r.ValueTextEquals("result"u8))
                {
                    OdooJsonReader.Read(ref r);
                    if (error is null)
                    {
                        result = OdooWire.InvokeReader(ref r, reader, info, redactor);
                        hasResult = true;
                    }
                    else
                    {
                        r.Skip();
                    }
                }
                else if (r.ValueTextEquals("error"u8))
                {
                    OdooJsonReader.Read(ref r);
                    if (r.TokenType is JsonTokenType.Null or JsonTokenType.False) continue;
                    error = ReadRpcError(ref r);
                }
                else
                {
                    OdooJsonReader.Read(ref r);
                    r.Skip();
                }
            }
            if (r.Read()) throw OdooWire.Protocol("data after the JSON-RPC envelope", answer, info, redactor);
        }
        catch (Exception ex) when (OdooWire.IsInvalidJson(ex))
        {
            throw OdooWire.Protocol("JSON that is invalid or cut short", answer, info, redactor, ex);
        }
        if (error is not null) throw OdooServerErrors.Create(error, answer.Status, info, redactor, _database);
        if (!hasResult)
        {
            // Odoo leaves "result" out when the method returned None ({"jsonrpc": "2.0", "id": 1}; real sample 74):
            // a missing result is null, as OdooRPC reads it.
            try
            {
                var none = new Utf8JsonReader("null"u8, OdooWire.ReaderOptions);
                none.Read();
                result = OdooWire.InvokeReader(ref none, reader, info, redactor);
            }
            catch (Exception ex) when (OdooWire.IsInvalidJson(ex))
            {
                throw OdooWire.Protocol("no result (None) where a value was expected", answer, info, redactor, ex);
            }
        }
        return result;
    }

    private static ServerErrorData ReadRpcError(ref Utf8JsonReader r)
    {
        var data = new ServerErrorData();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            data.EnvelopeMessage = r.TokenType == JsonTokenType.String ? r.GetString() : JsonElement.ParseValue(ref r).GetRawText();
            return data;
        }
        while (true)
        {
            OdooJsonReader.Read(ref r);
            if (r.TokenType == JsonTokenType.EndObject) return data;
            if (r.ValueTextEquals("data"u8))
            {
                OdooJsonReader.Read(ref r);
                OdooWire.ReadErrorData(ref r, data);
            }
            else if (r.ValueTextEquals("message"u8))
            {
                OdooJsonReader.Read(ref r);
                data.EnvelopeMessage = r.TokenType == JsonTokenType.String ? r.GetString() : null;
                if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) r.Skip();
            }
            else if (r.ValueTextEquals("code"u8))
            {
                OdooJsonReader.Read(ref r);
                if (r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var code)) data.Code = code;
                else r.Skip();
            }
            else
            {
                OdooJsonReader.Read(ref r);
                r.Skip();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _http.CloseAsync(OdooHttpConnection.DrainTimeout).ConfigureAwait(false);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await LogoutAsync(cts.Token).ConfigureAwait(false);
        }
        finally
        {
            _http.Dispose();
            _renewal.Dispose();
        }
    }
}
