namespace Odoo.Models.OpenStack;

/// <summary>
/// An OpenStack project as Odoo bills it (<c>openstack.project</c>): its owner, contacts, how it
/// pays and the credits, grants and discounts that apply to it.
/// </summary>
/// <remarks>The generated display name comes from the base record's <c>DisplayName</c>.</remarks>
[OdooModel("openstack.project", ClientProperty = "Projects")]
public partial record Project
{
    /// <summary>Whether the project is billed to a customer or is internal and not billed.</summary>
    public partial ProjectBillingType BillingType { get; }

    /// <summary>Whether the project is enabled on the Odoo side.</summary>
    public partial bool Enabled { get; }

    /// <summary>Whether the project's invoices are grouped.</summary>
    public partial bool GroupInvoices { get; }

    /// <summary>The project's name in OpenStack.</summary>
    public partial string Name { get; }

    /// <summary>The project's id in OpenStack (Keystone); look projects up with <c>GetByOsIdAsync</c>.</summary>
    public partial string OsId { get; }

    /// <summary>Whether <see cref="PoNumber"/> is used instead of the owner's default purchase order number.</summary>
    public partial bool OverridePoNumber { get; }

    /// <summary>The partner that owns the project.</summary>
    [Many2One("owner")]
    public partial Partner Owner { get; }

    /// <summary>The parent project, if the project has one.</summary>
    [Many2One("parent")]
    public partial Project? Parent { get; }

    /// <summary>How the project's bills are paid.</summary>
    public partial ProjectPaymentMethod PaymentMethod { get; }

    /// <summary>The purchase order number specific to the project; <see langword="null"/> when not set.</summary>
    public partial string? PoNumber { get; }

    /// <summary>The partners linked to the project, each in a contact role.</summary>
    [One2Many("project_contacts", IdsProperty = "ProjectContactIds")]
    public partial IReadOnlyList<ProjectContact> ProjectContacts { get; }

    /// <summary>The credits that pay for this project's usage.</summary>
    [Many2Many("project_credits", IdsProperty = "ProjectCreditIds")]
    public partial IReadOnlyList<Credit> ProjectCredits { get; }

    /// <summary>The grants that cover this project's usage.</summary>
    [Many2Many("project_grants", IdsProperty = "ProjectGrantIds")]
    public partial IReadOnlyList<Grant> ProjectGrants { get; }

    /// <summary>The Stripe card charged when the project pays by card; <see langword="null"/> when there is none.</summary>
    public partial string? StripeCardId { get; }

    /// <summary>The support subscription of the project, if any.</summary>
    [Many2One("support_subscription")]
    public partial SupportSubscription? SupportSubscription { get; }

    /// <summary>The term discounts that apply to the project.</summary>
    [One2Many("term_discounts", IdsProperty = "TermDiscountIds")]
    public partial IReadOnlyList<TermDiscount> TermDiscounts { get; }
}
