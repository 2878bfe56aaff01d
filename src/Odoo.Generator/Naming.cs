using System;
using System.Globalization;
using System.Text;

namespace Odoo.Generator;

/// <summary>Name conventions: snake_case remote names, plural client properties, singular id lists.</summary>
internal static class Naming
{
    /// <summary><c>AllowedUses</c> → <c>allowed_uses</c>, <c>VATNumber</c> → <c>vat_number</c>, <c>Street2</c> → <c>street2</c>.</summary>
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

    /// <summary><c>ReferralCode</c> → <c>ReferralCodes</c>, <c>Category</c> → <c>Categories</c>, <c>Tax</c> → <c>Taxes</c>.</summary>
    public static string Pluralize(string name)
    {
        if (name.Length == 0) return name;
        if (name.EndsWith("y", StringComparison.Ordinal) && name.Length > 1 && !IsVowel(name[name.Length - 2]))
        {
            return name.Substring(0, name.Length - 1) + "ies";
        }
        if (name.EndsWith("s", StringComparison.Ordinal) || name.EndsWith("x", StringComparison.Ordinal) || name.EndsWith("z", StringComparison.Ordinal)
            || name.EndsWith("ch", StringComparison.Ordinal) || name.EndsWith("sh", StringComparison.Ordinal))
        {
            return name + "es";
        }
        return name + "s";
    }

    /// <summary><c>Referrals</c> → <c>Referral</c>, <c>Categories</c> → <c>Category</c>, <c>Taxes</c> → <c>Tax</c>, <c>Children</c> → <c>Child</c>.</summary>
    public static string Singularize(string name)
    {
        if (name.EndsWith("Children", StringComparison.Ordinal)) return name.Substring(0, name.Length - 3);
        if (name.EndsWith("People", StringComparison.Ordinal)) return name.Substring(0, name.Length - 6) + "Person";
        if (name.EndsWith("ies", StringComparison.Ordinal) && name.Length > 3) return name.Substring(0, name.Length - 3) + "y";
        if (name.EndsWith("sses", StringComparison.Ordinal) || name.EndsWith("xes", StringComparison.Ordinal) || name.EndsWith("zes", StringComparison.Ordinal)
            || name.EndsWith("ches", StringComparison.Ordinal) || name.EndsWith("shes", StringComparison.Ordinal))
        {
            return name.Substring(0, name.Length - 2);
        }
        if (name.EndsWith("s", StringComparison.Ordinal) && !name.EndsWith("ss", StringComparison.Ordinal) && name.Length > 1) return name.Substring(0, name.Length - 1);
        return name;
    }

    private static bool IsVowel(char c) => "aeiouAEIOU".IndexOf(c) >= 0;

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value)
    {
        var plain = true;
        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\')
            {
                plain = false;
                break;
            }
        }
        if (plain) return "\"" + value + "\"";
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c > 0x7E)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>Text safe inside an XML doc comment.</summary>
    public static string Xml(string value) =>
        value.IndexOfAny(XmlSpecial) < 0 ? value
        : value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");

    private static readonly char[] XmlSpecial = { '&', '<', '>', '\r', '\n' };

    /// <summary>An identifier made of the letters and digits of <paramref name="text"/> (<c>Odoo.Models.OpenStack</c> → <c>OdooModelsOpenStack</c>).</summary>
    public static string Identifier(string text)
    {
        var sb = new StringBuilder();
        var upper = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) && c < 0x80)
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }
        if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }
}
