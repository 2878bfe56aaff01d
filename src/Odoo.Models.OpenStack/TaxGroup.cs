using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>A tax group (<c>account.tax.group</c>): the heading taxes are reported under.</summary>
[OdooModel("account.tax.group", ClientProperty = "TaxGroups")]
public partial record TaxGroup : INamedRecord
{
    /// <summary>The group's name; look groups up with <c>GetByNameAsync</c>.</summary>
    public partial string Name { get; }
}
