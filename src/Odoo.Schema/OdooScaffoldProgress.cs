namespace Odoo.Schema;

/// <summary>Progress of <see cref="OdooScaffolder.ScaffoldAsync"/>: a model is being read.</summary>
/// <param name="Index">The 1-based position of the model.</param>
/// <param name="Total">The number of models known so far (grows while relations are followed).</param>
/// <param name="Model">The model being read.</param>
public sealed record OdooScaffoldProgress(int Index, int Total, string Model);
