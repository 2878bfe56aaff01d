namespace Odoo.Generator.Model;

/// <summary>One containing type of a nested record (<c>partial class Outer</c>).</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);
