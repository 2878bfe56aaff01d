using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Odoo.Generator.Diagnostics;
using Odoo.Generator.Emitting;
using Odoo.Generator.Parsing;

namespace Odoo.Generator.Fields;

/// <summary>
/// A one2many or many2many: an <c>IReadOnlyList&lt;TRecord&gt;</c> property with <c>[One2Many("...")]</c> or
/// <c>[Many2Many("...")]</c>. Writes the ids property, the relation property, its loader and accessors, decoding,
/// metadata, <c>Relations</c> entry, printing and dictionary entries.
/// </summary>
internal sealed record X2ManyField : FieldSpec
{
    /// <param name="declaration">The declaration's data.</param>
    /// <param name="relationKind"><c>One2Many</c> or <c>Many2Many</c>.</param>
    /// <param name="targetFullName">The element record (<c>global::Ns.Tag</c>).</param>
    /// <param name="targetModelName">The element's Odoo model.</param>
    /// <param name="idsProperty">The generated ids property.</param>
    public X2ManyField(FieldSpec declaration, string relationKind, string targetFullName, string targetModelName, string idsProperty) : base(declaration)
    {
        RelationKind = relationKind;
        TargetFullName = targetFullName;
        TargetModelName = targetModelName;
        IdsProperty = idsProperty;
        IsNullable = false;
    }

    public string RelationKind { get; init; }

    public string TargetFullName { get; init; }

    public string TargetModelName { get; init; }

    public string IdsProperty { get; init; }

    /// <summary>
    /// The field for a property with [One2Many]/[Many2Many] (an <see cref="IdListField"/> for <c>IReadOnlyList&lt;int&gt;</c>,
    /// an error for other shapes); an error for a list of model records without a relation attribute; <see langword="null"/> otherwise.
    /// </summary>
    public static FieldSpec? TryCreate(PropertyFacts p)
    {
        var attribute = p.One2Many ?? p.Many2Many;
        if (attribute is null)
        {
            return p.RelationAttribute is null && p.ElementIsModel
                ? p.Invalid(DiagnosticDescriptors.RelationShape, p.RecordName, p.Name, p.Declaration.TypeShort, $"a list of [OdooModel] records is an x2many: add [One2Many(\"{Naming.ToSnakeCase(p.Name)}\")] or [Many2Many(\"...\")] with the Odoo field name")
                : null;
        }
        var kind = p.One2Many is not null ? "One2Many" : "Many2Many";
        if (p.ListElement is null)
        {
            return p.Invalid(DiagnosticDescriptors.RelationShape, p.RecordName, p.Name, p.Declaration.TypeShort, $"[{kind}] needs an IReadOnlyList<TRecord> property (or IReadOnlyList<int> for the ids only)");
        }
        if (p.ListElement.SpecialType == SpecialType.System_Int32)
        {
            return new IdListField(p.Declaration, kind);
        }
        if (!p.ElementIsModel)
        {
            return p.Invalid(DiagnosticDescriptors.TargetNotModel, p.RecordName, p.Name, p.ListElement.ToDisplayString(TypeDisplays.Short));
        }
        return new X2ManyField(
            p.Declaration,
            kind,
            p.ListElement.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            p.Known.ModelNameOf(p.ListElement) ?? "",
            PropertyFacts.Named(attribute, "IdsProperty") is { Length: > 0 } ip ? ip : Naming.Singularize(p.Name) + "Ids");
    }

    public override bool IsRelation => true;

    public override string MetadataKind => RelationKind;

    public override string? FieldReferenceType(string self) => $"global::Odoo.Fields.OdooX2ManyField<{self}, {TargetFullName}>";

    public override bool IsWritable => !IsReadOnly;

    /// <summary>A relation takes typed commands (<c>OdooCommand&lt;T&gt;</c>) and sends Odoo's command lists.</summary>
    public override void EmitValueProperty(FieldWriter w, string hide)
    {
        var type = $"global::System.Collections.Generic.IEnumerable<global::Odoo.Values.OdooCommand<{TargetFullName}>>";
        var key = FieldWriter.Lit(Name);
        w.W.Line($"public {hide}{type} {Name} {{ get => GetValue<{type}>({key}); set => SetValue({key}, value, Commands(value)); }}");
    }

    public override IEnumerable<(string Name, string HowToRename)> GeneratedMembers()
    {
        yield return (IdsProperty, $"[{RelationKind}(IdsProperty = \"...\")]");
        yield return ("Load" + Name + "Async", "another property name");
    }

    public override IEnumerable<AliasTarget> AliasTargets()
    {
        yield return new AliasTarget(IdsProperty, RemoteName, RelationKind, FieldWriter.ListOfInt);
    }

    public override void EmitState(FieldWriter w)
    {
        w.W.Line($"private {FieldWriter.ListOfInt}? {GeneratedNames.Ids(Name)};");
        w.W.Line($"private global::Odoo.OdooRelationSlot<global::System.Collections.Generic.IReadOnlyList<{TargetFullName}>>? {GeneratedNames.Slot(Name)};");
    }

    public override void EmitProperty(FieldWriter w)
    {
        var s = w.W;
        var rn = FieldWriter.Lit(w.Model.Name);
        var target = TargetFullName;
        var list = $"global::System.Collections.Generic.IReadOnlyList<{target}>";
        s.Line($"/// <summary>The ids of <see cref=\"{Name}\"/> (Odoo field <c>{FieldWriter.Xml(RemoteName)}</c>), in Odoo's order; no request.</summary>");
        w.GuardedGetter(this, $"public {FieldWriter.ListOfInt} {IdsProperty}", IdsProperty, $"return {GeneratedNames.Ids(Name)}!;");
        w.GuardedGetter(this, $"{FieldWriter.Mods(this)}partial {TypeDisplay} {Name}", Name,
            $"if ({GeneratedNames.Slot(Name)} is {{ }} slot && slot.TryGetValue(out var value)) return value;",
            $"if ({GeneratedNames.Ids(Name)}!.Count == 0) return global::System.Array.Empty<{target}>();",
            $"throw {FieldWriter.Support}.RelationNotLoaded({rn}, {FieldWriter.Lit(Name)}, {FieldWriter.Lit(RemoteName)});");
        s.Line($"/// <summary>");
        s.Line($"/// Loads <see cref=\"{Name}\"/> (one <c>read</c> of <c>{FieldWriter.Xml(TargetModelName)}</c> for all ids, then cached on this record;");
        s.Line("/// concurrent calls share one request; no request when there are no ids).");
        s.Line("/// </summary>");
        s.Line("/// <param name=\"cancellationToken\">Cancels this caller's wait.</param>");
        w.GeneratedCode();
        s.Open($"public global::System.Threading.Tasks.ValueTask<{list}> Load{Name}Async(global::System.Threading.CancellationToken cancellationToken = default)");
        s.Line($"var ids = {GeneratedNames.GetIds(Name)}(this);");
        s.Line($"return {GeneratedNames.GetSlot(Name)}(this).GetOrLoadAsync(");
        s.Line("    (Self: this, Ids: ids),");
        s.Line($"    static (s, ct) => global::Odoo.OdooRelationLoader.LoadManyAsync<{target}>(s.Self.Source, {rn}, {FieldWriter.Lit(Name)}, s.Ids, ct),");
        s.Line("    cancellationToken);");
        s.Close();
        s.Line();
        w.GuardedAccessor(this, $"private static {FieldWriter.ListOfInt} {GeneratedNames.GetIds(Name)}({w.Model.FullName} record)", $"return record.{GeneratedNames.Ids(Name)}!;");
        w.GeneratedCode();
        s.Line($"private static global::Odoo.OdooRelationSlot<{list}> {GeneratedNames.GetSlot(Name)}({w.Model.FullName} record) =>");
        s.Line($"    global::System.Threading.LazyInitializer.EnsureInitialized(ref record.{GeneratedNames.Slot(Name)}, static () => new global::Odoo.OdooRelationSlot<{list}>());");
        s.Line();
    }

    public override void EmitRead(FieldWriter w) => w.W.Line($"{GeneratedNames.Ids(Name)} = {FieldWriter.Reader}.ReadIdList(ref reader);");

    public override void EmitMetadata(FieldWriter w)
    {
        w.W.Line($"RelationModel = {FieldWriter.Lit(TargetModelName)},");
        w.W.Line($"RelationTarget = static () => {TargetFullName}.Metadata,");
        w.W.Line($"IdsProperty = {FieldWriter.Lit(IdsProperty)},");
    }

    public override void EmitRelation(FieldWriter w)
    {
        var self = w.Model.FullName;
        w.W.Line($"/// <summary>The {(RelationKind == "One2Many" ? "one2many" : "many2many")} relation <see cref=\"{self}.{Name}\"/> (Odoo field <c>{FieldWriter.Xml(RemoteName)}</c>).</summary>");
        w.W.Line($"public static global::Odoo.OdooX2ManyRelation<{self}, {TargetFullName}> {Name} {{ get; }} = new(");
        w.W.Line($"    {FieldWriter.Lit(Name)}, {FieldWriter.Lit(RemoteName)}, global::Odoo.Metadata.OdooFieldKind.{RelationKind}, static r => {GeneratedNames.GetIds(Name)}(r), static r => {GeneratedNames.GetSlot(Name)}(r));");
        w.W.Line();
    }

    public override void EmitPrint(FieldWriter w) => w.W.Line($"{FieldWriter.Support}.AppendIds(builder, {GeneratedNames.Ids(Name)});");

    public override void EmitDictionary(FieldWriter w, string remoteKey) =>
        w.W.Line($"if (raw) values[{remoteKey}] = {FieldWriter.Support}.RawIds({GeneratedNames.Ids(Name)}); else values[{FieldWriter.Lit(IdsProperty)}] = {GeneratedNames.Ids(Name)};");
}
