using System.Text.Json;

namespace Odoo.Testing.Internal;

/// <summary>The arguments of one ORM call, before binding.</summary>
internal readonly record struct OrmCall(
    string Model,
    string Method,
    int Uid,
    OdooRequestProtocol Protocol,
    JsonElement Args,
    JsonElement Kwargs,
    JsonElement Json2Body);

/// <summary>Runs ORM methods (built-in and registered) and writes their JSON result.</summary>
internal static class Orm
{
    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement;
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;

    /// <summary>A built-in method: its Python signature after <c>self</c> and its implementation, side by side.</summary>
    /// <param name="Run">The implementation, run after the arguments are bound to <paramref name="Params"/>.</param>
    /// <param name="HasIds">A record method (no <c>@api.model</c>): the ids come first over JSON-RPC.</param>
    /// <param name="Params">The named parameters, in order.</param>
    /// <param name="Required">The parameters without a default, in order.</param>
    /// <param name="VarKeywords">The extra keywords a <c>**kwargs</c> accepts (search_read's <c>**read_kwargs</c>: <c>load</c>).</param>
    private sealed record Builtin(BuiltinRun Run, bool HasIds, string[] Params, string[]? Required = null, string[]? VarKeywords = null);

    /// <summary>A built-in's implementation: checks access, runs it on the store and writes its JSON result.</summary>
    private delegate void BuiltinRun(in Invocation x, Utf8JsonWriter w);

    private static readonly Dictionary<string, Builtin> Builtins = new(StringComparer.Ordinal)
    {
        ["search"] = new(Search, false, ["domain", "offset", "limit", "order"], ["domain"]),
        ["search_read"] = new(SearchRead, false, ["domain", "fields", "offset", "limit", "order"], VarKeywords: ["load"]),
        ["search_count"] = new(SearchCount, false, ["domain", "limit"], ["domain"]),
        ["read"] = new(Read, true, ["fields", "load"]),
        ["create"] = new(Create, false, ["vals_list"], ["vals_list"]),
        ["write"] = new(Write, true, ["vals"], ["vals"]),
        ["update"] = new(Write, true, ["values"], ["values"]),
        ["unlink"] = new(Unlink, true, []),
        ["copy"] = new(Copy, true, ["default"]),
        ["fields_get"] = new(FieldsGet, false, ["allfields", "attributes"]),
        ["name_search"] = new(NameSearch, false, ["name", "domain", "operator", "limit"]),
        ["name_create"] = new(NameCreate, false, ["name"], ["name"]),
        ["default_get"] = new(DefaultGet, false, ["fields_list"], ["fields_list"]),
        ["exists"] = new(Exists, true, []),
        ["action_archive"] = new(Archive, true, []),
        ["action_unarchive"] = new(Archive, true, []),
        ["check_access_rights"] = new(CheckAccessRights, false, ["operation", "raise_exception"], ["operation"]),
        ["context_get"] = new(ContextGet, false, []),
    };

    /// <summary>Whether <paramref name="method"/> exists on the model (built-in or registered).</summary>
    public static bool MethodExists(Store store, ModelTable t, string method)
    {
        if (store.Schema.Methods.ContainsKey((t.Name, method))) return true;
        if (method == "context_get") return t.Name == "res.users";
        if (method is "action_archive" or "action_unarchive") return t.Active is not null;
        return Builtins.ContainsKey(method);
    }

    /// <summary>
    /// Odoo 19's <c>@api.private</c> built-ins (odoo/orm/models.py: <c>@api.private def exists(self)</c>,
    /// <c>@api.private def update(self, values)</c>): refused over RPC like names starting with <c>_</c>.
    /// </summary>
    private static bool IsPrivate(string method, int major)
        => method.StartsWith('_') || (major >= 19 && method is "exists" or "update");

    /// <summary>
    /// odoo/service/model.py (19.0), get_public_method:
    /// <c>e = f"Private methods (such as '{model._name}.{name}') cannot be called remotely."</c>, raised as <c>AccessError(e)</c>.
    /// </summary>
    public static OdooServerError PrivateMethod(string model, string method, int major)
        => OdooServerError.AccessError(major >= 19
            ? $"Private methods (such as '{model}.{method}') cannot be called remotely."
            : $"Private methods (such as {method}) cannot be called remotely.");

    /// <summary>odoo/service/model.py (19.0), get_public_method: <c>raise AttributeError(f"The method '{model._name}.{name}' does not exist")</c>.</summary>
    public static string UnknownMethodMessage(string model, string method, int major)
        => major >= 19 ? $"The method '{model}.{method}' does not exist" : $"The method '{method}' does not exist on the model '{model}'";

    public static OdooServerError UnknownMethod(string model, string method, int major)
        => new("builtins.AttributeError", UnknownMethodMessage(model, method, major));

    /// <summary>
    /// The checks of get_public_method, in its order (odoo/service/model.py, 19.0): a name starting with
    /// <c>_</c> is an <c>AccessError</c>; a missing method an <c>AttributeError</c> (JSON-2 turns it into a 404
    /// <c>NotFound</c>, addons/rpc/controllers/json2.py); an <c>@api.private</c> one an <c>AccessError</c>.
    /// </summary>
    public static void CheckPublicMethod(Store store, ModelTable t, string method, int major, bool json2)
    {
        if (method.StartsWith('_')) throw PrivateMethod(t.Name, method, major);
        if (!MethodExists(store, t, method))
            throw json2 ? OdooServerError.NotFound(UnknownMethodMessage(t.Name, method, major)) : UnknownMethod(t.Name, method, major);
        if (IsPrivate(method, major) && !store.Schema.Methods.ContainsKey((t.Name, method))) throw PrivateMethod(t.Name, method, major);
    }

    /// <summary>Runs the call (the caller holds the lock) and writes its result.</summary>
    public static void Execute(OdooTestServer server, Store store, in OrmCall call, Utf8JsonWriter w)
    {
        var t = store.Schema.Table(call.Model);
        var major = server.MajorVersion;
        CheckPublicMethod(store, t, call.Method, major, call.Protocol == OdooRequestProtocol.Json2);
        var c = call;
        store.Records.Transaction(() =>
        {
            if (store.Schema.Methods.TryGetValue((t.Name, c.Method), out var reg)) RunCustom(server, t, reg, c, w);
            else RunBuiltin(store, t, Builtins[c.Method], c, major, w);
            return true;
        });
    }

    private static JsonElement ContextOf(in OrmCall call)
    {
        if (call.Protocol == OdooRequestProtocol.Json2)
            return call.Json2Body.ValueKind == JsonValueKind.Object && call.Json2Body.TryGetProperty("context", out var c2) && c2.ValueKind == JsonValueKind.Object ? c2 : EmptyObject;
        return call.Kwargs.ValueKind == JsonValueKind.Object && call.Kwargs.TryGetProperty("context", out var c) && c.ValueKind == JsonValueKind.Object ? c : EmptyObject;
    }

    private static List<int> ParseIds(JsonElement v, string method)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Number: return [v.GetInt32()];
            case JsonValueKind.Array:
                var list = new List<int>(v.GetArrayLength());
                foreach (var e in v.EnumerateArray())
                {
                    if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var id))
                        throw OdooServerError.TypeError($"{method}() expects record ids, got {v.GetRawText()}");
                    list.Add(id);
                }
                return list;
            case JsonValueKind.Null or JsonValueKind.False or JsonValueKind.Undefined: return [];
            default: throw OdooServerError.TypeError($"{method}() expects record ids, got {v.GetRawText()}");
        }
    }

    private static void RunCustom(OdooTestServer server, ModelTable t, MethodRegistration reg, in OrmCall call, Utf8JsonWriter w)
    {
        IReadOnlyList<int> ids = [];
        JsonElement args, kwargs;
        if (call.Protocol == OdooRequestProtocol.Json2)
        {
            args = EmptyArray;
            var body = call.Json2Body;
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("ids", out var idsEl)) ids = ParseIds(idsEl, call.Method);
            // addons/rpc/controllers/json2.py, web_json_2_rpc:
            // if hasattr(func, '_api_model') and ids: raise UnprocessableEntity(f"cannot call {__model__}.{__method__} with ids")
            if (reg.Kind == OdooMethodKind.Model && ids.Count > 0)
                throw OdooServerError.UnprocessableEntity($"cannot call {t.Name}.{call.Method} with ids");
            kwargs = WithoutKeys(body, "ids", "context");
        }
        else
        {
            args = call.Args.ValueKind == JsonValueKind.Array ? call.Args : EmptyArray;
            if (reg.Kind == OdooMethodKind.Records)
            {
                if (args.GetArrayLength() == 0)
                    throw OdooServerError.TypeError($"{call.Method}() missing 1 required positional argument: 'self'");
                ids = ParseIds(args[0], call.Method);
                args = Slice(args, 1);
            }
            kwargs = WithoutKeys(call.Kwargs, "context");
        }
        var result = reg.Handler(new OdooMethodCall(server, t.Name, call.Method, call.Uid, ids, args, kwargs, ContextOf(call), call.Protocol));
        if (result is null) w.WriteNullValue();
        else result.WriteTo(w);
    }

    private static JsonElement Slice(JsonElement array, int start)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            var i = 0;
            foreach (var e in array.EnumerateArray())
                if (i++ >= start) e.WriteTo(writer);
            writer.WriteEndArray();
        }
        return JsonDocument.Parse(buffer.WrittenMemory).RootElement;
    }

    private static JsonElement WithoutKeys(JsonElement obj, params string[] keys)
    {
        if (obj.ValueKind != JsonValueKind.Object) return EmptyObject;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var p in obj.EnumerateObject())
                if (Array.IndexOf(keys, p.Name) < 0) p.WriteTo(writer);
            writer.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.WrittenMemory).RootElement;
    }

    /// <summary>Binds positional and keyword arguments to a built-in's parameters, like Python would.</summary>
    private static Dictionary<string, JsonElement> Bind(Builtin b, in OrmCall call, out List<int> ids)
    {
        var named = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        ids = [];
        var m = call.Method;
        void Put(string name, JsonElement value)
        {
            if (m == "name_search" && name == "args") name = "domain";
            if (Array.IndexOf(b.Params, name) < 0)
            {
                if (b.VarKeywords is { } extra && Array.IndexOf(extra, name) >= 0) return;
                if (b.VarKeywords is not null)
                    throw OdooServerError.TypeError($"BaseModel._read_format() got an unexpected keyword argument '{name}'");
                throw OdooServerError.TypeError($"BaseModel.{m}() got an unexpected keyword argument '{name}'");
            }
            if (!named.TryAdd(name, value))
                throw OdooServerError.TypeError($"BaseModel.{m}() got multiple values for argument '{name}'");
        }
        if (call.Protocol == OdooRequestProtocol.Json2)
        {
            ids = Json2Bind(b, call, named);
            return named;
        }
        else
        {
            var pos = 0;
            if (call.Args.ValueKind == JsonValueKind.Array)
            {
                foreach (var a in call.Args.EnumerateArray())
                {
                    if (b.HasIds && pos == 0) { ids = ParseIds(a, m); pos++; continue; }
                    var index = b.HasIds ? pos - 1 : pos;
                    if (index >= b.Params.Length)
                        throw OdooServerError.TypeError($"{m}() takes {b.Params.Length + 1} positional arguments but {call.Args.GetArrayLength() + (b.HasIds ? 0 : 1)} were given");
                    named[b.Params[index]] = a;
                    pos++;
                }
            }
            if (call.Kwargs.ValueKind == JsonValueKind.Object)
                foreach (var p in call.Kwargs.EnumerateObject())
                    if (p.Name != "context") Put(p.Name, p.Value);
        }
        if (b.Required is not null)
            foreach (var r in b.Required)
                if (!named.ContainsKey(r))
                    throw OdooServerError.TypeError($"{m}() missing 1 required positional argument: '{r}'");
        return named;
    }

    /// <summary>
    /// Binds a JSON-2 body like addons/rpc/controllers/json2.py (19.0), web_json_2_rpc: <c>ids</c> and <c>context</c>
    /// are the route's own parameters, every other key is a keyword; <c>if hasattr(func, '_api_model') and ids:
    /// raise UnprocessableEntity(f"cannot call {model}.{method} with ids")</c>; then
    /// <c>signature.bind(records, **kwargs)</c>, whose <c>TypeError</c> becomes <c>UnprocessableEntity(exc.args[0])</c>.
    /// Python's inspect.Signature._bind reports the first missing parameter ("missing a required argument: 'domain'")
    /// before a leftover keyword ("got an unexpected keyword argument 'x'").
    /// </summary>
    private static List<int> Json2Bind(Builtin b, in OrmCall call, Dictionary<string, JsonElement> named)
    {
        List<int> ids = [];
        var extra = new List<string>();
        if (call.Json2Body.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in call.Json2Body.EnumerateObject())
            {
                if (p.Name == "context") continue;
                if (p.Name == "ids") { ids = ParseIds(p.Value, call.Method); continue; }
                if (Array.IndexOf(b.Params, p.Name) >= 0) named[p.Name] = p.Value; // a repeated key: the last wins, as in json.loads
                else if (!extra.Contains(p.Name)) extra.Add(p.Name);
            }
        }
        if (!b.HasIds && ids.Count > 0)
            throw OdooServerError.UnprocessableEntity($"cannot call {call.Model}.{call.Method} with ids");
        if (b.Required is not null)
            foreach (var r in b.Required)
                if (!named.ContainsKey(r))
                    throw OdooServerError.UnprocessableEntity($"missing a required argument: '{r}'");
        foreach (var name in extra)
        {
            if (b.VarKeywords is null) throw OdooServerError.UnprocessableEntity($"got an unexpected keyword argument '{name}'");
            // search_read(..., **read_kwargs) binds anything; what _read_format(fnames, load=...) does not take fails inside (HTTP 500).
            if (Array.IndexOf(b.VarKeywords, name) < 0)
                throw OdooServerError.TypeError($"BaseModel._read_format() got an unexpected keyword argument '{name}'");
        }
        return ids;
    }

    private static JsonElement Arg(Dictionary<string, JsonElement> named, string name)
        => named.TryGetValue(name, out var v) ? v : default;

    private static int? OptInt(Dictionary<string, JsonElement> named, string name, string method)
    {
        var v = Arg(named, name);
        if (v.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)) return i;
        throw OdooServerError.TypeError($"{method}(): '{name}' must be an integer, got {v.GetRawText()}");
    }

    private static string? OptString(Dictionary<string, JsonElement> named, string name)
    {
        var v = Arg(named, name);
        return v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    private static FieldDef[] ResolveFields(ModelTable t, JsonElement fields)
    {
        if (fields.ValueKind != JsonValueKind.Array || fields.GetArrayLength() == 0) return t.Fields;
        var list = new List<FieldDef>(fields.GetArrayLength());
        foreach (var e in fields.EnumerateArray())
        {
            var name = e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
            var f = t.Field(name) ?? throw RecordStore.InvalidField(t, name);
            if (f.Storage != FieldStorage.Id && !list.Contains(f)) list.Add(f);
        }
        return [.. list];
    }

    private static bool ActiveTest(JsonElement context)
        => !(context.TryGetProperty("active_test", out var at) && at.ValueKind == JsonValueKind.False);

    /// <summary>Odoo 19 renamed default_get's parameter: odoo/orm/models.py <c>def default_get(self, fields: Sequence[str])</c> (18: <c>fields_list</c>).</summary>
    private static readonly Builtin DefaultGet19 = new(DefaultGet, false, ["fields"], ["fields"]);

    /// <summary>The bound arguments of one built-in call, as its implementation reads them.</summary>
    private readonly record struct Invocation(
        Store Store, ModelTable Table, OrmCall Call, Dictionary<string, JsonElement> Named, List<int> Ids, int Major, bool ActiveTest)
    {
        public int Uid => Call.Uid;
    }

    private static void RunBuiltin(Store store, ModelTable t, Builtin b, in OrmCall call, int major, Utf8JsonWriter w)
    {
        if (call.Method == "default_get" && major >= 19) b = DefaultGet19;
        var named = Bind(b, call, out var ids);
        b.Run(new Invocation(store, t, call, named, ids, major, ActiveTest(ContextOf(call))), w);
    }


    private static void Search(in Invocation x, Utf8JsonWriter w)
    {
        var (store, t, _, named, _, _, activeTest) = x;
        var uid = x.Uid;
        store.Access.Check(t, OdooOperation.Read, uid);
        var rows = store.Records.Search(t, Arg(named, "domain"), OptInt(named, "offset", "search") ?? 0, OptInt(named, "limit", "search"), OptString(named, "order"), activeTest);
        w.WriteStartArray();
        foreach (var r in rows) w.WriteNumberValue(r.Id);
        w.WriteEndArray();
    }

    private static void SearchRead(in Invocation x, Utf8JsonWriter w)
    {
        var (store, t, _, named, _, _, activeTest) = x;
        var uid = x.Uid;
        store.Access.Check(t, OdooOperation.Read, uid);
        var fields = ResolveFields(t, Arg(named, "fields"));
        var rows = store.Records.Search(t, Arg(named, "domain"), OptInt(named, "offset", "search_read") ?? 0, OptInt(named, "limit", "search_read"), OptString(named, "order"), activeTest);
        JsonOut.WriteRows(w, store, t, rows, fields, activeTest);
    }

    private static void SearchCount(in Invocation x, Utf8JsonWriter w)
    {
        var (store, t, _, named, _, _, activeTest) = x;
        var uid = x.Uid;
        store.Access.Check(t, OdooOperation.Read, uid);
        var limit = OptInt(named, "limit", "search_count");
        var rows = store.Records.Search(t, Arg(named, "domain"), 0, limit, null, activeTest);
        w.WriteNumberValue(rows.Count);
    }

    private static void Read(in Invocation x, Utf8JsonWriter w)
    {
        var (store, t, _, named, ids, _, activeTest) = x;
        var uid = x.Uid;
        store.Access.Check(t, OdooOperation.Read, uid);
        var fields = ResolveFields(t, Arg(named, "fields"));
        var rows = store.Records.ExistingRows(t, ids, raiseMissing: false, uid);
        JsonOut.WriteRows(w, store, t, rows, fields, activeTest);
    }

    private static void Create(in Invocation x, Utf8JsonWriter w)
    {
        var (store, t, call, named, _, _, _) = x;
        var uid = x.Uid;
        store.Access.Check(t, OdooOperation.Create, uid);
        var vals = Arg(named, "vals_list");
        if (vals.ValueKind == JsonValueKind.Array)
        {
            var created = new List<int>();
            foreach (var v in vals.EnumerateArray()) created.Add(store.Records.Create(t, v, uid));
            w.WriteStartArray();
            foreach (var id in created) w.WriteNumberValue(id);
            w.WriteEndArray();
        }
        else
        {
            var id = store.Records.Create(t, vals, uid);
            if (call.Protocol == OdooRequestProtocol.Json2)
            {
                w.WriteStartArray();
                w.WriteNumberValue(id);
                w.WriteEndArray();
            }
            else w.WriteNumberValue(id);
        }
    }

    private static void Write(in Invocation x, Utf8JsonWriter w)
    {
        var (store, t, call, named, ids, _, _) = x;
        var uid = x.Uid;
        store.Access.Check(t, OdooOperation.Write, uid);
        store.Records.Write(t, ids, Arg(named, call.Method == "write" ? "vals" : "values"), uid);
        if (call.Method == "write") w.WriteBooleanValue(true);
        else w.WriteNullValue();
    }

    private static void Unlink(in Invocation x, Utf8JsonWriter w)
    {
        var (store, t, _, _, ids, _, _) = x;
        var uid = x.Uid;
        store.Access.Check(t, OdooOperation.Unlink, uid);
        store.Records.Unlink(t, ids, uid);
        w.WriteBooleanValue(true);
    }

    private static void Copy(in Invocation x, Utf8JsonWriter w)
    {
        var (store, t, call, named, ids, _, _) = x;
        var uid = x.Uid;
        store.Access.Check(t, OdooOperation.Create, uid);
        var def = Arg(named, "default");
        var created = new List<int>();
        foreach (var id in ids.Distinct()) created.Add(store.Records.Copy(t, id, def.ValueKind == JsonValueKind.Object ? def : null, uid));
        if (created.Count == 1 && call.Protocol != OdooRequestProtocol.Json2) w.WriteNumberValue(created[0]);
        else
        {
            w.WriteStartArray();
            foreach (var id in created) w.WriteNumberValue(id);
            w.WriteEndArray();
        }
    }

    private static void FieldsGet(in Invocation x, Utf8JsonWriter w)
    {
        var (_, t, _, named, _, _, _) = x;
        static HashSet<string>? Names(JsonElement e) => e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToHashSet(StringComparer.Ordinal)
            : null;
        var all = Names(Arg(named, "allfields"));
        if (all is { Count: 0 }) all = null;
        JsonOut.WriteFieldsGet(w, t, all, Names(Arg(named, "attributes")));
    }

    private static void NameSearch(in Invocation x, Utf8JsonWriter w)
    {
        var (store, t, _, named, _, _, activeTest) = x;
        var uid = x.Uid;
        store.Access.Check(t, OdooOperation.Read, uid);
        var name = OptString(named, "name") ?? "";
        var op = OptString(named, "operator") ?? "ilike";
        var limit = OptInt(named, "limit", "name_search") ?? 100;
        var domain = Arg(named, "domain");
        var rows = store.Records.Search(t, domain, 0, null, null, activeTest);
        var matches = new List<Row>();
        if (name.Length == 0 && op is "ilike" or "like" or "=ilike" or "=like")
            matches = rows;
        else
        {
            var test = NameTest(op, name);
            foreach (var r in rows)
                if (test(store.Records.DisplayName(t, r))) matches.Add(r);
        }
        w.WriteStartArray();
        foreach (var r in matches.Take(limit))
        {
            w.WriteStartArray();
            w.WriteNumberValue(r.Id);
            w.WriteStringValue(store.Records.DisplayName(t, r));
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static void NameCreate(in Invocation x, Utf8JsonWriter w)
    {
        var (store, t, _, named, _, _, _) = x;
        var uid = x.Uid;
        store.Access.Check(t, OdooOperation.Create, uid);
        var rec = t.RecName ?? throw OdooServerError.UserError($"Cannot execute name_create, no _rec_name defined on {t.Name}");
        var doc = JsonSerializer.SerializeToElement(new Dictionary<string, object?> { [rec.Name] = OptString(named, "name") });
        var id = store.Records.Create(t, doc, uid);
        w.WriteStartArray();
        w.WriteNumberValue(id);
        w.WriteStringValue(store.Records.DisplayName(t, t.Rows[id]));
        w.WriteEndArray();
    }

    private static void DefaultGet(in Invocation x, Utf8JsonWriter w)
    {
        var (_, t, _, named, _, major, _) = x;
        var wanted = Arg(named, major >= 19 ? "fields" : "fields_list");
        w.WriteStartObject();
        foreach (var e in wanted.ValueKind == JsonValueKind.Array ? wanted.EnumerateArray().ToArray() : [])
        {
            if (e.ValueKind != JsonValueKind.String || t.Field(e.GetString()!) is not { } f) continue;
            var def = f.Schema.DefaultFactory is { } fac ? fac() : f.Schema.Default;
            if (def is null) continue;
            w.WritePropertyName(f.JsonName);
            var stored = Values.FromClr(t, f, def);
            WriteDefault(w, f, stored);
        }
        w.WriteEndObject();
    }

    private static void Exists(in Invocation x, Utf8JsonWriter w)
    {
        var (store, t, _, _, ids, _, _) = x;
        var uid = x.Uid;
        w.WriteStartArray();
        foreach (var r in store.Records.ExistingRows(t, ids, raiseMissing: false, uid)) w.WriteNumberValue(r.Id);
        w.WriteEndArray();
    }

    private static void Archive(in Invocation x, Utf8JsonWriter w)
    {
        var (store, t, call, _, ids, _, _) = x;
        var uid = x.Uid;
        store.Access.Check(t, OdooOperation.Write, uid);
        var doc = JsonSerializer.SerializeToElement(new Dictionary<string, bool> { ["active"] = call.Method == "action_unarchive" });
        store.Records.Write(t, ids, doc, uid);
        w.WriteBooleanValue(true);
    }

    private static void CheckAccessRights(in Invocation x, Utf8JsonWriter w)
    {
        var (store, t, _, named, _, _, _) = x;
        var uid = x.Uid;
        var op = OptString(named, "operation") switch
        {
            "read" => OdooOperation.Read,
            "write" => OdooOperation.Write,
            "create" => OdooOperation.Create,
            "unlink" => OdooOperation.Unlink,
            var o => throw OdooServerError.ValueError($"Invalid access mode: {o}"),
        };
        var raise = Arg(named, "raise_exception").ValueKind != JsonValueKind.False;
        try
        {
            store.Access.Check(t, op, uid);
            w.WriteBooleanValue(true);
        }
        catch (OdooServerError) when (!raise)
        {
            w.WriteBooleanValue(false);
        }
    }

    private static void ContextGet(in Invocation x, Utf8JsonWriter w)
    {
        var store = x.Store;
        var uid = x.Uid;
        var users = store.Schema.Table("res.users");
        w.WriteStartObject();
        if (users.Rows.TryGetValue(uid, out var user))
        {
            foreach (var key in (ReadOnlySpan<string>)["lang", "tz"])
            {
                if (users.Field(key) is not { } f) continue;
                w.WritePropertyName(key);
                JsonOut.WriteValue(w, store, users, user, f, true);
            }
        }
        // Odoo's res.users.context_get puts the caller's uid in the context; JSON-2 clients read it from there.
        w.WriteNumber("uid", uid);
        w.WriteEndObject();
    }


    private static void WriteDefault(Utf8JsonWriter w, FieldDef f, object? stored)
    {
        switch (stored)
        {
            case null: w.WriteBooleanValue(false); break;
            case string s: w.WriteStringValue(s); break;
            case long l: w.WriteNumberValue(l); break;
            case double d: JsonOut.WritePyFloat(w, d); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case List<int> list:
                w.WriteStartArray();
                foreach (var i in list) w.WriteNumberValue(i);
                w.WriteEndArray();
                break;
            case JsonElement je: je.WriteTo(w); break;
            default: w.WriteStringValue(stored.ToString()); break;
        }
        _ = f;
    }

    private static Func<string, bool> NameTest(string op, string name)
    {
        switch (op)
        {
            case "=": return n => n == name;
            case "!=": return n => n != name;
            case "like" or "ilike" or "=like" or "=ilike":
            {
                var p = new LikePattern(op is "like" or "ilike" ? "%" + name + "%" : name, op is "ilike" or "=ilike");
                return p.IsMatch;
            }
            case "not like" or "not ilike":
            {
                var p = new LikePattern("%" + name + "%", op == "not ilike");
                return n => !p.IsMatch(n);
            }
            default: throw OdooServerError.ValueError($"Invalid operator {op} for name_search");
        }
    }
}
