namespace Odoo.Models.OpenStack;

/// <summary>
/// A contact, person or organisation (<c>res.partner</c>), with the OpenStack billing details the
/// add-on keeps on it: projects, customer group, referral codes, reseller and trial.
/// </summary>
[OdooModel("res.partner", ClientProperty = "Partners")]
public partial record Partner
{
    /// <summary>Whether the partner is in use (archived partners are <see langword="false"/>).</summary>
    public partial bool Active { get; }

    /// <summary>The company the partner belongs to; <see langword="null"/> for partners shared between companies.</summary>
    [Many2One("company_id")]
    public partial Company? Company { get; }

    /// <summary>The main e-mail address; <see langword="null"/> when there is none.</summary>
    public partial string? Email { get; }

    /// <summary>The partner's full name; <see langword="null"/> for nameless addresses (Odoo only requires it on contacts).</summary>
    public partial string? Name { get; }

    /// <summary>The customer group of the partner, if any.</summary>
    [Many2One("os_customer_group")]
    public partial CustomerGroup? OsCustomerGroup { get; }

    /// <summary>The OpenStack projects the partner owns.</summary>
    [One2Many("os_projects", IdsProperty = "OsProjectIds")]
    public partial IReadOnlyList<Project> OsProjects { get; }

    /// <summary>The projects the partner is a contact of, with the role on each.</summary>
    [One2Many("os_project_contacts", IdsProperty = "OsProjectContactIds")]
    public partial IReadOnlyList<ProjectContact> OsProjectContacts { get; }

    /// <summary>The referral code the partner signed up with, if any.</summary>
    [Many2One("os_referral")]
    public partial ReferralCode? OsReferral { get; }

    /// <summary>The referral codes that belong to the partner.</summary>
    [One2Many("os_referral_codes", IdsProperty = "OsReferralCodeIds")]
    public partial IReadOnlyList<ReferralCode> OsReferralCodes { get; }

    /// <summary>The reseller that bills the partner, if any.</summary>
    [Many2One("os_reseller")]
    public partial Reseller? OsReseller { get; }

    /// <summary>The partner's sign-up trial, if any.</summary>
    [Many2One("os_trial")]
    public partial Trial? OsTrial { get; }

    /// <summary>The partner this one is a contact or address of, if any.</summary>
    [Many2One("parent_id")]
    public partial Partner? Parent { get; }

    /// <summary>The partner's fiscal position, if one is set.</summary>
    [Many2One("property_account_position_id")]
    public partial FiscalPosition? PropertyAccountPosition { get; }

    /// <summary>
    /// The pricelist set on the partner itself, if any. Without one, the customer group's pricelist
    /// applies, then the default one.
    /// </summary>
    [Many2One("property_product_pricelist")]
    public partial Pricelist? PropertyProductPricelist { get; }

    /// <summary>The partner's Stripe customer id; <see langword="null"/> when there is none.</summary>
    public partial string? StripeCustomerId { get; }

    /// <summary>
    /// The internal user responsible for the partner (Odoo labels it "Salesperson"), if any. This is not
    /// the partner's own login.
    /// </summary>
    [Many2One("user_id")]
    public partial User? User { get; }
}
