using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Odoo.Diagnostics;
using Odoo.Raw;
using Odoo.Serialization;
using Odoo.Transport;

namespace Odoo;

/// <summary>
/// A connection to one Odoo database as one user. Safe to share across threads; holds no statics.
/// Create one with <see cref="ConnectAsync"/>.
/// </summary>
public sealed partial class OdooClient : IAsyncDisposable
{
    private readonly IOdooTransport _transport;
    private readonly RetryPolicy _retry;
    private readonly string _protocolTag;
    private SemaphoreSlim? _limiter;
    private int _disposed;

    internal OdooClient(IOdooTransport transport, OdooVersion serverVersion, int userId, string database, OdooContext context)
        : this(transport, serverVersion, userId, database, context, OdooProtocol.JsonRpc, new Uri("about:blank"), RetryPolicy.None)
    {
    }

    internal OdooClient(
        IOdooTransport transport,
        OdooVersion serverVersion,
        int userId,
        string database,
        OdooContext context,
        OdooProtocol protocol,
        Uri baseUrl,
        RetryPolicy retry)
    {
        _transport = transport;
        ServerVersion = serverVersion;
        UserId = userId;
        Database = database;
        Context = context;
        Protocol = protocol;
        BaseUrl = baseUrl;
        _retry = retry;
        _protocolTag = ProtocolTag(protocol);
    }

    /// <summary>The server version (detected, or as configured).</summary>
    public OdooVersion ServerVersion { get; }

    /// <summary>The id of the authenticated user.</summary>
    public int UserId { get; }

    /// <summary>The database name (empty when JSON-2 was used without one).</summary>
    public string Database { get; }

    /// <summary>The context sent with every call (the user's context merged with the configured one).</summary>
    public OdooContext Context { get; }

    /// <summary>The protocol in use (<see cref="OdooProtocol.JsonRpc"/> or <see cref="OdooProtocol.Json2"/>; never <see cref="OdooProtocol.Auto"/>).</summary>
    public OdooProtocol Protocol { get; }

    /// <summary>The server's base URL (without credentials).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The transport (tests reach the HTTP layer through it).</summary>
    internal IOdooTransport Transport => _transport;

    /// <summary>
    /// Connects to Odoo: detects the server version (unless <see cref="OdooClientOptions.ServerVersion"/> is set),
    /// picks the protocol, authenticates and fetches the user's context.
    /// </summary>
    /// <param name="options">Where and as whom to connect. Read once; later changes have no effect.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>A connected client; dispose it when done.</returns>
    /// <exception cref="ArgumentException">An option is missing or invalid (the message names it).</exception>
    /// <exception cref="OdooAccessDeniedException">The login or API key was refused.</exception>
    /// <exception cref="OdooTransportException">The server could not be reached, timed out or answered an HTTP error.</exception>
    /// <exception cref="OdooProtocolException">The server answered with something that is not Odoo's protocol.</exception>
    public static async Task<OdooClient> ConnectAsync(OdooClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var redactor = new SecretRedactor(options.Password, options.ApiKey);
        var retry = RetryPolicy.From(options);
        var http = OdooHttpConnection.Create(options, redactor);
        http.Logger = retry.Logger;
        OdooLog.Connecting(retry.Logger, http.BaseUrl, options.Database, options.Username, options.Protocol);
        using var activity = OdooTelemetry.Source.StartActivity("connect", ActivityKind.Client);
        activity?.SetTag("server.address", http.BaseUrl.Host);
        activity?.SetTag("server.port", http.BaseUrl.Port);
        try
        {
            var client = await ConnectCoreAsync(options, http, retry, cancellationToken).ConfigureAwait(false);
            if (options.MaxConcurrentCalls is { } limit) client._limiter = new SemaphoreSlim(limit, limit);
            activity?.SetTag(OdooTelemetry.ProtocolTag, client._protocolTag);
            activity?.SetTag("odoo.server_version", client.ServerVersion.Text);
            activity?.SetStatus(ActivityStatusCode.Ok);
            OdooLog.Connected(retry.Logger, client.ServerVersion.Text, client.BaseUrl, client.Protocol, client.Database, client.UserId);
            return client;
        }
        catch (Exception ex)
        {
            activity?.SetTag("error.type", ex.GetType().FullName);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            if (ex is not OperationCanceledException) OdooLog.ConnectFailed(retry.Logger, http.BaseUrl, options.Database, ex.GetType().Name, ex);
            http.Dispose();
            throw;
        }
    }

    private static async Task<OdooClient> ConnectCoreAsync(OdooClientOptions options, OdooHttpConnection http, RetryPolicy clientRetry, CancellationToken ct)
    {
        var retry = clientRetry.ForConnect();
        var version = options.ServerVersion is { } configured
            ? OdooVersion.Parse(configured)
            : await DetectVersionAsync(http, options.Protocol, retry, ct).ConfigureAwait(false);
        OdooLog.VersionDetected(retry.Logger, http.BaseUrl, version.Text, options.ServerVersion is null ? "detected" : "configured");

        var protocol = options.Protocol;
        if (Json2ApiKey(options, version) is { } apiKey)
        {
            var json2 = new Json2Transport(http, options.Database, apiKey);
            try
            {
                var serverContext = await OdooCallRunner.RunAsync(
                    json2,
                    static (t, c) => t.ExecuteAsync(OdooOrm.ContextGetCall(), OdooContext.Empty, ReadContext, c),
                    new CallInfo("res.users.context_get", "res.users", "context_get", null),
                    isRead: true, retry, "json2", http.BaseUrl, ct).ConfigureAwait(false);
                if (!serverContext.TryGetValue("uid", out var uidValue) || uidValue is not int uid || uid <= 0)
                {
                    throw new OdooProtocolException(
                        $"Odoo at {http.BaseUrl} answered res.users.context_get over JSON-2 without a user id ('uid'): {http.Redactor.Redact(serverContext.ToString())}")
                    { Model = "res.users", Method = "context_get" };
                }
                return new OdooClient(json2, version, uid, options.Database ?? string.Empty, serverContext.Merge(options.Context),
                    OdooProtocol.Json2, http.BaseUrl, clientRetry);
            }
            catch (Exception ex) when (protocol == OdooProtocol.Auto && MeansJson2Absent(ex))
            {
                // Any answer that is not a 2xx JSON body: JSON-2 is absent (or refuses this key); JSON-RPC decides.
                Activity.Current?.AddEvent(new ActivityEvent("json2-absent", tags: new ActivityTagsCollection { ["error.type"] = ex.GetType().FullName }));
                OdooLog.Json2NotUsed(retry.Logger, http.BaseUrl, "the server refused or does not serve it (" + ex.GetType().Name + ")");
            }
        }

        var database = options.Database!;
        var username = options.Username!;
        var hasPassword = !string.IsNullOrEmpty(options.Password);
        var secret = hasPassword ? options.Password! : options.ApiKey!;
        var rpc = new JsonRpcTransport(http, database, secret, username);
        if (hasPassword && options.UseWebSession)
        {
            var session = await OpenSessionAsync(rpc, retry, http, ct).ConfigureAwait(false);
            if (session is null) OdooLog.WebSessionNotUsed(retry.Logger, http.BaseUrl, "Odoo refused or does not serve /web/session/authenticate");
            if (session is { } s)
            {
                rpc.UseSession(s.UserId);
                return new OdooClient(rpc, version, s.UserId, database, s.Context.Merge(options.Context), OdooProtocol.JsonRpc, http.BaseUrl, clientRetry);
            }
        }
        var userId = await OdooCallRunner.RunAsync(
            (rpc, username),
            static (s, c) => s.rpc.LoginAsync(s.username, c),
            CallInfo.Service("common", "login"),
            isRead: true, retry, "jsonrpc", http.BaseUrl, ct).ConfigureAwait(false);
        if (userId <= 0)
        {
            var message = $"Login to Odoo database '{database}' as '{username}' at {http.BaseUrl} was refused: wrong login or password/API key (common.login answered false).";
            throw new OdooAccessDeniedException("odoo.exceptions.AccessDenied", "common.login answered false", message) { Method = "login" };
        }
        rpc.UserId = userId;
        var userContext = await OdooCallRunner.RunAsync(
            rpc,
            static (t, c) => t.ExecuteServiceAsync("res.users", "context_get", ReadContext, c),
            new CallInfo("res.users.context_get", "res.users", "context_get", null),
            isRead: true, retry, "jsonrpc", http.BaseUrl, ct).ConfigureAwait(false);
        var context = userContext.With("uid", userId).Merge(options.Context);
        return new OdooClient(rpc, version, userId, database, context, OdooProtocol.JsonRpc, http.BaseUrl, clientRetry);
    }

    /// <summary>
    /// Opens an authenticated web session (<c>/web/session/authenticate</c>), whose cookie makes every later call
    /// several times cheaper for Odoo. <see langword="null"/> when Odoo refused it (the password is an API key, which
    /// only <c>/jsonrpc</c> accepts; a two-factor user; or a wrong password, which <c>common.login</c> then reports)
    /// or lacks the route: the caller falls back to <c>common.login</c> and session-less calls, and the reason is an
    /// activity event (<c>odoo.session.refused</c> or <c>odoo.session.unavailable</c>).
    /// </summary>
    private static async Task<(int UserId, OdooContext Context)?> OpenSessionAsync(JsonRpcTransport rpc, RetryPolicy retry, OdooHttpConnection http, CancellationToken ct)
    {
        try
        {
            var session = await OdooCallRunner.RunAsync(
                rpc,
                static (t, c) => t.AuthenticateSessionAsync(c),
                CallInfo.Service("web.session", "authenticate"),
                isRead: true, retry, "jsonrpc", http.BaseUrl, ct).ConfigureAwait(false);
            if (session is null) Activity.Current?.AddEvent(new ActivityEvent("odoo.session.refused"));
            return session;
        }
        catch (Exception ex) when (ex is OdooProtocolException or OdooTransportException { StatusCode: 404 or 405 })
        {
            Activity.Current?.AddEvent(new ActivityEvent("odoo.session.unavailable", tags: new ActivityTagsCollection { ["error.type"] = ex.GetType().FullName }));
            return null;
        }
    }

    /// <summary>
    /// The API key to try JSON-2 with, or null to use JSON-RPC. JSON-2 authenticates only with an API key
    /// (odoo/addons/base/models/ir_http.py, _auth_method_bearer: res.users.apikeys._check_credentials(scope='rpc', key=token)),
    /// so Auto with only a password goes to JSON-RPC directly, saying why in a debug event on the connect activity.
    /// Json2 without an API key never gets here: <see cref="OdooClientOptions.Validate"/> refuses it.
    /// </summary>
    private static string? Json2ApiKey(OdooClientOptions options, OdooVersion version)
    {
        switch (options.Protocol)
        {
            case OdooProtocol.Json2:
                return options.ApiKey!;
            case OdooProtocol.Auto when version.SupportsJson2:
                if (!string.IsNullOrEmpty(options.ApiKey)) return options.ApiKey;
                Activity.Current?.AddEvent(new ActivityEvent("json2-skipped", tags: new ActivityTagsCollection
                {
                    ["odoo.reason"] = "no ApiKey: Odoo's JSON-2 accepts only an API key (rpc scope), not a password; using JSON-RPC (/jsonrpc, deprecated since Odoo 19)",
                }));
                OdooLog.Json2NotUsed(options.LoggerFactory?.CreateLogger(OdooTelemetry.LoggerCategory) ?? NullLogger.Instance, options.GetBaseUrl(),
                    "no ApiKey is set and Odoo's JSON-2 accepts only an API key, not a password");
                return null;
            default:
                return null;
        }
    }

    private static bool MeansJson2Absent(Exception ex) => ex switch
    {
        OdooTransportException t => t.StatusCode is not null && !t.IsTimeout,
        OdooServerException or OdooProtocolException => true,
        _ => false,
    };

    private static async Task<OdooVersion> DetectVersionAsync(OdooHttpConnection http, OdooProtocol protocol, RetryPolicy retry, CancellationToken ct)
    {
        var probe = new JsonRpcTransport(http, string.Empty, string.Empty);
        Func<CancellationToken, Task<string>> versionInfo = c => OdooCallRunner.RunAsync(
            probe, static (p, c2) => p.GetVersionInfoAsync(c2), CallInfo.Service("web", "version_info"), true, retry, "jsonrpc", http.BaseUrl, c);
        Func<CancellationToken, Task<string>> webVersion = c => OdooCallRunner.RunAsync(
            http, static (h, c2) => Json2Transport.GetWebVersionAsync(h, c2), CallInfo.Service("web", "version"), true, retry, "json2", http.BaseUrl, c);
        var (first, second) = protocol == OdooProtocol.Json2 ? (webVersion, versionInfo) : (versionInfo, webVersion);
        string text;
        try
        {
            text = await first(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OdooProtocolException or OdooServerException or OdooTransportException { StatusCode: not null })
        {
            // The server answered, but not this route: try the other one before giving up.
            try
            {
                text = await second(ct).ConfigureAwait(false);
            }
            catch (Exception ex2) when (ex2 is OdooException)
            {
                ExceptionDispatchInfo.Capture(ex).Throw();
                throw;
            }
        }
        if (OdooVersion.TryParse(text, out var v)) return v;
        var reported = http.Redactor.Redact(text);
        throw new OdooProtocolException($"Odoo at {http.BaseUrl} reported the version '{reported}', which is not an Odoo version.")
        { BodyExcerpt = reported.Length > OdooProtocolException.MaxQuotedLength ? reported[..OdooProtocolException.MaxQuotedLength] : reported };
    }

    /// <summary>Reads a context object (<c>{"lang": "en_US", "tz": ..., "uid": 2}</c>).</summary>
    internal static OdooContext ReadContext(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject) throw OdooJsonReader.Unexpected(ref r, "a context object");
        var context = OdooContext.Empty;
        while (true)
        {
            OdooJsonReader.Read(ref r);
            if (r.TokenType == JsonTokenType.EndObject) return context;
            var key = r.GetString()!;
            OdooJsonReader.Read(ref r);
            object? value = r.TokenType switch
            {
                JsonTokenType.String => r.GetString(),
                JsonTokenType.Number => r.TryGetInt32(out var i) ? i : r.TryGetInt64(out var l) ? (object)l : r.GetDouble(),
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                JsonTokenType.Null => null,
                _ => JsonElement.ParseValue(ref r),
            };
            if (key.Length > 0) context = context.With(key, value);
        }
    }

    /// <summary>Raw access to a model by name: the escape hatch for models nobody declared.</summary>
    /// <param name="model">The Odoo model name, for example <c>res.partner</c>.</param>
    /// <returns>A lightweight handle; create as many as you like.</returns>
    public OdooModelClient Model(string model)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        return new OdooModelClient(this, model);
    }

    /// <summary>
    /// Sends one ORM call and decodes its result straight from the response's UTF-8 JSON. The
    /// building block of managers and generated code; prefer <see cref="Model"/> for ad-hoc calls.
    /// Reads (<see cref="OdooCall.IsReadOnly"/>) are retried after transient failures as configured;
    /// other calls are sent once.
    /// </summary>
    /// <typeparam name="T">The decoded result.</typeparam>
    /// <param name="call">The call.</param>
    /// <param name="reader">Decodes the <c>result</c> value.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooServerException">Odoo answered with an error (a subclass names the kind).</exception>
    /// <exception cref="OdooTransportException">No answer: connection failure, timeout or HTTP error status.</exception>
    /// <exception cref="OdooProtocolException">The answer is not what Odoo sends.</exception>
    public Task<T> ExecuteAsync<T>(OdooCall call, OdooResultReader<T> reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(reader);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var context = Context.Merge(call.Context);
        if (_limiter is { } limiter)
        {
            return OdooCallRunner.RunAsync(
                (transport: _transport, call, context, reader, limiter),
                static async (s, c) =>
                {
                    await s.limiter.WaitAsync(c).ConfigureAwait(false);
                    try
                    {
                        return await s.transport.ExecuteAsync(s.call, s.context, s.reader, c).ConfigureAwait(false);
                    }
                    finally
                    {
                        s.limiter.Release();
                    }
                },
                CallInfo.For(call),
                call.IsReadOnly,
                _retry,
                _protocolTag,
                BaseUrl,
                cancellationToken);
        }
        return OdooCallRunner.RunAsync(
            (transport: _transport, call, context, reader),
            static (s, c) => s.transport.ExecuteAsync(s.call, s.context, s.reader, c),
            CallInfo.For(call),
            call.IsReadOnly,
            _retry,
            _protocolTag,
            BaseUrl,
            cancellationToken);
    }

    /// <summary>
    /// Ends the client gracefully: new calls throw <see cref="ObjectDisposedException"/> at once; calls in flight get
    /// up to 10 seconds to finish (a write that is waiting for Odoo's answer is better awaited than abandoned), and
    /// those still running then are cancelled and throw <see cref="ObjectDisposedException"/> (Odoo may or may not have
    /// run them). Then the client logs out (the web session of a password login is destroyed on the server, waiting
    /// at most 5 seconds) and releases its connections.
    /// </summary>
    /// <returns>A task that completes when the client is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _transport.DisposeAsync().ConfigureAwait(false);

    }

    /// <inheritdoc />
    public override string ToString() => $"OdooClient {{ {BaseUrl} {Protocol}, database '{Database}', uid {UserId}, Odoo {ServerVersion} }}";

    private static string ProtocolTag(OdooProtocol protocol) => protocol == OdooProtocol.Json2 ? "json2" : "jsonrpc";
}
