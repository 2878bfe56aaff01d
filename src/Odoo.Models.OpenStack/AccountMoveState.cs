using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>The lifecycle state of a journal entry (<c>state</c> of <c>account.move</c>).</summary>
public enum AccountMoveState
{
    /// <summary>Still editable.</summary>
    [OdooSelection("draft")] Draft,

    /// <summary>Posted, final.</summary>
    [OdooSelection("posted")] Posted,

    /// <summary>Cancelled.</summary>
    [OdooSelection("cancel")] Cancel,
}
