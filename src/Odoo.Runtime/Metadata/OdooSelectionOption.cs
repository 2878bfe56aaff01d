using System.Collections.Frozen;

namespace Odoo.Metadata;

/// <summary>One key of a selection field and the enum member it maps to.</summary>
/// <param name="Key">The Odoo selection key.</param>
/// <param name="Member">The C# enum member name.</param>
public sealed record OdooSelectionOption(string Key, string Member);
