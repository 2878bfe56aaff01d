using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Odoo.Generator.Diagnostics;
using Odoo.Generator.Emitting;
using Odoo.Generator.Parsing;

namespace Odoo.Generator.Fields;

/// <summary>
/// A many2one: a property typed as the related [OdooModel] record, with <c>[Many2One("partner_id")]</c>. Everything a
/// many2one generates is written here: the id and name halves of Odoo's <c>[id, name]</c> pair, the relation property,
/// its loader and the accessors the batched loads use, its decoding, metadata, <c>Relations</c> entry, printing and
/// dictionary entries.
/// </summary>
internal sealed record Many2OneField : FieldSpec
{
    public Many2OneField(FieldSpec declaration, string targetFullName, string targetModelName, string idProperty, string nameProperty) : base(declaration)
    {
        TargetFullName = targetFullName;
        TargetModelName = targetModelName;
        IdProperty = idProperty;
        NameProperty = nameProperty;
    }

    /// <summary>The target record (<c>global::Ns.CreditType</c>).</summary>
    public string TargetFullName { get; init; }

    /// <summary>The target's Odoo model.</summary>
    public string TargetModelName { get; init; }

    public string IdProperty { get; init; }

    public string NameProperty { get; init; }

    /// <summary>
    /// The field for a property with [Many2One] (or an error when its type is not a model record); an error for a
    /// model-typed property without a relation attribute; <see langword="null"/> otherwise.
    /// </summary>
    public static FieldSpec? TryCreate(PropertyFacts p)
    {
        if (p.Many2One is not { } attribute)
        {
            return p.RelationAttribute is null && p.IsModel
                ? p.Invalid(DiagnosticDescriptors.RelationShape, p.RecordName, p.Name, p.Declaration.TypeShort, $"a property typed as an [OdooModel] record is a many2one: add [Many2One(\"{Naming.ToSnakeCase(p.Name)}_id\")] with the Odoo field name")
                : null;
        }
        if (!p.IsModel)
        {
            if (p.Type.TypeKind is TypeKind.Class && p.ListElement is null && p.Type.SpecialType == SpecialType.None)
            {
                return p.Invalid(DiagnosticDescriptors.TargetNotModel, p.RecordName, p.Name, p.Type.ToDisplayString(TypeDisplays.Short));
            }
            return p.Invalid(DiagnosticDescriptors.RelationShape, p.RecordName, p.Name, p.Declaration.TypeShort, "[Many2One] needs a property typed as the related [OdooModel] record (nullable when the link may be empty); OdooGen generates the id and name properties beside it");
        }
        return new Many2OneField(
            p.Declaration,
            p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            p.Known.ModelNameOf(p.Type) ?? "",
            PropertyFacts.Named(attribute, "IdProperty") is { Length: > 0 } idp ? idp : p.Name + "Id",
            PropertyFacts.Named(attribute, "NameProperty") is { Length: > 0 } np ? np : p.Name + "Name");
    }

    public override bool IsRelation => true;

    public override string MetadataKind => "Many2One";

    public override string? FieldReferenceType(string self) => $"global::Odoo.Fields.OdooMany2OneField<{self}, {TargetFullName}>";

    public override bool IsWritable => !IsReadOnly;

    /// <summary>A link takes a record or an id (<c>OdooRecordId&lt;T&gt;</c>) and sends the id; <see langword="null"/> clears a link that may be empty.</summary>
    public override void EmitValueProperty(FieldWriter w, string hide)
    {
        var type = $"global::Odoo.Values.OdooRecordId<{TargetFullName}>";
        var key = FieldWriter.Lit(Name);
        w.W.Line(IsNullable
            ? $"public {hide}{type}? {Name} {{ get => GetValue<{type}?>({key}); set => SetValue({key}, value, value?.Id); }}"
            : $"public {hide}{type} {Name} {{ get => GetValue<{type}>({key}); set => SetValue({key}, value, value.Id); }}");
    }

    public override IEnumerable<(string Name, string HowToRename)> GeneratedMembers()
    {
        yield return (IdProperty, "[Many2One(IdProperty = \"...\")]");
        yield return (NameProperty, "[Many2One(NameProperty = \"...\")]");
        yield return ("Load" + Name + "Async", "another property name");
    }

    public override IEnumerable<AliasTarget> AliasTargets()
    {
        yield return new AliasTarget(IdProperty, RemoteName, "Many2One", IsNullable ? "int?" : "int");
        yield return new AliasTarget(NameProperty, RemoteName, "Many2One", IsNullable ? "string?" : "string");
    }

    public override void EmitState(FieldWriter w)
    {
        w.W.Line($"private int? {GeneratedNames.Id(Name)};");
        w.W.Line($"private string? {GeneratedNames.Name(Name)};");
        w.W.Line($"private global::Odoo.OdooRelationSlot<{TargetFullName}?>? {GeneratedNames.Slot(Name)};");
    }

    public override void EmitProperty(FieldWriter w)
    {
        var s = w.W;
        var rn = FieldWriter.Lit(w.Model.Name);
        var target = TargetFullName;
        var q = IsNullable ? "?" : "";
        var id = GeneratedNames.Id(Name);
        var empty = IsNullable ? " <see langword=\"null\"/> when the link is empty." : "";
        // Id
        s.Line($"/// <summary>The id of <see cref=\"{Name}\"/> (Odoo field <c>{FieldWriter.Xml(RemoteName)}</c>), from Odoo's <c>[id, name]</c> pair; no request.{empty}</summary>");
        w.GuardedGetter(this, $"public int{q} {IdProperty}", IdProperty,
            IsNullable ? $"return {id};" : $"return {id} ?? throw {w.Empty(this, IdProperty, "int")};");
        // Name
        s.Line($"/// <summary>The display name of <see cref=\"{Name}\"/>, from Odoo's <c>[id, name]</c> pair; no request.{empty}</summary>");
        w.GuardedGetter(this, $"public string{q} {NameProperty}", NameProperty,
            IsNullable ? $"return {GeneratedNames.Name(Name)};" : $"return {id} is null ? throw {w.Empty(this, NameProperty, "string")} : {GeneratedNames.Name(Name)} ?? \"\";");
        // Relation
        w.GuardedGetter(this, $"{FieldWriter.Mods(this)}partial {TypeDisplay} {Name}", Name,
            IsNullable ? $"if ({id} is null) return null;" : $"if ({id} is null) throw {w.Empty(this, Name, TypeShort)};",
            $"if ({GeneratedNames.Slot(Name)} is {{ }} slot && slot.TryGetValue(out var value)) return value{(IsNullable ? "" : "!")};",
            $"throw {FieldWriter.Support}.RelationNotLoaded({rn}, {FieldWriter.Lit(Name)}, {FieldWriter.Lit(RemoteName)});");
        // Loader
        s.Line($"/// <summary>");
        s.Line($"/// Loads <see cref=\"{Name}\"/> (one <c>read</c> of <c>{FieldWriter.Xml(TargetModelName)}</c>, then cached on this record; concurrent calls share");
        s.Line($"/// one request). {(IsNullable ? "Returns <see langword=\"null\"/> without a request when the link is empty." : "Throws <see cref=\"global::Odoo.OdooValueException\"/> when Odoo has no link.")}");
        s.Line("/// </summary>");
        s.Line("/// <param name=\"cancellationToken\">Cancels this caller's wait.</param>");
        w.GeneratedCode();
        s.Open($"public global::System.Threading.Tasks.ValueTask<{target}{q}> Load{Name}Async(global::System.Threading.CancellationToken cancellationToken = default)");
        if (IsNullable)
        {
            s.Line($"if ({GeneratedNames.GetId(Name)}(this) is not {{ }} value) return new global::System.Threading.Tasks.ValueTask<{target}?>(default({target}?));");
        }
        else
        {
            s.Line($"var value = {GeneratedNames.GetId(Name)}(this);");
        }
        s.Line($"return {GeneratedNames.GetSlot(Name)}(this).GetOrLoadAsync(");
        s.Line("    (Self: this, Id: value),");
        s.Line($"    static async (s, ct) => (({target}?)await global::Odoo.OdooRelationLoader.LoadOneAsync<{target}>(s.Self.Source, {rn}, {FieldWriter.Lit(Name)}, s.Id, ct).ConfigureAwait(false)),");
        s.Line($"    cancellationToken){(IsNullable ? "" : "!")};");
        s.Close();
        s.Line();
        // Accessors for the batched loads (Relations).
        w.GuardedAccessor(this, $"private static int{q} {GeneratedNames.GetId(Name)}({w.Model.FullName} record)",
            IsNullable ? $"return record.{id};" : $"return record.{id} ?? throw {w.Empty(this, Name, TypeShort)};");
        w.GeneratedCode();
        s.Line($"private static global::Odoo.OdooRelationSlot<{target}?> {GeneratedNames.GetSlot(Name)}({w.Model.FullName} record) =>");
        s.Line($"    global::System.Threading.LazyInitializer.EnsureInitialized(ref record.{GeneratedNames.Slot(Name)}, static () => new global::Odoo.OdooRelationSlot<{target}?>());");
        s.Line();
    }

    public override void EmitRead(FieldWriter w) =>
        w.W.Line($"{GeneratedNames.Id(Name)} = {FieldWriter.Reader}.ReadMany2One(ref reader, out var id, out {GeneratedNames.Name(Name)}) ? id : null;");

    public override void EmitMetadata(FieldWriter w)
    {
        w.W.Line($"RelationModel = {FieldWriter.Lit(TargetModelName)},");
        w.W.Line($"RelationTarget = static () => {TargetFullName}.Metadata,");
        w.W.Line($"IdProperty = {FieldWriter.Lit(IdProperty)},");
        w.W.Line($"NameProperty = {FieldWriter.Lit(NameProperty)},");
    }

    public override void EmitRelation(FieldWriter w)
    {
        var self = w.Model.FullName;
        w.W.Line($"/// <summary>The many2one relation <see cref=\"{self}.{Name}\"/> (Odoo field <c>{FieldWriter.Xml(RemoteName)}</c>).</summary>");
        w.W.Line($"public static global::Odoo.OdooMany2OneRelation<{self}, {TargetFullName}> {Name} {{ get; }} = new(");
        w.W.Line($"    {FieldWriter.Lit(Name)}, {FieldWriter.Lit(RemoteName)}, {(IsNullable ? "true" : "false")}, static r => {GeneratedNames.GetId(Name)}(r), static r => {GeneratedNames.GetSlot(Name)}(r));");
        w.W.Line();
    }

    public override void EmitPrint(FieldWriter w) =>
        w.W.Line($"{FieldWriter.Support}.AppendMany2One(builder, {GeneratedNames.Id(Name)}, {GeneratedNames.Name(Name)});");

    public override void EmitDictionary(FieldWriter w, string remoteKey)
    {
        var s = w.W;
        var id = GeneratedNames.Id(Name);
        var nm = GeneratedNames.Name(Name);
        s.Line("if (raw)");
        s.Line("{");
        s.Line($"    values[{remoteKey}] = {FieldWriter.Support}.RawMany2One({id}, {nm});");
        s.Line("}");
        s.Line("else");
        s.Line("{");
        s.Line($"    values[{FieldWriter.Lit(IdProperty)}] = {id};");
        s.Line($"    values[{FieldWriter.Lit(NameProperty)}] = {nm};");
        s.Line("}");
    }
}
