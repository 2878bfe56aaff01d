using Odoo.Transport;

namespace Odoo;

/// <summary>
/// Where an Odoo error (a JSON-RPC <c>error</c>, a JSON-2 error body) becomes a typed exception: the one mapping of
/// Odoo's exception classes, HTTP statuses and messages to <see cref="OdooServerException"/> and its subclasses, used by
/// both transports. Each error is built once, with its details and call set in one place.
/// </summary>
/// <remarks>
/// By class: <c>AccessDenied</c> → <see cref="OdooAccessDeniedException"/>, <c>AccessError</c> → <see cref="OdooAccessException"/>,
/// <c>ValidationError</c>/<c>IntegrityError</c>/psycopg2 violations → <see cref="OdooValidationException"/>, <c>UserError</c>
/// (and the old <c>Warning</c>, <c>RedirectWarning</c>) → <see cref="OdooUserException"/>, <c>MissingError</c> →
/// <see cref="OdooMissingRecordException"/>, <c>LockError</c> → <see cref="OdooLockException"/>, werkzeug's <c>NotFound</c> →
/// <see cref="OdooNotFoundException"/>, <c>UnprocessableEntity</c> → <see cref="OdooArgumentException"/>,
/// <c>SessionExpiredException</c> (or code 100) → <see cref="OdooSessionExpiredException"/>; by status when the class says
/// nothing (401, 403, 409, 422). By message: a missing database, an unknown field, a value that does not fit, a lost
/// database connection (<see cref="OdooErrorText"/> reads them).
/// </remarks>
internal static class OdooServerErrors
{
    /// <summary>Builds the typed exception for an Odoo error.</summary>
    /// <param name="data">The error object.</param>
    /// <param name="httpStatus">The HTTP status of the answer.</param>
    /// <param name="info">The call.</param>
    /// <param name="redactor">Masks the secrets.</param>
    /// <param name="database">The database the call named, for a "database not found" answer that does not name it.</param>
    /// <returns>An <see cref="OdooServerException"/> (or subclass), or an <see cref="OdooServerUnavailableException"/> when Odoo lost its database connection.</returns>
    public static OdooException Create(ServerErrorData data, int httpStatus, CallInfo info, SecretRedactor redactor, string? database = null)
    {
        var name = data.Name ?? string.Empty;
        var serverMessage = redactor.Redact(data.Message ?? data.EnvelopeMessage ?? (data.Arguments.Count > 0 ? data.Arguments[0] : null) ?? "(no message)");
        var debug = redactor.Redact(data.Debug); // masked before it is cut, so a cut cannot split an echo
        if (debug is { Length: > OdooServerException.MaxDebugLength }) debug = debug[..OdooServerException.MaxDebugLength];
        var arguments = data.Arguments.Select(a => redactor.Redact(a)).ToArray();
        var label = name.Length > 0 ? name : httpStatus != 200 ? "HTTP " + httpStatus : "Odoo error";
        if (TypedServerError(name, serverMessage, label, info, redactor, database) is { } typed)
        {
            return typed is OdooServerException e ? Attach(e, arguments, debug, httpStatus, info) : typed;
        }
        var kind = Classify(name, httpStatus, data.Code);
        var message = kind switch
        {
            ErrorKind.Argument when info.Model is not null =>
                $"{info.Description} failed ({label}): Odoo could not bind the arguments to {info.Model}.{info.Method}: {serverMessage}",
            ErrorKind.Lock => $"{info.Description} failed ({label}): {serverMessage} (records locked by a concurrent transaction; nothing was applied)",
            _ => $"{info.Description} failed ({label}): {serverMessage}",
        };
        OdooServerException error = kind switch
        {
            ErrorKind.AccessDenied => new OdooAccessDeniedException(name, serverMessage, message),
            ErrorKind.Access => new OdooAccessException(name, serverMessage, message),
            ErrorKind.Validation => new OdooValidationException(name, serverMessage, message),
            ErrorKind.User => new OdooUserException(name, serverMessage, message),
            ErrorKind.Missing => new OdooMissingRecordException(name, serverMessage, message),
            ErrorKind.SessionExpired => new OdooSessionExpiredException(name, serverMessage, message),
            ErrorKind.NotFound => new OdooNotFoundException(name, serverMessage, message),
            ErrorKind.Lock => new OdooLockException(name, serverMessage, message),
            ErrorKind.Argument => new OdooArgumentException(name, serverMessage, message),
            _ => new OdooServerException(name, serverMessage, message),
        };
        return Attach(error, arguments, debug, httpStatus, info);
    }

    /// <summary>
    /// <paramref name="error"/>, a rewrite of <paramref name="original"/> with a better message (a model or database that
    /// does not exist), given the original's arguments, debug text, HTTP status and call.
    /// </summary>
    public static T Rewritten<T>(T error, OdooServerException original) where T : OdooServerException
    {
        error.SetDetails(original.Arguments, original.Debug, original.HttpStatus);
        error.SetCall(original.Model, original.Method, original.Ids);
        return error;
    }

    /// <summary>The one place a server error gets what Odoo sent besides the message, and the call that failed.</summary>
    private static OdooServerException Attach(OdooServerException error, string[] arguments, string? debug, int httpStatus, CallInfo info)
    {
        error.SetDetails(arguments, debug, httpStatus);
        error.SetCall(info.Model, info.Method, info.Ids);
        return error;
    }

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
}
