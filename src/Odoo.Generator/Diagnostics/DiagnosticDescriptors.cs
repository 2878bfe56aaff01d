using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Odoo.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable (listed in AnalyzerReleases.*.md);
/// each message says how to fix the declaration.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "OdooGen";

    public static readonly DiagnosticDescriptor NotPartial = new(
        "ODOO001", "Declaration must be partial",
        "'{0}' must be declared partial so OdooGen can add the generated members: write 'partial {1} {0}'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO001"));

    public static readonly DiagnosticDescriptor PropertyNotPartial = new(
        "ODOO002", "Model property must be partial",
        "Property '{0}.{1}' is not partial, so OdooGen will not map it: declare it 'public partial {2} {1} {{ get; }}', or mark it [OdooIgnore] if it is not an Odoo field",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO002"));

    public static readonly DiagnosticDescriptor NotARecord = new(
        "ODOO003", "Odoo model must be a partial record class",
        "'{0}' is a {1}; [OdooModel] needs a reference record: declare it 'public partial record {0}'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO003"));

    public static readonly DiagnosticDescriptor UnsupportedType = new(
        "ODOO004", "Unsupported property type",
        "Property '{0}.{1}' has type '{2}', which OdooGen cannot read from Odoo. Use bool, int, long, double, decimal, string, DateOnly, DateTime, DateTimeOffset, an enum (selection), a nullable form of these, IReadOnlyList<int>, JsonElement, an [OdooModel] record (with [Many2One]) or IReadOnlyList of one (with [One2Many]/[Many2Many]); or mark the property [OdooIgnore].",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO004"));

    public static readonly DiagnosticDescriptor TargetNotModel = new(
        "ODOO005", "Relation target is not an Odoo model",
        "Relation '{0}.{1}' points to '{2}', which has no [OdooModel] attribute: declare '{2}' as an [OdooModel] partial record, or change the property type to one",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO005"));

    public static readonly DiagnosticDescriptor RelationShape = new(
        "ODOO006", "Relation attribute does not fit the property type",
        "Property '{0}.{1}' of type '{2}': {3}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO006"));

    public static readonly DiagnosticDescriptor DuplicateModel = new(
        "ODOO007", "Odoo model declared twice",
        "The Odoo model '{0}' is declared by both '{1}' and '{2}' in this assembly: keep one declaration, or derive one record from the other to extend it",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO007"));

    public static readonly DiagnosticDescriptor DuplicateRemoteField = new(
        "ODOO008", "Two properties map to one Odoo field",
        "Properties '{0}.{1}' and '{0}.{2}' both map to the Odoo field '{3}': give one of them another [OdooField(\"...\")] name, or make it an alias with [FieldAlias(nameof({1}))]",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO008"));

    public static readonly DiagnosticDescriptor InvalidModelName = new(
        "ODOO009", "Invalid Odoo model name",
        "'{0}' has the Odoo model name '{1}', which is not a model name: pass one like [OdooModel(\"res.partner\")] (letters, digits and '_' in dot-separated parts){2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO009"));

    public static readonly DiagnosticDescriptor AliasTargetMissing = new(
        "ODOO010", "Alias target not found",
        "Alias '{0}.{1}' points to '{2}', which is not a property of '{0}': use [FieldAlias(nameof(X))] with a property declared in this record (or a generated relation member such as PartnerId)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO010"));

    public static readonly DiagnosticDescriptor AliasCycle = new(
        "ODOO011", "Alias cycle",
        "Aliases on '{0}' form a cycle ({1}): make one of them a real field instead of an alias",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO011"));

    public static readonly DiagnosticDescriptor GenericNotSupported = new(
        "ODOO012", "Odoo model in or as a generic type",
        "'{0}' is generic or nested in the generic type '{1}'; OdooGen cannot generate for it: move the record out of generic types and give it no type parameters",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO012"));

    public static readonly DiagnosticDescriptor LanguageVersion = new(
        "ODOO013", "C# 13 or later is required",
        "'{0}' needs C# 13 or later for partial properties (this project uses C# {1}): set <LangVersion>13</LangVersion> or later in the project file",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO013"));

    public static readonly DiagnosticDescriptor InvalidRemoteName = new(
        "ODOO014", "Invalid Odoo field name",
        "Property '{0}.{1}' maps to the Odoo field name '{2}', which is not a field name: use letters, digits and '_' (for example \"partner_id\")",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO014"));

    public static readonly DiagnosticDescriptor MemberNameCollision = new(
        "ODOO015", "Generated member name is taken",
        "OdooGen would generate '{0}.{1}' for '{2}', but that name is already used: rename the property, or choose another name with {3}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO015"));

    public static readonly DiagnosticDescriptor UnsupportedAccessors = new(
        "ODOO016", "Unsupported partial property shape",
        "Property '{0}.{1}' {2}: declare it as 'public partial {3} {1} {{ get; }}' (an 'init' accessor is allowed)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO016"));

    public static readonly DiagnosticDescriptor AbstractModel = new(
        "ODOO017", "Odoo model record is abstract",
        "'{0}' is abstract, but OdooGen creates instances of it when decoding: remove 'abstract' (derive records from it with [OdooModel] to extend it)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO017"));

    public static readonly DiagnosticDescriptor InvalidVersion = new(
        "ODOO018", "Invalid Odoo version",
        "Property '{0}.{1}' has [OdooFieldVersion(\"{2}\", ...)], which is not an Odoo version: use major.minor such as \"13.0\"",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO018"));

    public static readonly DiagnosticDescriptor InvalidBase = new(
        "ODOO019", "Odoo model derives from a non-model record",
        "'{0}' derives from '{1}', which is not an [OdooModel] record: derive from another [OdooModel] record to extend it, or from nothing",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO019"));

    public static readonly DiagnosticDescriptor DuplicateClientProperty = new(
        "ODOO020", "Two managers would get the same client property",
        "'{0}' and '{1}' would both add the client property '{2}' in namespace '{3}': set ClientProperty on one [OdooModel] attribute",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO020"));

    public static readonly DiagnosticDescriptor AliasTypeMismatch = new(
        "ODOO021", "Alias type differs from its target",
        "Alias '{0}.{1}' has type '{2}' but its target '{3}' has type '{4}': declare the alias with the target's type",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO021"));

    public static readonly DiagnosticDescriptor InvalidGeneratedName = new(
        "ODOO022", "Invalid manager or client property name",
        "'{0}' sets {1} = \"{2}\", which is not a C# identifier: use a name such as \"Partners\"",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO022"));

    public static readonly DiagnosticDescriptor InternalError = new(
        "ODOO999", "OdooGen failed on a declaration",
        "OdooGen failed on {0}: {1}. Please report it with the declaration.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("ODOO999"));

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        NotPartial, PropertyNotPartial, NotARecord, UnsupportedType, TargetNotModel, RelationShape, DuplicateModel,
        DuplicateRemoteField, InvalidModelName, AliasTargetMissing, AliasCycle, GenericNotSupported, LanguageVersion,
        InvalidRemoteName, MemberNameCollision, UnsupportedAccessors, AbstractModel, InvalidVersion, InvalidBase,
        DuplicateClientProperty, AliasTypeMismatch, InvalidGeneratedName, InternalError);
}
