namespace Odoo.Testing;

/// <summary>What happens to records pointing at a deleted record through a many2one.</summary>
public enum OdooOnDelete
{
    /// <summary>Odoo's default: <see cref="SetNull"/> for optional fields, <see cref="Restrict"/> for required ones.</summary>
    Default,
    /// <summary>The link is emptied.</summary>
    SetNull,
    /// <summary>The deletion fails with Odoo's foreign-key ValidationError.</summary>
    Restrict,
    /// <summary>The pointing records are deleted too.</summary>
    Cascade,
}
