using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>
/// A customer group (<c>openstack.customer_group</c>): partners billed with a common pricelist.
/// </summary>
[OdooModel("openstack.customer_group", ClientProperty = "CustomerGroups")]
public partial record CustomerGroup : INamedRecord
{
    /// <summary>The group's name; look groups up with <c>GetByNameAsync</c>.</summary>
    public partial string Name { get; }

    /// <summary>The partners in the group.</summary>
    [One2Many("partners", IdsProperty = "PartnerIds")]
    public partial IReadOnlyList<Partner> Partners { get; }

    /// <summary>The pricelist the group's members are billed with; <see langword="null"/> means the default pricelist.</summary>
    [Many2One("pricelist")]
    public partial Pricelist? Pricelist { get; }
}
