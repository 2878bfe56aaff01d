using Microsoft.CodeAnalysis;
using Odoo.Generator.Emitting;
using Odoo.Generator.Parsing;

namespace Odoo.Generator.Fields;

/// <summary>A <c>bool</c>, <c>int</c>, <c>long</c>, <c>double</c>, <c>decimal</c>, <c>string</c> or <c>JsonElement</c> field (nullable or not).</summary>
internal sealed record ScalarField : ValueField
{
    public ScalarField(FieldSpec declaration, ScalarKind kind) : base(declaration) => Kind = kind;

    public ScalarKind Kind { get; init; }

    /// <summary>The field for a property typed as one of the scalar types; <see langword="null"/> for other types.</summary>
    public static FieldSpec? TryCreate(PropertyFacts p)
    {
        ScalarKind? kind = p.Type.SpecialType switch
        {
            SpecialType.System_Boolean => ScalarKind.Boolean,
            SpecialType.System_Int32 => ScalarKind.Int32,
            SpecialType.System_Int64 => ScalarKind.Int64,
            SpecialType.System_Double => ScalarKind.Double,
            SpecialType.System_Decimal => ScalarKind.Decimal,
            SpecialType.System_String => ScalarKind.String,
            _ => p.Known.IsJsonElement(p.Type) ? ScalarKind.Json : null,
        };
        return kind is { } k ? new ScalarField(p.Declaration, k) : null;
    }

    public override string? FieldReferenceType(string self) =>
        Kind == ScalarKind.String ? $"global::Odoo.Fields.OdooStringField<{self}>" : base.FieldReferenceType(self);

    public override string MetadataKind => Kind switch
    {
        ScalarKind.Boolean => "Boolean",
        ScalarKind.Int32 or ScalarKind.Int64 => "Integer",
        ScalarKind.Double or ScalarKind.Decimal => "Float",
        ScalarKind.String => "Char",
        _ => "Json",
    };

    protected override string StateType => Kind switch
    {
        ScalarKind.Boolean => IsNullable ? "bool?" : "bool",
        ScalarKind.Int32 => "int?",
        ScalarKind.Int64 => "long?",
        ScalarKind.Double => "double?",
        ScalarKind.Decimal => "decimal?",
        ScalarKind.String => "string?",
        _ => FieldWriter.Json + ".JsonElement?",
    };

    protected override bool ReturnsStoredValue => IsNullable || Kind == ScalarKind.Boolean;

    protected override string ReadCall => Kind switch
    {
        ScalarKind.Boolean => IsNullable ? $"{FieldWriter.Support}.ReadNullableBoolean(ref reader)" : $"{FieldWriter.Reader}.ReadBoolean(ref reader)",
        ScalarKind.Int32 => $"{FieldWriter.Reader}.ReadNullableInt32(ref reader)",
        ScalarKind.Int64 => $"{FieldWriter.Reader}.ReadNullableInt64(ref reader)",
        ScalarKind.Double => $"{FieldWriter.Reader}.ReadNullableDouble(ref reader)",
        ScalarKind.Decimal => $"{FieldWriter.Reader}.ReadNullableDecimal(ref reader)",
        ScalarKind.String => $"{FieldWriter.Reader}.ReadNullableString(ref reader)",
        _ => IsNullable ? $"{FieldWriter.Support}.ReadNullableJsonElement(ref reader)" : $"{FieldWriter.Reader}.ReadJsonElement(ref reader)",
    };

    protected override string RawValue(string value) => Kind switch
    {
        ScalarKind.String => $"{FieldWriter.Support}.RawString({value})",
        ScalarKind.Json => IsNullable ? $"{FieldWriter.Support}.RawJson({value})" : value,
        ScalarKind.Boolean when !IsNullable => value,
        _ => $"{FieldWriter.Support}.RawValue({value})",
    };

    public override void EmitPrint(FieldWriter w)
    {
        if (Kind == ScalarKind.Boolean && !IsNullable) w.W.Line($"{FieldWriter.Support}.AppendValue<bool>(builder, {GeneratedNames.Value(Name)});");
        else base.EmitPrint(w);
    }
}
