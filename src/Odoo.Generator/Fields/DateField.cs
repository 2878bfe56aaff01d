using Microsoft.CodeAnalysis;
using Odoo.Generator.Emitting;
using Odoo.Generator.Parsing;

namespace Odoo.Generator.Fields;

/// <summary>A <c>DateOnly</c> (Odoo date), <c>DateTime</c> or <c>DateTimeOffset</c> (Odoo datetime, UTC) field.</summary>
internal sealed record DateField : ValueField
{
    public DateField(FieldSpec declaration, DateKind kind) : base(declaration) => Kind = kind;

    public DateKind Kind { get; init; }

    /// <summary>The field for a property typed as a date type; <see langword="null"/> for other types.</summary>
    public static FieldSpec? TryCreate(PropertyFacts p)
    {
        if (p.Type.SpecialType == SpecialType.System_DateTime) return new DateField(p.Declaration, DateKind.DateTime);
        if (p.Known.IsDateOnly(p.Type)) return new DateField(p.Declaration, DateKind.Date);
        if (p.Known.IsDateTimeOffset(p.Type)) return new DateField(p.Declaration, DateKind.DateTimeOffset);
        return null;
    }

    public override string MetadataKind => Kind == DateKind.Date ? "Date" : "DateTime";

    protected override string StateType => Kind switch
    {
        DateKind.Date => "global::System.DateOnly?",
        DateKind.DateTime => "global::System.DateTime?",
        _ => "global::System.DateTimeOffset?",
    };

    protected override string ReadCall => Kind switch
    {
        DateKind.Date => $"{FieldWriter.Support}.ReadNullableDate(ref reader)",
        DateKind.DateTime => $"{FieldWriter.Support}.ReadNullableDateTime(ref reader)",
        _ => $"{FieldWriter.Support}.ReadNullableDateTimeOffset(ref reader)",
    };

    protected override string RawValue(string value) => Kind switch
    {
        DateKind.Date => $"{FieldWriter.Support}.RawDate({value})",
        DateKind.DateTime => $"{FieldWriter.Support}.RawDateTime({value})",
        _ => $"{FieldWriter.Support}.RawDateTimeOffset({value})",
    };
}
