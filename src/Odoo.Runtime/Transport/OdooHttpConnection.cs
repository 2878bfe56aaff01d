using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Odoo.Transport;

/// <summary>An HTTP answer whose body was read whole into a pooled buffer.</summary>
internal sealed class HttpAnswer : IDisposable
{
    public HttpAnswer(int status, string? reasonPhrase, string? contentType, PooledBuffer body, Uri url)
    {
        Status = status;
        ReasonPhrase = reasonPhrase;
        ContentType = contentType;
        Body = body;
        Url = url;
    }

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
internal sealed class OdooHttpConnection : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly bool _ownsClient;
    private readonly CookieContainer _cookies = new();
    private readonly TimeSpan _timeout;
    private readonly string _userAgent;

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

    /// <summary>The cookie jar (tests inspect it).</summary>
    internal CookieContainer Cookies => _cookies;

    public static string DefaultUserAgent { get; } =
        "OdooGen/" + (typeof(OdooHttpConnection).Assembly.GetName().Version?.ToString(3) ?? "0") + " (.NET)";

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
        var sockets = new SocketsHttpHandler
        {
            UseCookies = false, // the connection keeps its own jar, also for injected handlers
            AllowAutoRedirect = false, // Odoo 18 answers /json/2 with a 303 to the login page: that is an answer, not a hop
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (!options.VerifyTls)
        {
            sockets.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (!string.IsNullOrEmpty(options.CaCertificatePath))
        {
            var extra = LoadCertificates(options.CaCertificatePath);
            sockets.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, errors) => ValidateWithExtraRoots(cert, errors, extra);
        }
        var owned = new HttpClient(sockets, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new OdooHttpConnection(baseUrl, owned, ownsClient: true, options.Timeout, ua, redactor);
    }

    /// <summary>Loads the CA certificates of a PEM (one or more certificates) or DER file.</summary>
    internal static X509Certificate2Collection LoadCertificates(string path)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            var text = File.ReadAllText(path);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                collection.ImportFromPem(text);
            }
            else
            {
#if NET9_0_OR_GREATER
                collection.Add(X509CertificateLoader.LoadCertificateFromFile(path));
#else
                collection.Add(new X509Certificate2(path));
#endif
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ArgumentException($"CaCertificatePath '{path}' could not be read as a PEM or DER certificate: {ex.Message}", "CaCertificatePath", ex);
        }
        if (collection.Count == 0)
        {
            throw new ArgumentException($"CaCertificatePath '{path}' holds no certificate.", "CaCertificatePath");
        }
        return collection;
    }

    /// <summary>
    /// Accepts a server certificate that the system trusts, or whose chain ends at one of
    /// <paramref name="extraRoots"/> (the system roots plus the custom CA). Name mismatches are never accepted.
    /// </summary>
    internal static bool ValidateWithExtraRoots(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection extraRoots)
    {
        if (errors == SslPolicyErrors.None) return true;
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0 || certificate is null) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.ExtraStore.AddRange(extraRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        var leaf = certificate as X509Certificate2;
        using var owned = leaf is null ? new X509Certificate2(certificate) : null;
        if (!chain.Build(leaf ?? owned!)) return false;
        foreach (var status in chain.ChainStatus)
        {
            if (status.Status is not (X509ChainStatusFlags.NoError or X509ChainStatusFlags.UntrustedRoot)) return false;
        }
        var root = chain.ChainElements[^1].Certificate;
        foreach (var ca in extraRoots)
        {
            if (root.RawData.AsSpan().SequenceEqual(ca.RawData)) return true;
        }
        return false;
    }

    public Uri Resolve(string relativePath) => new(BaseUrl, relativePath);

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
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var url = Resolve(relativePath);
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_timeout != Timeout.InfiniteTimeSpan) timeoutCts.CancelAfter(_timeout);
        var token = timeoutCts.Token;
        using var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        request.Headers.Accept.ParseAdd("application/json");
        if (bearerToken is not null) request.Headers.TryAddWithoutValidation("Authorization", "bearer " + bearerToken);
        if (!string.IsNullOrEmpty(database)) request.Headers.TryAddWithoutValidation("X-Odoo-Database", database);
        var cookie = _cookies.GetCookieHeader(url);
        if (cookie.Length > 0) request.Headers.TryAddWithoutValidation("Cookie", cookie);
        if (body is not null)
        {
            request.Content = new ReadOnlyMemoryContent(body.Memory);
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
            var answer = new HttpAnswer((int)response.StatusCode, response.ReasonPhrase, response.Content.Headers.ContentType?.ToString(), answerBody, url);
            answerBody = null;
            return answer;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"{info.Description} was cancelled.", null, cancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            // Our timeout fired, or the injected HttpClient's own Timeout did (TaskCanceledException with a TimeoutException inside).
            var seconds = _timeout == Timeout.InfiniteTimeSpan ? _http.Timeout.TotalSeconds : _timeout.TotalSeconds;
            var after = seconds > 0 ? $" after {seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s" : "";
            throw new OdooTransportException(
                Redactor.Redact($"{info.Description} timed out{after} waiting for Odoo at {url}."), ex)
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
                Redactor.Redact($"{info.Description} failed: could not get an answer from Odoo at {url}: {Describe(ex)}"), ex)
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

    private static string Describe(Exception ex)
    {
        var sb = new StringBuilder(ex.Message);
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            sb.Append(" (").Append(inner.Message).Append(')');
        }
        return sb.ToString();
    }

    private void KeepCookies(HttpResponseMessage response, Uri url)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var v in values)
        {
            try
            {
                _cookies.SetCookies(url, v);
            }
            catch (CookieException)
            {
                // A malformed cookie is not worth failing the call for.
            }
        }
    }

    public void Dispose()
    {
        if (_ownsClient) _http.Dispose();
    }
}
