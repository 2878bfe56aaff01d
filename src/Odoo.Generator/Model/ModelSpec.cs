using Odoo.Generator.Fields;

namespace Odoo.Generator.Model;

// Every pipeline model (this namespace and Odoo.Generator.Fields) is value-equatable and made only of
// strings, bools, enums and EquatableArray. No ISymbol, SyntaxNode, SemanticModel, Compilation or Location
// may be reachable from them (the incremental test walks them by reflection to prove it), so an edit that
// does not change a declaration leaves every step Cached/Unchanged.

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
    /// <summary>The declared partial properties, each as the record of its kind (see <see cref="FieldSpec"/>).</summary>
    public EquatableArray<FieldSpec> Fields { get; init; } = EquatableArray<FieldSpec>.Empty;
}
