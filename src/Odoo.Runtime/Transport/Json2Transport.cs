using System.Text.Json;
using Odoo.Serialization;

namespace Odoo.Transport;

/// <summary>
/// Odoo 19's JSON-2 API: <c>POST /json/2/&lt;model&gt;/&lt;method&gt;</c> with <c>Authorization: bearer &lt;API key&gt;</c>,
/// <c>X-Odoo-Database</c>, and a JSON object of named arguments plus <c>ids</c> and <c>context</c>.
/// Success is a 200 whose body is the result; errors are 4xx/5xx with <c>{name, message, arguments, context, debug}</c>.
/// Thread-safe.
/// </summary>
internal sealed class Json2Transport : IOdooTransport
{
    private readonly OdooHttpConnection _http;
    private readonly string? _database;
    private readonly string _apiKey;

    public Json2Transport(OdooHttpConnection http, string? database, string apiKey)
    {
        _http = http;
        _database = string.IsNullOrEmpty(database) ? null : database;
        _apiKey = apiKey;
    }

    public OdooHttpConnection Http => _http;

    public async Task<T> ExecuteAsync<T>(OdooCall call, OdooContext context, OdooResultReader<T> reader, CancellationToken cancellationToken)
    {
        var info = CallInfo.For(call);
        using var body = new PooledBuffer();
        WriteBody(body, call, context);
        var path = "json/2/" + Uri.EscapeDataString(call.Model) + "/" + Uri.EscapeDataString(call.Method);
        using var answer = await _http.SendAsync(HttpMethod.Post, path, body, _apiKey, _database, info, cancellationToken, resendable: call.IsReadOnly).ConfigureAwait(false);
        return ReadAnswer(answer, reader, info);
    }

    private static void WriteBody(PooledBuffer body, OdooCall call, OdooContext context)
    {
        using var w = new Utf8JsonWriter(body, OdooWire.WriterOptions);
        w.WriteStartObject();
        if (call.Ids is { } ids)
        {
            w.WritePropertyName("ids");
            OdooJsonWriter.WriteValue(w, ids);
        }
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            var a = call.Arguments[i];
            if (string.IsNullOrEmpty(a.Name))
            {
                throw new ArgumentException(
                    $"{call}: argument #{i + 1} has no name, but JSON-2 sends every argument by name (there are no positional arguments). " +
                    "Give the OdooArgument the Python parameter name (for example domain, fields, vals_list, vals), or use JSON-RPC.",
                    nameof(call));
            }
            WriteNamed(w, call, a);
        }
        foreach (var kw in call.KeywordArguments)
        {
            if (string.IsNullOrEmpty(kw.Name)) throw new ArgumentException($"A keyword argument of {call} has no name.", nameof(call));
            WriteNamed(w, call, kw);
        }
        w.WritePropertyName("context");
        OdooJsonWriter.WriteValue(w, context);
        w.WriteEndObject();
        w.Flush();
    }

    private static void WriteNamed(Utf8JsonWriter w, OdooCall call, OdooArgument a)
    {
        if (a.Name is "ids" or "context")
        {
            throw new ArgumentException($"{call} passes '{a.Name}' as an argument; set OdooCall.{(a.Name == "ids" ? "Ids" : "Context")} instead.", nameof(call));
        }
        OdooJsonWriter.WriteProperty(w, a.Name!, a.Value);
    }

    /// <summary>Reads a JSON-2 answer: a 2xx body is the result; a 4xx/5xx JSON body is a typed error.</summary>
    internal T ReadAnswer<T>(HttpAnswer answer, OdooResultReader<T> reader, CallInfo info)
    {
        var redactor = _http.Redactor;
        if (!answer.IsSuccess)
        {
            if (answer.Status >= 400 && answer.Status is not (429 or 503) && answer.LooksLikeJson && TryReadError(answer) is { } error)
            {
                throw OdooServerErrors.Create(error, answer.Status, info, redactor);
            }
            throw OdooWire.HttpStatus(answer, info, redactor, Hint(answer));
        }
        if (!answer.LooksLikeJson) throw OdooWire.Protocol("a body that is not JSON", answer, info, redactor);
        try
        {
            var r = new Utf8JsonReader(answer.Body.Span, OdooWire.ReaderOptions);
            OdooJsonReader.Read(ref r);
            var result = OdooWire.InvokeReader(ref r, reader, info, redactor);
            if (r.Read()) throw OdooWire.Protocol("data after the result value", answer, info, redactor);
            return result;
        }
        catch (Exception ex) when (OdooWire.IsInvalidJson(ex))
        {
            throw OdooWire.Protocol("JSON that is invalid or cut short", answer, info, redactor, ex);
        }
    }

    /// <summary>
    /// odoo/http.py (19.0), NOT_FOUND_NODB: the HTML 404 Odoo answers, before authentication, when the request selects no
    /// database (several hosted and no <c>X-Odoo-Database</c>) or one that does not exist.
    /// </summary>
    private static ReadOnlySpan<byte> NoDatabaseMarker => "No database is selected"u8;

    /// <summary>What an HTML (non-JSON) error answer to a JSON-2 call most likely means.</summary>
    private string? Hint(HttpAnswer answer)
    {
        if (answer.LooksLikeJson) return null;
        if (answer.Status == 404 && (_database is null || answer.Body.Span.IndexOf(NoDatabaseMarker) >= 0))
        {
            return _database is null
                ? " No database was selected: set Database (sent as X-Odoo-Database); Odoo answers this page when it hosts several databases."
                : $" Odoo has no database '{_database}' (X-Odoo-Database), or its dbfilter refuses it: check Database.";
        }
        if (answer.Status == 415)
            return " Odoo 19 takes only Content-Type: application/json on /json/2.";
        return answer.Status is >= 300 and < 400 or 404
            ? " The server may not have the JSON-2 API (Odoo 19+); use JSON-RPC."
            : null;
    }

    private static ServerErrorData? TryReadError(HttpAnswer answer)
    {
        try
        {
            var r = new Utf8JsonReader(answer.Body.Span, OdooWire.ReaderOptions);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return null;
            var data = OdooWire.ReadErrorData(ref r);
            return data.Name is null && data.Message is null ? null : data;
        }
        catch (Exception ex) when (OdooWire.IsInvalidJson(ex))
        {
            return null;
        }
    }

    /// <summary><c>GET /web/version</c>: <c>{"version": "19.0", "version_info": [...]}</c>.</summary>
    public static async Task<string> GetWebVersionAsync(OdooHttpConnection http, CancellationToken cancellationToken)
    {
        var info = CallInfo.Service("web", "version");
        using var answer = await http.SendAsync(HttpMethod.Get, "web/version", null, null, null, info, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess) throw OdooWire.HttpStatus(answer, info, http.Redactor);
        if (!answer.LooksLikeJson) throw OdooWire.Protocol("a body that is not JSON", answer, info, http.Redactor);
        string? version = null;
        try
        {
            var r = new Utf8JsonReader(answer.Body.Span, OdooWire.ReaderOptions);
            OdooJsonReader.Read(ref r);
            if (r.TokenType == JsonTokenType.StartObject)
            {
                while (true)
                {
                    OdooJsonReader.Read(ref r);
                    if (r.TokenType == JsonTokenType.EndObject) break;
                    var isVersion = r.ValueTextEquals("version"u8) || r.ValueTextEquals("server_version"u8);
                    OdooJsonReader.Read(ref r);
                    if (isVersion && r.TokenType == JsonTokenType.String) version ??= r.GetString();
                    else r.Skip();
                }
            }
        }
        catch (Exception ex) when (OdooWire.IsInvalidJson(ex))
        {
            throw OdooWire.Protocol("JSON that is invalid or cut short", answer, info, http.Redactor, ex);
        }
        return version ?? throw OdooWire.Protocol("a /web/version answer without version", answer, info, http.Redactor);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _http.CloseAsync(OdooHttpConnection.DrainTimeout).ConfigureAwait(false);
        }
        finally
        {
            _http.Dispose();
        }
    }
}
