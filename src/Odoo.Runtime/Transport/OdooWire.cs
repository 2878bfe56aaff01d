using System.Text;
using System.Text.Json;
using Odoo.Serialization;

namespace Odoo.Transport;

/// <summary>An error object as Odoo sends it (JSON-RPC <c>error.data</c>, or a JSON-2 error body).</summary>
internal sealed class ServerErrorData
{
    public string? Name { get; set; }

    public string? Message { get; set; }

    public List<string> Arguments { get; } = [];

    public string? Debug { get; set; }

    /// <summary>The JSON-RPC <c>error.message</c> (for example "Odoo Server Error").</summary>
    public string? EnvelopeMessage { get; set; }

    /// <summary>The JSON-RPC <c>error.code</c> (200 for server errors, 100 for session expiry).</summary>
    public int? Code { get; set; }
}

/// <summary>Protocol-independent pieces of the wire: reading results and errors, and building exceptions.</summary>
internal static class OdooWire
{
    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 512 };

    public static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = false, Indented = false };

    /// <summary>Calls <paramref name="reader"/> on the value at the reader's position and checks it read exactly that value.</summary>
    public static T InvokeReader<T>(ref Utf8JsonReader r, OdooResultReader<T> reader, CallInfo info, SecretRedactor redactor)
    {
        var startDepth = r.CurrentDepth;
        var startToken = r.TokenType;
        var startIndex = r.TokenStartIndex;
        T value;
        try
        {
            value = reader(ref r);
        }
        catch (OdooValueException ex) when (redactor.Leaks(ex))
        {
            // A decoder quoted a value that holds a secret: keep the kind, lose the secret.
            throw new OdooValueException(redactor.Redact(ex.Message)) { Model = info.Model, Method = info.Method, Ids = info.Ids };
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException
            || (ex is OdooProtocolException p && p.Model is null && p.Method is null))
        {
            var leaks = redactor.Leaks(ex);
            throw new OdooProtocolException($"The result of {info.Description} could not be decoded: {redactor.Redact(ex.Message)}", leaks ? null : ex)
            {
                Model = info.Model,
                Method = info.Method,
                Ids = info.Ids,
                BodyExcerpt = redactor.Redact((ex as OdooProtocolException)?.BodyExcerpt),
            };
        }
        catch (OdooException ex) when (redactor.Leaks(ex))
        {
            throw new OdooProtocolException($"The result of {info.Description} could not be decoded: {redactor.Redact(ex.Message)}")
            {
                Model = info.Model,
                Method = info.Method,
                Ids = info.Ids,
            };
        }
        var consumedExactly = startToken switch
        {
            JsonTokenType.StartObject => r.TokenType == JsonTokenType.EndObject && r.CurrentDepth == startDepth,
            JsonTokenType.StartArray => r.TokenType == JsonTokenType.EndArray && r.CurrentDepth == startDepth,
            _ => r.TokenStartIndex == startIndex,
        };
        if (!consumedExactly)
        {
            throw new InvalidOperationException(
                $"The result reader for {info.Description} did not consume exactly the result value (it must leave the reader on the value's last token).");
        }
        return value;
    }

    /// <summary>Reads an error object (<c>{name, message, arguments, context, debug}</c>); the reader is on its <c>{</c> and is left on its <c>}</c>.</summary>
    public static ServerErrorData ReadErrorData(ref Utf8JsonReader r, ServerErrorData? into = null)
    {
        var data = into ?? new ServerErrorData();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return data;
        }
        while (true)
        {
            OdooJsonReader.Read(ref r);
            if (r.TokenType == JsonTokenType.EndObject) return data;
            if (r.ValueTextEquals("name"u8)) { OdooJsonReader.Read(ref r); data.Name = ReadText(ref r); }
            else if (r.ValueTextEquals("message"u8)) { OdooJsonReader.Read(ref r); data.Message = ReadText(ref r); }
            else if (r.ValueTextEquals("debug"u8)) { OdooJsonReader.Read(ref r); data.Debug = ReadText(ref r); }
            else if (r.ValueTextEquals("arguments"u8))
            {
                OdooJsonReader.Read(ref r);
                if (r.TokenType == JsonTokenType.StartArray)
                {
                    while (true)
                    {
                        OdooJsonReader.Read(ref r);
                        if (r.TokenType == JsonTokenType.EndArray) break;
                        data.Arguments.Add(r.TokenType == JsonTokenType.String ? r.GetString()! : JsonElement.ParseValue(ref r).GetRawText());
                    }
                }
                else
                {
                    r.Skip();
                }
            }
            else
            {
                OdooJsonReader.Read(ref r);
                r.Skip();
            }
        }
    }

    private static string? ReadText(ref Utf8JsonReader r)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                return r.GetString();
            case JsonTokenType.Null:
            case JsonTokenType.False:
                return null;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                return JsonElement.ParseValue(ref r).GetRawText();
            default:
                return Encoding.UTF8.GetString(r.ValueSpan);
        }
    }

    /// <summary>
    /// Whether reading an answer's JSON failed because it is invalid or ends too soon: a <see cref="JsonException"/>, or the
    /// <see cref="OdooJsonReader.Read"/> error, which names no call yet (the transports add the call and the body).
    /// </summary>
    public static bool IsInvalidJson(Exception ex) => ex is JsonException or OdooProtocolException { Model: null, Method: null, BodyExcerpt: null };

    /// <summary>The first <see cref="OdooProtocolException.MaxQuotedLength"/> characters of a body, redacted.</summary>
    public static string Excerpt(ReadOnlySpan<byte> body, SecretRedactor redactor)
    {
        var take = body.Length > OdooProtocolException.MaxQuotedLength * 4 ? body[..(OdooProtocolException.MaxQuotedLength * 4)] : body;
        var text = Encoding.UTF8.GetString(take);
        text = redactor.Redact(text);
        if (text.Length > OdooProtocolException.MaxQuotedLength) text = text[..OdooProtocolException.MaxQuotedLength];
        return text;
    }

    public static OdooProtocolException Protocol(string what, HttpAnswer answer, CallInfo info, SecretRedactor redactor, Exception? inner = null)
    {
        var excerpt = Excerpt(answer.Body.Span, redactor);
        var type = answer.ContentType is null ? "" : $" (Content-Type {answer.ContentType})";
        var quoted = excerpt.Length == 0 ? "an empty body" : $"\"{excerpt}{(answer.Body.Length > excerpt.Length ? "..." : "")}\"";
        return new OdooProtocolException(
            $"Odoo at {answer.Url} answered {info.Description} with {what}{type}: {quoted}", inner)
        {
            BodyExcerpt = excerpt,
            Model = info.Model,
            Method = info.Method,
            Ids = info.Ids,
        };
    }

    public static OdooTransportException HttpStatus(HttpAnswer answer, CallInfo info, SecretRedactor redactor, string? hint = null)
    {
        var reason = string.IsNullOrEmpty(answer.ReasonPhrase) ? "" : " " + redactor.Redact(answer.ReasonPhrase);
        var excerpt = Excerpt(answer.Body.Span, redactor);
        if (excerpt.Length > 120) excerpt = excerpt[..120] + "...";
        var body = excerpt.Length == 0 ? "" : $" Body: \"{excerpt}\"";
        if (answer.RetryAfter is { } wait)
        {
            hint += $" The server asked to wait {wait.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s before retrying (Retry-After).";
        }
        if (answer.Status == 503)
        {
            return new OdooServerUnavailableException(
                $"{info.Description} failed: Odoo at {answer.Url} answered HTTP 503{reason}: the server (or a proxy in front of it) is restarting, shutting down or overloaded. Retry later: reads are retried within ReadRetryBudget, a write is not resent.{hint}{body}")
            {
                StatusCode = answer.Status,
                Url = answer.Url,
                RetryAfter = answer.RetryAfter,
                Model = info.Model,
                Method = info.Method,
                Ids = info.Ids,
            };
        }
        return new OdooTransportException(
            $"{info.Description} failed: Odoo at {answer.Url} answered HTTP {answer.Status}{reason}.{hint}{body}")
        {
            StatusCode = answer.Status,
            Url = answer.Url,
            RetryAfter = answer.RetryAfter,
            Model = info.Model,
            Method = info.Method,
            Ids = info.Ids,
        };
    }

    /// <summary>
    /// Whether a failed attempt may be repeated (for reads): no answer, a timeout, a 5xx/429/408 status, Odoo's
    /// <c>LockError</c> (409 on JSON-2: a concurrent transaction held the records; Odoo rolled back), or a server that
    /// is restarting (<see cref="OdooServerUnavailableException"/>: its database connection lost, or HTTP 503).
    /// A refused TLS handshake (untrusted or mismatched certificate) is not: it fails the same way every time.
    /// </summary>
    public static bool IsTransient(Exception ex) => ex is OdooLockException or OdooServerUnavailableException || (ex is OdooTransportException t &&
        (t.IsTimeout || t.StatusCode is null || t.StatusCode is 408 or 429 or >= 500) &&
        !IsTlsFailure(t));

    private static bool IsTlsFailure(Exception ex)
    {
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
        {
            if (e is System.Security.Authentication.AuthenticationException or HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }) return true;
        }
        return false;
    }
}
