using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Odoo.Generator.Diagnostics;
using Odoo.Generator.Fields;
using Odoo.Generator.Model;

namespace Odoo.Generator.Parsing;

/// <summary>
/// What the field kinds classify a property by (<see cref="FieldKinds"/>): its type with nullability removed, the
/// element of an <c>IReadOnlyList&lt;T&gt;</c>, its relation attributes, and the declaration's data every kind copies.
/// Lives only inside one parse (it holds symbols).
/// </summary>
internal sealed class PropertyFacts
{
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly LocationInfo? _location;

    public PropertyFacts(KnownSymbols known, string recordName, InvalidField declaration, ITypeSymbol type, AttributeData? many2One, AttributeData? one2Many, AttributeData? many2Many, List<DiagnosticInfo> diagnostics, LocationInfo? location)
    {
        Known = known;
        RecordName = recordName;
        Declaration = declaration;
        Type = type;
        Many2One = many2One;
        One2Many = one2Many;
        Many2Many = many2Many;
        ListElement = known.ListElementOf(type);
        IsModel = known.IsModelRecord(type);
        ElementIsModel = ListElement is not null && known.IsModelRecord(ListElement);
        _diagnostics = diagnostics;
        _location = location;
    }

    public KnownSymbols Known { get; }

    public string RecordName { get; }

    /// <summary>The declaration's data (name, type displays, modifiers, Odoo names, nullability), as the field with an error it becomes on failure.</summary>
    public InvalidField Declaration { get; }

    public string Name => Declaration.Name;

    /// <summary>The property type, <c>Nullable&lt;T&gt;</c> unwrapped.</summary>
    public ITypeSymbol Type { get; }

    /// <summary>T of an <c>IReadOnlyList&lt;T&gt;</c> property; <see langword="null"/> for other types.</summary>
    public ITypeSymbol? ListElement { get; }

    /// <summary>Whether the type is an [OdooModel] record.</summary>
    public bool IsModel { get; }

    /// <summary>Whether the type is a list of [OdooModel] records.</summary>
    public bool ElementIsModel { get; }

    public AttributeData? Many2One { get; }

    public AttributeData? One2Many { get; }

    public AttributeData? Many2Many { get; }

    /// <summary>The relation attribute, if any (the parser has rejected more than one).</summary>
    public AttributeData? RelationAttribute => Many2One ?? One2Many ?? Many2Many;

    /// <summary>Reports <paramref name="descriptor"/> on the property and returns the declaration as a field with an error.</summary>
    public FieldSpec Invalid(DiagnosticDescriptor descriptor, params string[] args)
    {
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, _location, args));
        return Declaration;
    }

    /// <summary>A named string argument of <paramref name="a"/>.</summary>
    public static string? Named(AttributeData? a, string key) =>
        a?.NamedArguments.FirstOrDefault(n => n.Key == key).Value.Value as string;

    /// <summary>A constructor string argument of <paramref name="a"/>.</summary>
    public static string? StringArg(AttributeData? a, int index = 0) =>
        a is not null && a.ConstructorArguments.Length > index && a.ConstructorArguments[index] is { Kind: TypedConstantKind.Primitive, Value: string s } ? s : null;
}
