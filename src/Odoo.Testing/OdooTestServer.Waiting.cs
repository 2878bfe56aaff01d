namespace Odoo.Testing;

public sealed partial class OdooTestServer
{
    /// <summary>
    /// How long <see cref="WaitForRequestsAsync"/> waits by default for the requests to reach the log: generous,
    /// so that a loaded machine does not fail a test whose requests are merely late.
    /// </summary>
    public static readonly TimeSpan DefaultRequestWaitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Waits until the request log holds at least <paramref name="atLeast"/> requests matching
    /// <paramref name="predicate"/> (or <paramref name="timeout"/>, by default <see cref="DefaultRequestWaitTimeout"/>,
    /// has passed), then for <paramref name="settle"/> more, so that a late extra request (a wrong second attempt)
    /// would show too; returns the count then. A request whose connection was dropped or aborted reaches the log
    /// when the server's handler unwinds, which may be just after the client has seen the failure.
    /// </summary>
    /// <param name="predicate">Which requests count.</param>
    /// <param name="atLeast">The count to wait for.</param>
    /// <param name="settle">How long to keep watching after the count is reached; none by default.</param>
    /// <param name="timeout">How long to wait for the count at most.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The number of matching requests in the log at the end of the wait (it may be below <paramref name="atLeast"/> after a timeout).</returns>
    public async Task<int> WaitForRequestsAsync(Func<OdooRecordedRequest, bool> predicate, int atLeast, TimeSpan? settle = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultRequestWaitTimeout);
        while (CountRequests(predicate) < atLeast && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
        if (settle is { } extra && extra > TimeSpan.Zero)
        {
            await Task.Delay(extra, cancellationToken).ConfigureAwait(false);
        }
        return CountRequests(predicate);
    }

    /// <summary>
    /// <see cref="WaitForRequestsAsync"/> for the ORM calls of <paramref name="method"/> on <paramref name="model"/>
    /// (over any protocol), as <see cref="CountCalls"/> counts them.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="method">The ORM method, e.g. <c>create</c>.</param>
    /// <param name="atLeast">The count to wait for.</param>
    /// <param name="settle">How long to keep watching after the count is reached; none by default.</param>
    /// <param name="timeout">How long to wait for the count at most.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The number of such calls in the log at the end of the wait.</returns>
    public Task<int> WaitForCallsAsync(string model, string method, int atLeast, TimeSpan? settle = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        => WaitForRequestsAsync(r => r.Model == model && r.Method == method, atLeast, settle, timeout, cancellationToken);
}
