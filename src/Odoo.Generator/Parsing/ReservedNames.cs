using Microsoft.CodeAnalysis;
using Odoo.Generator.Emitting;

namespace Odoo.Generator.Parsing;

/// <summary>
/// The names OdooGen takes on every record, in one place: the public and protected members it generates (below), the
/// private ones (<see cref="GeneratedNames"/>), and the members of <c>OdooRecord</c> (read from its symbol, see
/// <see cref="BaseRecordMembers"/>).
/// </summary>
internal static class ReservedNames
{
    /// <summary>Public or protected members OdooGen generates on every record.</summary>
    private static readonly string[] Generated = { "Metadata", "Decode", "Relations", "Fields", "From", "TryReadField", "PrintMembers", "AddLoadedFields", "ToDictionary" };

    /// <summary>Whether OdooGen generates a public or protected member named <paramref name="name"/> on every record.</summary>
    public static bool IsGenerated(string name) => System.Array.IndexOf(Generated, name) >= 0;

    /// <summary>
    /// Whether a hand-written member of the record takes a name OdooGen generates on every record
    /// (a method only clashes with a generated method of the same arity; other arities are overloads).
    /// </summary>
    public static bool ClashesWithGeneratedMember(ISymbol m, bool derived)
    {
        int arity;
        switch (m.Name)
        {
            case "Metadata":
            case "Relations":
            case "Fields":
                return true;
            case "Decode":
            case "TryReadField":
            case "AddLoadedFields":
                arity = 2;
                break;
            case "PrintMembers":
            case "ToDictionary":
                arity = 1;
                break;
            case "From":
                if (!derived) return false;
                arity = 1;
                break;
            default:
                return false;
        }
        return m is not IMethodSymbol method || method.Parameters.Length == arity;
    }
}
