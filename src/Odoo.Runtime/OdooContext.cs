using System.Collections;
using System.Collections.Immutable;

namespace Odoo;

/// <summary>
/// An immutable Odoo context (<c>lang</c>, <c>tz</c>, <c>allowed_company_ids</c>, <c>active_test</c>, ...).
/// Set one on the client for every call and pass one per call to override entries.
/// </summary>
public sealed class OdooContext : IReadOnlyDictionary<string, object?>
{
    private readonly ImmutableDictionary<string, object?> _values;

    /// <summary>The empty context.</summary>
    public static OdooContext Empty { get; } = new(ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal));

    private OdooContext(ImmutableDictionary<string, object?> values) => _values = values;

    /// <summary>The user's language, for example <c>en_US</c>.</summary>
    public string? Lang => _values.TryGetValue("lang", out var v) ? v as string : null;

    /// <summary>The user's time zone, for example <c>Pacific/Auckland</c>.</summary>
    public string? TimeZone => _values.TryGetValue("tz", out var v) ? v as string : null;

    /// <summary>Whether archived records are hidden from searches (<c>active_test</c>); <see langword="null"/> when unset.</summary>
    public bool? ActiveTest => _values.TryGetValue("active_test", out var v) && v is bool b ? b : null;

    /// <summary>Returns a copy with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    /// <param name="key">The context key.</param>
    /// <param name="value">The value (any value <see cref="Transport.OdooArgument"/> accepts).</param>
    public OdooContext With(string key, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return new(_values.SetItem(key, value));
    }

    /// <summary>Returns a copy with the language set.</summary>
    /// <param name="lang">The language code, for example <c>en_US</c>.</param>
    public OdooContext WithLang(string lang) => With("lang", lang);

    /// <summary>Returns a copy with the time zone set.</summary>
    /// <param name="tz">The time zone name, for example <c>Europe/Brussels</c>.</param>
    public OdooContext WithTimeZone(string tz) => With("tz", tz);

    /// <summary>Returns a copy with <c>active_test</c> set; <see langword="false"/> includes archived records.</summary>
    /// <param name="activeTest">Whether archived records are hidden.</param>
    public OdooContext WithActiveTest(bool activeTest) => With("active_test", activeTest);

    /// <summary>Returns a copy with <c>allowed_company_ids</c> set.</summary>
    /// <param name="companyIds">The ids of the companies the call may see; the first is the current one.</param>
    public OdooContext WithAllowedCompanies(params IReadOnlyList<int> companyIds) => With("allowed_company_ids", companyIds.ToArray());

    /// <summary>Returns a copy without <paramref name="key"/>.</summary>
    /// <param name="key">The context key to remove.</param>
    public OdooContext Without(string key) => new(_values.Remove(key));

    /// <summary>Merges two contexts; entries of <paramref name="overrides"/> win.</summary>
    /// <param name="overrides">The entries to lay over this context; <see langword="null"/> returns this context.</param>
    public OdooContext Merge(OdooContext? overrides)
    {
        if (overrides is null || overrides._values.IsEmpty) return this;
        if (_values.IsEmpty) return overrides;
        return new(_values.SetItems(overrides._values));
    }

    /// <inheritdoc />
    public object? this[string key] => _values[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc />
    public IEnumerable<object?> Values => _values.Values;

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.OrderBy(p => p.Key, StringComparer.Ordinal).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", this.Select(p => $"{p.Key}: {p.Value}")) + "}";
}
