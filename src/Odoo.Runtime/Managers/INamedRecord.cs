namespace Odoo.Managers;

/// <summary>A record with a <c>name</c> field (the reference's <c>named</c> mixin): its manager gets <c>GetByNameAsync</c>.</summary>
public interface INamedRecord
{
    /// <summary>The record's name (Odoo <c>name</c>).</summary>
    string? Name { get; }
}
