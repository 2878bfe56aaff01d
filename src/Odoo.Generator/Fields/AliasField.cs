using Odoo.Generator.Emitting;

namespace Odoo.Generator.Fields;

/// <summary>
/// <c>[FieldAlias(nameof(Target))]</c>: a property that returns another property (or a generated member such as
/// <c>PartnerId</c>) and has no state of its own. The parser resolves the chain's end (its Odoo name and kind).
/// </summary>
internal sealed record AliasField : FieldSpec
{
    public AliasField(FieldSpec declaration, string target) : base(declaration)
    {
        Target = target;
        RemoteName = "";
    }

    /// <summary>The property the alias returns.</summary>
    public string Target { get; init; }

    /// <summary>The Odoo name of the chain's end; <see langword="null"/> until resolved.</summary>
    public string? ResolvedRemoteName { get; init; }

    /// <summary>The metadata kind of the chain's end; <see langword="null"/> until resolved.</summary>
    public string? ResolvedKind { get; init; }

    public override bool IsStored => false;

    public override string MetadataKind => ResolvedKind ?? "Json";

    public override string MetadataRemoteName => ResolvedRemoteName ?? "";

    public override void EmitState(FieldWriter w)
    {
    }

    public override void EmitProperty(FieldWriter w)
    {
        w.GeneratedCode();
        w.W.Open($"{FieldWriter.Mods(this)}partial {TypeDisplay} {Name}");
        w.W.Line($"get => {Target};");
        if (HasInit) w.W.Line("init => throw new global::System.NotSupportedException(" + FieldWriter.Lit($"{w.Model.Name}.{Name} is an alias of {Target}: set {Target} instead.") + ");");
        w.W.Close();
        w.W.Line();
    }

    public override void EmitRead(FieldWriter w)
    {
    }

    public override void EmitMetadata(FieldWriter w) => w.W.Line($"AliasOf = {FieldWriter.Lit(Target)},");

    public override void EmitPrint(FieldWriter w)
    {
    }

    public override void EmitDictionary(FieldWriter w, string remoteKey)
    {
    }
}
