using System.Globalization;

namespace Odoo;

/// <summary>
/// An Odoo server version, parsed tolerantly from what the server reports: <c>18.0</c>,
/// <c>18.0+e</c>, <c>saas~17.2</c>, <c>17.0-20240101</c>, <c>19.0</c>. Comparable by major, then minor.
/// </summary>
public sealed class OdooVersion : IComparable<OdooVersion>, IEquatable<OdooVersion>
{
    private OdooVersion(string text, int major, int minor, bool isSaas, bool isEnterprise)
    {
        Text = text;
        Major = major;
        Minor = minor;
        IsSaas = isSaas;
        IsEnterprise = isEnterprise;
    }

    /// <summary>The version text exactly as the server reported it (or as configured).</summary>
    public string Text { get; }

    /// <summary>The major version, for example 18.</summary>
    public int Major { get; }

    /// <summary>The minor version, for example 0 (2 for <c>saas~17.2</c>).</summary>
    public int Minor { get; }

    /// <summary>Whether this is a SaaS build (<c>saas~17.2</c>).</summary>
    public bool IsSaas { get; }

    /// <summary>Whether the text marks the enterprise edition (<c>+e</c>).</summary>
    public bool IsEnterprise { get; }

    /// <summary><c>"{Major}.{Minor}"</c>: the key used for version-specific field names.</summary>
    public string MajorMinor => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    /// <summary>Whether the server has the JSON-2 API (Odoo 19 and later).</summary>
    public bool SupportsJson2 => Major >= 19;

    /// <summary>Parses a version text.</summary>
    /// <param name="text">The text, for example <c>18.0+e</c>.</param>
    /// <exception cref="FormatException">No major version can be found in <paramref name="text"/>.</exception>
    public static OdooVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not an Odoo version (expected something like 18.0, 18.0+e or saas~17.2).");
    }

    /// <summary>Tries to parse a version text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="version">The parsed version.</param>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OdooVersion? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        var isSaas = t.StartsWith("saas", StringComparison.OrdinalIgnoreCase);
        var isEnterprise = t.Contains("+e", StringComparison.Ordinal);
        var i = 0;
        while (i < t.Length && !char.IsAsciiDigit(t[i])) i++;
        var major = ReadInt(t, ref i);
        if (major is null) return false;
        int minor = 0;
        if (i < t.Length && t[i] == '.')
        {
            i++;
            minor = ReadInt(t, ref i) ?? 0;
        }
        version = new OdooVersion(text, major.Value, minor, isSaas, isEnterprise);
        return true;
    }

    private static int? ReadInt(string t, ref int i)
    {
        var start = i;
        while (i < t.Length && char.IsAsciiDigit(t[i]) && i - start < 9) i++;
        return i == start ? null : int.Parse(t.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public int CompareTo(OdooVersion? other)
    {
        if (other is null) return 1;
        var c = Major.CompareTo(other.Major);
        return c != 0 ? c : Minor.CompareTo(other.Minor);
    }

    /// <inheritdoc />
    public bool Equals(OdooVersion? other) => other is not null && Major == other.Major && Minor == other.Minor;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OdooVersion);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Major, Minor);

    /// <summary>Compares by major, then minor.</summary>
    public static bool operator <(OdooVersion left, OdooVersion right) => left.CompareTo(right) < 0;

    /// <summary>Compares by major, then minor.</summary>
    public static bool operator >(OdooVersion left, OdooVersion right) => left.CompareTo(right) > 0;

    /// <summary>Compares by major, then minor.</summary>
    public static bool operator <=(OdooVersion left, OdooVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Compares by major, then minor.</summary>
    public static bool operator >=(OdooVersion left, OdooVersion right) => left.CompareTo(right) >= 0;

    /// <summary>Equal by major and minor.</summary>
    public static bool operator ==(OdooVersion? left, OdooVersion? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Different major or minor.</summary>
    public static bool operator !=(OdooVersion? left, OdooVersion? right) => !(left == right);

    /// <inheritdoc />
    public override string ToString() => Text;
}
