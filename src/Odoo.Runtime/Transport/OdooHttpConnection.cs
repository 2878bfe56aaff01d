using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Odoo.Transport;

/// <summary>An HTTP answer whose body was read whole into a pooled buffer.</summary>
internal sealed class HttpAnswer : IDisposable
{
    public HttpAnswer(int status, string? reasonPhrase, string? contentType, PooledBuffer body, Uri url, TimeSpan? retryAfter = null)
    {
        Status = status;
        ReasonPhrase = reasonPhrase;
        ContentType = contentType;
        Body = body;
        Url = url;
        RetryAfter = retryAfter;
    }

    /// <summary>The wait a <c>Retry-After</c> header asked for (seconds, or an HTTP date from now; never negative).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The wait a <c>Retry-After</c> header asks for at <paramref name="now"/>: its seconds, or the time until its date (zero once it passed).</summary>
    public static TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    public int Status { get; }

    public string? ReasonPhrase { get; }

    public string? ContentType { get; }

    public PooledBuffer Body { get; }

    public Uri Url { get; }

    public bool IsSuccess => Status is >= 200 and <= 299;

    /// <summary>Whether the body starts (after white space) with <c>{</c> or <c>[</c>, or is another JSON value start.</summary>
    public bool LooksLikeJson
    {
        get
        {
            foreach (var b in Body.Span)
            {
                if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
                if (b == 0xEF) continue; // UTF-8 BOM start
                return b is (byte)'{' or (byte)'[' or (byte)'"' or (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (byte)'t' or (byte)'f' or (byte)'n';
            }
            return false;
        }
    }

    public void Dispose() => Body.Dispose();
}

/// <summary>
/// The HTTP side of one client: an <see cref="HttpClient"/> (owned or injected), the base URL, a
/// private cookie jar (Odoo's <c>session_id</c>), the timeout, and the mapping of network failures
/// to <see cref="OdooTransportException"/>. Thread-safe.
/// </summary>
internal sealed partial class OdooHttpConnection : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    /// <summary>How long a route's cookie header is reused before the jar is asked again (so expired cookies drop out).</summary>
    private const long CookieHeaderLifetimeMs = 10_000;

    /// <summary>How long disposing the client waits for calls in flight before it cancels them.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    /// <summary>At most this many routes are cached; calls beyond it resolve their URL each time.</summary>
    private const int MaxCachedRoutes = 4096;

    private readonly HttpClient _http;
    private readonly bool _ownsClient;
    private readonly CookieContainer _cookies = new();
    private readonly TimeSpan _timeout;
    private readonly string _userAgent;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Route> _routes = new(StringComparer.Ordinal);
    private int _cookieVersion;
    private readonly CancellationTokenSource _abort = new();
    private TaskCompletionSource? _drained;
    private int _inFlight;
    private volatile bool _closing;

    /// <summary>A resolved URL and the cookie header last computed for it (per call, both cost more than the rest of the request).</summary>
    private sealed class Route(Uri url)
    {
        public Uri Url { get; } = url;

        public CookieHeader? Cookie;
    }

    private sealed record CookieHeader(string Value, int Version, long At);

    public OdooHttpConnection(Uri baseUrl, HttpClient http, bool ownsClient, TimeSpan timeout, string userAgent, SecretRedactor redactor)
    {
        BaseUrl = baseUrl;
        _http = http;
        _ownsClient = ownsClient;
        _timeout = timeout;
        _userAgent = userAgent;
        Redactor = redactor;
    }

    public Uri BaseUrl { get; }

    public SecretRedactor Redactor { get; }

    /// <summary>Where the connection's transports log (session renewals); set by <see cref="OdooClient.ConnectAsync"/>.</summary>
    public Microsoft.Extensions.Logging.ILogger Logger { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary><c>OdooGen/&lt;package version&gt; (.NET)</c>: the informational version without its commit (<c>+sha</c>).</summary>
    public static string DefaultUserAgent { get; } =
        "OdooGen/" + ((System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(OdooHttpConnection).Assembly)?.InformationalVersion ?? "0").Split('+')[0]) + " (.NET)";

    /// <summary>Creates the connection the options describe.</summary>
    public static OdooHttpConnection Create(OdooClientOptions options, SecretRedactor redactor)
    {
        var baseUrl = options.GetBaseUrl();
        var ua = options.UserAgent ?? DefaultUserAgent;
        if (options.HttpClient is { } injected)
        {
            return new OdooHttpConnection(baseUrl, injected, ownsClient: false, options.Timeout, ua, redactor);
        }
        if (options.HttpMessageHandler is { } handler)
        {
            var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            return new OdooHttpConnection(baseUrl, client, ownsClient: true, options.Timeout, ua, redactor);
        }
        var owned = new HttpClient(OdooHttpHandlers.Create(options), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new OdooHttpConnection(baseUrl, owned, ownsClient: true, options.Timeout, ua, redactor);
    }

    public Uri Resolve(string relativePath) => RouteOf(relativePath).Url;

    private Route RouteOf(string relativePath)
    {
        if (_routes.TryGetValue(relativePath, out var route)) return route;
        route = new Route(new Uri(BaseUrl, relativePath));
        return _routes.Count < MaxCachedRoutes ? _routes.GetOrAdd(relativePath, route) : route;
    }

    /// <summary>The <c>Cookie</c> header for a route: recomputed when a <c>Set-Cookie</c> arrived since, or every 10 s.</summary>
    private string CookieHeaderFor(Route route)
    {
        var version = Volatile.Read(ref _cookieVersion);
        var now = Environment.TickCount64;
        if (route.Cookie is { } cached && cached.Version == version && now - cached.At < CookieHeaderLifetimeMs) return cached.Value;
        var value = _cookies.GetCookieHeader(route.Url);
        route.Cookie = new CookieHeader(value, version, now);
        return value;
    }

    /// <summary>
    /// Sends one request and reads the whole answer. Network failures and timeouts become
    /// <see cref="OdooTransportException"/>; the caller's own cancellation stays an
    /// <see cref="OperationCanceledException"/>. HTTP error statuses are returned, not thrown.
    /// </summary>
    public async Task<HttpAnswer> SendAsync(
        HttpMethod method,
        string relativePath,
        PooledBuffer? body,
        string? bearerToken,
        string? database,
        CallInfo info,
        CancellationToken cancellationToken,
        bool whileClosing = false,
        bool resendable = true)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_closing && !whileClosing) throw new ObjectDisposedException(nameof(OdooClient), $"The Odoo client was disposed; {info.Description} was not sent.");
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await SendCoreAsync(method, relativePath, body, bearerToken, database, info, resendable, whileClosing ? CancellationToken.None : _abort.Token, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlight) == 0 && _closing) _drained?.TrySetResult();
        }
    }

    /// <summary>
    /// Stops taking new requests, gives those in flight up to <paramref name="drain"/> to finish, then cancels the
    /// rest (they end with <see cref="ObjectDisposedException"/>). Requests sent with <c>whileClosing</c> (the logout) still go.
    /// </summary>
    public async Task CloseAsync(TimeSpan drain)
    {
        _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _closing = true;
        if (Volatile.Read(ref _inFlight) > 0)
        {
            await Task.WhenAny(_drained.Task, Task.Delay(drain)).ConfigureAwait(false);
        }
        _abort.Cancel();
    }

    private async Task<HttpAnswer> SendCoreAsync(
        HttpMethod method,
        string relativePath,
        PooledBuffer? body,
        string? bearerToken,
        string? database,
        CallInfo info,
        bool resendable,
        CancellationToken abort,
        CancellationToken cancellationToken)
    {
        var route = RouteOf(relativePath);
        var url = route.Url;
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, abort);
        if (_timeout != Timeout.InfiniteTimeSpan) timeoutCts.CancelAfter(_timeout);
        var token = timeoutCts.Token;
        using var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (bearerToken is not null) request.Headers.TryAddWithoutValidation("Authorization", "bearer " + bearerToken);
        if (!string.IsNullOrEmpty(database)) request.Headers.TryAddWithoutValidation("X-Odoo-Database", database);
        var cookie = CookieHeaderFor(route);
        if (cookie.Length > 0) request.Headers.TryAddWithoutValidation("Cookie", cookie);
        if (body is not null)
        {
            // A call that is not read-only goes out at most once, whatever handlers the injected HttpClient chains
            // (a resilience pipeline's retry): its content refuses to be sent a second time.
            request.Content = resendable ? new ReadOnlyMemoryContent(body.Memory) : new SendOnceContent(body.Memory, info.Description);
            request.Content.Headers.ContentType = JsonContentType;
        }
        PooledBuffer? answerBody = null;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            KeepCookies(response, url);
            answerBody = new PooledBuffer(response.Content.Headers.ContentLength is { } len and > 0 and < 64 * 1024 * 1024 ? (int)len + 1 : 16 * 1024);
            var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await answerBody.ReadFromAsync(stream, token).ConfigureAwait(false);
            }
            var status = (int)response.StatusCode;
            var retryAfter = status is 429 or 503 ? HttpAnswer.RetryAfterOf(response.Headers.RetryAfter, DateTimeOffset.UtcNow) : null;
            var answer = new HttpAnswer(status, response.ReasonPhrase, response.Content.Headers.ContentType?.ToString(), answerBody, url, retryAfter);
            answerBody = null;
            return answer;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"{info.Description} was cancelled.", null, cancellationToken);
        }
        catch (OperationCanceledException ex) when (abort.IsCancellationRequested)
        {
            throw new ObjectDisposedException(
                $"The Odoo client was disposed while {info.Description} was in flight: Odoo may or may not have run it.", ex);
        }
        catch (OperationCanceledException ex)
        {
            // Our timeout fired, or the injected HttpClient's own Timeout did (TaskCanceledException with a TimeoutException inside).
            var seconds = _timeout == Timeout.InfiniteTimeSpan ? _http.Timeout.TotalSeconds : _timeout.TotalSeconds;
            var after = seconds > 0 ? $" after {seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s" : "";
            throw new OdooTransportException(
                $"{info.Description} timed out{after} waiting for Odoo at {url}.", ex)
            {
                Url = url,
                IsTimeout = true,
                Model = info.Model,
                Method = info.Method,
                Ids = info.Ids,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException)
        {
            var status = (ex as HttpRequestException)?.StatusCode;
            throw new OdooTransportException(
                $"{info.Description} to Odoo at {url} failed: {Redactor.Redact(Describe(ex))}.", ex)
            {
                Url = url,
                StatusCode = status is null ? null : (int)status,
                Model = info.Model,
                Method = info.Method,
                Ids = info.Ids,
            };
        }
        finally
        {
            answerBody?.Dispose();
        }
    }

    /// <summary>
    /// The cause of a network failure, each part said once: the messages of the exception and its inner
    /// exceptions, joined by ": ", leaving out those an outer message already holds (a socket error
    /// repeats the HTTP error wrapping it) and the "see inner exception" pointers.
    /// </summary>
    /// <remarks>A refused TLS handshake also says why in words (host name mismatch, untrusted root, expired: <see cref="OdooTlsText"/>).</remarks>
    /// <example><c>Connection refused (127.0.0.1:9)</c>; <c>The SSL connection could not be established: The remote certificate is invalid
    /// because of errors in the certificate chain: UntrustedRoot. The server's certificate was refused: the certificate chain ends at a root
    /// this machine does not trust ...</c></example>
    internal static string Describe(Exception ex)
    {
        var sb = new StringBuilder();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            var message = CauseOf(e.Message);
            if (message.Length == 0 || sb.ToString().Contains(message, StringComparison.OrdinalIgnoreCase)) continue;
            if (sb.Length > 0) sb.Append(": ");
            sb.Append(message);
        }
        if (sb.Length == 0) sb.Append(ex.GetType().Name);
        if (OdooTlsText.Explain(ex) is { } why) sb.Append(". The server's certificate was refused: ").Append(why);
        return sb.ToString();
    }

    /// <summary>A message without its "see inner exception" pointer and its final period.</summary>
    private static string CauseOf(string? message)
    {
        var m = (message ?? "").Trim();
        foreach (var pointer in InnerExceptionPointers)
        {
            if (m.EndsWith(pointer, StringComparison.OrdinalIgnoreCase))
            {
                m = m[..^pointer.Length].TrimEnd();
                break;
            }
        }
        return m.TrimEnd('.', ',', ';', ':', ' ');
    }

    private static readonly string[] InnerExceptionPointers =
        [", see inner exception.", ", see inner exception", "See the inner exception for details.", "See inner exception for details."];

    private void KeepCookies(HttpResponseMessage response, Uri url)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var v in values)
        {
            try
            {
                _cookies.SetCookies(url, v);
                Interlocked.Increment(ref _cookieVersion);
            }
            catch (CookieException)
            {
                // A malformed cookie is not worth failing the call for.
            }
        }
    }

    public void Dispose()
    {
        _closing = true;
        _abort.Cancel();
        if (_ownsClient) _http.Dispose();
        _abort.Dispose();
    }
}

/// <summary>
/// The body of a call that must not run twice (a create, a write, any call not marked read-only): it can be written
/// to the connection once. An HTTP handler that sends the same request again (a retry configured on the injected
/// <see cref="HttpClient"/>) gets an <see cref="InvalidOperationException"/> before a byte of the body goes out,
/// which reaches the caller inside an <see cref="OdooTransportException"/>: the call ran at most once.
/// See <see cref="OdooHttpRequest.IsRetrySafe"/>.
/// </summary>
internal sealed class SendOnceContent(ReadOnlyMemory<byte> body, string call) : HttpContent
{
    private int _sent;

    private void Claim()
    {
        if (Interlocked.Exchange(ref _sent, 1) != 0)
        {
            throw new InvalidOperationException(
                $"An HTTP handler tried to send {call} a second time. It is not read-only, so it is never resent: retry only requests for which OdooHttpRequest.IsRetrySafe is true.");
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
    {
        Claim();
        return stream.WriteAsync(body, cancellationToken).AsTask();
    }

    protected override void SerializeToStream(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
    {
        Claim();
        stream.Write(body.Span);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}
