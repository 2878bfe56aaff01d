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
/// Masks the password and API key where the server (or a foreign exception) echoes them: in text that came from the
/// server (error messages, tracebacks, error arguments, quoted bodies, decoded values), never in the client's own
/// message templates, which are built without secrets. An echo is recognised by place, not by substring:
/// <list type="bullet">
/// <item>the secret quoted (<c>'…'</c>, <c>"…"</c>, or an escaped quote inside a JSON string), as Python's <c>repr</c>
/// and JSON write an argument;</item>
/// <item>the secret as the whole text;</item>
/// <item>for a distinctive secret (12 characters or more, or 6 or more mixing letters, digits and symbols), also the
/// secret as a whole token (not inside a longer word), as an unquoted echo shows it.</item>
/// </list>
/// A secret that is an ordinary word (<c>admin</c>, <c>wrong</c>) therefore masks an echoed argument but leaves the
/// same word alone in running text. Each secret is searched as written and in the escaped forms a JSON body carries
/// it: System.Text.Json's default escaping (<c>\u00E9</c>, <c>\u0022</c>), its relaxed escaping (<c>\"</c>,
/// non-ASCII kept), and Python's <c>json.dumps</c> as Odoo answers (<c>\u00e9</c>, <c>\"</c>).
/// </summary>
internal sealed class SecretRedactor
{
    /// <summary>The text that stands in for a secret.</summary>
    public const string Mask = "***";

    private readonly (string Form, bool Distinctive)[] _secrets;

    public SecretRedactor(params string?[] secrets) =>
        _secrets = secrets
            .Where(s => !string.IsNullOrEmpty(s))
            .SelectMany(s => Forms(s!).Select(f => (Form: f, Distinctive: IsDistinctive(s!))))
            .GroupBy(x => x.Form, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Any(x => x.Distinctive)))
            .OrderByDescending(x => x.Key.Length)
            .ToArray();

    /// <summary>
    /// Whether a secret is unlike any word of ordinary text: 12 characters or more, or 6 or more mixing at least two of
    /// letters, digits and other characters. Such a secret is also masked where it stands unquoted.
    /// </summary>
    internal static bool IsDistinctive(string secret)
    {
        if (secret.Length >= 12) return true;
        if (secret.Length < 6) return false;
        int letters = 0, digits = 0, others = 0;
        foreach (var c in secret)
        {
            if (char.IsLetter(c)) letters = 1;
            else if (char.IsDigit(c)) digits = 1;
            else others = 1;
        }
        return letters + digits + others >= 2;
    }

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

    /// <summary>Masks the secrets echoed in <paramref name="serverText"/> (text that came from the server or a foreign exception).</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(serverText))]
    public string? Redact(string? serverText)
    {
        if (string.IsNullOrEmpty(serverText) || _secrets.Length == 0) return serverText;
        var text = serverText;
        foreach (var (form, distinctive) in _secrets)
        {
            var at = text.IndexOf(form, StringComparison.Ordinal);
            if (at < 0) continue;
            StringBuilder? sb = null;
            var copied = 0;
            for (; at >= 0; at = text.IndexOf(form, at + 1, StringComparison.Ordinal))
            {
                if (at < copied || !IsEcho(text, at, form.Length, distinctive)) continue;
                sb ??= new StringBuilder(text.Length);
                sb.Append(text, copied, at - copied).Append(Mask);
                copied = at + form.Length;
            }
            if (sb is null) continue;
            text = sb.Append(text, copied, text.Length - copied).ToString();
        }
        return text;
    }

    /// <summary>Whether the server text holds an echo of a secret (masked by <see cref="Redact"/>).</summary>
    public bool Contains(string? serverText)
    {
        if (string.IsNullOrEmpty(serverText)) return false;
        foreach (var (form, distinctive) in _secrets)
        {
            for (var at = serverText.IndexOf(form, StringComparison.Ordinal); at >= 0; at = serverText.IndexOf(form, at + 1, StringComparison.Ordinal))
            {
                if (IsEcho(serverText, at, form.Length, distinctive)) return true;
            }
        }
        return false;
    }

    /// <summary>Whether an exception's text (message, inner exceptions, stack) holds an echo of a secret.</summary>
    public bool Leaks(Exception ex) => _secrets.Length > 0 && Contains(ex.ToString());

    /// <summary>Whether the occurrence at <paramref name="at"/> stands where an echoed argument stands (see the class remarks).</summary>
    private static bool IsEcho(string text, int at, int length, bool distinctive)
    {
        var end = at + length;
        if (QuoteBefore(text, at) && QuoteAfter(text, end)) return true;
        if (text.AsSpan(0, at).IsWhiteSpace() && text.AsSpan(end).IsWhiteSpace()) return true;
        return distinctive && BoundaryBefore(text, at) && BoundaryAfter(text, end);
    }

    private static bool IsQuote(char c) => c is '\'' or '"';

    /// <summary>A quote, an escaped quote (<c>\"</c>) or a <c>\u0022</c>/<c>\u0027</c> escape right before <paramref name="at"/>.</summary>
    private static bool QuoteBefore(string text, int at) =>
        (at > 0 && IsQuote(text[at - 1])) ||
        (at >= 6 && text[at - 6] == '\\' && text[at - 5] == 'u' && text.AsSpan(at - 4, 4) is "0022" or "0027");

    private static bool QuoteAfter(string text, int end) =>
        (end < text.Length && IsQuote(text[end])) ||
        (end + 1 < text.Length && text[end] == '\\' && IsQuote(text[end + 1])) ||
        (end + 6 <= text.Length && text[end] == '\\' && text[end + 1] == 'u' && text.AsSpan(end + 2, 4) is "0022" or "0027");

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>No word continues across <paramref name="at"/> (a JSON escape such as <c>\n</c> or <c>\u00e9</c> before it ends a word).</summary>
    private static bool BoundaryBefore(string text, int at)
    {
        if (at == 0 || !IsWordChar(text[at - 1]) || !IsWordChar(text[at])) return true;
        if (at >= 2 && text[at - 2] == '\\') return true;
        return at >= 6 && text[at - 6] == '\\' && text[at - 5] == 'u';
    }

    private static bool BoundaryAfter(string text, int end) =>
        end == text.Length || !IsWordChar(text[end]) || !IsWordChar(text[end - 1]);
}
