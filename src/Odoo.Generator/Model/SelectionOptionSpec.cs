namespace Odoo.Generator.Model;

/// <summary>One enum member and the Odoo selection key it maps to.</summary>
internal sealed record SelectionOptionSpec(string Key, string Member);
