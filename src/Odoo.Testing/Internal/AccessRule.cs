namespace Odoo.Testing.Internal;

/// <summary>A denial of operations on a model, for one user or (null <see cref="Uid"/>) all.</summary>
internal sealed record AccessRule(string Model, OdooOperation Operations, int? Uid, IReadOnlyList<string> AllowedGroups);
