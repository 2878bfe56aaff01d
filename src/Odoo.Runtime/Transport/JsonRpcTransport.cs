using System.Text.Json;
using Odoo.Serialization;

namespace Odoo.Transport;

/// <summary>
/// JSON-RPC over <c>/jsonrpc</c>: <c>object.execute_kw(db, uid, password, model, method, args, kwargs)</c>
/// in Odoo's JSON-RPC 2.0 envelope. Also sends the service calls used to connect
/// (<c>/web/webclient/version_info</c>, <c>common.login</c>, <c>object.execute</c>). Thread-safe.
/// </summary>
internal sealed class JsonRpcTransport : IOdooTransport
{
    private readonly OdooHttpConnection _http;
    private readonly string _database;
    private readonly string _secret;
    private long _nextId;

    public JsonRpcTransport(OdooHttpConnection http, string database, string secret)
    {
        _http = http;
        _database = database;
        _secret = secret;
        _nextId = Random.Shared.Next(1, 1_000_000);
    }

    /// <summary>The user id, set once login succeeded.</summary>
    public int UserId { get; set; }

    public OdooHttpConnection Http => _http;

    private long NextId() => Interlocked.Increment(ref _nextId);

    public async Task<T> ExecuteAsync<T>(OdooCall call, OdooContext context, OdooResultReader<T> reader, CancellationToken cancellationToken)
    {
        var info = CallInfo.For(call);
        using var body = new PooledBuffer();
        WriteExecuteKw(body, call, context);
        using var answer = await _http.SendAsync(HttpMethod.Post, "jsonrpc", body, null, null, info, cancellationToken).ConfigureAwait(false);
        return ReadEnvelope(answer, reader, info);
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
        w.WriteStartArray();
        if (call.Ids is { } ids) OdooJsonWriter.WriteValue(w, ids);
        foreach (var a in call.Arguments) OdooJsonWriter.WriteValue(w, a.Value);
        w.WriteEndArray();
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
        WriteEnvelopeEnd(w);
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

    /// <summary><c>POST /web/webclient/version_info</c> with <c>params: {}</c>; returns <c>result.server_version</c>.</summary>
    public async Task<string> GetVersionInfoAsync(CancellationToken cancellationToken)
    {
        var info = CallInfo.Service("web", "version_info");
        using var body = new PooledBuffer(128);
        using (var w = new Utf8JsonWriter(body, OdooWire.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WriteString("method", "call");
            w.WritePropertyName("params");
            w.WriteStartObject();
            w.WriteEndObject();
            w.WriteNumber("id", NextId());
            w.WriteEndObject();
        }
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
        return ReadEnvelope(answer, static (ref Utf8JsonReader r) => r.TokenType switch
        {
            JsonTokenType.Number => r.TryGetInt32(out var uid) ? uid : throw OdooJsonReader.Unexpected(ref r, "a user id"),
            JsonTokenType.False or JsonTokenType.Null => 0,
            _ => throw OdooJsonReader.Unexpected(ref r, "a user id or false"),
        }, info);
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
            OdooWire.Next(ref r);
            if (r.TokenType != JsonTokenType.StartObject) throw OdooWire.Protocol("JSON that is not a JSON-RPC envelope", answer, info, redactor);
            while (true)
            {
                OdooWire.Next(ref r);
                if (r.TokenType == JsonTokenType.EndObject) break;
                if (r.ValueTextEquals("result"u8))
                {
                    OdooWire.Next(ref r);
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
                    OdooWire.Next(ref r);
                    if (r.TokenType is JsonTokenType.Null or JsonTokenType.False) continue;
                    error = ReadRpcError(ref r);
                }
                else
                {
                    OdooWire.Next(ref r);
                    r.Skip();
                }
            }
            if (r.Read()) throw OdooWire.Protocol("data after the JSON-RPC envelope", answer, info, redactor);
        }
        catch (JsonException ex)
        {
            throw OdooWire.Protocol("JSON that is invalid or cut short", answer, info, redactor, ex);
        }
        if (error is not null) throw OdooWire.ServerError(error, answer.Status, info, redactor);
        if (!hasResult) throw OdooWire.Protocol("a JSON-RPC envelope with neither result nor error", answer, info, redactor);
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
            OdooWire.Next(ref r);
            if (r.TokenType == JsonTokenType.EndObject) return data;
            if (r.ValueTextEquals("data"u8))
            {
                OdooWire.Next(ref r);
                OdooWire.ReadErrorData(ref r, data);
            }
            else if (r.ValueTextEquals("message"u8))
            {
                OdooWire.Next(ref r);
                data.EnvelopeMessage = r.TokenType == JsonTokenType.String ? r.GetString() : null;
                if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) r.Skip();
            }
            else if (r.ValueTextEquals("code"u8))
            {
                OdooWire.Next(ref r);
                if (r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var code)) data.Code = code;
                else r.Skip();
            }
            else
            {
                OdooWire.Next(ref r);
                r.Skip();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
