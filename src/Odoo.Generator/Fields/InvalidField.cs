using Odoo.Generator.Emitting;

namespace Odoo.Generator.Fields;

/// <summary>
/// A declaration with an ODOO error: it has no state and no metadata, and its property throws, so that the
/// diagnostic is the only error the user sees. Also the parser's carrier of a declaration's data before its kind is known.
/// </summary>
internal sealed record InvalidField : FieldSpec
{
    public InvalidField(FieldSpec declaration) : base(declaration)
    {
    }

    public InvalidField()
    {
    }

    public override bool IsStored => false;

    public override bool HasMetadata => false;

    public override string MetadataKind => "Json";

    public override void EmitState(FieldWriter w)
    {
    }

    public override void EmitProperty(FieldWriter w)
    {
        w.GeneratedCode();
        w.W.Open($"{FieldWriter.Mods(this)}partial {TypeDisplay} {Name}");
        w.W.Line($"get => throw new global::System.NotSupportedException({FieldWriter.Lit($"{w.Model.Name}.{Name} is not mapped: its declaration has an OdooGen (ODOO) error.")});");
        if (HasInit) w.W.Line("init { }");
        w.W.Close();
        w.W.Line();
    }

    public override void EmitRead(FieldWriter w)
    {
    }

    public override void EmitPrint(FieldWriter w)
    {
    }

    public override void EmitDictionary(FieldWriter w, string remoteKey)
    {
    }
}
