using System.Globalization;
using System.Text;

namespace Odoo.Schema;

/// <summary>
/// C# names for Odoo names. <see cref="ToSnakeCase"/>, <see cref="Pluralize"/> and
/// <see cref="Singularize"/> follow the generator's conventions exactly, so scaffolded code states
/// a name only where the convention would not produce it.
/// </summary>
internal static class CSharpNaming
{
    /// <summary><c>referral_credit_type</c> → <c>ReferralCreditType</c>; <c>2fa</c> → <c>_2fa</c>; empty → <c>Field</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var sb = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c < 0x80 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c))
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }
        if (sb.Length == 0) return "Field";
        if (char.IsDigit(sb[0])) sb.Insert(0, '_');
        // Starts with an upper-case letter or '_': never a C# keyword (they are all lower case).
        return sb.ToString();
    }

    /// <summary>The generator's rule: <c>AllowedUses</c> → <c>allowed_uses</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var prev = i > 0 ? name[i - 1] : '\0';
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                if (i > 0 && prev != '_' && (char.IsLower(prev) || char.IsDigit(prev) || (char.IsUpper(prev) && char.IsLower(next))))
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>The generator's rule: <c>ReferralCode</c> → <c>ReferralCodes</c>, <c>Category</c> → <c>Categories</c>.</summary>
    public static string Pluralize(string name)
    {
        if (name.Length == 0) return name;
        if (name.EndsWith('y') && name.Length > 1 && !IsVowel(name[^2])) return name[..^1] + "ies";
        if (name.EndsWith('s') || name.EndsWith('x') || name.EndsWith('z') || name.EndsWith("ch", StringComparison.Ordinal) || name.EndsWith("sh", StringComparison.Ordinal))
        {
            return name + "es";
        }
        return name + "s";
    }

    /// <summary>The generator's rule: <c>Referrals</c> → <c>Referral</c>, <c>Categories</c> → <c>Category</c>.</summary>
    public static string Singularize(string name)
    {
        if (name.EndsWith("Children", StringComparison.Ordinal)) return name[..^3];
        if (name.EndsWith("People", StringComparison.Ordinal)) return name[..^6] + "Person";
        if (name.EndsWith("ies", StringComparison.Ordinal) && name.Length > 3) return name[..^3] + "y";
        if (name.EndsWith("sses", StringComparison.Ordinal) || name.EndsWith("xes", StringComparison.Ordinal) || name.EndsWith("zes", StringComparison.Ordinal)
            || name.EndsWith("ches", StringComparison.Ordinal) || name.EndsWith("shes", StringComparison.Ordinal))
        {
            return name[..^2];
        }
        if (name.EndsWith('s') && !name.EndsWith("ss", StringComparison.Ordinal) && name.Length > 1) return name[..^1];
        return name;
    }

    /// <summary>A plural for a list property: <c>Tag</c> → <c>Tags</c>, <c>Child</c> → <c>Children</c>; names ending in s are kept.</summary>
    public static string ListName(string name)
    {
        if (name.EndsWith('s')) return name;
        if (name.EndsWith("Child", StringComparison.Ordinal)) return name + "ren";
        if (name.EndsWith("Person", StringComparison.Ordinal)) return name[..^6] + "People";
        return Pluralize(name);
    }

    /// <summary>A singular for a record name: <c>Users</c> → <c>User</c>; <c>Address</c>, <c>Status</c>, <c>Analysis</c> are kept.</summary>
    public static string RecordSingular(string name)
    {
        if (name.Length > 3 && name.EndsWith('s') && !name.EndsWith("ss", StringComparison.Ordinal) && !name.EndsWith("us", StringComparison.Ordinal)
            && !name.EndsWith("is", StringComparison.Ordinal) && !name.EndsWith("ies", StringComparison.Ordinal))
        {
            return name[..^1];
        }
        return name;
    }

    private static bool IsVowel(char c) => "aeiouAEIOU".Contains(c, StringComparison.Ordinal);

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c > 0x7E) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>Text escaped for an XML doc comment, on one line.</summary>
    public static string Xml(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' or '\t': sb.Append(' '); break;
                default:
                    if (char.IsControl(c)) sb.Append(' ');
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString().Trim();
    }

    /// <summary>Text as XML doc lines (split at line breaks, escaped, empty lines dropped).</summary>
    public static IEnumerable<string> XmlLines(string value) =>
        value.Replace("\r\n", "\n", StringComparison.Ordinal).Split(['\n', '\r', '\u0085', '\u2028', '\u2029'])
            .Select(Xml).Where(l => l.Length > 0);

    /// <summary>A sentence: trimmed, with a final period when it has none.</summary>
    public static string Sentence(string text)
    {
        var t = text.Trim();
        if (t.Length == 0) return t;
        return t[^1] is '.' or '!' or '?' or ':' or ')' ? t : t + ".";
    }

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
