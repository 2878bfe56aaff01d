namespace Odoo.Generator.Model;

/// <summary>
/// A spec with the location of its declaration, for the per-model emit (an unexpected failure is reported as
/// ODOO999 on the declaration). Only the per-model emit sees the location: the specs the assembly file is made
/// of hold none, so a line shift above a declaration re-emits that model's file only.
/// </summary>
internal sealed record LocatedSpec(ModelSpec Spec, LocationInfo? Location);
