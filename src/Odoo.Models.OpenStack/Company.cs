using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>A company, the legal entity Odoo keeps books for (<c>res.company</c>).</summary>
[OdooModel("res.company", ClientProperty = "Companies")]
public partial record Company : INamedRecord
{
    /// <summary>The company's name; look companies up with <c>GetByNameAsync</c>.</summary>
    public partial string Name { get; }

    /// <summary>Whether the company is in use (archived companies are <see langword="false"/>).</summary>
    public partial bool Active { get; }

    /// <summary>The companies directly below this one.</summary>
    [One2Many("child_ids", IdsProperty = "ChildIds")]
    public partial IReadOnlyList<Company> Children { get; }

    /// <summary>The company directly above this one, if any.</summary>
    [Many2One("parent_id")]
    public partial Company? Parent { get; }

    /// <summary>Odoo's materialised path of ids used for hierarchy searches; <see langword="null"/> when not computed.</summary>
    public partial string? ParentPath { get; }

    /// <summary>The partner that stands for the company (address, contact details).</summary>
    [Many2One("partner_id")]
    public partial Partner Partner { get; }
}
