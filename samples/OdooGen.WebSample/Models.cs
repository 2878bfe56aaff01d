using Odoo;

namespace OdooGen.WebSample;

/// <summary>A contact (Odoo's stock <c>res.partner</c>): only the fields this application reads.</summary>
[OdooModel("res.partner")]
public sealed partial record Partner
{
    /// <summary>The name.</summary>
    public partial string? Name { get; }

    /// <summary>The e-mail address.</summary>
    public partial string? Email { get; }

    /// <summary>Whether the contact is a company.</summary>
    public partial bool IsCompany { get; }

    /// <summary>The country (<c>CountryId</c> and <c>CountryName</c> come with the record, no request).</summary>
    [Many2One("country_id")]
    public partial Country? Country { get; }
}

/// <summary>A country (Odoo's stock <c>res.country</c>).</summary>
[OdooModel("res.country")]
public sealed partial record Country
{
    /// <summary>The name.</summary>
    public partial string Name { get; }

    /// <summary>The ISO code (<c>BE</c>).</summary>
    public partial string? Code { get; }
}
