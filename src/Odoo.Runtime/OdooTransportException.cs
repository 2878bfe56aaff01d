using System.Text;

namespace Odoo;

/// <summary>The call never got an Odoo answer: connection refused or dropped, timeout, or an HTTP error status.</summary>
public class OdooTransportException : OdooException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OdooTransportException(string message, Exception? innerException = null) : base(message, innerException) { }

    /// <summary>The HTTP status, when the server answered with one.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The URL called (never with credentials).</summary>
    public Uri? Url { get; init; }

    /// <summary>Whether the request timed out (as opposed to failing to connect or being cut).</summary>
    public bool IsTimeout { get; init; }

    /// <summary>
    /// How long the server asked the client to wait before trying again (its <c>Retry-After</c> header on an HTTP 429 or
    /// 503, in seconds or as a date), or <see langword="null"/> when it did not say. Read retries wait at least this
    /// long, and do not retry when the wait would end past <see cref="OdooClientOptions.ReadRetryBudget"/>.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }
}
