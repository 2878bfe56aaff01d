using System;
using Odoo.Generator.Parsing;

namespace Odoo.Generator.Fields;

/// <summary>
/// The field kinds, in the order the parser asks them whether a property is theirs: the first that returns a field
/// (or an error) wins; a property no kind takes is ODOO004. A new kind is one file (a record deriving from
/// <see cref="FieldSpec"/>, with a <c>TryCreate</c>) and one line here.
/// </summary>
internal static class FieldKinds
{
    public static readonly Func<PropertyFacts, FieldSpec?>[] All =
    {
        // Relations first: their attributes decide, whatever the type.
        Many2OneField.TryCreate,
        X2ManyField.TryCreate,
        ScalarField.TryCreate,
        DateField.TryCreate,
        IdListField.TryCreate,
        EnumField.TryCreate,
    };
}
