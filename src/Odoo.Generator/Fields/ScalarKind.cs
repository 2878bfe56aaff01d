namespace Odoo.Generator.Fields;

/// <summary>The C# type of a <see cref="ScalarField"/>.</summary>
internal enum ScalarKind
{
    Boolean,
    Int32,
    Int64,
    Double,
    Decimal,
    String,
    Json,
}
