using System.Text;
using System.Text.Json;

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
            Next(ref r);
            if (r.TokenType == JsonTokenType.EndObject) return data;
            if (r.ValueTextEquals("name"u8)) { Next(ref r); data.Name = ReadText(ref r); }
            else if (r.ValueTextEquals("message"u8)) { Next(ref r); data.Message = ReadText(ref r); }
            else if (r.ValueTextEquals("debug"u8)) { Next(ref r); data.Debug = ReadText(ref r); }
            else if (r.ValueTextEquals("arguments"u8))
            {
                Next(ref r);
                if (r.TokenType == JsonTokenType.StartArray)
                {
                    while (true)
                    {
                        Next(ref r);
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
                Next(ref r);
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

    public static void Next(ref Utf8JsonReader r)
    {
        if (!r.Read()) throw new JsonException("The JSON ended in the middle of a value.");
    }

    /// <summary>Builds the typed exception for an Odoo error.</summary>
    /// <param name="data">The error object.</param>
    /// <param name="httpStatus">The HTTP status of the answer.</param>
    /// <param name="info">The call.</param>
    /// <param name="redactor">Masks the secrets.</param>
    /// <param name="database">The database the call named, for a "database not found" answer that does not name it.</param>
    /// <returns>An <see cref="OdooServerException"/> (or subclass), or an <see cref="OdooServerUnavailableException"/> when Odoo lost its database connection.</returns>
    public static OdooException ServerError(ServerErrorData data, int httpStatus, CallInfo info, SecretRedactor redactor, string? database = null)
    {
        var name = data.Name ?? string.Empty;
        var serverMessage = redactor.Redact(data.Message ?? data.EnvelopeMessage ?? (data.Arguments.Count > 0 ? data.Arguments[0] : null) ?? "(no message)");
        var debug = redactor.Redact(data.Debug); // masked before it is cut, so a cut cannot split an echo
        if (debug is { Length: > OdooServerException.MaxDebugLength }) debug = debug[..OdooServerException.MaxDebugLength];
        var arguments = data.Arguments.Select(a => redactor.Redact(a)).ToArray();
        var label = name.Length > 0 ? name : httpStatus != 200 ? "HTTP " + httpStatus : "Odoo error";
        if (TypedServerError(name, serverMessage, label, info, redactor, database) is { } typed)
        {
            return typed switch
            {
                OdooServerException e => WithDetails(e, arguments, debug, httpStatus, info),
                _ => typed,
            };
        }
        var kind = Classify(name, httpStatus, data.Code);
        var message = kind switch
        {
            ErrorKind.Argument when info.Model is not null =>
                $"{info.Description} failed ({label}): Odoo could not bind the arguments to {info.Model}.{info.Method}: {serverMessage}",
            ErrorKind.Lock => $"{info.Description} failed ({label}): {serverMessage} (records locked by a concurrent transaction; nothing was applied)",
            _ => $"{info.Description} failed ({label}): {serverMessage}",
        };
        return kind switch
        {
            ErrorKind.AccessDenied => new OdooAccessDeniedException(name, serverMessage, message)
            { Arguments = arguments, Debug = debug, HttpStatus = httpStatus, Model = info.Model, Method = info.Method, Ids = info.Ids },
            ErrorKind.Access => new OdooAccessException(name, serverMessage, message)
            { Arguments = arguments, Debug = debug, HttpStatus = httpStatus, Model = info.Model, Method = info.Method, Ids = info.Ids },
            ErrorKind.Validation => new OdooValidationException(name, serverMessage, message)
            { Arguments = arguments, Debug = debug, HttpStatus = httpStatus, Model = info.Model, Method = info.Method, Ids = info.Ids },
            ErrorKind.User => new OdooUserException(name, serverMessage, message)
            { Arguments = arguments, Debug = debug, HttpStatus = httpStatus, Model = info.Model, Method = info.Method, Ids = info.Ids },
            ErrorKind.Missing => new OdooMissingRecordException(name, serverMessage, message)
            { Arguments = arguments, Debug = debug, HttpStatus = httpStatus, Model = info.Model, Method = info.Method, Ids = info.Ids },
            ErrorKind.SessionExpired => new OdooSessionExpiredException(name, serverMessage, message)
            { Arguments = arguments, Debug = debug, HttpStatus = httpStatus, Model = info.Model, Method = info.Method, Ids = info.Ids },
            ErrorKind.NotFound => new OdooNotFoundException(name, serverMessage, message)
            { Arguments = arguments, Debug = debug, HttpStatus = httpStatus, Model = info.Model, Method = info.Method, Ids = info.Ids },
            ErrorKind.Lock => new OdooLockException(name, serverMessage, message)
            { Arguments = arguments, Debug = debug, HttpStatus = httpStatus, Model = info.Model, Method = info.Method, Ids = info.Ids },
            ErrorKind.Argument => new OdooArgumentException(name, serverMessage, message)
            { Arguments = arguments, Debug = debug, HttpStatus = httpStatus, Model = info.Model, Method = info.Method, Ids = info.Ids },
            _ => new OdooServerException(name, serverMessage, message)
            { Arguments = arguments, Debug = debug, HttpStatus = httpStatus, Model = info.Model, Method = info.Method, Ids = info.Ids },
        };
    }

    private static OdooServerException WithDetails(OdooServerException e, string[] arguments, string? debug, int httpStatus, CallInfo info) => e switch
    {
        OdooDatabaseNotFoundException x => new OdooDatabaseNotFoundException(x.ExceptionName, x.ServerMessage, x.Message)
        { Database = x.Database, Arguments = arguments, Debug = debug, HttpStatus = httpStatus, Model = info.Model, Method = info.Method, Ids = info.Ids },
        OdooUnknownFieldException x => new OdooUnknownFieldException(x.ExceptionName, x.ServerMessage, x.Message)
        { FieldModel = x.FieldModel, Field = x.Field, Arguments = arguments, Debug = debug, HttpStatus = httpStatus, Model = info.Model, Method = info.Method, Ids = info.Ids },
        OdooInvalidValueException x => new OdooInvalidValueException(x.ExceptionName, x.ServerMessage, x.Message)
        { Field = x.Field, Value = x.Value, ExpectedType = x.ExpectedType, Arguments = arguments, Debug = debug, HttpStatus = httpStatus, Model = info.Model, Method = info.Method, Ids = info.Ids },
        _ => e,
    };

    /// <summary>
    /// The errors typed from what Odoo's message says rather than from its class alone (one place for the mapping):
    /// a database that does not exist, an unknown field, a value that does not fit, a database connection lost to a
    /// restart. <see langword="null"/> for everything else.
    /// </summary>
    private static OdooException? TypedServerError(string name, string serverMessage, string label, CallInfo info, SecretRedactor redactor, string? database)
    {
        var missingDb = OdooErrorText.MissingDatabase(name, serverMessage);
        if (missingDb is not null || OdooErrorText.IsSessionDatabaseNotFound(name, serverMessage))
        {
            var db = missingDb ?? database;
            return new OdooDatabaseNotFoundException(name, serverMessage, DatabaseNotFoundMessage(info.Description, label, db, null, redactor)) { Database = db };
        }
        if (OdooErrorText.IsConnectionLost(name, serverMessage))
        {
            var firstLine = serverMessage.Split('\n', 2)[0].Trim();
            return new OdooServerUnavailableException(
                $"{info.Description} failed ({label}): {firstLine}. Odoo lost its database connection: the server or its database is restarting or shutting down. Retry later: reads are retried within ReadRetryBudget, a write is not resent (Odoo rolled it back).")
            {
                ExceptionName = name,
                ServerMessage = serverMessage,
                Model = info.Model,
                Method = info.Method,
                Ids = info.Ids,
            };
        }
        if (OdooErrorText.UnknownField(name, serverMessage) is { } unknown)
        {
            return new OdooUnknownFieldException(name, serverMessage,
                $"{info.Description} failed ({label}): Odoo has no field '{unknown.Field}' on model '{unknown.Model}'. Check the name in the fields, domain, order or values; the module that adds the field may not be installed, or the declaration does not match the server (run the drift check: odoogen check).")
            { FieldModel = unknown.Model, Field = unknown.Field };
        }
        if (OdooErrorText.InvalidValue(name, serverMessage) is { } invalid)
        {
            var field = invalid.Field is null ? "" : $" for '{invalid.Field}'";
            return new OdooInvalidValueException(name, serverMessage,
                $"{info.Description} failed ({label}): a value{field} does not fit its field: {invalid.Description}. Nothing was applied: pass a value of the field's type.")
            { Field = invalid.Field, Value = invalid.Value, ExpectedType = invalid.Type };
        }
        return null;
    }

    /// <summary>The message of an <see cref="OdooDatabaseNotFoundException"/>, with the databases when they are known.</summary>
    internal static string DatabaseNotFoundMessage(string call, string label, string? database, IReadOnlyList<string>? available, SecretRedactor redactor)
    {
        var which = database is null ? "database of that name" : $"database '{database}'";
        var listed = available switch
        {
            null => "",
            { Count: 0 } => " The server lists no database.",
            _ => $" The server lists: {string.Join(", ", available.Select(d => redactor.Redact(d)))}.",
        };
        return $"{call} failed ({label}): Odoo has no {which} (or its db_filter hides it).{listed} Set OdooClientOptions.Database to a database of this server.";
    }

    private enum ErrorKind { Server, AccessDenied, Access, Validation, User, Missing, SessionExpired, NotFound, Lock, Argument }

    private static ErrorKind Classify(string name, int httpStatus, int? code)
    {
        var dot = name.LastIndexOf('.');
        var shortName = dot >= 0 ? name[(dot + 1)..] : name;
        switch (shortName)
        {
            case "AccessDenied":
                return ErrorKind.AccessDenied;
            case "AccessError":
                return ErrorKind.Access;
            case "ValidationError":
            case "IntegrityError":
                return ErrorKind.Validation;
            case "UserError":
            case "Warning" when name.Contains("exceptions", StringComparison.Ordinal):
            case "RedirectWarning":
                return ErrorKind.User;
            case "MissingError":
                return ErrorKind.Missing;
            case "LockError":
                return ErrorKind.Lock;
            case "NotFound" when name.StartsWith("werkzeug", StringComparison.Ordinal):
                return ErrorKind.NotFound;
            case "UnprocessableEntity" when name.StartsWith("werkzeug", StringComparison.Ordinal):
                return ErrorKind.Argument;
            case "SessionExpiredException":
                return ErrorKind.SessionExpired;
            case "Unauthorized" when name.StartsWith("werkzeug", StringComparison.Ordinal):
                return ErrorKind.AccessDenied;
            case "Forbidden" when name.StartsWith("werkzeug", StringComparison.Ordinal):
                return ErrorKind.Access;
        }
        if (name.StartsWith("psycopg2.", StringComparison.Ordinal) &&
            (shortName.EndsWith("Violation", StringComparison.Ordinal) || shortName == "IntegrityError"))
        {
            return ErrorKind.Validation;
        }
        if (code == 100) return ErrorKind.SessionExpired;
        return httpStatus switch
        {
            401 => ErrorKind.AccessDenied,
            403 => ErrorKind.Access,
            409 => ErrorKind.Lock,
            422 => ErrorKind.User,
            _ => ErrorKind.Server,
        };
    }

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
