using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Odoo.Testing.Internal;

namespace Odoo.Testing;

public sealed partial class OdooTestServer
{
    private const string SessionCookie = "session_id";

    private sealed class Reply
    {
        public int Status { get; set; } = 200;
        public string ContentType { get; set; } = JsonContentType;
        public ResponseBuffer? Json { get; set; }
        public string? Text { get; set; }
        public string? SetCookie { get; set; }
        public string? Location { get; set; }
        public List<KeyValuePair<string, string>>? Headers { get; set; }
    }

    private static OdooRequestProtocol Classify(string path)
    {
        if (path == "/jsonrpc") return OdooRequestProtocol.JsonRpc;
        if (path == "/json/2" || path.StartsWith("/json/2/", StringComparison.Ordinal)) return OdooRequestProtocol.Json2;
        if (path is "/web/webclient/version_info" || path.StartsWith("/web/session/", StringComparison.Ordinal) || path.StartsWith("/web/dataset/call_kw", StringComparison.Ordinal))
            return OdooRequestProtocol.Web;
        return OdooRequestProtocol.Http;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var started = Stopwatch.GetTimestamp();
        var request = ctx.Request;
        var path = request.Path.Value ?? "/";
        var protocol = Classify(path);
        var record = new OdooRecordedRequest(Interlocked.Increment(ref _sequence), _options.TimeProvider.GetUtcNow(), request.Method, path, protocol);
        JsonDocument? doc = null;
        Reply? reply = null;
        var recorded = false;
        try
        {
            var invalidJson = false;
            string? json2ParseError = null;
            if (protocol == OdooRequestProtocol.Json2 && SupportsJson2)
            {
                // Odoo 19 parses a JSON-2 body whatever the verb, when it has one (Json2Dispatcher.dispatch:
                // "if self.request.httprequest.content_length"); keep the bytes to word a parse error like Python.
                if (request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0))
                {
                    using var buffer = new MemoryStream();
                    await request.Body.CopyToAsync(buffer, ctx.RequestAborted).ConfigureAwait(false);
                    var bytes = buffer.ToArray();
                    if (bytes.Length > 0)
                    {
                        try
                        {
                            doc = JsonDocument.Parse(bytes);
                        }
                        catch (JsonException)
                        {
                            invalidJson = true;
                            json2ParseError = PythonJson.DecodeError(bytes);
                        }
                    }
                }
            }
            else if (HttpMethods.IsPost(request.Method) && protocol != OdooRequestProtocol.Http && request.ContentLength != 0)
            {
                try
                {
                    doc = await JsonDocument.ParseAsync(request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
                }
                catch (JsonException)
                {
                    invalidJson = true;
                }
            }
            Describe(record, ctx, doc);

            var fault = Faults.Match(record);
            var truncate = false;
            var dropAfter = false;
            if (fault is not null)
            {
                record.Fault = fault.ToString();
                switch (fault.Kind)
                {
                    case OdooFaultKind.Delay:
                        await Task.Delay(fault.Duration, _options.TimeProvider, ctx.RequestAborted).ConfigureAwait(false);
                        break;
                    case OdooFaultKind.DropConnection:
                        // Logged before the connection is cut, so the log never lags behind what the client saw.
                        record.Duration = Stopwatch.GetElapsedTime(started);
                        Record(record);
                        recorded = true;
                        ctx.Abort();
                        return;
                    case OdooFaultKind.HttpStatus:
                        reply = new Reply
                        {
                            Status = fault.StatusCode,
                            ContentType = HtmlContentType,
                            Text = fault.Body ?? Html.Error(fault.StatusCode, Html.Reason(fault.StatusCode), "The server could not handle the request (fault injected by OdooTestServer)."),
                        };
                        break;
                    case OdooFaultKind.Html:
                        reply = new Reply { Status = fault.StatusCode, ContentType = HtmlContentType, Text = fault.Body ?? Html.Proxy };
                        break;
                    case OdooFaultKind.TruncatedJson:
                        truncate = true;
                        break;
                    case OdooFaultKind.DropConnectionAfterProcessing:
                        dropAfter = true;
                        break;
                    case OdooFaultKind.SessionExpired:
                        reply = ErrorReply(protocol, doc, OdooServerError.SessionExpired(), record);
                        break;
                    case OdooFaultKind.AccessDenied:
                        reply = ErrorReply(protocol, doc, protocol == OdooRequestProtocol.Json2 ? OdooServerError.Unauthorized() : OdooServerError.AccessDenied(), record);
                        break;
                    case OdooFaultKind.Error:
                        reply = ErrorReply(protocol, doc, fault.ServerError!, record);
                        break;
                }
            }

            reply ??= Dispatch(ctx, path, protocol, doc, invalidJson, json2ParseError, record);
            // Log before the answer leaves, so a test that reads Requests right after its call sees it.
            record.StatusCode = reply.Status;
            record.Duration = Stopwatch.GetElapsedTime(started);
            Record(record);
            recorded = true;
            if (dropAfter)
            {
                // The call ran (and is logged); the answer is lost.
                ctx.Abort();
                return;
            }
            await SendAsync(ctx, reply, truncate, record).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away (e.g. its timeout fired during a delay).
        }
        finally
        {
            if (reply?.Json is { } buffer) _buffers.Return(buffer);
            doc?.Dispose();
            if (!recorded)
            {
                record.Duration = Stopwatch.GetElapsedTime(started);
                Record(record);
            }
        }
    }

    private static async Task SendAsync(HttpContext ctx, Reply reply, bool truncate, OdooRecordedRequest record)
    {
        var response = ctx.Response;
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        if (reply.SetCookie is not null) response.Headers.Append("Set-Cookie", reply.SetCookie);
        if (reply.Location is not null) response.Headers.Location = reply.Location;
        if (reply.Headers is not null)
            foreach (var (name, value) in reply.Headers) response.Headers.Append(name, value);
        ReadOnlyMemory<byte> bytes = reply.Json is { } json ? json.Flush() : Encoding.UTF8.GetBytes(reply.Text ?? "");
        if (truncate) bytes = bytes[..(bytes.Length / 2)];
        else response.ContentLength = bytes.Length;
        record.StatusCode = reply.Status;
        await response.Body.WriteAsync(bytes, ctx.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Fills the request record's service, model, method and arguments.</summary>
    private void Describe(OdooRecordedRequest record, HttpContext ctx, JsonDocument? doc)
    {
        var root = doc?.RootElement ?? default;
        switch (record.Protocol)
        {
            case OdooRequestProtocol.JsonRpc:
            {
                if (!TryGetParams(root, out var p)) return;
                record.Service = Str(p, "service");
                record.Method = Str(p, "method");
                if (!p.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Array) return;
                if (args.GetArrayLength() > 0 && args[0].ValueKind == JsonValueKind.String) record.Database = args[0].GetString();
                if (record.Service == "object" && record.Method is "execute_kw" or "execute" && args.GetArrayLength() >= 5)
                {
                    if (args[1].ValueKind == JsonValueKind.Number && args[1].TryGetInt32(out var uid)) record.Uid = uid;
                    record.Model = args[3].ValueKind == JsonValueKind.String ? args[3].GetString() : null;
                    record.Method = args[4].ValueKind == JsonValueKind.String ? args[4].GetString() : null;
                    if (Str(p, "method") == "execute_kw")
                    {
                        record.Args = args.GetArrayLength() > 5 ? args[5].Clone() : null;
                        record.Kwargs = args.GetArrayLength() > 6 ? args[6].Clone() : null;
                    }
                    else record.Args = SliceClone(args, 5);
                }
                break;
            }
            case OdooRequestProtocol.Web:
            {
                var path = record.Path;
                if (path == "/web/webclient/version_info") { record.Method = "version_info"; return; }
                if (path.StartsWith("/web/session/", StringComparison.Ordinal)) record.Method = path["/web/session/".Length..];
                if (!TryGetParams(root, out var p)) return;
                if (path.StartsWith("/web/dataset/call_kw", StringComparison.Ordinal))
                {
                    record.Model = Str(p, "model");
                    record.Method = Str(p, "method");
                    if (p.TryGetProperty("args", out var a)) record.Args = a.Clone();
                    if (p.TryGetProperty("kwargs", out var k)) record.Kwargs = k.Clone();
                }
                else record.Database = Str(p, "db");
                break;
            }
            case OdooRequestProtocol.Json2:
            {
                var rest = record.Path.Length > "/json/2/".Length ? record.Path["/json/2/".Length..].Split('/') : [];
                if (rest.Length == 2 && rest[0].Length > 0 && rest[1].Length > 0)
                {
                    record.Model = rest[0];
                    record.Method = rest[1];
                }
                record.Database = ctx.Request.Headers["X-Odoo-Database"].FirstOrDefault();
                if (doc is not null) record.Kwargs = root.Clone();
                break;
            }
        }
    }

    private static JsonElement SliceClone(JsonElement array, int start)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            var i = 0;
            foreach (var e in array.EnumerateArray())
                if (i++ >= start) e.WriteTo(w);
            w.WriteEndArray();
        }
        using var d = JsonDocument.Parse(buffer.WrittenMemory);
        return d.RootElement.Clone();
    }

    private static bool TryGetParams(JsonElement root, out JsonElement p)
    {
        p = default;
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("params", out p) && p.ValueKind == JsonValueKind.Object;
    }

    private static string? Str(JsonElement obj, string name)
        => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonElement RpcId(JsonDocument? doc)
        => doc is not null && doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) ? id : default;

    private Reply ErrorReply(OdooRequestProtocol protocol, JsonDocument? doc, OdooServerError error, OdooRecordedRequest record)
    {
        record.ErrorName = error.Name;
        var b = _buffers.Rent();
        if (protocol == OdooRequestProtocol.Json2)
        {
            JsonOut.WriteErrorData(b.Writer, error, json2: true);
            var reply = new Reply { Status = error.Json2Status, Json = b };
            // odoo/addons/base/models/ir_http.py, _auth_method_bearer: Unauthorized(e, www_authenticate=WWWAuthenticate('bearer'));
            // odoo/http.py, Json2Dispatcher.handle_error keeps an HTTPException's headers but its Content-Type.
            if (error.Json2Status == 401) reply.Headers = [new("WWW-Authenticate", "Bearer")];
            return reply;
        }
        JsonOut.WriteJsonRpcError(b.Writer, RpcId(doc), error);
        return new Reply { Json = b };
    }

    private static OdooServerError AsServerError(Exception ex) => ex switch
    {
        OdooServerError e => e,
        JsonException or InvalidOperationException or FormatException or IndexOutOfRangeException => OdooServerError.TypeError(ex.Message),
        _ => new OdooServerError("builtins.Exception", $"{ex.GetType().Name}: {ex.Message}"),
    };

    /// <summary>Builds a JSON-RPC envelope whose result is written by <paramref name="result"/>; errors become error envelopes.</summary>
    private Reply JsonRpcReply(JsonDocument? doc, OdooRecordedRequest record, Action<Utf8JsonWriter> result)
    {
        var id = RpcId(doc);
        var b = _buffers.Rent();
        var w = b.Writer;
        try
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WritePropertyName("id");
            if (id.ValueKind == JsonValueKind.Undefined) w.WriteNullValue(); else id.WriteTo(w);
            w.WritePropertyName("result");
            result(w);
            w.WriteEndObject();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var error = AsServerError(ex);
            record.ErrorName = error.Name;
            b.Reset();
            JsonOut.WriteJsonRpcError(w, id, error);
        }
        return new Reply { Json = b };
    }

    private Reply Dispatch(HttpContext ctx, string path, OdooRequestProtocol protocol, JsonDocument? doc, bool invalidJson, string? json2ParseError, OdooRecordedRequest record)
    {
        var post = HttpMethods.IsPost(ctx.Request.Method);
        switch (protocol)
        {
            case OdooRequestProtocol.JsonRpc or OdooRequestProtocol.Web:
            {
                // addons/rpc/controllers/jsonrpc.py (19.0): logger.warning(RPC_DEPRECATION_NOTICE, __name__) on every /jsonrpc call.
                if (protocol == OdooRequestProtocol.JsonRpc && SupportsJson2) LogJsonRpcDeprecated();
                if (!post) return HtmlReply(405, Html.Error(405, "Method Not Allowed", "The method is not allowed for the requested URL."));
                var reply = invalidJson || doc is null
                    ? JsonRpcReply(doc, record, _ => throw new OdooServerError("werkzeug.exceptions.BadRequest", "Invalid JSON data", 400))
                    : protocol == OdooRequestProtocol.JsonRpc ? JsonRpc(doc, record) : Web(ctx, path, doc, record);
                // Like Odoo 18: /jsonrpc never sets a cookie, and a session-checked route (call_kw) that finds no
                // session answers SessionExpired without one; the other web routes hand out an anonymous session.
                if (reply.SetCookie is null && !HasSession(ctx) && protocol == OdooRequestProtocol.Web && !path.StartsWith("/web/dataset/call_kw", StringComparison.Ordinal))
                {
                    reply.SetCookie = NewSessionCookie(null);
                }
                return reply;
            }
            case OdooRequestProtocol.Json2 when SupportsJson2:
                return Json2(ctx, doc, invalidJson ? json2ParseError ?? "Expecting value: line 1 column 1 (char 0)" : null, record);
        }
        // addons/rpc/controllers/__init__.py (19.0): @route(['/web/version', '/json/version'], type='http', auth='none')
        if (path is "/web/version" or "/json/version" && SupportsJson2 && (post || HttpMethods.IsGet(ctx.Request.Method)))
        {
            var b = _buffers.Rent();
            // make_json_response({'version_info': odoo.release.version_info, 'version': odoo.release.version})
            b.Writer.WriteStartObject();
            b.Writer.WritePropertyName("version_info");
            _version.WriteInfoArray(b.Writer);
            b.Writer.WriteString("version", _version.Text);
            b.Writer.WriteEndObject();
            return new Reply { Json = b };
        }
        if (path.StartsWith("/json/", StringComparison.Ordinal))
        {
            // Odoo before 19: /json/<path> is the web client's auth='user' route.
            if (CurrentSession(ctx) is { Uid: not null }) return HtmlReply(400, Html.BadRequestCsrf);
            var location = "/web/login?redirect=" + Uri.EscapeDataString(path + "?" + ctx.Request.QueryString.Value?.TrimStart('?'));
            return new Reply { Status = 303, ContentType = HtmlContentType, Text = Html.Redirect(location), Location = location };
        }
        return new Reply { Status = 404, ContentType = "text/html;charset=utf-8", Text = Html.NotFound };
    }

    private static Reply HtmlReply(int status, string html) => new() { Status = status, ContentType = HtmlContentType, Text = html };

    // ------------------------------------------------------------------ sessions

    private WebSession? CurrentSession(HttpContext ctx)
        => ctx.Request.Cookies.TryGetValue(SessionCookie, out var sid) && sid is not null && _sessions.TryGetValue(sid, out var s) ? s : null;

    private bool HasSession(HttpContext ctx) => CurrentSession(ctx) is not null;

    private string NewSessionCookie(int? uid)
    {
        if (_sessions.Count > 100_000)
            foreach (var kv in _sessions)
                if (kv.Value.Uid is null) _sessions.TryRemove(kv.Key, out _);
        var sid = NewSessionId();
        _sessions[sid] = new WebSession(uid);
        var expires = _options.TimeProvider.GetUtcNow().AddDays(7);
        return $"{SessionCookie}={sid}; Expires={expires.ToString("R", CultureInfo.InvariantCulture)}; Max-Age=604800; HttpOnly; Path=/";
    }

    // ------------------------------------------------------------------ authentication

    /// <summary>Whether <paramref name="db"/> is the database or one of <see cref="OdooTestServerOptions.OtherDatabases"/>.</summary>
    private bool HostsDatabase(string? db) => db == Database || (db is not null && _options.OtherDatabases.Contains(db));

    private int? Authenticate(string? db, string? login, string? password)
    {
        if (db != Database || login is null || password is null) return null;
        lock (_store.Sync)
        {
            foreach (var c in _store.Credentials.Values)
            {
                if (c.Login != login) continue;
                if (!UserActive(c.Uid)) return null;
                return c.Password == password || (c.ApiKey is not null && c.ApiKey == password) ? c.Uid : null;
            }
        }
        return null;
    }

    private bool UserActive(int uid)
    {
        var users = _store.TryTable("res.users");
        return users is null || !users.Rows.TryGetValue(uid, out var row) || users.Active is not { } a || row.Values[a.Slot] is not false;
    }

    /// <summary>Checks <c>db, uid, password</c> of an <c>object</c> call (caller holds the lock).</summary>
    private int CheckCredentials(JsonElement args)
    {
        var db = args[0].ValueKind == JsonValueKind.String ? args[0].GetString() : null;
        if (!HostsDatabase(db)) throw OdooServerError.DatabaseDoesNotExist(db);
        if (db != Database) throw OdooServerError.AccessDenied(); // a listed database without users
        if (args[1].ValueKind != JsonValueKind.Number || !args[1].TryGetInt32(out var uid)) throw OdooServerError.AccessDenied();
        var pw = args[2].ValueKind == JsonValueKind.String ? args[2].GetString() : null;
        if (!_store.Credentials.TryGetValue(uid, out var c) || pw is null || !UserActive(uid) || (c.Password != pw && c.ApiKey != pw))
            throw OdooServerError.AccessDenied();
        return uid;
    }

    private int? UidFromApiKey(string? key)
    {
        if (string.IsNullOrEmpty(key)) return null;
        lock (_store.Sync)
            foreach (var c in _store.Credentials.Values)
                if (c.ApiKey == key && UserActive(c.Uid)) return c.Uid;
        return null;
    }

    // ------------------------------------------------------------------ /jsonrpc

    private Reply JsonRpc(JsonDocument doc, OdooRecordedRequest record) => JsonRpcReply(doc, record, w =>
    {
        if (!TryGetParams(doc.RootElement, out var p)) throw OdooServerError.TypeError("dispatch_rpc() missing 'params'");
        var service = Str(p, "service");
        var method = Str(p, "method");
        var args = p.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Array ? a : default;
        string? ArgStr(int i) => args.ValueKind == JsonValueKind.Array && args.GetArrayLength() > i && args[i].ValueKind == JsonValueKind.String ? args[i].GetString() : null;
        switch (service)
        {
            case "common":
                switch (method)
                {
                    case "version":
                        WriteVersionDict(w);
                        return;
                    case "login" or "authenticate":
                    {
                        if (!HostsDatabase(ArgStr(0))) throw OdooServerError.DatabaseDoesNotExist(ArgStr(0));
                        var uid = Authenticate(ArgStr(0), ArgStr(1), ArgStr(2));
                        record.Uid = uid;
                        if (uid is { } u) w.WriteNumberValue(u); else w.WriteBooleanValue(false);
                        return;
                    }
                    case "about":
                        w.WriteStringValue("See http://openerp.com");
                        return;
                    default:
                        throw new OdooServerError("builtins.NameError", $"Method not available {method}");
                }
            case "db":
                switch (method)
                {
                    case "list":
                        if (!_options.ListDatabases) throw OdooServerError.AccessDenied();
                        w.WriteStartArray();
                        w.WriteStringValue(Database);
                        foreach (var other in _options.OtherDatabases) w.WriteStringValue(other);
                        w.WriteEndArray();
                        return;
                    case "server_version":
                        w.WriteStringValue(_version.Text);
                        return;
                    case "db_exist":
                        w.WriteBooleanValue(ArgStr(0) == Database);
                        return;
                    default:
                        throw new OdooServerError("builtins.NameError", $"Method not available {method}");
                }
            case "object":
            {
                if (method is not ("execute_kw" or "execute"))
                    throw new OdooServerError("builtins.NameError", $"Method not available {method}");
                if (args.ValueKind != JsonValueKind.Array || args.GetArrayLength() < 5)
                    throw OdooServerError.TypeError($"{method}() missing required positional arguments (db, uid, password, model, method)");
                var model = ArgStr(3) ?? throw OdooServerError.TypeError("the model name must be a string");
                var ormMethod = ArgStr(4) ?? throw OdooServerError.TypeError("the method name must be a string");
                JsonElement positional, kwargs;
                if (method == "execute_kw")
                {
                    positional = args.GetArrayLength() > 5 ? args[5] : default;
                    kwargs = args.GetArrayLength() > 6 ? args[6] : default;
                }
                else
                {
                    positional = SliceClone(args, 5);
                    kwargs = default;
                }
                lock (_store.Sync)
                {
                    var uid = CheckCredentials(args);
                    Orm.Execute(this, _store, new OrmCall(model, ormMethod, uid, OdooRequestProtocol.JsonRpc, positional, kwargs, default), w);
                }
                return;
            }
            default:
                throw new OdooServerError("builtins.Exception", $"No such service: {service}");
        }
    });

    // ------------------------------------------------------------------ web client routes

    private Reply Web(HttpContext ctx, string path, JsonDocument doc, OdooRecordedRequest record)
    {
        if (path == "/web/webclient/version_info") return JsonRpcReply(doc, record, WriteVersionDict);
        TryGetParams(doc.RootElement, out var p);
        switch (path)
        {
            case "/web/session/authenticate":
            {
                if (!HostsDatabase(Str(p, "db"))) return JsonRpcReply(doc, record, _ => throw OdooServerError.DatabaseNotFound());
                var uid = Authenticate(Str(p, "db"), Str(p, "login"), Str(p, "password"));
                if (uid is null) return JsonRpcReply(doc, record, _ => throw OdooServerError.AccessDenied());
                record.Uid = uid;
                var reply = JsonRpcReply(doc, record, w => WriteSessionInfo(w, uid.Value));
                reply.SetCookie = NewSessionCookie(uid);
                return reply;
            }
            case "/web/session/get_session_info":
            {
                var session = CurrentSession(ctx);
                return JsonRpcReply(doc, record, w =>
                {
                    if (session?.Uid is not { } uid) throw OdooServerError.SessionExpired();
                    WriteSessionInfo(w, uid);
                });
            }
            case "/web/session/destroy":
            {
                if (ctx.Request.Cookies.TryGetValue(SessionCookie, out var sid) && sid is not null) _sessions.TryRemove(sid, out _);
                return JsonRpcReply(doc, record, w => w.WriteNullValue());
            }
        }
        if (path.StartsWith("/web/dataset/call_kw", StringComparison.Ordinal))
        {
            var session = CurrentSession(ctx);
            return JsonRpcReply(doc, record, w =>
            {
                if (session?.Uid is not { } uid) throw OdooServerError.SessionExpired();
                record.Uid = uid;
                var model = Str(p, "model") ?? throw OdooServerError.TypeError("call_kw() missing 'model'");
                var method = Str(p, "method") ?? throw OdooServerError.TypeError("call_kw() missing 'method'");
                var args = p.TryGetProperty("args", out var a) ? a : default;
                var kwargs = p.TryGetProperty("kwargs", out var k) ? k : default;
                lock (_store.Sync)
                    Orm.Execute(this, _store, new OrmCall(model, method, uid, OdooRequestProtocol.Web, args, kwargs, default), w);
            });
        }
        return new Reply { Status = 404, ContentType = "text/html;charset=utf-8", Text = Html.NotFound };
    }

    private void WriteSessionInfo(Utf8JsonWriter w, int uid)
    {
        lock (_store.Sync)
        {
            var users = _store.Table("res.users");
            var user = users.Rows[uid];
            var partnerId = user.Values[users.Field("partner_id")!.Slot] as int?;
            var partners = _store.Table("res.partner");
            w.WriteStartObject();
            w.WriteNumber("uid", uid);
            w.WriteBoolean("is_system", uid == AdminUid);
            w.WriteBoolean("is_admin", uid == AdminUid);
            w.WriteBoolean("is_public", false);
            w.WritePropertyName("user_context");
            w.WriteStartObject();
            foreach (var key in (ReadOnlySpan<string>)["lang", "tz"])
            {
                if (users.Field(key) is not { } f) continue;
                w.WritePropertyName(key);
                JsonOut.WriteValue(w, _store, users, user, f, true);
            }
            w.WriteNumber("uid", uid);
            w.WriteEndObject();
            w.WriteString("db", Database);
            w.WriteString("server_version", _version.Text);
            w.WritePropertyName("server_version_info");
            _version.WriteInfoArray(w);
            w.WriteString("name", _store.DisplayName(users, user));
            w.WriteString("username", user.Values[users.Field("login")!.Slot] as string);
            if (partnerId is { } pid && partners.Rows.TryGetValue(pid, out var partner))
            {
                w.WriteString("partner_display_name", _store.DisplayName(partners, partner));
                w.WriteNumber("partner_id", pid);
            }
            w.WriteString("web.base.url", BaseUrl.ToString().TrimEnd('/'));
            w.WriteEndObject();
        }
    }

    // ------------------------------------------------------------------ JSON-2

    /// <summary>
    /// <c>/json/2</c> as Odoo 19 serves it, in Odoo's order: the database (odoo/http.py Request._get_session_and_dbname,
    /// Application.__call__), the route (addons/rpc/controllers/json2.py), the Content-Type (Request._set_request_dispatcher),
    /// the bearer key (odoo/addons/base/models/ir_http.py _auth_method_bearer), the body (Json2Dispatcher.dispatch),
    /// then the model, the method and its arguments (web_json_2_rpc).
    /// </summary>
    private Reply Json2(HttpContext ctx, JsonDocument? doc, string? parseError, OdooRecordedRequest record)
    {
        var request = ctx.Request;

        // _get_session_and_dbname: "elif header_dbname: ... if db_filter([header_dbname]): dbname = header_dbname",
        // "else: all_dbs = db_list(force=True); if len(all_dbs) == 1: dbname = all_dbs[0]  # monodb". No database, or one
        // that does not exist (Application.__call__: RegistryError -> _serve_nodb), is the HTML NOT_FOUND_NODB page:
        // /json/2 is not a server-wide (auth='none') route.
        var header = request.Headers["X-Odoo-Database"].FirstOrDefault();
        var db = !string.IsNullOrEmpty(header)
            ? (header == Database || _options.OtherDatabases.Contains(header) ? header : null)
            : _options.OtherDatabases.Count == 0 ? Database : null;
        if (db is null) return HtmlReply(404, Html.NotFoundNoDatabase);

        // json2.py: only POST /json/2/<model>/<method> reaches web_json_2_rpc; ['/json/2', '/json/2/<path:subpath>'] (any verb,
        // auth='public') raise request.not_found("Did you mean POST /json/2/<model>/<method>?").
        var rpcRoute = HttpMethods.IsPost(request.Method) && record.Model is not null && record.Method is not null;

        // Request._set_request_dispatcher: Json2Dispatcher.is_compatible_with is
        // "request.httprequest.mimetype in ('application/json',) or not request.httprequest.content_length"; otherwise an HTML
        // 415 with Accept: application/json, before authentication.
        var mimetype = MediaType(request.ContentType);
        if (request.ContentLength is > 0 && mimetype != "application/json")
        {
            var compatible = mimetype is "application/json-rpc" ? "['http', 'jsonrpc']" : "['http']";
            var route = rpcRoute ? "/json/2/<__model__>/<__method__>" : "/json/2";
            var e = $"Request inferred type is compatible with {compatible} but '{route}' is type='json2'.\n\n" +
                    "Please verify the Content-Type request header and try again.";
            return new Reply
            {
                Status = 415,
                ContentType = HtmlContentType,
                Text = Html.Error(415, "Unsupported Media Type", Html.Escape(e).Replace("\n", "<br>", StringComparison.Ordinal)),
                Headers = [new("Accept", "application/json")],
            };
        }

        if (!rpcRoute)
        {
            // Json2Dispatcher.dispatch parses the body before the endpoint runs.
            if (parseError is not null) return ErrorReply(OdooRequestProtocol.Json2, doc, OdooServerError.BadRequest("could not parse the body as json: " + parseError), record);
            return ErrorReply(OdooRequestProtocol.Json2, doc, OdooServerError.NotFound("Did you mean POST /json/2/<model>/<method>?"), record);
        }

        // ir_http._auth_method_bearer: re.match(r"^bearer\s+(.+)$", header, re.IGNORECASE); the key is checked with
        // res.users.apikeys._check_credentials(scope='rpc', key=token): API keys only (scope NULL or 'rpc'), never a password.
        var auth = request.Headers.Authorization.FirstOrDefault();
        var match = auth is null ? null : System.Text.RegularExpressions.Regex.Match(auth, @"^bearer\s+(.+)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        int? uid;
        if (match is { Success: true })
        {
            // Keys live in their database: the other databases the server lists have none of this server's users.
            uid = db == Database ? UidFromApiKey(match.Groups[1].Value) : null;
            if (uid is null) return ErrorReply(OdooRequestProtocol.Json2, doc, OdooServerError.Unauthorized("Invalid apikey"), record);
        }
        else if (CurrentSession(ctx)?.Uid is not { } sessionUid)
        {
            return ErrorReply(OdooRequestProtocol.Json2, doc, OdooServerError.Unauthorized("User not authenticated, use an API Key with a Bearer Authorization header."), record);
        }
        else if (!(request.Headers["Sec-Fetch-Dest"] == "document" && request.Headers["Sec-Fetch-Mode"] == "navigate"
                   && request.Headers["Sec-Fetch-Site"].FirstOrDefault() is "none" or "same-origin" && request.Headers["Sec-Fetch-User"] == "?1"))
        {
            return ErrorReply(OdooRequestProtocol.Json2, doc, OdooServerError.Unauthorized("Missing \"Authorization\" or Sec-headers for interactive usage."), record);
        }
        else uid = sessionUid;
        record.Uid = uid;

        // Json2Dispatcher.dispatch: "could not parse the body as json: {exc.args[0]}" (BadRequest); a body that is not an
        // object is dropped ("self.request.params = self.jsonrequest | args" fails with TypeError -> "dict(args)").
        if (parseError is not null)
            return ErrorReply(OdooRequestProtocol.Json2, doc, OdooServerError.BadRequest("could not parse the body as json: " + parseError), record);
        var body = doc is { RootElement.ValueKind: JsonValueKind.Object } ? doc.RootElement : default;
        var b = _buffers.Rent();
        try
        {
            lock (_store.Sync)
            {
                // web_json_2_rpc: "except KeyError as exc: e = f"the model {__model__!r} does not exist"; raise NotFound(e)";
                // get_public_method's AttributeError becomes NotFound(exc.args[0]); its AccessError stays a 403.
                var t = _store.TryTable(record.Model!) ?? throw OdooServerError.NotFound($"the model '{record.Model}' does not exist");
                Orm.CheckPublicMethod(_store, t, record.Method!, _version.Major, json2: true);
                Orm.Execute(this, _store, new OrmCall(record.Model!, record.Method!, uid.Value, OdooRequestProtocol.Json2, default, default, body), b.Writer);
            }
            return new Reply { Json = b };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _buffers.Return(b);
            return ErrorReply(OdooRequestProtocol.Json2, doc, AsServerError(ex), record);
        }
    }

    /// <summary>The media type of a Content-Type header, lower-cased, without parameters (werkzeug's <c>mimetype</c>).</summary>
    private static string MediaType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return "";
        var semi = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semi >= 0 ? contentType[..semi] : contentType).Trim().ToLowerInvariant();
    }
}
