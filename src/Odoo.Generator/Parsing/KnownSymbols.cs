using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Odoo.Generator.Parsing;

/// <summary>
/// The Odoo and BCL types the parser recognises, resolved once per compilation (each on first use) and compared with
/// <see cref="SymbolEqualityComparer"/>. Lives only inside a transform (it holds symbols); never in a pipeline model.
/// </summary>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> Cache = new();

    private readonly Compilation _compilation;
    private Entry _odooRecord, _odooModel, _odooField, _many2One, _one2Many, _many2Many, _fieldAlias, _fieldVersion, _ignore, _selection, _readOnly;
    private Entry _dateOnly, _dateTimeOffset, _jsonElement;

    private KnownSymbols(Compilation compilation) => _compilation = compilation;

    /// <summary>The known symbols of <paramref name="compilation"/> (one instance per compilation).</summary>
    public static KnownSymbols For(Compilation compilation) => Cache.GetValue(compilation, static c => new KnownSymbols(c));

    public INamedTypeSymbol? OdooRecord => Get(ref _odooRecord, "Odoo.OdooRecord");
    public INamedTypeSymbol? OdooModelAttribute => Get(ref _odooModel, "Odoo.OdooModelAttribute");
    public INamedTypeSymbol? OdooFieldAttribute => Get(ref _odooField, "Odoo.OdooFieldAttribute");
    public INamedTypeSymbol? Many2OneAttribute => Get(ref _many2One, "Odoo.Many2OneAttribute");
    public INamedTypeSymbol? One2ManyAttribute => Get(ref _one2Many, "Odoo.One2ManyAttribute");
    public INamedTypeSymbol? Many2ManyAttribute => Get(ref _many2Many, "Odoo.Many2ManyAttribute");
    public INamedTypeSymbol? FieldAliasAttribute => Get(ref _fieldAlias, "Odoo.FieldAliasAttribute");
    public INamedTypeSymbol? OdooFieldVersionAttribute => Get(ref _fieldVersion, "Odoo.OdooFieldVersionAttribute");
    public INamedTypeSymbol? OdooIgnoreAttribute => Get(ref _ignore, "Odoo.OdooIgnoreAttribute");
    public INamedTypeSymbol? OdooSelectionAttribute => Get(ref _selection, "Odoo.OdooSelectionAttribute");
    public INamedTypeSymbol? OdooReadOnlyAttribute => Get(ref _readOnly, "Odoo.OdooReadOnlyAttribute");
    public INamedTypeSymbol? DateOnly => Get(ref _dateOnly, "System.DateOnly");
    public INamedTypeSymbol? DateTimeOffset => Get(ref _dateTimeOffset, "System.DateTimeOffset");
    public INamedTypeSymbol? JsonElement => Get(ref _jsonElement, "System.Text.Json.JsonElement");

    public bool IsOdooRecord(ITypeSymbol? t) => Is(t, OdooRecord);
    public bool IsDateOnly(ITypeSymbol t) => t.TypeKind == TypeKind.Struct && Is(t, DateOnly);
    public bool IsDateTimeOffset(ITypeSymbol t) => t.TypeKind == TypeKind.Struct && Is(t, DateTimeOffset);
    public bool IsJsonElement(ITypeSymbol t) => t.TypeKind == TypeKind.Struct && Is(t, JsonElement);

    /// <summary>Whether <paramref name="a"/> is an instance of <paramref name="attributeType"/>.</summary>
    public static bool Is(AttributeData a, INamedTypeSymbol? attributeType) => Is(a.AttributeClass, attributeType);

    private static bool Is(ITypeSymbol? t, INamedTypeSymbol? known) =>
        t is not null && known is not null && SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, known);

    /// <summary>The first attribute of <paramref name="attributeType"/> in <paramref name="attributes"/>.</summary>
    public static AttributeData? Find(ImmutableArray<AttributeData> attributes, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null) return null;
        foreach (var a in attributes)
        {
            if (Is(a, attributeType)) return a;
        }
        return null;
    }

    /// <summary>Whether <paramref name="attributes"/> has one of the attributes that map a property to Odoo.</summary>
    public bool HasMappingAttribute(ImmutableArray<AttributeData> attributes)
    {
        foreach (var a in attributes)
        {
            if (Is(a, OdooFieldAttribute) || Is(a, Many2OneAttribute) || Is(a, One2ManyAttribute) || Is(a, Many2ManyAttribute)
                || Is(a, FieldAliasAttribute) || Is(a, OdooFieldVersionAttribute)) return true;
        }
        return false;
    }

    /// <summary>The [OdooModel] attribute of <paramref name="t"/>, if it has one.</summary>
    public AttributeData? ModelAttributeOf(ITypeSymbol t) => Find(t.GetAttributes(), OdooModelAttribute);

    /// <summary>Whether <paramref name="t"/> is an [OdooModel] record (only records are asked for attributes: binding or decoding them costs).</summary>
    public bool IsModelRecord(ITypeSymbol t) =>
        t is INamedTypeSymbol { IsRecord: true, TypeKind: TypeKind.Class, SpecialType: SpecialType.None } && ModelAttributeOf(t) is not null;

    /// <summary>The Odoo model of an [OdooModel] record: its own, or the one it extends.</summary>
    public string? ModelNameOf(ITypeSymbol t)
    {
        for (var current = t; current is not null && !IsOdooRecord(current); current = current.BaseType)
        {
            var a = ModelAttributeOf(current);
            if (a is null) return null;
            if (a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is string { Length: > 0 } s) return s;
        }
        return null;
    }

    /// <summary>T of <c>IReadOnlyList&lt;T&gt;</c>; <see langword="null"/> for other types.</summary>
    public ITypeSymbol? ListElementOf(ITypeSymbol t) =>
        t is INamedTypeSymbol { IsGenericType: true, Arity: 1 } g && g.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IReadOnlyList_T
            ? g.TypeArguments[0] : null;

    /// <summary>The key of <c>[OdooSelection("key")]</c> on an enum member; <see langword="null"/> when it has none.</summary>
    public string? SelectionKeyOf(IFieldSymbol member) =>
        HasAttributeSyntax(member) && Find(member.GetAttributes(), OdooSelectionAttribute) is { } a ? PropertyFacts.StringArg(a) : null;

    /// <summary>False only when every declaration of <paramref name="s"/> is source without attribute lists (then GetAttributes need not bind anything).</summary>
    private static bool HasAttributeSyntax(ISymbol s)
    {
        var refs = s.DeclaringSyntaxReferences;
        if (refs.Length == 0) return true;
        foreach (var r in refs)
        {
            if (r.GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.EnumMemberDeclarationSyntax { AttributeLists.Count: 0 }) return true;
        }
        return false;
    }

    private INamedTypeSymbol? Get(ref Entry slot, string metadataName)
    {
        if (!System.Threading.Volatile.Read(ref slot.Resolved))
        {
            slot.Symbol = _compilation.GetTypeByMetadataName(metadataName);
            System.Threading.Volatile.Write(ref slot.Resolved, true);
        }
        return slot.Symbol;
    }

    private struct Entry
    {
        public bool Resolved;
        public INamedTypeSymbol? Symbol;
    }
}
