using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Odoo.Generator.Model;

// Every type in this file is a pipeline model: value-equatable, made only of strings, bools,
// enums and EquatableArray. No ISymbol, SyntaxNode, SemanticModel, Compilation or Location may be
// reachable from them (the incremental test walks them by reflection to prove it), so an edit that
// does not change a declaration leaves every step Cached/Unchanged.

/// <summary>How a declared property is read and exposed.</summary>
internal enum FieldKind
{
    Invalid,
    Boolean,
    Int32,
    Int64,
    Double,
    Decimal,
    String,
    Date,
    DateTime,
    DateTimeOffset,
    Enum,
    IdList,
    Json,
    Many2One,
    One2Many,
    Many2Many,
    Alias,
}

/// <summary>One containing type of a nested record (<c>partial class Outer</c>).</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>An Odoo name of a field on one server version.</summary>
internal sealed record VersionNameSpec(string Version, string RemoteName);

/// <summary>One enum member and the Odoo selection key it maps to.</summary>
internal sealed record SelectionOptionSpec(string Key, string Member);

/// <summary>One declared partial property of a model record, and everything needed to implement it.</summary>
internal sealed record FieldSpec
{
    public string Name { get; init; } = "";
    public string Modifiers { get; init; } = "public";
    /// <summary>The declared type, fully qualified, with its nullability (<c>int?</c>, <c>global::Ns.CreditType?</c>).</summary>
    public string TypeDisplay { get; init; } = "";
    /// <summary>The declared type without nullability, for messages (<c>int</c>, <c>CreditType</c>).</summary>
    public string TypeShort { get; init; } = "";
    public FieldKind Kind { get; init; }
    public bool IsNullable { get; init; }
    public bool HasInit { get; init; }
    public string RemoteName { get; init; } = "";
    public EquatableArray<VersionNameSpec> Versions { get; init; } = EquatableArray<VersionNameSpec>.Empty;
    /// <summary>Relations: the target record (<c>global::Ns.CreditType</c>) and its Odoo model.</summary>
    public string? TargetFullName { get; init; }
    public string? TargetModelName { get; init; }
    public string? IdProperty { get; init; }
    public string? NameProperty { get; init; }
    public string? IdsProperty { get; init; }
    /// <summary>Id lists declared with [One2Many]/[Many2Many] but typed IReadOnlyList&lt;int&gt;.</summary>
    public FieldKind IdListKind { get; init; } = FieldKind.Many2Many;
    public string? EnumFullName { get; init; }
    public EquatableArray<SelectionOptionSpec> Options { get; init; } = EquatableArray<SelectionOptionSpec>.Empty;
    public string? AliasTarget { get; init; }
    /// <summary>For aliases: the resolved end of the chain's Odoo name and metadata kind.</summary>
    public string? AliasRemoteName { get; init; }
    public string? AliasMetadataKind { get; init; }
    /// <summary>Declared with <c>[OdooReadOnly]</c>: no property on the values type.</summary>
    public bool IsReadOnly { get; init; }
}

/// <summary>The record this one derives from, when it extends another [OdooModel] record.</summary>
internal sealed record BaseRecordSpec(string FullName, string Name, string ModelName);

/// <summary>
/// The root pipeline model: one [OdooModel] record, as plain data. Built by the parser, consumed by
/// the emitter; holds no symbols, syntax or locations.
/// </summary>
internal sealed record ModelSpec
{
    public string Namespace { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>The fully qualified metadata name (<c>Ns.Outer+X</c>), for the hint name.</summary>
    public string MetadataName { get; init; } = "";
    /// <summary><c>global::Ns.Outer.X</c>.</summary>
    public string FullName { get; init; } = "";
    /// <summary><c>Ns.Outer.X</c>.</summary>
    public string DisplayName { get; init; } = "";
    public EquatableArray<ContainingTypeSpec> ContainingTypes { get; init; } = EquatableArray<ContainingTypeSpec>.Empty;
    /// <summary><c>public</c> or <c>internal</c>; empty when the record is not visible outside its containing types (no manager then).</summary>
    public string EffectiveAccessibility { get; init; } = "";
    public bool IsSealed { get; init; }
    public string ModelName { get; init; } = "";
    public string ManagerName { get; init; } = "";
    public string ClientProperty { get; init; } = "";
    /// <summary>Odoo names; null when the attribute sets none.</summary>
    public EquatableArray<string>? DefaultFields { get; init; }
    public BaseRecordSpec? Base { get; init; }
    public EquatableArray<FieldSpec> Fields { get; init; } = EquatableArray<FieldSpec>.Empty;
}

/// <summary>
/// A spec with the location of its declaration, for the per-model emit (an unexpected failure is reported as
/// ODOO999 on the declaration). Only the per-model emit sees the location: the specs the assembly file is made
/// of hold none, so a line shift above a declaration re-emits that model's file only.
/// </summary>
internal sealed record LocatedSpec(ModelSpec Spec, LocationInfo? Location);

/// <summary>Where a diagnostic goes, as plain data.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}

/// <summary>A diagnostic to report, as plain data (descriptor id + message arguments).</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments);

/// <summary>What the duplicate-model check needs of each record.</summary>
internal sealed record ModelIdentity(string ModelName, string DisplayName, bool ExtendsBase, string ClientProperty, string Namespace, LocationInfo? Location);

/// <summary>The transform's result for one [OdooModel] declaration.</summary>
internal sealed record ParseResult(ModelSpec? Spec, ModelIdentity? Identity, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>What the emitter needs of the compilation: language version and runtime features.</summary>
internal sealed record CompilationSpec(string AssemblyName, bool UseExtensionMembers, bool HasManagerBase, bool SupportsPartialProperties)
{
    /// <summary>Whether the runtime's <c>IOdooRecord&lt;TSelf&gt;</c> has <c>GetManager</c> (records then implement it).</summary>
    public bool HasRecordManager { get; init; }

    /// <summary>Whether the runtime has the typed API (<c>Odoo.Fields</c>, <c>OdooRecordValues&lt;T&gt;</c>): records then get <c>Fields</c> and <c>{Record}Values</c>.</summary>
    public bool HasTypedApi { get; init; }

    /// <summary>The exception that kept the compilation from being read (the defaults above are used then); reported as ODOO999.</summary>
    public string? Failure { get; init; }
}
