using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Odoo.Generator.Fields;

namespace Odoo.Generator.Parsing;

/// <summary>
/// The Odoo and BCL types the parser recognises, resolved once per compilation (each on first use) and compared with
/// <see cref="SymbolEqualityComparer"/>. Lives only inside a transform (it holds symbols); never in a pipeline model.
/// </summary>
/// <remarks>
/// A lookup in the whole compilation (<see cref="Compilation.GetTypeByMetadataName"/>) searches every referenced
/// assembly (a few hundred in a web project) and costs about 0.07 ms; the Odoo types are therefore looked up in
/// the assembly that defines <c>OdooModelAttribute</c> (found with one compilation lookup), and a BCL type only
/// once a candidate type of that name is met.
/// </remarks>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> Cache = new();

    private readonly Compilation _compilation;
    private Entry _odooModel, _odooRecord, _odooField, _many2One, _one2Many, _many2Many, _fieldAlias, _fieldVersion, _ignore, _selection, _readOnly;
    private Entry _recordInterface, _managerBase, _recordValues;
    private Entry _dateOnly, _dateTimeOffset, _jsonElement;
    private Dictionary<string, AliasTarget>? _baseRecordMembers;
    private string[]? _odooRecordNames;

    private KnownSymbols(Compilation compilation) => _compilation = compilation;

    /// <summary>The known symbols of <paramref name="compilation"/> (one instance per compilation).</summary>
    public static KnownSymbols For(Compilation compilation) => Cache.GetValue(compilation, static c => new KnownSymbols(c));

    public INamedTypeSymbol? OdooModelAttribute => Get(ref _odooModel, "Odoo.OdooModelAttribute", inRuntime: false);
    public INamedTypeSymbol? OdooRecord => Get(ref _odooRecord, "Odoo.OdooRecord");
    public INamedTypeSymbol? OdooFieldAttribute => Get(ref _odooField, "Odoo.OdooFieldAttribute");
    public INamedTypeSymbol? Many2OneAttribute => Get(ref _many2One, "Odoo.Many2OneAttribute");
    public INamedTypeSymbol? One2ManyAttribute => Get(ref _one2Many, "Odoo.One2ManyAttribute");
    public INamedTypeSymbol? Many2ManyAttribute => Get(ref _many2Many, "Odoo.Many2ManyAttribute");
    public INamedTypeSymbol? FieldAliasAttribute => Get(ref _fieldAlias, "Odoo.FieldAliasAttribute");
    public INamedTypeSymbol? OdooFieldVersionAttribute => Get(ref _fieldVersion, "Odoo.OdooFieldVersionAttribute");
    public INamedTypeSymbol? OdooIgnoreAttribute => Get(ref _ignore, "Odoo.OdooIgnoreAttribute");
    public INamedTypeSymbol? OdooSelectionAttribute => Get(ref _selection, "Odoo.OdooSelectionAttribute");
    public INamedTypeSymbol? OdooReadOnlyAttribute => Get(ref _readOnly, "Odoo.OdooReadOnlyAttribute");

    /// <summary><c>IOdooRecord&lt;T&gt;</c> (its <c>GetManager</c> tells a runtime with per-client managers).</summary>
    public INamedTypeSymbol? RecordInterface => Get(ref _recordInterface, "Odoo.IOdooRecord`1");

    /// <summary><c>OdooManager&lt;T&gt;</c>, the base of generated managers.</summary>
    public INamedTypeSymbol? ManagerBase => Get(ref _managerBase, "Odoo.OdooManager`1");

    /// <summary><c>OdooRecordValues&lt;T&gt;</c> (a runtime with the typed API).</summary>
    public INamedTypeSymbol? RecordValues => Get(ref _recordValues, "Odoo.Values.OdooRecordValues`1");

    public INamedTypeSymbol? DateOnly => Get(ref _dateOnly, "System.DateOnly", inRuntime: false);
    public INamedTypeSymbol? DateTimeOffset => Get(ref _dateTimeOffset, "System.DateTimeOffset", inRuntime: false);
    public INamedTypeSymbol? JsonElement => Get(ref _jsonElement, "System.Text.Json.JsonElement", inRuntime: false);

    public bool IsOdooRecord(ITypeSymbol? t) => Is(t, OdooRecord);
    public bool IsDateOnly(ITypeSymbol t) => t is { TypeKind: TypeKind.Struct, Name: "DateOnly" } && Is(t, DateOnly);
    public bool IsDateTimeOffset(ITypeSymbol t) => t is { TypeKind: TypeKind.Struct, Name: "DateTimeOffset" } && Is(t, DateTimeOffset);
    public bool IsJsonElement(ITypeSymbol t) => t is { TypeKind: TypeKind.Struct, Name: "JsonElement" } && Is(t, JsonElement);

    /// <summary>The fields every record inherits from <c>OdooRecord</c>, as alias targets (read once per compilation).</summary>
    public IReadOnlyDictionary<string, AliasTarget> BaseRecordMembers =>
        _baseRecordMembers ?? System.Threading.LazyInitializer.EnsureInitialized(ref _baseRecordMembers, () => Parsing.BaseRecordMembers.Read(OdooRecord))!;

    /// <summary>The names of <c>OdooRecord</c>'s non-private members (what a property could hide), read once per compilation.</summary>
    public string[] OdooRecordMemberNames =>
        _odooRecordNames ?? System.Threading.LazyInitializer.EnsureInitialized(ref _odooRecordNames, () => OdooRecord is { } r ? NonPrivateMemberNames(r).ToArray() : System.Array.Empty<string>())!;

    /// <summary>The names of <paramref name="t"/>'s own members a derived type could hide (not private, not constructors, not implicit).</summary>
    public static IEnumerable<string> NonPrivateMemberNames(INamedTypeSymbol t)
    {
        foreach (var m in t.GetMembers())
        {
            if (!m.IsImplicitlyDeclared && m.DeclaredAccessibility != Accessibility.Private && !(m is IMethodSymbol { MethodKind: MethodKind.Constructor })) yield return m.Name;
        }
    }

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

    /// <summary>
    /// Resolves <paramref name="metadataName"/> once: an Odoo type (<paramref name="inRuntime"/>) in the assembly that
    /// defines <c>OdooModelAttribute</c>, falling back to the whole compilation; anything else in the compilation.
    /// </summary>
    private INamedTypeSymbol? Get(ref Entry slot, string metadataName, bool inRuntime = true)
    {
        if (!System.Threading.Volatile.Read(ref slot.Resolved))
        {
            slot.Symbol = (inRuntime ? OdooModelAttribute?.ContainingAssembly.GetTypeByMetadataName(metadataName) : null)
                          ?? _compilation.GetTypeByMetadataName(metadataName);
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
