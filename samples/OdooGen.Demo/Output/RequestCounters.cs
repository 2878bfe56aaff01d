using Odoo.Testing;

namespace OdooGen.Demo.Output;

/// <summary>Counts the HTTP requests sent to Odoo so far.</summary>
internal interface IRequestCounter
{
    /// <summary>The number of requests so far.</summary>
    int Count { get; }
}

/// <summary>Counts from the in-memory server's request log: what Odoo actually received.</summary>
/// <param name="server">The server.</param>
internal sealed class ServerRequestLog(OdooTestServer server) : IRequestCounter
{
    /// <inheritdoc />
    public int Count => server.CountRequests();
}

/// <summary>
/// Counts on the client side, for a real Odoo whose logs we cannot read: an HTTP handler that the
/// client sends every request through (<c>OdooClientOptions.HttpMessageHandler</c>).
/// </summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler { UseCookies = false }), IRequestCounter
{
    private int _count;

    /// <inheritdoc />
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}
