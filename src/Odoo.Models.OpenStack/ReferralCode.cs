using Odoo.Managers;

namespace Odoo.Models.OpenStack;

/// <summary>
/// A referral code (<c>openstack.referral_code</c>): the code a new customer enters at sign-up,
/// together with the credit the newcomer receives and the reward credit its owner earns once the
/// newcomer has used enough.
/// </summary>
[OdooModel("openstack.referral_code", ClientProperty = "ReferralCodes")]
public partial record ReferralCode : ICodedRecord
{
    /// <summary>The code itself, unique across referral codes; look codes up with <c>GetByCodeAsync</c>.</summary>
    public partial string Code { get; }

    /// <summary>How many sign-ups may use the code; <c>-1</c> means no limit.</summary>
    public partial int AllowedUses { get; }

    /// <summary>How much usage a newcomer must accumulate before the code's owner gets the reward credit.</summary>
    public partial double BeforeRewardUsageThreshold { get; }

    /// <summary>The name Odoo computes for the code; <see langword="null"/> when Odoo sends none (Odoo 18 does not require it).</summary>
    public partial string? Name { get; }

    /// <summary>The partners that signed up with this code (ids in <c>ReferralIds</c>).</summary>
    [One2Many("referrals", IdsProperty = "ReferralIds")]
    public partial IReadOnlyList<Partner> Referrals { get; }

    /// <summary>Opening balance of the credit given to a newcomer who signs up with the code.</summary>
    public partial double ReferralCreditAmount { get; }

    /// <summary>Validity of the newcomer's credit, in days.</summary>
    public partial int ReferralCreditDuration { get; }

    /// <summary>The credit type of the newcomer's credit.</summary>
    [Many2One("referral_credit_type")]
    public partial CreditType ReferralCreditType { get; }

    /// <summary>Opening balance of the reward credit given to the code's owner.</summary>
    public partial double RewardCreditAmount { get; }

    /// <summary>Validity of the owner's reward credit, in days.</summary>
    public partial int RewardCreditDuration { get; }

    /// <summary>The credit type of the owner's reward credit.</summary>
    [Many2One("reward_credit_type")]
    public partial CreditType RewardCreditType { get; }
}
