namespace Odoo.Models.OpenStack;

/// <summary>
/// A partner attached to an OpenStack project in some role (<c>openstack.project_contact</c>).
/// </summary>
[OdooModel("openstack.project_contact", ClientProperty = "ProjectContacts")]
public partial record ProjectContact
{
    /// <summary>The partner's role on the project.</summary>
    public partial ProjectContactType ContactType { get; }

    /// <summary>Whether the project's child projects get this contact too.</summary>
    public partial bool Inherit { get; }

    /// <summary>The partner that is the contact.</summary>
    [Many2One("partner")]
    public partial Partner Partner { get; }

    /// <summary>The project the contact belongs to, if set.</summary>
    [Many2One("project")]
    public partial Project? Project { get; }
}
