using Microsoft.Extensions.Logging;
using Odoo.Transport;

namespace Odoo.Diagnostics;

/// <summary>
/// The client's log events (category <see cref="OdooTelemetry.LoggerCategory"/>), written through
/// <see cref="OdooClientOptions.LoggerFactory"/>. Ids and levels are listed in docs/logging.md; they are part of the
/// public contract (filter and alert on them). No event carries a password, an API key, a request body or a value:
/// only the server, database, user name, model, method, outcome and the (already redacted) exception.
/// </summary>
internal static partial class OdooLog
{
    [LoggerMessage(EventId = 1000, EventName = "Connecting", Level = LogLevel.Debug,
        Message = "Connecting to Odoo at {BaseUrl}, database '{Database}', as '{Username}', protocol {Protocol}")]
    public static partial void Connecting(ILogger logger, Uri baseUrl, string? database, string? username, OdooProtocol protocol);

    [LoggerMessage(EventId = 1001, EventName = "Connected", Level = LogLevel.Information,
        Message = "Connected to Odoo {ServerVersion} at {BaseUrl} over {Protocol}: database '{Database}', user id {UserId}")]
    public static partial void Connected(ILogger logger, string serverVersion, Uri baseUrl, OdooProtocol protocol, string database, int userId);

    [LoggerMessage(EventId = 1002, EventName = "ConnectFailed", Level = LogLevel.Error,
        Message = "Connecting to Odoo at {BaseUrl}, database '{Database}', failed: {ErrorType}")]
    public static partial void ConnectFailed(ILogger logger, Uri baseUrl, string? database, string errorType, Exception exception);

    [LoggerMessage(EventId = 1003, EventName = "VersionDetected", Level = LogLevel.Debug,
        Message = "Odoo at {BaseUrl} runs version {ServerVersion} ({Source})")]
    public static partial void VersionDetected(ILogger logger, Uri baseUrl, string serverVersion, string source);

    [LoggerMessage(EventId = 1004, EventName = "Json2NotUsed", Level = LogLevel.Debug,
        Message = "Not using JSON-2 with Odoo at {BaseUrl}: {Reason}; using JSON-RPC")]
    public static partial void Json2NotUsed(ILogger logger, Uri baseUrl, string reason);

    [LoggerMessage(EventId = 1005, EventName = "WebSessionNotUsed", Level = LogLevel.Debug,
        Message = "No web session with Odoo at {BaseUrl}: {Reason}; calls authenticate one by one")]
    public static partial void WebSessionNotUsed(ILogger logger, Uri baseUrl, string reason);

    [LoggerMessage(EventId = 1010, EventName = "SessionRenewed", Level = LogLevel.Information,
        Message = "Odoo at {BaseUrl} had expired the web session of '{Username}' on database '{Database}'; a new session was opened and the call sent again")]
    public static partial void SessionRenewed(ILogger logger, Uri baseUrl, string? username, string database);

    [LoggerMessage(EventId = 1020, EventName = "RetryingRead", Level = LogLevel.Warning,
        Message = "Retrying {Model}.{Method} (retry {Retry} of at most {MaxRetries}) in {DelayMs} ms after {Reason}")]
    public static partial void RetryingRead(ILogger logger, string model, string method, int retry, int maxRetries, long delayMs, string reason);

    [LoggerMessage(EventId = 1030, EventName = "CallRefused", Level = LogLevel.Warning,
        Message = "{Model}.{Method} was refused by Odoo ({Outcome}): {ErrorType}")]
    public static partial void CallRefused(ILogger logger, string model, string method, string outcome, string errorType, Exception exception);

    [LoggerMessage(EventId = 1031, EventName = "CallFailed", Level = LogLevel.Error,
        Message = "{Model}.{Method} failed ({Outcome}): {ErrorType}")]
    public static partial void CallFailed(ILogger logger, string model, string method, string outcome, string errorType, Exception exception);

    [LoggerMessage(EventId = 1032, EventName = "CallCancelled", Level = LogLevel.Debug,
        Message = "{Model}.{Method} was cancelled")]
    public static partial void CallCancelled(ILogger logger, string model, string method);

    /// <summary>The model of an ORM call, or the service of a service call (<c>common</c> for <c>common.login</c>).</summary>
    public static string ModelOf(in CallInfo info)
    {
        if (info.Model is { } model) return model;
        var description = info.Description;
        return description.Length > info.Method.Length + 1 && description.EndsWith("." + info.Method, StringComparison.Ordinal)
            ? description[..^(info.Method.Length + 1)]
            : description;
    }

    /// <summary>Why a read is retried: the error's type and its (redacted) message.</summary>
    public static string Reason(Exception ex) => ex.GetType().Name + ": " + ex.Message;

    /// <summary>Logs a call that ended with <paramref name="failure"/> at the level its kind deserves.</summary>
    public static void Failure(ILogger logger, in CallInfo info, Exception failure)
    {
        if (failure is OperationCanceledException)
        {
            if (logger.IsEnabled(LogLevel.Debug)) CallCancelled(logger, ModelOf(info), info.Method);
            return;
        }
        var outcome = OdooTelemetry.Outcome(failure);
        // Odoo answered and refused (a validation, access or user error): the application decides what it means.
        if (failure is OdooServerException)
        {
            if (logger.IsEnabled(LogLevel.Warning)) CallRefused(logger, ModelOf(info), info.Method, outcome, failure.GetType().Name, failure);
            return;
        }
        if (logger.IsEnabled(LogLevel.Error)) CallFailed(logger, ModelOf(info), info.Method, outcome, failure.GetType().Name, failure);
    }
}
