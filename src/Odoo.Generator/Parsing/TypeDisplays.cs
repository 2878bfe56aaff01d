using Microsoft.CodeAnalysis;

namespace Odoo.Generator.Parsing;

/// <summary>How types are written in generated code and in messages.</summary>
internal static class TypeDisplays
{
    /// <summary><c>global::Ns.CreditType?</c>.</summary>
    public static readonly SymbolDisplayFormat FullNullable =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary><c>CreditType</c>, for messages.</summary>
    public static readonly SymbolDisplayFormat Short =
        SymbolDisplayFormat.MinimallyQualifiedFormat.RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>C# keyword of a special type (<c>int</c>, <c>string</c>...), or null.</summary>
    public static string? Keyword(ITypeSymbol t) => t.SpecialType switch
    {
        SpecialType.System_Boolean => "bool",
        SpecialType.System_Int32 => "int",
        SpecialType.System_Int64 => "long",
        SpecialType.System_Double => "double",
        SpecialType.System_Decimal => "decimal",
        SpecialType.System_String => "string",
        SpecialType.System_Object => "object",
        SpecialType.System_Single => "float",
        SpecialType.System_Char => "char",
        SpecialType.System_Byte => "byte",
        _ => null,
    };

    /// <summary>The full (nullable-annotated) and short display of a property type; keywords without asking Roslyn's display visitor.</summary>
    public static (string Full, string Short) Of(IPropertySymbol prop)
    {
        var t = prop.Type;
        if (Keyword(t) is { } k)
        {
            var annotated = t.IsReferenceType && prop.NullableAnnotation == NullableAnnotation.Annotated;
            return (annotated ? k + "?" : k, k);
        }
        if (t is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n && Keyword(n.TypeArguments[0]) is { } nk)
        {
            return (nk + "?", nk + "?");
        }
        return (t.ToDisplayString(FullNullable), t.ToDisplayString(Short));
    }
}
