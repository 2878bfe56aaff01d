using Odoo.Generator.Diagnostics;

namespace Odoo.Generator.Model;

/// <summary>The transform's result for one [OdooModel] declaration.</summary>
internal sealed record ParseResult(ModelSpec? Spec, ModelIdentity? Identity, EquatableArray<DiagnosticInfo> Diagnostics);
