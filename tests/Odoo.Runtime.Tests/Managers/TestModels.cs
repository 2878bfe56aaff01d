using Odoo.Managers;

namespace Odoo.Runtime.Tests.Managers;

// Declared records, implemented by the OdooGen generator (metadata, decoder, relation slots and
// descriptors, managers). The encoding tests use their generated metadata.

/// <summary>Referral code states.</summary>
public enum CodeState
{
    /// <summary>Draft.</summary>
    Draft,
    /// <summary>Active.</summary>
    Active,
    /// <summary>Expired.</summary>
    Expired,
}

/// <summary>A credit type.</summary>
[OdooModel("openstack.credit.type")]
public partial record CreditType : INamedRecord
{
    /// <summary>The name.</summary>
    public partial string? Name { get; }
}

/// <summary>A partner.</summary>
[OdooModel("res.partner")]
public partial record Partner : INamedRecord
{
    /// <summary>The name.</summary>
    public partial string? Name { get; }

    /// <summary>The parent partner.</summary>
    [Many2One("parent_id")]
    public partial Partner? Parent { get; }

    /// <summary>Tags.</summary>
    [Many2Many("category_id", IdsProperty = "TagIds")]
    public partial IReadOnlyList<CreditType> Tags { get; }
}

/// <summary>A referral code.</summary>
[OdooModel("openstack.referral_code")]
public partial record ReferralCode : ICodedRecord, INamedRecord
{
    /// <summary>The code.</summary>
    public partial string Code { get; }

    /// <summary>The name.</summary>
    public partial string Name { get; }

    /// <summary>Allowed uses.</summary>
    public partial int AllowedUses { get; }

    /// <summary>Alias of <see cref="AllowedUses"/>.</summary>
    [FieldAlias(nameof(AllowedUses))]
    public partial int Uses { get; }

    /// <summary>Alias of <see cref="Uses"/> (a chain).</summary>
    [FieldAlias(nameof(Uses))]
    public partial int UsesAlias { get; }

    /// <summary>The credit type.</summary>
    [Many2One("referral_credit_type")]
    public partial CreditType? ReferralCreditType { get; }

    /// <summary>Alias of <see cref="ReferralCreditType"/>.</summary>
    [FieldAlias(nameof(ReferralCreditType))]
    public partial CreditType? CreditType { get; }

    /// <summary>Referrals.</summary>
    [Many2Many("referrals", IdsProperty = "ReferralIds")]
    public partial IReadOnlyList<Partner> Referrals { get; }

    /// <summary>State.</summary>
    public partial CodeState? State { get; }

    /// <summary>Expiry.</summary>
    [OdooField("expiry_date")]
    public partial DateOnly? Expiry { get; }

    /// <summary>Renamed on Odoo 13.</summary>
    [OdooFieldVersion("13.0", "type")]
    public partial string? MoveType { get; }

    /// <summary>A datetime.</summary>
    public partial DateTime? ValidFrom { get; }
}
