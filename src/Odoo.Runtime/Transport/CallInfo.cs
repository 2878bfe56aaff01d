namespace Odoo.Transport;

/// <summary>What was asked, for error messages and telemetry (never holds credentials).</summary>
/// <param name="Description">For example <c>res.partner.write(7, 8)</c> or <c>common.login</c>.</param>
/// <param name="Model">The model, when the call is an ORM call.</param>
/// <param name="Method">The method (or service method).</param>
/// <param name="Ids">The record ids, when known.</param>
internal readonly record struct CallInfo(string Description, string? Model, string Method, IReadOnlyList<int>? Ids)
{
    public static CallInfo For(OdooCall call) =>
        new(OdooException.DescribeCall(call.Model, call.Method, call.Ids), call.Model, call.Method, call.Ids);

    public static CallInfo Service(string service, string method) => new($"{service}.{method}", null, method, null);
}

/// <summary>Removes the password and API key from any text that reaches a message or property.</summary>
internal sealed class SecretRedactor
{
    /// <summary>Secrets shorter than this are not searched for (replacing them would garble ordinary text).</summary>
    private const int MinLength = 4;

    private readonly string[] _secrets;

    public SecretRedactor(params string?[] secrets) =>
        _secrets = secrets.Where(s => s is { Length: >= MinLength }).Distinct(StringComparer.Ordinal).OrderByDescending(s => s!.Length).ToArray()!;

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
