using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Odoo.Transport;

/// <summary>What was asked, for error messages and telemetry (never holds credentials).</summary>
/// <remarks>An ORM call's description is built only when something reads it (an error message), not per call.</remarks>
internal readonly struct CallInfo
{
    private readonly string? _description;

    /// <summary>Creates the information of a call.</summary>
    /// <param name="description">For example <c>res.partner.write(7, 8)</c> or <c>common.login</c>; <see langword="null"/> to describe it from the model, method and ids when needed.</param>
    /// <param name="model">The model, when the call is an ORM call.</param>
    /// <param name="method">The method (or service method).</param>
    /// <param name="ids">The record ids, when known.</param>
    public CallInfo(string? description, string? model, string method, IReadOnlyList<int>? ids)
    {
        _description = description;
        Model = model;
        Method = method;
        Ids = ids;
    }

    /// <summary>For example <c>res.partner.write(7, 8)</c> or <c>common.login</c>.</summary>
    public string Description => _description ?? OdooException.DescribeCall(Model, Method, Ids);

    /// <summary>The model, when the call is an ORM call.</summary>
    public string? Model { get; }

    /// <summary>The method (or service method).</summary>
    public string Method { get; }

    /// <summary>The record ids, when known.</summary>
    public IReadOnlyList<int>? Ids { get; }

    public static CallInfo For(OdooCall call) => new(null, call.Model, call.Method, call.Ids);

    public static CallInfo Service(string service, string method) => new($"{service}.{method}", null, method, null);
}

/// <summary>
/// Removes the password and API key from any text that reaches a message or property: as written, and in the
/// escaped forms a JSON body carries them (a body excerpt is quoted as the raw JSON text): System.Text.Json's
/// default escaping (<c>\u00E9</c>, <c>\u0022</c>), its relaxed escaping (<c>\"</c>, non-ASCII kept), and Python's
/// <c>json.dumps</c> as Odoo answers (<c>\u00e9</c>, <c>\"</c>).
/// </summary>
internal sealed class SecretRedactor
{
    /// <summary>Secrets shorter than this are not searched for (replacing them would garble ordinary text).</summary>
    private const int MinLength = 4;

    private readonly string[] _secrets;

    public SecretRedactor(params string?[] secrets) =>
        _secrets = secrets
            .Where(s => s is { Length: >= MinLength })
            .SelectMany(s => Forms(s!))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();

    /// <summary>The secret as written and as it appears inside JSON string literals.</summary>
    internal static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        if (Encode(secret, null) is { } standard) yield return standard;
        if (Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) is { } relaxed) yield return relaxed;
        yield return PythonJsonEscape(secret);
    }

    private static string? Encode(string secret, JavaScriptEncoder? encoder)
    {
        try
        {
            return JsonEncodedText.Encode(secret, encoder).ToString();
        }
        catch (ArgumentException)
        {
            return null; // invalid UTF-16 (a lone surrogate): System.Text.Json cannot write it either
        }
    }

    /// <summary>Python's <c>json.dumps</c> (<c>ensure_ascii</c>) escaping: what Odoo echoes back.</summary>
    private static string PythonJsonEscape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c is >= ' ' and <= '~') sb.Append(c);
                    else sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }
        return sb.ToString();
    }

    public static SecretRedactor None { get; } = new();

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        foreach (var s in _secrets)
        {
            if (text.Contains(s, StringComparison.Ordinal)) text = text.Replace(s, "***", StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>Whether an exception's text (message, inner exceptions, stack) holds a secret.</summary>
    public bool Leaks(Exception ex)
    {
        if (_secrets.Length == 0) return false;
        var text = ex.ToString();
        foreach (var s in _secrets)
        {
            if (text.Contains(s, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
