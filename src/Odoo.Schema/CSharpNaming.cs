using System.Globalization;
using System.Text;
using Odoo.Generator;

namespace Odoo.Schema;

/// <summary>
/// C# names and text for scaffolded code. The generator's own conventions (<see cref="Naming.ToSnakeCase"/>,
/// <see cref="Naming.Pluralize"/>, <see cref="Naming.Singularize"/>, <see cref="Naming.Literal"/>) come from its
/// source file, compiled into this library, so scaffolded code states a name only where the convention would not produce it.
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

    /// <summary>A plural for a list property: <c>Tag</c> → <c>Tags</c>, <c>Child</c> → <c>Children</c>; names ending in s are kept.</summary>
    public static string ListName(string name)
    {
        if (name.EndsWith('s')) return name;
        if (name.EndsWith("Child", StringComparison.Ordinal)) return name + "ren";
        if (name.EndsWith("Person", StringComparison.Ordinal)) return name[..^6] + "People";
        return Naming.Pluralize(name);
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
