using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Odoo.Serialization;
using Odoo.Transport;

namespace Odoo.Runtime.Tests.Managers;

/// <summary>One call the manager made, with its arguments serialised as the transport would.</summary>
internal sealed record RecordedCall(OdooCall Call, JsonObject Args, JsonObject Context)
{
    public string Method => Call.Method;

    public string Model => Call.Model;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Arg(string name) => Args[name]?.ToJsonString(Relaxed) ?? "null";
}

/// <summary>
/// An in-process transport that records every call (arguments written with the real
/// <see cref="OdooJsonWriter"/>) and answers from a handler with JSON text.
/// </summary>
internal sealed class ScriptedTransport : IOdooTransport
{
    private readonly Func<RecordedCall, string> _handler;

    public ScriptedTransport(Func<RecordedCall, string> handler) => _handler = handler;

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public TimeSpan Delay { get; set; }

    public static OdooClient Client(Func<RecordedCall, string> handler, out ScriptedTransport transport, string version = "17.0", OdooContext? context = null)
    {
        transport = new ScriptedTransport(handler);
        return new OdooClient(transport, OdooVersion.Parse(version), 2, "db", context ?? OdooContext.Empty.WithLang("en_US"));
    }

    public async Task<T> ExecuteAsync<T>(OdooCall call, OdooContext context, OdooResultReader<T> reader, CancellationToken cancellationToken)
    {
        var args = new JsonObject();
        if (call.Ids is { } ids) args["ids"] = new JsonArray(ids.Select(i => (JsonNode)i).ToArray());
        foreach (var a in call.Arguments.Concat(call.KeywordArguments)) args[a.Name!] = ToNode(a.Value);
        var recorded = new RecordedCall(call, args, ToNode(context.ToDictionary(p => p.Key, p => p.Value))!.AsObject());
        Calls.Enqueue(recorded);
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
        else await Task.Yield();
        var bytes = Encoding.UTF8.GetBytes(_handler(recorded));
        return Decode(bytes, reader);
    }

    private static T Decode<T>(byte[] bytes, OdooResultReader<T> reader)
    {
        var r = new Utf8JsonReader(bytes);
        r.Read();
        return reader(ref r);
    }

    public static JsonNode? ToNode(object? value)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) OdooJsonWriter.WriteValue(w, value);
        return JsonNode.Parse(buffer.ToArray());
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A tiny model table answering search_read / read by id for paging tests.</summary>
internal sealed class IdTable
{
    private readonly SortedDictionary<int, string> _rows = [];
    private readonly object _gate = new();

    public IdTable(int count)
    {
        for (var i = 1; i <= count; i++) _rows[i] = "C" + i;
    }

    public void Delete(int id)
    {
        lock (_gate) _rows.Remove(id);
    }

    public string Handle(RecordedCall c)
    {
        lock (_gate)
        {
            IEnumerable<int> ids = _rows.Keys;
            if (c.Method == "read")
            {
                var wanted = c.Args["ids"]!.AsArray().Select(n => (int)n!).ToHashSet();
                ids = ids.Where(wanted.Contains);
            }
            else
            {
                var domain = c.Args["domain"]!.AsArray();
                foreach (var item in domain)
                {
                    if (item is JsonArray cond && (string)cond[0]! == "id" && (string)cond[1]! == ">")
                    {
                        var after = (int)cond[2]!;
                        ids = ids.Where(i => i > after);
                    }
                }
                if (c.Args["limit"] is JsonValue lim) ids = ids.Take((int)lim);
            }
            return "[" + string.Join(",", ids.Select(i => $$"""{"id":{{i}},"code":"{{_rows[i]}}","allowed_uses":1}""")) + "]";
        }
    }
}
