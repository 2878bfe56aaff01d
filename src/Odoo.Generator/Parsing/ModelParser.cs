using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Odoo.Generator.Diagnostics;
using Odoo.Generator.Emitting;
using Odoo.Generator.Fields;
using Odoo.Generator.Model;

namespace Odoo.Generator.Parsing;

/// <summary>
/// Reads one [OdooModel] declaration into a <see cref="ModelSpec"/> and its diagnostics. An instance holds the record
/// being parsed, its location and the diagnostics found so far: <see cref="Parse"/> runs the record checks, reads the
/// attribute and the base record, parses each property (accessors, attributes, type classification by
/// <see cref="FieldKinds"/>), then resolves aliases (<see cref="AliasResolver"/>) and checks names (<see cref="NameChecks"/>).
/// Never throws: <see cref="SafeParse"/> turns an unexpected exception into ODOO999.
/// </summary>
internal sealed class ModelParser
{
    private const int CSharp13 = 1300;

    private static readonly Regex ModelNamePattern = new(@"^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$", RegexOptions.CultureInvariant);
    private static readonly Regex FieldNamePattern = new(@"^[\p{L}_][\p{L}\p{Nd}_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex VersionPattern = new(@"^[0-9]{1,4}\.[0-9]{1,4}$", RegexOptions.CultureInvariant);

    private readonly INamedTypeSymbol _type;
    private readonly TypeDeclarationSyntax _node;
    private readonly AttributeData? _attribute;
    private readonly KnownSymbols _known;
    private readonly CancellationToken _ct;
    private readonly string _name;
    private readonly LocationInfo? _location;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private bool _ok = true;

    private ModelParser(INamedTypeSymbol type, TypeDeclarationSyntax node, AttributeData? attribute, KnownSymbols known, CancellationToken ct)
    {
        _type = type;
        _node = node;
        _attribute = attribute;
        _known = known;
        _ct = ct;
        _name = type.Name;
        _location = LocationInfo.From(node.Identifier.GetLocation());
    }

    public static ParseResult SafeParse(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
    {
        try
        {
            if (ctx.TargetSymbol is not INamedTypeSymbol type || ctx.TargetNode is not TypeDeclarationSyntax node)
            {
                return new ParseResult(null, null, EquatableArray<DiagnosticInfo>.Empty);
            }
            var attribute = ctx.Attributes.Length > 0 ? ctx.Attributes[0] : null;
            return new ModelParser(type, node, attribute, KnownSymbols.For(ctx.SemanticModel.Compilation), ct).Parse();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            var loc = LocationInfo.From(ctx.TargetNode is BaseTypeDeclarationSyntax t ? t.Identifier.GetLocation() : ctx.TargetNode.GetLocation());
            var name = ctx.TargetSymbol?.Name ?? "?";
            var d = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, loc, $"'{name}' (nothing was generated for it)", OdooGenerator.Describe(ex));
            return new ParseResult(null, null, ImmutableArray.Create(d).ToEquatableArray());
        }
    }

    private void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));

    private void Fail(DiagnosticDescriptor descriptor, params string[] args)
    {
        Report(descriptor, _location, args);
        _ok = false;
    }

    private ParseResult Parse()
    {
        if (!CheckRecordShape()) return new ParseResult(null, null, _diagnostics.ToEquatableArray());
        var containing = CheckRecordAndContainingTypes();
        var (modelName, managerName, clientProperty, defaultFields) = ReadModelAttribute();
        var baseSpec = ReadBaseRecord();
        modelName = CheckModelName(modelName, baseSpec);
        managerName = string.IsNullOrEmpty(managerName) ? _name + "Manager" : managerName!;
        clientProperty = string.IsNullOrEmpty(clientProperty) ? Naming.Pluralize(_name) : clientProperty!;
        CheckIdentifier("ManagerName", managerName);
        CheckIdentifier("ClientProperty", clientProperty);

        // Members already taken, for generated-name collisions: everything declared here (the
        // record's own members), and what the record inherits and could hide (not private ones).
        var ownMembers = _type.GetMembers();
        var declaredHere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in ownMembers) declaredHere.Add(m.Name);
        var inherited = InheritedNames();

        var fields = new List<FieldSpec>();
        var fieldLocations = new Dictionary<string, LocationInfo?>(StringComparer.Ordinal);
        ParseProperties(ownMembers, fields, fieldLocations);
        CheckHandWrittenRecordMembers(ownMembers, fieldLocations, baseSpec is not null);

        AliasResolver.Resolve(fields, fieldLocations, _known, _name, _diagnostics);
        NameChecks.Check(fields, fieldLocations, declaredHere, inherited, _name, _diagnostics);

        var effective = EffectiveAccessibility(_type);
        var spec = new ModelSpec
        {
            Namespace = _type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "",
            Name = _name,
            MetadataName = MetadataName(_type),
            FullName = _type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            DisplayName = _type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)),
            ContainingTypes = containing.ToEquatableArray(),
            EffectiveAccessibility = effective,
            IsSealed = _type.IsSealed,
            ModelName = modelName,
            ManagerName = managerName,
            ClientProperty = clientProperty,
            DefaultFields = defaultFields?.Select(f => fields.FirstOrDefault(x => x.Name == f) is { HasMetadata: true } x ? (x is AliasField a ? a.ResolvedRemoteName ?? f : x.RemoteName) : f).Distinct().ToEquatableArray(),
            Base = baseSpec,
            Fields = fields.ToEquatableArray(),
        };
        var identity = _ok ? new ModelIdentity(modelName, spec.DisplayName, baseSpec is not null, effective.Length > 0 ? clientProperty : "", spec.Namespace, _location) : null;
        return new ParseResult(_ok ? spec : null, identity, _diagnostics.ToEquatableArray());
    }

    // ---- Record checks ----

    /// <summary>ODOO003: a class, struct or positional record cannot be a model (nothing else is checked then).</summary>
    private bool CheckRecordShape()
    {
        if (!_type.IsRecord || _type.IsValueType)
        {
            Report(DiagnosticDescriptors.NotARecord, _location, _name, _type.IsRecord ? "record struct" : _type.IsValueType ? "struct" : "class");
            return false;
        }
        if (_node is RecordDeclarationSyntax { ParameterList: not null })
        {
            Report(DiagnosticDescriptors.NotARecord, _location, _name, "positional record (its parameter list forces every constructor through it)");
            return false;
        }
        return true;
    }

    /// <summary>ODOO001 (partial), ODOO012 (generic), ODOO017 (abstract), ODOO013 (C# version); returns the containing types.</summary>
    private List<ContainingTypeSpec> CheckRecordAndContainingTypes()
    {
        if (!_node.Modifiers.Any(SyntaxKind.PartialKeyword)) Fail(DiagnosticDescriptors.NotPartial, _name, "record");
        if (_type.TypeParameters.Length > 0) Fail(DiagnosticDescriptors.GenericNotSupported, _name, _name);
        var containing = new List<ContainingTypeSpec>();
        for (var outer = _type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.TypeParameters.Length > 0) Fail(DiagnosticDescriptors.GenericNotSupported, _name, outer.Name);
            var partial = outer.DeclaringSyntaxReferences.All(r => r.GetSyntax(_ct) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));
            var keyword = outer.IsRecord ? (outer.IsValueType ? "record struct" : "record")
                : outer.TypeKind switch { TypeKind.Struct => "struct", TypeKind.Interface => "interface", _ => "class" };
            if (!partial) Fail(DiagnosticDescriptors.NotPartial, outer.Name, keyword);
            containing.Insert(0, new ContainingTypeSpec(keyword, outer.Name));
        }
        if (_type.IsAbstract) Fail(DiagnosticDescriptors.AbstractModel, _name);
        var langVersion = _node.SyntaxTree.Options is CSharpParseOptions po ? (int)po.LanguageVersion : CSharp13;
        if (langVersion < CSharp13) Fail(DiagnosticDescriptors.LanguageVersion, _name, FormatVersion(langVersion));
        return containing;
    }

    // ---- Attribute reading ----

    /// <summary>The [OdooModel] arguments; the model name is <see langword="null"/> when it is not a string.</summary>
    private (string? ModelName, string? ManagerName, string? ClientProperty, List<string>? DefaultFields) ReadModelAttribute()
    {
        string? modelName = null, managerName = null, clientProperty = null;
        List<string>? defaultFields = null;
        if (_attribute is null || _attribute.AttributeConstructor is null) return (null, null, null, null);
        if (_attribute.ConstructorArguments.Length == 0) modelName = "";
        else if (_attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Primitive, Value: string s }) modelName = s;
        foreach (var named in _attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "ManagerName": managerName = named.Value.Value as string; break;
                case "ClientProperty": clientProperty = named.Value.Value as string; break;
                case "DefaultFields":
                    if (named.Value.Kind == TypedConstantKind.Array && !named.Value.IsNull)
                    {
                        defaultFields = named.Value.Values.Select(v => v.Value as string).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
                    }
                    break;
            }
        }
        return (modelName, managerName, clientProperty, defaultFields);
    }

    /// <summary>The [OdooModel] record this one extends; ODOO019 when it derives from another type.</summary>
    private BaseRecordSpec? ReadBaseRecord()
    {
        var baseType = _type.BaseType;
        if (baseType is null || baseType.SpecialType == SpecialType.System_Object || _known.IsOdooRecord(baseType)) return null;
        if (_known.ModelAttributeOf(baseType) is not null)
        {
            return new BaseRecordSpec(baseType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), baseType.Name, _known.ModelNameOf(baseType) ?? "");
        }
        if (baseType.TypeKind != TypeKind.Error) Fail(DiagnosticDescriptors.InvalidBase, _name, baseType.ToDisplayString(TypeDisplays.Short));
        else _ok = false;
        return null;
    }

    // ---- Name checks ----

    /// <summary>ODOO009: the model name (a record without one takes its base's).</summary>
    private string CheckModelName(string? modelName, BaseRecordSpec? baseSpec)
    {
        if (string.IsNullOrEmpty(modelName) && baseSpec is not null && modelName is not null) modelName = baseSpec.ModelName;
        if (modelName is null || !ModelNamePattern.IsMatch(modelName))
        {
            var hint = modelName == "" ? "; a record without a model name must derive from another [OdooModel] record, which it then extends" : "";
            Fail(DiagnosticDescriptors.InvalidModelName, _name, modelName ?? "(not a string)", hint);
            modelName ??= "";
        }
        return modelName;
    }

    /// <summary>ODOO022: ManagerName and ClientProperty must be identifiers.</summary>
    private void CheckIdentifier(string argument, string value)
    {
        if (!SyntaxFacts.IsValidIdentifier(value) || SyntaxFacts.GetKeywordKind(value) != SyntaxKind.None)
        {
            Fail(DiagnosticDescriptors.InvalidGeneratedName, _name, argument, value);
        }
    }

    /// <summary>
    /// The non-private members the record inherits and a property could hide: its base records', and <c>OdooRecord</c>'s
    /// (read from its symbol: in the generator's input the generated base list is not there yet).
    /// </summary>
    private HashSet<string> InheritedNames()
    {
        var inherited = new HashSet<string>(StringComparer.Ordinal);
        for (var t = _type.BaseType; t is not null && t.SpecialType != SpecialType.System_Object && !_known.IsOdooRecord(t); t = t.BaseType)
        {
            foreach (var n in KnownSymbols.NonPrivateMemberNames(t)) inherited.Add(n);
        }
        foreach (var n in _known.OdooRecordMemberNames) inherited.Add(n);
        return inherited;
    }

    /// <summary>ODOO015: members OdooGen generates on every record must not be declared by hand.</summary>
    private void CheckHandWrittenRecordMembers(ImmutableArray<ISymbol> ownMembers, Dictionary<string, LocationInfo?> fieldLocations, bool derived)
    {
        foreach (var m in ownMembers)
        {
            if (m.IsImplicitlyDeclared || fieldLocations.ContainsKey(m.Name)) continue;
            if (GeneratedNames.IsRecordLevel(m.Name) || ReservedNames.ClashesWithGeneratedMember(m, derived))
            {
                var mloc = m.Locations.Length > 0 ? LocationInfo.From(m.Locations[0]) : _location;
                Report(DiagnosticDescriptors.MemberNameCollision, mloc, _name, m.Name, _name, "another name for that member");
                _ok = false;
            }
        }
    }

    // ---- Properties ----

    private void ParseProperties(ImmutableArray<ISymbol> ownMembers, List<FieldSpec> fields, Dictionary<string, LocationInfo?> fieldLocations)
    {
        foreach (var member in ownMembers)
        {
            _ct.ThrowIfCancellationRequested();
            if (member is not IPropertySymbol prop || prop.IsImplicitlyDeclared || prop.IsIndexer) continue;
            var syntax = FirstPropertySyntax(prop);
            // Attributes are bound only when the declaration has some (most properties have none).
            var attributes = syntax is { AttributeLists.Count: 0 } ? ImmutableArray<AttributeData>.Empty : prop.GetAttributes();
            if (KnownSymbols.Find(attributes, _known.OdooIgnoreAttribute) is not null) continue;
            var location = LocationInfo.From(syntax?.Identifier.GetLocation() ?? (prop.Locations.Length > 0 ? prop.Locations[0] : null));
            if (!prop.IsPartialDefinition)
            {
                if (prop.PartialDefinitionPart is not null || prop.IsStatic) continue;
                var isAuto = syntax is not null && syntax.ExpressionBody is null && syntax.AccessorList is { } al
                    && al.Accessors.All(a => a.Body is null && a.ExpressionBody is null);
                if (isAuto || _known.HasMappingAttribute(attributes))
                {
                    Report(DiagnosticDescriptors.PropertyNotPartial, location, _name, prop.Name, prop.Type.ToDisplayString(TypeDisplays.Short));
                }
                continue;
            }
            if (prop.PartialImplementationPart is not null) continue; // implemented by hand
            fieldLocations[prop.Name] = location;
            fields.Add(ParseProperty(prop, syntax, attributes, location));
        }
    }

    private FieldSpec ParseProperty(IPropertySymbol prop, PropertyDeclarationSyntax? syntax, ImmutableArray<AttributeData> attributes, LocationInfo? location)
    {
        var (typeDisplay, typeShort) = TypeDisplays.Of(prop);
        var declaration = new InvalidField
        {
            Name = prop.Name,
            Modifiers = Modifiers(syntax),
            TypeDisplay = typeDisplay,
            TypeShort = typeShort,
            HasInit = prop.SetMethod is { IsInitOnly: true },
            RemoteName = Naming.ToSnakeCase(prop.Name),
            IsReadOnly = KnownSymbols.Find(attributes, _known.OdooReadOnlyAttribute) is not null,
        };
        FieldSpec Invalid(DiagnosticDescriptor descriptor, params string[] args)
        {
            Report(descriptor, location, args);
            return declaration;
        }

        if (CheckAccessors(prop, typeShort) is { } accessorProblem) return Invalid(DiagnosticDescriptors.UnsupportedAccessors, _name, prop.Name, accessorProblem, typeShort);

        // Attributes.
        var alias = KnownSymbols.Find(attributes, _known.FieldAliasAttribute);
        if (alias is not null)
        {
            var target = PropertyFacts.StringArg(alias);
            if (string.IsNullOrEmpty(target)) return Invalid(DiagnosticDescriptors.AliasTargetMissing, _name, prop.Name, target ?? "(not a string)");
            return new AliasField(declaration, target!);
        }
        var fieldAttr = KnownSymbols.Find(attributes, _known.OdooFieldAttribute);
        var m2o = KnownSymbols.Find(attributes, _known.Many2OneAttribute);
        var o2m = KnownSymbols.Find(attributes, _known.One2ManyAttribute);
        var m2m = KnownSymbols.Find(attributes, _known.Many2ManyAttribute);
        var relAttr = m2o ?? o2m ?? m2m;
        if ((m2o is not null ? 1 : 0) + (o2m is not null ? 1 : 0) + (m2m is not null ? 1 : 0) > 1)
        {
            return Invalid(DiagnosticDescriptors.RelationShape, _name, prop.Name, typeShort, "it has more than one relation attribute; keep exactly one of [Many2One], [One2Many] and [Many2Many]");
        }
        if (relAttr is not null && declaration.HasInit)
        {
            return Invalid(DiagnosticDescriptors.UnsupportedAccessors, _name, prop.Name, "has an init accessor, but relations are read from Odoo only", typeShort);
        }
        var remote = relAttr is not null ? PropertyFacts.StringArg(relAttr) : fieldAttr is not null ? PropertyFacts.StringArg(fieldAttr) : declaration.RemoteName;
        if (relAttr is not null && fieldAttr is not null)
        {
            return Invalid(DiagnosticDescriptors.RelationShape, _name, prop.Name, typeShort, "[OdooField] cannot be combined with a relation attribute, which already names the Odoo field");
        }
        if (remote is null || !FieldNamePattern.IsMatch(remote)) return Invalid(DiagnosticDescriptors.InvalidRemoteName, _name, prop.Name, remote ?? "(not a string)");
        var versions = new List<VersionNameSpec>();
        foreach (var va in attributes)
        {
            if (!KnownSymbols.Is(va, _known.OdooFieldVersionAttribute)) continue;
            var v = PropertyFacts.StringArg(va, 0);
            var r = PropertyFacts.StringArg(va, 1);
            if (v is null || !VersionPattern.IsMatch(v)) return Invalid(DiagnosticDescriptors.InvalidVersion, _name, prop.Name, v ?? "(not a string)");
            if (r is null || !FieldNamePattern.IsMatch(r)) return Invalid(DiagnosticDescriptors.InvalidRemoteName, _name, prop.Name, r ?? "(not a string)");
            versions.Add(new VersionNameSpec(v, r));
        }

        // Type classification.
        var type = prop.Type;
        var nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nt)
        {
            type = nt.TypeArguments[0];
            nullable = true;
        }
        else if (type.IsReferenceType && prop.NullableAnnotation == NullableAnnotation.Annotated)
        {
            nullable = true;
        }
        declaration = declaration with { RemoteName = remote, Versions = versions.ToEquatableArray(), IsNullable = nullable };
        if (type.TypeKind == TypeKind.Error) return Invalid(DiagnosticDescriptors.UnsupportedType, _name, prop.Name, typeShort);

        var facts = new PropertyFacts(_known, _name, declaration, type, m2o, o2m, m2m, _diagnostics, location);
        foreach (var kind in FieldKinds.All)
        {
            if (kind(facts) is { } field) return field;
        }
        return Invalid(DiagnosticDescriptors.UnsupportedType, _name, prop.Name, typeShort);
    }

    /// <summary>What is wrong with the property's accessors (ODOO016), or <see langword="null"/>.</summary>
    private static string? CheckAccessors(IPropertySymbol prop, string typeShort)
    {
        if (prop.IsStatic) return "is static";
        if (prop.GetMethod is null) return "has no get accessor";
        if (prop.SetMethod is { IsInitOnly: false }) return "has a set accessor (records are read-only snapshots of Odoo rows)";
        if (prop.ReturnsByRef || prop.ReturnsByRefReadonly) return "returns by reference";
        return null;
    }

    private PropertyDeclarationSyntax? FirstPropertySyntax(IPropertySymbol prop)
    {
        foreach (var r in prop.DeclaringSyntaxReferences)
        {
            if (r.GetSyntax(_ct) is PropertyDeclarationSyntax p) return p;
        }
        return null;
    }

    private static string Modifiers(PropertyDeclarationSyntax? syntax)
    {
        if (syntax is null) return "public";
        var mods = syntax.Modifiers;
        if (mods.Count == 2 && mods[0].IsKind(SyntaxKind.PublicKeyword) && mods[1].IsKind(SyntaxKind.PartialKeyword)) return "public";
        var result = "";
        foreach (var m in mods)
        {
            if (m.IsKind(SyntaxKind.PartialKeyword)) continue;
            result = result.Length == 0 ? m.Text : result + " " + m.Text;
        }
        return result;
    }

    private static string EffectiveAccessibility(INamedTypeSymbol type)
    {
        var result = "public";
        for (ISymbol? s = type; s is INamedTypeSymbol t; s = t.ContainingType)
        {
            switch (t.DeclaredAccessibility)
            {
                case Accessibility.Public: break;
                case Accessibility.Internal: result = "internal"; break;
                default: return "";
            }
        }
        return result;
    }

    private static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType) name = outer.MetadataName + "." + name;
        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    private static string FormatVersion(int v) =>
        v >= 1000 ? (v / 100).ToString(CultureInfo.InvariantCulture) + (v % 100 != 0 ? "." + (v % 100).ToString(CultureInfo.InvariantCulture) : "")
        : (v / 10 > 0 && v > 10 ? (v / 10).ToString(CultureInfo.InvariantCulture) + "." + (v % 10).ToString(CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture));
}
