namespace Odoo.Testing.Internal;

/// <summary>SQL LIKE matching (<c>%</c> any run, <c>_</c> one character, <c>\</c> escapes).</summary>
internal sealed class LikePattern
{
    private readonly string _pattern;
    private readonly StringComparison _comparison;
    private readonly string? _contains;
    private readonly bool _ignoreCase;

    public LikePattern(string pattern, bool ignoreCase)
    {
        _pattern = pattern;
        _ignoreCase = ignoreCase;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        // Fast path: "%literal%" (what like/ilike make of a plain value).
        if (pattern.Length >= 2 && pattern[0] == '%' && pattern[^1] == '%')
        {
            var inner = pattern[1..^1];
            if (inner.IndexOfAny(['%', '_', '\\']) < 0) _contains = inner;
        }
    }

    public bool IsMatch(string s) => _contains is not null ? s.Contains(_contains, _comparison) : Match(s, 0, 0);

    private bool Match(string s, int si, int pi)
    {
        while (pi < _pattern.Length)
        {
            var pc = _pattern[pi];
            if (pc == '%')
            {
                while (pi < _pattern.Length && _pattern[pi] == '%') pi++;
                if (pi == _pattern.Length) return true;
                for (var k = si; k <= s.Length; k++)
                    if (Match(s, k, pi)) return true;
                return false;
            }
            if (si >= s.Length) return false;
            if (pc == '_') { si++; pi++; continue; }
            if (pc == '\\' && pi + 1 < _pattern.Length) pc = _pattern[++pi];
            if (!CharEquals(s[si], pc)) return false;
            si++;
            pi++;
        }
        return si == s.Length;
    }

    private bool CharEquals(char a, char b)
        => a == b || (_ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
