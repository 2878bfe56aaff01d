using System.Net.Sockets;

namespace Odoo.Transport;

internal sealed partial class OdooHttpConnection
{
    /// <summary>
    /// Sends one request whose answer is read as a stream (a PDF, a database dump): returns once the status and headers
    /// arrived, and the caller reads (and disposes) the body. The timeout covers the wait for the headers (Odoo renders a
    /// report or writes a dump before it answers); reading the body is bounded by <paramref name="cancellationToken"/> only.
    /// The session cookie goes with the request and cookies the answer sets are kept. Network failures and the timeout
    /// become <see cref="OdooTransportException"/>, as for <see cref="SendAsync"/>; HTTP error statuses are returned.
    /// </summary>
    public async Task<HttpResponseMessage> SendStreamingAsync(
        HttpMethod method,
        string relativePath,
        HttpContent? content,
        string accept,
        CallInfo info,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_closing) throw new ObjectDisposedException(nameof(OdooClient), $"The Odoo client was disposed; {info.Description} was not sent.");
        var route = RouteOf(relativePath);
        var url = route.Url;
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token);
        if (_timeout != Timeout.InfiniteTimeSpan) timeoutCts.CancelAfter(_timeout);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var cookie = CookieHeaderFor(route);
        if (cookie.Length > 0) request.Headers.TryAddWithoutValidation("Cookie", cookie);
        request.Content = content;
        try
        {
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutCts.Token).ConfigureAwait(false);
            KeepCookies(response, url);
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"{info.Description} was cancelled.", null, cancellationToken);
        }
        catch (OperationCanceledException ex) when (_abort.IsCancellationRequested)
        {
            throw new ObjectDisposedException($"The Odoo client was disposed while {info.Description} was in flight.", ex);
        }
        catch (OperationCanceledException ex)
        {
            var seconds = _timeout == Timeout.InfiniteTimeSpan ? _http.Timeout.TotalSeconds : _timeout.TotalSeconds;
            var after = seconds > 0 ? $" after {seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s" : "";
            throw new OdooTransportException(Redactor.Redact($"{info.Description} timed out{after} waiting for Odoo at {url}."), ex)
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
            throw new OdooTransportException(Redactor.Redact($"{info.Description} to Odoo at {url} failed: {Describe(ex)}."), ex)
            {
                Url = url,
                StatusCode = status is null ? null : (int)status,
                Model = info.Model,
                Method = info.Method,
                Ids = info.Ids,
            };
        }
    }

    /// <summary>Copies an answer's body to <paramref name="destination"/>, turning a dropped connection into <see cref="OdooTransportException"/>.</summary>
    public async Task CopyBodyAsync(HttpResponseMessage response, Stream destination, CallInfo info, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await body.CopyToAsync(destination, 81920, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException && !cancellationToken.IsCancellationRequested)
        {
            var url = response.RequestMessage?.RequestUri ?? BaseUrl;
            throw new OdooTransportException(Redactor.Redact($"{info.Description}: reading the answer of Odoo at {url} failed: {Describe(ex)}."), ex)
            {
                Url = url,
                Model = info.Model,
                Method = info.Method,
                Ids = info.Ids,
            };
        }
    }

    /// <summary>Reads an answer's body as text (an error page), at most <paramref name="maxChars"/> characters.</summary>
    public static async Task<string> ReadTextAsync(HttpResponseMessage response, int maxChars, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                using var reader = new StreamReader(body, System.Text.Encoding.UTF8);
                var buffer = new char[maxChars];
                var total = 0;
                int n;
                while (total < maxChars && (n = await reader.ReadAsync(buffer.AsMemory(total, maxChars - total), cancellationToken).ConfigureAwait(false)) > 0) total += n;
                return new string(buffer, 0, total);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return "";
        }
    }
}
