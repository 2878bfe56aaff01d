namespace Odoo.Managers;

/// <summary>A record with a <c>code</c> field (the reference's <c>coded</c> mixin): its manager gets <c>GetByCodeAsync</c>.</summary>
public interface ICodedRecord
{
    /// <summary>The record's code (Odoo <c>code</c>).</summary>
    string? Code { get; }
}
