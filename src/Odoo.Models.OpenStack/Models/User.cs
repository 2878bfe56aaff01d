namespace Odoo.Models.OpenStack;

/// <summary>A user who can log in to Odoo (<c>res.users</c>).</summary>
[OdooModel("res.users", ClientProperty = "Users")]
public partial record User
{
    /// <summary>Whether the user is in use (archived users are <see langword="false"/>).</summary>
    public partial bool Active { get; }

    /// <summary>Whether the user's partner is in use.</summary>
    [OdooReadOnly]
    public partial bool ActivePartner { get; }

    /// <summary>The user's default company.</summary>
    [Many2One("company_id")]
    public partial Company Company { get; }

    /// <summary>The user's name.</summary>
    public partial string Name { get; }

    /// <summary>The partner that holds the user's contact details.</summary>
    [Many2One("partner_id")]
    public partial Partner Partner { get; }
}
