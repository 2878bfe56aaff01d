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
        public byte[]? Bytes { get; set; }
        public List<string>? Cookies { get; set; }
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
        var record = new OdooRecordedRequest(Interlocked.Increment(ref _sequence), _options.TimeProvider.GetUtcNow(), request.Method, path, protocol)
        {
            ConnectionId = ctx.Connection.Id,
        };
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
            if (protocol == OdooRequestProtocol.Http && path.StartsWith("/web/database/", StringComparison.Ordinal) && request.HasFormContentType)
                await request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
            Describe(record, ctx, doc);
            var session = IdentifySession(ctx, record);

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
                        // Odoo raises it before reading the request: the answer's id is null.
                        reply = ErrorReply(protocol, protocol == OdooRequestProtocol.Json2 ? doc : null, OdooServerError.SessionExpired(), record);
                        break;
                    case OdooFaultKind.AccessDenied:
                        reply = ErrorReply(protocol, doc, protocol == OdooRequestProtocol.Json2 ? OdooServerError.Unauthorized() : OdooServerError.AccessDenied(), record);
                        break;
                    case OdooFaultKind.Error:
                        reply = ErrorReply(protocol, doc, fault.ServerError!, record);
                        break;
                }
            }

            if (reply is null && _options.CostModel is { } cost)
            {
                var charge = cost.PerRequest + (record.AuthenticatedSession ? TimeSpan.Zero : cost.WithoutSession);
                if (charge > TimeSpan.Zero)
                {
                    record.ChargedDelay = charge;
                    await Task.Delay(charge, _options.TimeProvider, ctx.RequestAborted).ConfigureAwait(false);
                }
            }
            reply ??= Dispatch(ctx, path, protocol, doc, invalidJson, json2ParseError, record, session);
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

    private async Task SendAsync(HttpContext ctx, Reply reply, bool truncate, OdooRecordedRequest record)
    {
        var response = ctx.Response;
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        if (reply.Cookies is not null)
            foreach (var cookie in reply.Cookies) response.Headers.Append("Set-Cookie", cookie);
        // Odoo's own HTTP server (werkzeug) closes the connection after every answer.
        if (!_options.KeepAlive) response.Headers.Connection = "close";
        if (reply.Location is not null) response.Headers.Location = reply.Location;
        if (reply.Headers is not null)
            foreach (var (name, value) in reply.Headers) response.Headers.Append(name, value);
        ReadOnlyMemory<byte> bytes = reply.Json is { } json ? json.Flush() : reply.Bytes ?? Encoding.UTF8.GetBytes(reply.Text ?? "");
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
                // The db service's methods take the master password first (never recorded), then the database.
                var dbArg = record.Service != "db" ? 0 : record.Method is "db_exist" ? 0 : record.Method is "list" or "server_version" or "list_lang" or "change_admin_password" or "migrate_databases" ? -1 : 1;
                if (dbArg >= 0 && args.GetArrayLength() > dbArg && args[dbArg].ValueKind == JsonValueKind.String) record.Database = args[dbArg].GetString();
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
            w.Flush();
            if (b.Buffer.WrittenSpan.EndsWith("\"result\":null}"u8))
            {
                // Odoo leaves "result" out when it is None.
                b.Reset();
                w.WriteStartObject();
                w.WriteString("jsonrpc", "2.0");
                w.WritePropertyName("id");
                if (id.ValueKind == JsonValueKind.Undefined) w.WriteNullValue(); else id.WriteTo(w);
                w.WriteEndObject();
            }
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

    private Reply Dispatch(HttpContext ctx, string path, OdooRequestProtocol protocol, JsonDocument? doc, bool invalidJson, string? json2ParseError, OdooRecordedRequest record, WebSession? session)
    {
        var post = HttpMethods.IsPost(ctx.Request.Method);
        switch (protocol)
        {
            case OdooRequestProtocol.JsonRpc or OdooRequestProtocol.Web:
            {
                // addons/rpc/controllers/jsonrpc.py (19.0): logger.warning(RPC_DEPRECATION_NOTICE, __name__) on every /jsonrpc call.
                if (protocol == OdooRequestProtocol.JsonRpc && SupportsJson2) LogJsonRpcDeprecated();
                if (!post) return HtmlReply(405, Html.Error(405, "Method Not Allowed", "The method is not allowed for the requested URL."));
                // A type='json' route needs a JSON content type (odoo.http.JSON_MIMETYPES), else werkzeug's 400 page.
                if (ctx.Request.ContentType is not { } type || !IsJsonMimeType(type)) return HtmlReply(400, Html.NotJson(path));
                if (invalidJson || doc is null)
                    return JsonRpcReply(doc, record, _ => throw new OdooServerError("werkzeug.exceptions.BadRequest", "Invalid JSON data", 400));
                // /jsonrpc is save_session=False: it never sets a cookie and ignores the one sent.
                return protocol == OdooRequestProtocol.JsonRpc ? JsonRpc(doc, record) : Web(ctx, path, doc, record, session);
            }
            case OdooRequestProtocol.Json2 when SupportsJson2:
                return Json2(ctx, doc, invalidJson ? json2ParseError ?? "Expecting value: line 1 column 1 (char 0)" : null, record, session);
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
        if (path.StartsWith("/report/", StringComparison.Ordinal)) return Report(ctx, path, record, session);
        if (path.StartsWith("/web/database/", StringComparison.Ordinal) && DatabaseManager(ctx, path, record) is { } manager) return manager;
        if (path.StartsWith("/json/", StringComparison.Ordinal))
        {
            // Odoo before 19: /json/<path> is the web client's auth='user' route.
            if (session is not null) return HtmlReply(400, Html.BadRequestCsrf);
            var location = "/web/login?redirect=" + Uri.EscapeDataString(path + "?" + ctx.Request.QueryString.Value?.TrimStart('?'));
            return new Reply { Status = 303, ContentType = HtmlContentType, Text = Html.Redirect(location), Location = location };
        }
        return new Reply { Status = 404, ContentType = "text/html;charset=utf-8", Text = Html.NotFound };
    }

    private static Reply HtmlReply(int status, string html) => new() { Status = status, ContentType = HtmlContentType, Text = html };

    // ------------------------------------------------------------------ sessions

    private static bool IsJsonMimeType(string contentType)
    {
        var media = contentType.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Equals("application/json-rpc", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Odoo's session id format (odoo.http._base64_urlsafe_re); another value is ignored like no cookie.</summary>
    private static bool IsValidSessionId(string? sid)
    {
        if (sid is not { Length: 84 }) return false;
        foreach (var c in sid)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        return true;
    }

    /// <summary>Records the session cookie of a request and returns its live authenticated session, if any.</summary>
    private WebSession? IdentifySession(HttpContext ctx, OdooRecordedRequest record)
    {
        if (!ctx.Request.Cookies.TryGetValue(SessionCookie, out var sid) || string.IsNullOrEmpty(sid)) return null;
        record.SessionId = sid;
        if (!_sessions.TryGetValue(sid, out var session) || StoreOf(session.Db) is null) return null;
        record.AuthenticatedSession = true;
        return session;
    }

    private static string? SentSessionId(HttpContext ctx)
        => ctx.Request.Cookies.TryGetValue(SessionCookie, out var sid) && IsValidSessionId(sid) ? sid : null;

    /// <summary>The Set-Cookie of Odoo's session cookie: Expires one year ahead, Max-Age one week.</summary>
    private string SessionCookieHeader(string sid)
        => $"{SessionCookie}={sid}; Expires={_options.TimeProvider.GetUtcNow().AddDays(365).ToString("R", CultureInfo.InvariantCulture)}; Max-Age=604800; HttpOnly; Path=/";

    /// <summary>Odoo's deletion of the <c>cids</c> cookie (ir.http._post_logout).</summary>
    private string DeleteCidsCookieHeader()
        => $"cids=; Expires={_options.TimeProvider.GetUtcNow().AddDays(365).ToString("R", CultureInfo.InvariantCulture)}; Max-Age=0; Path=/";

    private string NewAuthenticatedSession(int uid, string db)
    {
        var sid = NewSessionId();
        _sessions[sid] = new WebSession(uid, db);
        return sid;
    }

    // ------------------------------------------------------------------ authentication


    /// <summary>
    /// Checks a login. <paramref name="interactive"/> is Odoo's web session login (<c>/web/session/authenticate</c>),
    /// which accepts only the password: res_users.py <c>_check_credentials</c> tries API keys only when the login is
    /// not interactive (<c>common.login</c>, <c>execute_kw</c>).
    /// </summary>
    private int? Authenticate(string? db, string? login, string? password, bool interactive = false)
    {
        if (StoreOf(db) is not { } locked || login is null || password is null) return null;
        using (var scope = locked.Enter())
        {
            var store = scope.Store;
            foreach (var c in store.Access.Credentials.Values)
            {
                if (c.Login != login) continue;
                if (!UserActive(store, c.Uid)) return null;
                return c.Password == password || (!interactive && c.ApiKey is not null && c.ApiKey == password) ? c.Uid : null;
            }
        }
        return null;
    }

    private static bool UserActive(Store store, int uid)
    {
        var users = store.Schema.TryTable("res.users");
        return users is null || !users.Rows.TryGetValue(uid, out var row) || users.Active is not { } a || row.Values[a.Slot] is not false;
    }

    /// <summary>The database of an <c>object</c> call: its data, or the error Odoo answers (a listed database without users refuses every login).</summary>
    private LockedStore StoreOfCall(JsonElement args)
    {
        var db = args[0].ValueKind == JsonValueKind.String ? args[0].GetString() : null;
        if (!HostsDatabase(db)) throw OdooServerError.DatabaseDoesNotExist(db);
        return StoreOf(db) ?? throw OdooServerError.AccessDenied();
    }

    /// <summary>Checks <c>uid, password</c> of an <c>object</c> call (caller holds the store's lock).</summary>
    private static int CheckCredentials(Store store, JsonElement args)
    {
        if (args[1].ValueKind != JsonValueKind.Number || !args[1].TryGetInt32(out var uid)) throw OdooServerError.AccessDenied();
        var pw = args[2].ValueKind == JsonValueKind.String ? args[2].GetString() : null;
        if (!store.Access.Credentials.TryGetValue(uid, out var c) || pw is null || !UserActive(store, uid) || (c.Password != pw && c.ApiKey != pw))
            throw OdooServerError.AccessDenied();
        return uid;
    }

    private int? UidFromApiKey(string? key)
    {
        if (string.IsNullOrEmpty(key)) return null;
        using (var scope = _store.Enter())
            foreach (var c in scope.Store.Access.Credentials.Values)
                if (c.ApiKey == key && UserActive(scope.Store, c.Uid)) return c.Uid;
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
                DbService(method, args, w);
                return;
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
                using (var scope = StoreOfCall(args).Enter())
                {
                    var store = scope.Store;
                    var uid = CheckCredentials(store, args);
                    Orm.Execute(this, store, new OrmCall(model, ormMethod, uid, OdooRequestProtocol.JsonRpc, positional, kwargs, default), w);
                }
                return;
            }
            default:
                throw new OdooServerError("builtins.Exception", $"No such service: {service}");
        }
    });

    // ------------------------------------------------------------------ web client routes

    private Reply Web(HttpContext ctx, string path, JsonDocument doc, OdooRecordedRequest record, WebSession? session)
    {
        if (path == "/web/webclient/version_info")
        {
            // auth='none': Odoo makes a session for the request but saves nothing; the cookie is
            // set only when the request sent none (or an ill-formed one).
            var info = JsonRpcReply(doc, record, WriteVersionDict);
            if (SentSessionId(ctx) is null) info.Cookies = [SessionCookieHeader(NewSessionId())];
            return info;
        }
        TryGetParams(doc.RootElement, out var p);
        if (path == "/web/session/authenticate")
        {
            var db = Str(p, "db");
            if (!HostsDatabase(db)) return JsonRpcReply(doc, record, _ => throw OdooServerError.DatabaseNotFound());
            var uid = Authenticate(db, Str(p, "login"), Str(p, "password"), interactive: true);
            if (uid is null) return JsonRpcReply(doc, record, _ => throw OdooServerError.AccessDenied());
            record.Uid = uid;
            var reply = JsonRpcReply(doc, record, w => WriteSessionInfo(w, StoreOf(db)!, db!, uid.Value));
            if (record.ErrorName is not null) return reply;
            // The session is rotated: a new id, bound to the database and the user; the old one is dropped.
            if (SentSessionId(ctx) is { } old) _sessions.TryRemove(old, out _);
            reply.Cookies = [SessionCookieHeader(NewAuthenticatedSession(uid.Value, db!))];
            return reply;
        }
        var userRoute = path is "/web/session/get_session_info" or "/web/session/check" or "/web/session/destroy"
            || path == "/web/dataset/call_kw" || path.StartsWith("/web/dataset/call_kw/", StringComparison.Ordinal);
        if (!userRoute) return new Reply { Status = 404, ContentType = "text/html;charset=utf-8", Text = Html.NotFound };

        // auth='user': without a live authenticated session Odoo raises SessionExpiredException
        // before reading the request (id null) and sets no cookie.
        if (session is null) return ErrorReply(OdooRequestProtocol.Web, null, OdooServerError.SessionExpired(), record);
        var sid = record.SessionId!;
        record.Uid = session.Uid;
        var store = StoreOf(session.Db);
        if (store is null) return ErrorReply(OdooRequestProtocol.Web, null, OdooServerError.SessionExpired(), record);
        Reply answer;
        switch (path)
        {
            case "/web/session/get_session_info":
                answer = JsonRpcReply(doc, record, w => WriteSessionInfo(w, store, session.Db, session.Uid));
                break;
            case "/web/session/check":
                answer = JsonRpcReply(doc, record, w => w.WriteNullValue());
                break;
            case "/web/session/destroy":
            {
                // Logged out and rotated: a new, anonymous session (Odoo stores it without a user;
                // it is no session for the user routes, so it is not kept here), and cids deleted.
                _sessions.TryRemove(sid, out _);
                answer = JsonRpcReply(doc, record, w => w.WriteNullValue());
                answer.Cookies = [DeleteCidsCookieHeader(), SessionCookieHeader(NewSessionId())];
                return answer;
            }
            default:
            {
                var model = Str(p, "model");
                using (var scope = store.Enter())
                {
                    // _call_kw_readonly looks the model up before the call: werkzeug NotFound, id null.
                    if (model is null || scope.Store.Schema.TryTable(model) is null)
                        return ErrorReply(OdooRequestProtocol.Web, null, OdooServerError.JsonRpcNotFound(), record);
                }
                answer = JsonRpcReply(doc, record, w =>
                {
                    var method = Str(p, "method") ?? throw OdooServerError.TypeError("call_kw() missing 'method'");
                    var args = p.TryGetProperty("args", out var a) ? a : default;
                    var kwargs = p.TryGetProperty("kwargs", out var k) ? k : default;
                    using (var scope = store.Enter())
                        Orm.Execute(this, scope.Store, new OrmCall(model, method, session.Uid, OdooRequestProtocol.Web, args, kwargs, default), w);
                });
                break;
            }
        }
        // get_session_info touches the session (saved, cookie set again each time); the other
        // routes save it once, on the first success after authentication (the device trace).
        if (record.ErrorName is null && (path == "/web/session/get_session_info" || !session.TraceRecorded))
        {
            session.TraceRecorded = true;
            answer.Cookies = [SessionCookieHeader(sid)];
        }
        return answer;
    }

    /// <summary>
    /// Writes ir.http.session_info() with the keys, in the order, of a real Odoo 18 with base,
    /// contacts, product, uom, account and sale_management (sample 38): the user's values come
    /// from the store, the rest (menus, discuss settings, view types...) is the recorded server's.
    /// </summary>
    private void WriteSessionInfo(Utf8JsonWriter w, LockedStore locked, string db, int uid)
    {
        using (var scope = locked.Enter())
        {
            var store = scope.Store;
            var users = store.Schema.Table("res.users");
            var user = users.Rows[uid];
            var partnerId = user.Values[users.Field("partner_id")!.Slot] as int? ?? 0;
            var partners = store.Schema.Table("res.partner");
            partners.Rows.TryGetValue(partnerId, out var partner);
            var settingsId = _users.FindIndex(u => u.Uid == uid) + 1;
            var admin = uid == AdminUid;
            string WriteDate(Internal.Row? row) => row?.Values[partners.WriteDate.Slot] as string ?? store.Records.Now();
            var company = partners.Rows.TryGetValue(1, out var companyPartner) ? store.Records.DisplayName(partners, companyPartner) : "YourCompany";

            w.WriteStartObject();
            w.WriteNumber("uid", uid);
            w.WriteBoolean("is_system", admin);
            w.WriteBoolean("is_admin", admin);
            w.WriteBoolean("is_public", false);
            w.WriteBoolean("is_internal_user", true);
            w.WritePropertyName("user_context");
            w.WriteStartObject();
            foreach (var key in (ReadOnlySpan<string>)["lang", "tz"])
            {
                if (users.Field(key) is not { } f) continue;
                w.WritePropertyName(key);
                JsonOut.WriteValue(w, store, users, user, f, true);
            }
            w.WriteNumber("uid", uid);
            w.WriteEndObject();
            w.WriteString("db", db);
            w.WritePropertyName("user_settings");
            WriteUserSettings(w, settingsId, uid);
            w.WriteString("server_version", _version.Text);
            w.WritePropertyName("server_version_info");
            _version.WriteInfoArray(w);
            w.WriteString("support_url", "https://www.odoo.com/buy");
            w.WriteString("name", store.Records.DisplayName(users, user));
            w.WriteString("username", user.Values[users.Field("login")!.Slot] as string);
            w.WriteString("partner_write_date", WriteDate(partner));
            w.WriteString("partner_display_name", partner is null ? "" : store.Records.DisplayName(partners, partner));
            w.WriteNumber("partner_id", partnerId);
            w.WriteString("web.base.url", BaseUrl.ToString().TrimEnd('/'));
            w.WriteNumber("active_ids_limit", 20000);
            w.WriteNull("profile_session");
            w.WriteNull("profile_collectors");
            w.WriteNull("profile_params");
            w.WriteNumber("max_file_upload_size", 134217728);
            w.WriteBoolean("home_action_id", false);
            w.WritePropertyName("cache_hashes");
            w.WriteStartObject();
            w.WriteString("translations", "47e370397bdaa52b6c3235206d405efa09b4e646");
            w.WriteString("load_menus", "3c0321aed703f44151b757a66c29d906a0889838b293dc0bbed775c68c3071b4");
            w.WriteEndObject();
            w.WritePropertyName("currencies");
            w.WriteRawValue("""{"1":{"symbol":"$","position":"before","digits":[69,2]}}""");
            w.WritePropertyName("bundle_params");
            w.WriteStartObject();
            if (users.Field("lang") is { } lang)
            {
                w.WritePropertyName("lang");
                JsonOut.WriteValue(w, store, users, user, lang, true);
            }
            w.WriteEndObject();
            w.WriteBoolean("test_mode", false);
            w.WritePropertyName("view_info");
            w.WriteRawValue(ViewInfoJson);
            w.WritePropertyName("user_companies");
            w.WriteStartObject();
            w.WriteNumber("current_company", 1);
            w.WritePropertyName("allowed_companies");
            w.WriteStartObject();
            w.WritePropertyName("1");
            w.WriteStartObject();
            w.WriteNumber("id", 1);
            w.WriteString("name", company);
            w.WriteNumber("sequence", 0);
            w.WriteStartArray("child_ids");
            w.WriteEndArray();
            w.WriteBoolean("parent_id", false);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("disallowed_ancestor_companies");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteBoolean("show_effect", true);
            w.WriteBoolean("display_switch_company_menu", false);
            w.WriteString("websocket_worker_version", _version.Text.Split('+')[0] + "-2");
            w.WriteBoolean("tour_enabled", false);
            w.WriteNull("current_tour");
            w.WriteStartObject("storeData");
            w.WriteStartObject("Store");
            w.WriteNumber("action_discuss_id", 125);
            w.WritePropertyName("channel_types_with_seen_infos");
            w.WriteRawValue("""["chat","group"]""");
            w.WriteBoolean("hasGifPickerFeature", false);
            w.WriteBoolean("hasLinkPreviewFeature", true);
            w.WriteBoolean("hasMessageTranslationFeature", false);
            w.WriteNumber("internalUserGroupId", 1);
            w.WriteNumber("mt_comment_id", 1);
            w.WritePropertyName("odoobot");
            w.WriteRawValue("""{"id":2,"type":"partner"}""");
            w.WriteStartObject("self");
            w.WriteNumber("id", partnerId);
            w.WriteString("type", "partner");
            w.WriteEndObject();
            w.WritePropertyName("settings");
            WriteUserSettings(w, settingsId, uid);
            w.WriteEndObject();
            w.WriteStartArray("res.partner");
            partners.Rows.TryGetValue(2, out var bot);
            w.WriteStartObject();
            w.WriteBoolean("active", false);
            w.WriteString("email", "odoobot@example.com");
            w.WriteNumber("id", 2);
            w.WriteString("im_status", "bot");
            w.WriteBoolean("isInternalUser", true);
            w.WriteBoolean("is_company", false);
            w.WriteString("name", "OdooBot");
            w.WriteNumber("userId", 1);
            w.WriteString("write_date", WriteDate(bot));
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteBoolean("active", true);
            w.WriteNumber("id", partnerId);
            if (admin) w.WriteBoolean("isAdmin", true);
            w.WriteBoolean("isInternalUser", true);
            w.WriteString("name", partner is null ? "" : partner.Values[partners.Field("name")!.Slot] as string);
            w.WriteString("notification_preference", "email");
            w.WriteNumber("userId", uid);
            w.WriteString("write_date", WriteDate(partner));
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteBoolean("odoobot_initialized", false);
            w.WriteBoolean("iap_company_enrich", true);
            w.WriteBoolean("can_insert_in_spreadsheet", false);
            w.WriteEndObject();
        }
    }

    private static void WriteUserSettings(Utf8JsonWriter w, int id, int uid)
    {
        w.WriteStartObject();
        w.WriteNumber("id", id);
        w.WriteStartObject("user_id");
        w.WriteNumber("id", uid);
        w.WriteEndObject();
        w.WriteBoolean("is_discuss_sidebar_category_channel_open", true);
        w.WriteBoolean("is_discuss_sidebar_category_chat_open", true);
        w.WriteBoolean("push_to_talk_key", false);
        w.WriteBoolean("use_push_to_talk", false);
        w.WriteNumber("voice_active_duration", 200);
        w.WriteBoolean("channel_notifications", false);
        w.WriteBoolean("mute_until_dt", false);
        w.WritePropertyName("volumes");
        w.WriteRawValue("""[["ADD",[]]]""");
        w.WriteEndObject();
    }

    private const string ViewInfoJson =
        """{"list":{"display_name":"List","icon":"oi oi-view-list","multi_record":true},"form":{"display_name":"Form","icon":"fa fa-address-card","multi_record":false},"graph":{"display_name":"Graph","icon":"fa fa-area-chart","multi_record":true},"pivot":{"display_name":"Pivot","icon":"oi oi-view-pivot","multi_record":true},"calendar":{"display_name":"Calendar","icon":"fa fa-calendar","multi_record":true},"kanban":{"display_name":"Kanban","icon":"oi oi-view-kanban","multi_record":true},"search":{"display_name":"Search","icon":"oi oi-search","multi_record":true},"activity":{"display_name":"Activity","icon":"fa fa-clock-o","multi_record":true}}""";

    // ------------------------------------------------------------------ JSON-2

    /// <summary>
    /// <c>/json/2</c> as Odoo 19 serves it, in Odoo's order: the database (odoo/http.py Request._get_session_and_dbname,
    /// Application.__call__), the route (addons/rpc/controllers/json2.py), the Content-Type (Request._set_request_dispatcher),
    /// the bearer key (odoo/addons/base/models/ir_http.py _auth_method_bearer), the body (Json2Dispatcher.dispatch),
    /// then the model, the method and its arguments (web_json_2_rpc).
    /// </summary>
    private Reply Json2(HttpContext ctx, JsonDocument? doc, string? parseError, OdooRecordedRequest record, WebSession? session)
    {
        var request = ctx.Request;

        // _get_session_and_dbname: "elif header_dbname: ... if db_filter([header_dbname]): dbname = header_dbname",
        // "else: all_dbs = db_list(force=True); if len(all_dbs) == 1: dbname = all_dbs[0]  # monodb". No database, or one
        // that does not exist (Application.__call__: RegistryError -> _serve_nodb), is the HTML NOT_FOUND_NODB page:
        // /json/2 is not a server-wide (auth='none') route.
        var header = request.Headers["X-Odoo-Database"].FirstOrDefault();
        var hosted = Databases;
        var db = !string.IsNullOrEmpty(header)
            ? (hosted.Contains(header) ? header : null)
            : hosted.Count == 1 ? hosted[0] : null;
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
        else if (session?.Uid is not { } sessionUid)
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
            using (var scope = _store.Enter())
            {
                var store = scope.Store;
                // web_json_2_rpc: "except KeyError as exc: e = f"the model {__model__!r} does not exist"; raise NotFound(e)";
                // get_public_method's AttributeError becomes NotFound(exc.args[0]); its AccessError stays a 403.
                var t = store.Schema.TryTable(record.Model!) ?? throw OdooServerError.NotFound($"the model '{record.Model}' does not exist");
                Orm.CheckPublicMethod(store, t, record.Method!, _version.Major, json2: true);
                Orm.Execute(this, store, new OrmCall(record.Model!, record.Method!, uid.Value, OdooRequestProtocol.Json2, default, default, body), b.Writer);
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
