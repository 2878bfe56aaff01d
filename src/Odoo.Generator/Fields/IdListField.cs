using Odoo.Generator.Emitting;
using Odoo.Generator.Parsing;

namespace Odoo.Generator.Fields;

/// <summary>An <c>IReadOnlyList&lt;int&gt;</c> field: the ids of an x2many, without the records.</summary>
internal sealed record IdListField : ValueField
{
    /// <param name="declaration">The declaration's data.</param>
    /// <param name="relationKind"><c>One2Many</c> or <c>Many2Many</c> (the metadata kind; <c>Many2Many</c> without an attribute).</param>
    public IdListField(FieldSpec declaration, string relationKind) : base(declaration)
    {
        RelationKind = relationKind;
        IsNullable = false;
    }

    public string RelationKind { get; init; }

    /// <summary>The field for a property typed <c>IReadOnlyList&lt;int&gt;</c> without a relation attribute.</summary>
    public static FieldSpec? TryCreate(PropertyFacts p) =>
        p.ListElement is { SpecialType: Microsoft.CodeAnalysis.SpecialType.System_Int32 } ? new IdListField(p.Declaration, "Many2Many") : null;

    public override string MetadataKind => RelationKind;

    /// <summary>An id list has no typed reference and no values property: the relation's own property (when declared) has them.</summary>
    public override string? FieldReferenceType(string self) => null;

    public override bool IsWritable => false;

    protected override string StateType => FieldWriter.ListOfInt + "?";

    protected override bool ReturnsStoredValue => true;

    protected override string ReturnSuffix => "!";

    protected override string ReadCall => $"{FieldWriter.Reader}.ReadIdList(ref reader)";

    protected override string RawValue(string value) => $"{FieldWriter.Support}.RawIds({value})";

    public override void EmitPrint(FieldWriter w) => w.W.Line($"{FieldWriter.Support}.AppendIds(builder, {GeneratedNames.Value(Name)});");
}
