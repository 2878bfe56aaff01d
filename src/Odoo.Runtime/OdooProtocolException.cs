using System.Text;

namespace Odoo;

/// <summary>The server answered with something that is not what Odoo sends (HTML instead of JSON, truncated JSON, a wrong shape).</summary>
public class OdooProtocolException : OdooException
{
    /// <summary>The most characters of a body quoted in a message.</summary>
    public const int MaxQuotedLength = 200;

    /// <summary>Creates the error.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OdooProtocolException(string message, Exception? innerException = null) : base(message, innerException) { }

    /// <summary>The start of the offending body (at most <see cref="MaxQuotedLength"/> characters).</summary>
    public string? BodyExcerpt { get; init; }
}
