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
using Odoo.Generator.Model;

namespace Odoo.Generator;

public sealed partial class OdooGenerator
{
    /// <summary>Reads declarations into <see cref="ModelSpec"/>s and diagnostics. Never throws.</summary>
    internal static class Parser
    {
        private const string Ns = "Odoo.";
        private const int CSharp13 = 1300;
        private const int CSharp14 = 1400;

        private static readonly SymbolDisplayFormat FullNullable =
            SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private static readonly SymbolDisplayFormat Short =
            SymbolDisplayFormat.MinimallyQualifiedFormat.RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private static readonly Regex ModelNamePattern = new(@"^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$", RegexOptions.CultureInvariant);
        private static readonly Regex FieldNamePattern = new(@"^[\p{L}_][\p{L}\p{Nd}_]*$", RegexOptions.CultureInvariant);
        private static readonly Regex VersionPattern = new(@"^[0-9]{1,4}\.[0-9]{1,4}$", RegexOptions.CultureInvariant);

        /// <summary>Public or protected names OdooGen generates (or the base record has) on every record.</summary>
        private static readonly string[] Reserved = { "Metadata", "Decode", "Relations", "Fields", "From", "TryReadField", "PrintMembers", "AddLoadedFields", "ToDictionary", "Source", "Id", "DisplayName", "CreateDate", "CreateUid", "CreateName", "WriteDate", "WriteUid", "WriteName" };

        /// <summary>Base fields of every record, as alias targets: (remote name, metadata kind, C# type).</summary>
        private static readonly Dictionary<string, (string Remote, string Kind, string Type)> BaseMembers = new()
        {
            ["Id"] = ("id", "Integer", "int"),
            ["DisplayName"] = ("display_name", "Char", "string?"),
            ["CreateDate"] = ("create_date", "DateTime", "global::System.DateTime?"),
            ["CreateUid"] = ("create_uid", "Many2One", "int?"),
            ["CreateName"] = ("create_uid", "Many2One", "string?"),
            ["WriteDate"] = ("write_date", "DateTime", "global::System.DateTime?"),
            ["WriteUid"] = ("write_uid", "Many2One", "int?"),
            ["WriteName"] = ("write_uid", "Many2One", "string?"),
        };

        public static CompilationSpec SafeCompilationSpec(Compilation compilation, ParseOptions options)
        {
            try
            {
                var version = options is CSharpParseOptions cs ? (int)cs.LanguageVersion : CSharp13;
                var recordInterface = compilation.GetTypeByMetadataName("Odoo.IOdooRecord`1");
                return new CompilationSpec(
                    compilation.AssemblyName ?? "Assembly",
                    UseExtensionMembers: version >= CSharp14,
                    HasManagerBase: compilation.GetTypeByMetadataName("Odoo.OdooManager`1") is not null,
                    SupportsPartialProperties: version >= CSharp13)
                {
                    HasRecordManager = recordInterface is not null && recordInterface.GetMembers("GetManager").Length > 0,
                    HasTypedApi = compilation.GetTypeByMetadataName("Odoo.Values.OdooRecordValues`1") is not null,
                };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Reported as ODOO999 with the assembly file (on the first declaration).
                return new CompilationSpec("Assembly", false, false, true) { Failure = Describe(ex) };
            }
        }

        public static ParseResult SafeParse(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
        {
            try
            {
                return Parse(ctx, ct);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                var loc = LocationInfo.From(ctx.TargetNode is BaseTypeDeclarationSyntax t ? t.Identifier.GetLocation() : ctx.TargetNode.GetLocation());
                var name = ctx.TargetSymbol?.Name ?? "?";
                return new ParseResult(null, null, ImmutableArray.Create(Diag("ODOO999", loc, $"'{name}' (nothing was generated for it)", Describe(ex))).ToEquatableArray());
            }
        }

        private static DiagnosticInfo Diag(string id, LocationInfo? location, params string[] args) =>
            new(id, location, args.ToEquatableArray());

        private static ParseResult Parse(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
        {
            var diagnostics = new List<DiagnosticInfo>();
            ParseResult Fail() => new(null, null, diagnostics.ToEquatableArray());

            if (ctx.TargetSymbol is not INamedTypeSymbol type || ctx.TargetNode is not TypeDeclarationSyntax node)
            {
                return Fail();
            }
            var loc = LocationInfo.From(node.Identifier.GetLocation());
            var name = type.Name;

            if (!type.IsRecord || type.IsValueType)
            {
                diagnostics.Add(Diag("ODOO003", loc, name, type.IsRecord ? "record struct" : type.IsValueType ? "struct" : "class"));
                return Fail();
            }
            if (node is RecordDeclarationSyntax { ParameterList: not null })
            {
                diagnostics.Add(Diag("ODOO003", loc, name, "positional record (its parameter list forces every constructor through it)"));
                return Fail();
            }
            var ok = true;
            if (!node.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(Diag("ODOO001", loc, name, "record"));
                ok = false;
            }
            if (type.TypeParameters.Length > 0)
            {
                diagnostics.Add(Diag("ODOO012", loc, name, name));
                ok = false;
            }
            var containing = new List<ContainingTypeSpec>();
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                if (outer.TypeParameters.Length > 0)
                {
                    diagnostics.Add(Diag("ODOO012", loc, name, outer.Name));
                    ok = false;
                }
                var partial = outer.DeclaringSyntaxReferences.All(r => r.GetSyntax(ct) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));
                var keyword = outer.IsRecord ? (outer.IsValueType ? "record struct" : "record")
                    : outer.TypeKind switch { TypeKind.Struct => "struct", TypeKind.Interface => "interface", _ => "class" };
                if (!partial)
                {
                    diagnostics.Add(Diag("ODOO001", loc, outer.Name, keyword));
                    ok = false;
                }
                containing.Insert(0, new ContainingTypeSpec(keyword, outer.Name));
            }
            if (type.IsAbstract)
            {
                diagnostics.Add(Diag("ODOO017", loc, name));
                ok = false;
            }
            var langVersion = node.SyntaxTree.Options is CSharpParseOptions po ? (int)po.LanguageVersion : CSharp13;
            if (langVersion < CSharp13)
            {
                diagnostics.Add(Diag("ODOO013", loc, name, FormatVersion(langVersion)));
                ok = false;
            }

            // [OdooModel] arguments.
            var attribute = ctx.Attributes.Length > 0 ? ctx.Attributes[0] : null;
            string? modelName = null;
            string? managerName = null, clientProperty = null;
            List<string>? defaultFields = null;
            var argsBroken = attribute is null || attribute.AttributeConstructor is null;
            if (attribute is not null && !argsBroken)
            {
                if (attribute.ConstructorArguments.Length == 0) modelName = "";
                else if (attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Primitive, Value: string s }) modelName = s;
                foreach (var named in attribute.NamedArguments)
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
            }

            // Base record.
            BaseRecordSpec? baseSpec = null;
            var baseType = type.BaseType;
            if (baseType is not null && baseType.SpecialType != SpecialType.System_Object && !IsOdooRecordBase(baseType))
            {
                if (FindModelAttribute(baseType) is not null)
                {
                    baseSpec = new BaseRecordSpec(baseType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), baseType.Name, ModelNameOf(baseType) ?? "");
                }
                else if (baseType.TypeKind != TypeKind.Error)
                {
                    diagnostics.Add(Diag("ODOO019", loc, name, baseType.ToDisplayString(Short)));
                    ok = false;
                }
                else
                {
                    ok = false;
                }
            }
            if (string.IsNullOrEmpty(modelName) && baseSpec is not null && modelName is not null)
            {
                modelName = baseSpec.ModelName;
            }
            if (modelName is null || !ModelNamePattern.IsMatch(modelName))
            {
                var hint = modelName == "" ? "; a record without a model name must derive from another [OdooModel] record, which it then extends" : "";
                diagnostics.Add(Diag("ODOO009", loc, name, modelName ?? "(not a string)", hint));
                ok = false;
                modelName ??= "";
            }
            managerName = string.IsNullOrEmpty(managerName) ? name + "Manager" : managerName;
            clientProperty = string.IsNullOrEmpty(clientProperty) ? Naming.Pluralize(name) : clientProperty;
            if (!SyntaxFacts.IsValidIdentifier(managerName) || SyntaxFacts.GetKeywordKind(managerName) != SyntaxKind.None)
            {
                diagnostics.Add(Diag("ODOO022", loc, name, "ManagerName", managerName!));
                ok = false;
            }
            if (!SyntaxFacts.IsValidIdentifier(clientProperty) || SyntaxFacts.GetKeywordKind(clientProperty) != SyntaxKind.None)
            {
                diagnostics.Add(Diag("ODOO022", loc, name, "ClientProperty", clientProperty!));
                ok = false;
            }

            // Members already taken, for generated-name collisions: everything declared here (the
            // record's own members), and what the record inherits and could hide (not private ones).
            var ownMembers = type.GetMembers();
            var declaredHere = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in ownMembers) declaredHere.Add(m.Name);
            var inherited = new HashSet<string>(StringComparer.Ordinal);
            for (var t = type.BaseType; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
            {
                foreach (var m in t.GetMembers())
                {
                    if (!m.IsImplicitlyDeclared && m.DeclaredAccessibility != Accessibility.Private) inherited.Add(m.Name);
                }
                if (IsOdooRecordBase(t)) break;
            }

            // Properties.
            var fields = new List<FieldSpec>();
            var fieldLocations = new Dictionary<string, LocationInfo?>(StringComparer.Ordinal);
            var fieldNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in ownMembers)
            {
                ct.ThrowIfCancellationRequested();
                if (member is not IPropertySymbol prop || prop.IsImplicitlyDeclared || prop.IsIndexer) continue;
                var propSyntax = FirstPropertySyntax(prop, ct);
                // Attributes are bound only when the declaration has some (most properties have none).
                var attributes = propSyntax is { AttributeLists.Count: 0 } ? ImmutableArray<AttributeData>.Empty : prop.GetAttributes();
                if (HasAttribute(attributes, "OdooIgnoreAttribute")) continue;
                var ploc = LocationInfo.From(propSyntax?.Identifier.GetLocation() ?? (prop.Locations.Length > 0 ? prop.Locations[0] : null));
                if (!prop.IsPartialDefinition)
                {
                    if (prop.PartialDefinitionPart is not null || prop.IsStatic) continue;
                    var isAuto = propSyntax is not null && propSyntax.ExpressionBody is null && propSyntax.AccessorList is { } al
                        && al.Accessors.All(a => a.Body is null && a.ExpressionBody is null);
                    if (isAuto || HasAnyOdooAttribute(attributes))
                    {
                        diagnostics.Add(Diag("ODOO002", ploc, name, prop.Name, prop.Type.ToDisplayString(Short)));
                    }
                    continue;
                }
                if (prop.PartialImplementationPart is not null) continue; // implemented by hand
                fieldLocations[prop.Name] = ploc;
                fieldNames.Add(prop.Name);
                fields.Add(ParseProperty(prop, propSyntax, attributes, name, ploc, diagnostics));
            }

            // Members OdooGen generates on every record must not be declared by hand.
            foreach (var m in ownMembers)
            {
                if (m.IsImplicitlyDeclared || fieldNames.Contains(m.Name)) continue;
                if (GeneratedNames.IsRecordLevel(m.Name) || ClashesWithGeneratedMember(m, baseSpec is not null))
                {
                    var mloc = m.Locations.Length > 0 ? LocationInfo.From(m.Locations[0]) : loc;
                    diagnostics.Add(Diag("ODOO015", mloc, name, m.Name, name, "another name for that member"));
                    ok = false;
                }
            }

            ResolveAliases(fields, fieldLocations, name, diagnostics);
            CheckNames(fields, fieldLocations, declaredHere, inherited, fieldNames, name, diagnostics);

            var effective = EffectiveAccessibility(type);
            var spec = new ModelSpec
            {
                Namespace = type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "",
                Name = name,
                MetadataName = MetadataName(type),
                FullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                DisplayName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)),
                ContainingTypes = containing.ToEquatableArray(),
                EffectiveAccessibility = effective,
                IsSealed = type.IsSealed,
                ModelName = modelName,
                ManagerName = managerName!,
                ClientProperty = clientProperty!,
                DefaultFields = defaultFields?.Select(f => fields.FirstOrDefault(x => x.Name == f) is { Kind: not FieldKind.Invalid } x ? (x.Kind == FieldKind.Alias ? x.AliasRemoteName ?? f : x.RemoteName) : f).Distinct().ToEquatableArray(),
                Base = baseSpec,
                Fields = fields.ToEquatableArray(),
            };
            var identity = ok ? new ModelIdentity(modelName, spec.DisplayName, baseSpec is not null, effective.Length > 0 ? clientProperty! : "", spec.Namespace, loc) : null;
            return new ParseResult(ok ? spec : null, identity, diagnostics.ToEquatableArray());
        }

        /// <summary>
        /// Whether a hand-written member of the record takes a name OdooGen generates on every record
        /// (a method only clashes with a generated method of the same arity; other arities are overloads).
        /// </summary>
        private static bool ClashesWithGeneratedMember(ISymbol m, bool derived)
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

        private static PropertyDeclarationSyntax? FirstPropertySyntax(IPropertySymbol prop, CancellationToken ct)
        {
            foreach (var r in prop.DeclaringSyntaxReferences)
            {
                if (r.GetSyntax(ct) is PropertyDeclarationSyntax p) return p;
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

        /// <summary>C# keyword of a special type (<c>int</c>, <c>string</c>...), or null.</summary>
        private static string? Keyword(ITypeSymbol t) => t.SpecialType switch
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
        private static (string Full, string Short) DisplayTypes(IPropertySymbol prop)
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

        private static bool IsInNamespace(ISymbol s, string outer, string? inner = null, string? innermost = null)
        {
            var ns = s.ContainingNamespace;
            if (innermost is not null)
            {
                if (ns is null || ns.Name != innermost) return false;
                ns = ns.ContainingNamespace;
            }
            if (inner is not null)
            {
                if (ns is null || ns.Name != inner) return false;
                ns = ns.ContainingNamespace;
            }
            return ns is not null && ns.Name == outer && ns.ContainingNamespace is { IsGlobalNamespace: true };
        }

        private static FieldSpec ParseProperty(IPropertySymbol prop, PropertyDeclarationSyntax? syntax, ImmutableArray<AttributeData> attributes, string recordName, LocationInfo? ploc, List<DiagnosticInfo> diagnostics)
        {
            var (typeDisplay, typeShort) = DisplayTypes(prop);
            var modifiers = Modifiers(syntax);
            var field = new FieldSpec
            {
                Name = prop.Name,
                Modifiers = modifiers,
                TypeDisplay = typeDisplay,
                TypeShort = typeShort,
                HasInit = prop.SetMethod is { IsInitOnly: true },
                RemoteName = Naming.ToSnakeCase(prop.Name),
                IsReadOnly = HasAttribute(attributes, "OdooReadOnlyAttribute"),
            };
            FieldSpec Invalid(string id, params string[] args)
            {
                diagnostics.Add(Diag(id, ploc, args));
                return field with { Kind = FieldKind.Invalid };
            }

            if (prop.IsStatic) return Invalid("ODOO016", recordName, prop.Name, "is static", typeShort);
            if (prop.GetMethod is null) return Invalid("ODOO016", recordName, prop.Name, "has no get accessor", typeShort);
            if (prop.SetMethod is { IsInitOnly: false }) return Invalid("ODOO016", recordName, prop.Name, "has a set accessor (records are read-only snapshots of Odoo rows)", typeShort);
            if (prop.ReturnsByRef || prop.ReturnsByRefReadonly) return Invalid("ODOO016", recordName, prop.Name, "returns by reference", typeShort);

            AttributeData? Find(string attr)
            {
                foreach (var a in attributes)
                {
                    if (IsOdooAttribute(a, attr)) return a;
                }
                return null;
            }
            static string? StringArg(AttributeData? a, int index = 0) =>
                a is not null && a.ConstructorArguments.Length > index && a.ConstructorArguments[index] is { Kind: TypedConstantKind.Primitive, Value: string s } ? s : null;
            static string? Named(AttributeData? a, string key) =>
                a?.NamedArguments.FirstOrDefault(n => n.Key == key).Value.Value as string;

            var alias = Find("FieldAliasAttribute");
            if (alias is not null)
            {
                var target = StringArg(alias);
                if (string.IsNullOrEmpty(target)) return Invalid("ODOO010", recordName, prop.Name, target ?? "(not a string)");
                return field with { Kind = FieldKind.Alias, AliasTarget = target, RemoteName = "" };
            }

            var fieldAttr = Find("OdooFieldAttribute");
            var m2o = Find("Many2OneAttribute");
            var o2m = Find("One2ManyAttribute");
            var m2m = Find("Many2ManyAttribute");
            var relAttr = m2o ?? o2m ?? m2m;
            if ((m2o is not null ? 1 : 0) + (o2m is not null ? 1 : 0) + (m2m is not null ? 1 : 0) > 1)
            {
                return Invalid("ODOO006", recordName, prop.Name, typeShort, "it has more than one relation attribute; keep exactly one of [Many2One], [One2Many] and [Many2Many]");
            }
            if (relAttr is not null && field.HasInit)
            {
                return Invalid("ODOO016", recordName, prop.Name, "has an init accessor, but relations are read from Odoo only", typeShort);
            }
            string? remote = relAttr is not null ? StringArg(relAttr) : fieldAttr is not null ? StringArg(fieldAttr) : field.RemoteName;
            if (relAttr is not null && fieldAttr is not null)
            {
                return Invalid("ODOO006", recordName, prop.Name, typeShort, "[OdooField] cannot be combined with a relation attribute, which already names the Odoo field");
            }
            if (remote is null || !FieldNamePattern.IsMatch(remote))
            {
                return Invalid("ODOO014", recordName, prop.Name, remote ?? "(not a string)");
            }
            field = field with { RemoteName = remote };

            var versions = new List<VersionNameSpec>();
            foreach (var va in attributes)
            {
                if (!IsOdooAttribute(va, "OdooFieldVersionAttribute")) continue;
                var v = StringArg(va, 0);
                var r = StringArg(va, 1);
                if (v is null || !VersionPattern.IsMatch(v)) return Invalid("ODOO018", recordName, prop.Name, v ?? "(not a string)");
                if (r is null || !FieldNamePattern.IsMatch(r)) return Invalid("ODOO014", recordName, prop.Name, r ?? "(not a string)");
                versions.Add(new VersionNameSpec(v, r));
            }
            field = field with { Versions = versions.ToEquatableArray() };

            // Type.
            var t = prop.Type;
            var nullable = false;
            if (t is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nt)
            {
                t = nt.TypeArguments[0];
                nullable = true;
            }
            else if (t.IsReferenceType && prop.NullableAnnotation == NullableAnnotation.Annotated)
            {
                nullable = true;
            }
            field = field with { IsNullable = nullable };

            if (t.TypeKind == TypeKind.Error)
            {
                return Invalid("ODOO004", recordName, prop.Name, typeShort);
            }

            var listElement = t is INamedTypeSymbol { IsGenericType: true, Name: "IReadOnlyList", Arity: 1 } g && IsInNamespace(g, "System", "Collections", "Generic")
                ? g.TypeArguments[0] : null;
            var isModel = IsModelRecord(t);
            var elementIsModel = listElement is not null && IsModelRecord(listElement);

            if (m2o is not null)
            {
                if (!isModel)
                {
                    if (t.TypeKind is TypeKind.Class && listElement is null && t.SpecialType == SpecialType.None)
                    {
                        return Invalid("ODOO005", recordName, prop.Name, t.ToDisplayString(Short));
                    }
                    return Invalid("ODOO006", recordName, prop.Name, typeShort, "[Many2One] needs a property typed as the related [OdooModel] record (nullable when the link may be empty); OdooGen generates the id and name properties beside it");
                }
                return field with
                {
                    Kind = FieldKind.Many2One,
                    TargetFullName = t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    TargetModelName = ModelNameOf(t) ?? "",
                    IdProperty = Named(m2o, "IdProperty") is { Length: > 0 } idp ? idp : prop.Name + "Id",
                    NameProperty = Named(m2o, "NameProperty") is { Length: > 0 } np ? np : prop.Name + "Name",
                };
            }
            if (o2m is not null || m2m is not null)
            {
                var kind = o2m is not null ? FieldKind.One2Many : FieldKind.Many2Many;
                if (listElement is null)
                {
                    return Invalid("ODOO006", recordName, prop.Name, typeShort, $"[{(o2m is not null ? "One2Many" : "Many2Many")}] needs an IReadOnlyList<TRecord> property (or IReadOnlyList<int> for the ids only)");
                }
                if (listElement.SpecialType == SpecialType.System_Int32)
                {
                    return field with { Kind = FieldKind.IdList, IdListKind = kind, IsNullable = false };
                }
                if (!elementIsModel)
                {
                    return Invalid("ODOO005", recordName, prop.Name, listElement.ToDisplayString(Short));
                }
                return field with
                {
                    Kind = kind,
                    IsNullable = false,
                    TargetFullName = listElement.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    TargetModelName = ModelNameOf(listElement) ?? "",
                    IdsProperty = Named(relAttr, "IdsProperty") is { Length: > 0 } ip ? ip : Naming.Singularize(prop.Name) + "Ids",
                };
            }
            if (isModel)
            {
                return Invalid("ODOO006", recordName, prop.Name, typeShort, $"a property typed as an [OdooModel] record is a many2one: add [Many2One(\"{Naming.ToSnakeCase(prop.Name)}_id\")] with the Odoo field name");
            }
            if (elementIsModel)
            {
                return Invalid("ODOO006", recordName, prop.Name, typeShort, $"a list of [OdooModel] records is an x2many: add [One2Many(\"{Naming.ToSnakeCase(prop.Name)}\")] or [Many2Many(\"...\")] with the Odoo field name");
            }

            switch (t.SpecialType)
            {
                case SpecialType.System_Boolean: return field with { Kind = FieldKind.Boolean };
                case SpecialType.System_Int32: return field with { Kind = FieldKind.Int32 };
                case SpecialType.System_Int64: return field with { Kind = FieldKind.Int64 };
                case SpecialType.System_Double: return field with { Kind = FieldKind.Double };
                case SpecialType.System_Decimal: return field with { Kind = FieldKind.Decimal };
                case SpecialType.System_String: return field with { Kind = FieldKind.String };
            }
            if (t.SpecialType == SpecialType.System_DateTime) return field with { Kind = FieldKind.DateTime };
            if (t.TypeKind == TypeKind.Struct && t is INamedTypeSymbol { Arity: 0 })
            {
                switch (t.Name)
                {
                    case "DateOnly" when IsInNamespace(t, "System"): return field with { Kind = FieldKind.Date };
                    case "DateTimeOffset" when IsInNamespace(t, "System"): return field with { Kind = FieldKind.DateTimeOffset };
                    case "JsonElement" when IsInNamespace(t, "System", "Text", "Json"): return field with { Kind = FieldKind.Json };
                }
            }
            if (listElement is not null && listElement.SpecialType == SpecialType.System_Int32)
            {
                return field with { Kind = FieldKind.IdList, IsNullable = false };
            }
            if (t.TypeKind == TypeKind.Enum && t is INamedTypeSymbol enumType)
            {
                var options = new List<SelectionOptionSpec>();
                foreach (var member in enumType.GetMembers())
                {
                    if (member is not IFieldSymbol { HasConstantValue: true } m) continue;
                    var key = HasAttributeSyntax(m) && FindAttribute(m.GetAttributes(), "OdooSelectionAttribute") is { } sa && StringArg(sa) is { } k ? k : Naming.ToSnakeCase(m.Name);
                    if (options.All(o => o.Key != key)) options.Add(new SelectionOptionSpec(key, m.Name));
                }
                return field with
                {
                    Kind = FieldKind.Enum,
                    EnumFullName = enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    Options = options.ToEquatableArray(),
                };
            }
            return Invalid("ODOO004", recordName, prop.Name, typeShort);
        }

        private static void ResolveAliases(List<FieldSpec> fields, Dictionary<string, LocationInfo?> locations, string recordName, List<DiagnosticInfo> diagnostics)
        {
            var byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            // Generated relation members: name -> (remote, kind, type)
            var generated = new Dictionary<string, (string Remote, string Kind, string Type)>(StringComparer.Ordinal);
            foreach (var f in fields)
            {
                if (f.Kind == FieldKind.Many2One)
                {
                    generated[f.IdProperty!] = (f.RemoteName, "Many2One", f.IsNullable ? "int?" : "int");
                    generated[f.NameProperty!] = (f.RemoteName, "Many2One", f.IsNullable ? "string?" : "string");
                }
                else if (f.Kind is FieldKind.One2Many or FieldKind.Many2Many)
                {
                    generated[f.IdsProperty!] = (f.RemoteName, f.Kind.ToString(), "global::System.Collections.Generic.IReadOnlyList<int>");
                }
            }
            var inReportedCycle = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Count; i++)
            {
                var f = fields[i];
                if (f.Kind != FieldKind.Alias) continue;
                var chain = new List<string> { f.Name };
                var current = f;
                while (true)
                {
                    var target = current.AliasTarget!;
                    if (chain.Contains(target))
                    {
                        chain.Add(target);
                        if (!inReportedCycle.Contains(f.Name))
                        {
                            diagnostics.Add(Diag("ODOO011", locations[f.Name], recordName, string.Join(" -> ", chain)));
                            foreach (var c in chain) inReportedCycle.Add(c);
                        }
                        fields[i] = f with { Kind = FieldKind.Invalid };
                        break;
                    }
                    chain.Add(target);
                    string? remote = null, kind = null, targetType = null;
                    if (byName.TryGetValue(target, out var tf))
                    {
                        if (tf.Kind == FieldKind.Alias)
                        {
                            current = tf;
                            continue;
                        }
                        if (tf.Kind != FieldKind.Invalid)
                        {
                            remote = tf.RemoteName;
                            kind = MetadataKind(tf);
                        }
                        else
                        {
                            remote = "";
                            kind = "Json";
                        }
                        targetType = tf.TypeDisplay;
                    }
                    else if (generated.TryGetValue(target, out var g) || BaseMembers.TryGetValue(target, out g))
                    {
                        (remote, kind, targetType) = g;
                    }
                    if (remote is null)
                    {
                        diagnostics.Add(Diag("ODOO010", locations[f.Name], recordName, f.Name, target));
                        fields[i] = f with { Kind = FieldKind.Invalid };
                    }
                    else if (targetType != f.TypeDisplay && chain.Count == 2)
                    {
                        diagnostics.Add(Diag("ODOO021", locations[f.Name], recordName, f.Name, f.TypeShort, target, targetType!.Replace("global::", "")));
                        fields[i] = f with { Kind = FieldKind.Invalid };
                    }
                    else
                    {
                        fields[i] = f with { AliasRemoteName = remote, AliasMetadataKind = kind };
                    }
                    break;
                }
            }
        }

        private static void CheckNames(List<FieldSpec> fields, Dictionary<string, LocationInfo?> locations, HashSet<string> declaredHere, HashSet<string> inherited, HashSet<string> fieldNames, string recordName, List<DiagnosticInfo> diagnostics)
        {
            // Two real fields on one Odoo name.
            var byRemote = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Count; i++)
            {
                var f = fields[i];
                if (f.Kind is FieldKind.Invalid or FieldKind.Alias) continue;
                if (byRemote.TryGetValue(f.RemoteName, out var other))
                {
                    diagnostics.Add(Diag("ODOO008", locations[f.Name], recordName, other, f.Name, f.RemoteName));
                    fields[i] = f with { Kind = FieldKind.Invalid };
                    continue;
                }
                byRemote[f.RemoteName] = f.Name;
            }

            // Private generated members are "__{prefix}_{Property}" (see GeneratedNames): they can only
            // clash with a member declared by hand under such a name.
            HashSet<string>? privateClashes = null;
            foreach (var n in declaredHere)
            {
                if (GeneratedNames.PropertyOf(n) is { } p && fieldNames.Contains(p)) (privateClashes ??= new HashSet<string>(StringComparer.Ordinal)).Add(p);
            }

            // Public generated members must not clash with anything.
            var generatedNames = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Count; i++)
            {
                var f = fields[i];
                if (f.Kind == FieldKind.Invalid) continue;
                if (Array.IndexOf(Reserved, f.Name) >= 0 || inherited.Contains(f.Name))
                {
                    diagnostics.Add(Diag("ODOO015", locations[f.Name], recordName, f.Name, f.Name, "[OdooField(\"...\")] on a property with another name (the name belongs to OdooGen or to a base record)"));
                    fields[i] = f with { Kind = FieldKind.Invalid };
                    continue;
                }
                if (privateClashes is not null && privateClashes.Contains(f.Name))
                {
                    var member = FirstPrivateClash(declaredHere, f.Name);
                    diagnostics.Add(Diag("ODOO015", locations[f.Name], recordName, member, f.Name, "another name for the member '" + member + "' (names starting with '__' followed by a generated prefix are OdooGen's)"));
                    fields[i] = f with { Kind = FieldKind.Invalid };
                    continue;
                }
                string? n1 = null, n2 = null, n3 = null, how1 = null, how2 = null;
                switch (f.Kind)
                {
                    case FieldKind.Many2One:
                        n1 = f.IdProperty; how1 = "[Many2One(IdProperty = \"...\")]";
                        n2 = f.NameProperty; how2 = "[Many2One(NameProperty = \"...\")]";
                        n3 = "Load" + f.Name + "Async";
                        break;
                    case FieldKind.One2Many:
                    case FieldKind.Many2Many:
                        n1 = f.IdsProperty; how1 = $"[{f.Kind}(IdsProperty = \"...\")]";
                        n3 = "Load" + f.Name + "Async";
                        break;
                }
                string? bad = null, how = null;
                if (n1 is not null && Clashes(n1)) (bad, how) = (n1, how1);
                else if (n2 is not null && (Clashes(n2) || n2 == n1)) (bad, how) = (n2, how2);
                else if (n3 is not null && (Clashes(n3) || n3 == n1 || n3 == n2)) (bad, how) = (n3, "another property name");
                if (bad is not null)
                {
                    diagnostics.Add(Diag("ODOO015", locations[f.Name], recordName, bad, f.Name, how!));
                    fields[i] = f with { Kind = FieldKind.Invalid };
                    continue;
                }
                if (n1 is not null) generatedNames.Add(n1);
                if (n2 is not null) generatedNames.Add(n2);
                if (n3 is not null) generatedNames.Add(n3);
            }

            bool Clashes(string n) =>
                !SyntaxFacts.IsValidIdentifier(n) || declaredHere.Contains(n) || inherited.Contains(n) || generatedNames.Contains(n)
                || Array.IndexOf(Reserved, n) >= 0 || GeneratedNames.IsRecordLevel(n) || GeneratedNames.PropertyOf(n) is not null;
        }

        private static string FirstPrivateClash(HashSet<string> declaredHere, string property)
        {
            var best = "";
            foreach (var n in declaredHere)
            {
                if (GeneratedNames.PropertyOf(n) == property && (best.Length == 0 || string.CompareOrdinal(n, best) < 0)) best = n;
            }
            return best;
        }

        internal static string MetadataKind(FieldSpec f) => f.Kind switch
        {
            FieldKind.Boolean => "Boolean",
            FieldKind.Int32 or FieldKind.Int64 => "Integer",
            FieldKind.Double or FieldKind.Decimal => "Float",
            FieldKind.String => "Char",
            FieldKind.Date => "Date",
            FieldKind.DateTime or FieldKind.DateTimeOffset => "DateTime",
            FieldKind.Enum => "Selection",
            FieldKind.IdList => f.IdListKind.ToString(),
            FieldKind.Json => "Json",
            FieldKind.Many2One => "Many2One",
            FieldKind.One2Many => "One2Many",
            FieldKind.Many2Many => "Many2Many",
            FieldKind.Alias => f.AliasMetadataKind ?? "Json",
            _ => "Json",
        };

        /// <summary>
        /// Finds duplicate models and client properties across the assembly. An unexpected exception becomes
        /// ODOO999 on the first declaration (with what was found before it), so the check never silently passes.
        /// </summary>
        public static EquatableArray<DiagnosticInfo> CheckAcrossModels(EquatableArray<ModelIdentity> identities)
        {
            var result = new List<DiagnosticInfo>();
            try
            {
                var ordered = identities.OrderBy(i => i.DisplayName, StringComparer.Ordinal).ToList();
                var roots = new Dictionary<string, ModelIdentity>(StringComparer.Ordinal);
                foreach (var id in ordered)
                {
                    if (id.ExtendsBase) continue;
                    if (roots.TryGetValue(id.ModelName, out var first))
                    {
                        result.Add(Diag("ODOO007", id.Location, id.ModelName, first.DisplayName, id.DisplayName));
                    }
                    else
                    {
                        roots[id.ModelName] = id;
                    }
                }
                var props = new Dictionary<string, ModelIdentity>(StringComparer.Ordinal);
                foreach (var id in ordered)
                {
                    if (id.ClientProperty.Length == 0) continue;
                    var key = id.Namespace + "|" + id.ClientProperty;
                    if (props.TryGetValue(key, out var first))
                    {
                        result.Add(Diag("ODOO020", id.Location, first.DisplayName, id.DisplayName, id.ClientProperty, id.Namespace.Length == 0 ? "(global)" : id.Namespace));
                    }
                    else
                    {
                        props[key] = id;
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result.Add(Diag("ODOO999", FirstLocation(identities), "the checks across models (ODOO007 duplicate model, ODOO020 duplicate client property; not completed)", Describe(ex)));
            }
            return result.ToEquatableArray();
        }

        /// <summary>
        /// The location of the first declaration (by display name), where failures not tied to one declaration are
        /// reported; <see langword="null"/> when there is none. Never throws.
        /// </summary>
        public static LocationInfo? FirstLocation(EquatableArray<ModelIdentity> identities)
        {
            ModelIdentity? first = null;
            foreach (var id in identities)
            {
                if (id?.Location is null) continue;
                if (first is null || string.CompareOrdinal(id.DisplayName, first.DisplayName) < 0) first = id;
            }
            return first?.Location;
        }

        private static bool IsOdooRecordBase(ITypeSymbol t) =>
            t.Name == "OdooRecord" && t.ContainingNamespace is { Name: "Odoo", ContainingNamespace.IsGlobalNamespace: true };

        private static AttributeData? FindModelAttribute(ITypeSymbol t)
        {
            foreach (var a in t.GetAttributes())
            {
                if (IsOdooAttribute(a, "OdooModelAttribute")) return a;
            }
            return null;
        }

        /// <summary>Whether <paramref name="t"/> is an [OdooModel] record (only records are asked for attributes: binding or decoding them costs).</summary>
        private static bool IsModelRecord(ITypeSymbol t) =>
            t is INamedTypeSymbol { IsRecord: true, TypeKind: TypeKind.Class, SpecialType: SpecialType.None } && FindModelAttribute(t) is not null;

        private static string? ModelNameOf(ITypeSymbol t)
        {
            for (var current = t; current is not null && !IsOdooRecordBase(current); current = current.BaseType)
            {
                var a = FindModelAttribute(current);
                if (a is null) return null;
                if (a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is string { Length: > 0 } s) return s;
            }
            return null;
        }

        private static bool IsOdooAttribute(AttributeData a, string name) =>
            a.AttributeClass is { } c && c.Name == name && c.ContainingNamespace is { Name: "Odoo", ContainingNamespace.IsGlobalNamespace: true };

        /// <summary>False only when every declaration of <paramref name="s"/> is source without attribute lists (then GetAttributes need not bind anything).</summary>
        private static bool HasAttributeSyntax(ISymbol s)
        {
            var refs = s.DeclaringSyntaxReferences;
            if (refs.Length == 0) return true;
            foreach (var r in refs)
            {
                if (r.GetSyntax() is not EnumMemberDeclarationSyntax { AttributeLists.Count: 0 }) return true;
            }
            return false;
        }

        private static AttributeData? FindAttribute(ImmutableArray<AttributeData> attributes, string name)
        {
            foreach (var a in attributes)
            {
                if (IsOdooAttribute(a, name)) return a;
            }
            return null;
        }

        private static bool HasAttribute(ImmutableArray<AttributeData> attributes, string name)
        {
            foreach (var a in attributes)
            {
                if (IsOdooAttribute(a, name)) return true;
            }
            return false;
        }

        private static bool HasAnyOdooAttribute(ImmutableArray<AttributeData> attributes) => attributes.Any(a =>
            a.AttributeClass is { } c && c.ContainingNamespace is { Name: "Odoo", ContainingNamespace.IsGlobalNamespace: true }
            && c.Name is "OdooFieldAttribute" or "Many2OneAttribute" or "One2ManyAttribute" or "Many2ManyAttribute" or "FieldAliasAttribute" or "OdooFieldVersionAttribute");

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
}
