namespace Odoo.Generator.Fields;

/// <summary>The C# type of a <see cref="DateField"/>.</summary>
internal enum DateKind
{
    Date,
    DateTime,
    DateTimeOffset,
}
