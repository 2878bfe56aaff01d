namespace OdooGen.Benchmarks.Support;

/// <summary>
/// Counts the HTTP requests sent through it (thread-safe), and keeps a copy of the last request
/// (path and body) while <see cref="Capture"/> is on. Put under the library
/// (<c>OdooClientOptions.HttpMessageHandler</c>) and under the raw floors alike.
/// </summary>
public sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>While on, each request's path and body are kept (<see cref="Last"/>, <see cref="Captured"/>).</summary>
    public bool Capture { get; set; }

    public (string Path, byte[] Body)? Last { get; private set; }

    public List<(string Path, byte[] Body)> Captured { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        if (Capture)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var entry = (request.RequestUri!.AbsolutePath, body);
            lock (Captured)
            {
                Captured.Add(entry);
                Last = entry;
            }
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
