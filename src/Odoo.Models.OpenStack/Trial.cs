namespace Odoo.Models.OpenStack;

/// <summary>
/// A sign-up trial (<c>openstack.trial</c>): the trial period of a new partner and what happened to
/// the account afterwards.
/// </summary>
[OdooModel("openstack.trial", ClientProperty = "Trials")]
public partial record Trial
{
    /// <summary>When the account was suspended after the trial; <see langword="null"/> if it was not.</summary>
    public partial DateOnly? AccountSuspendedDate { get; }

    /// <summary>When the account was closed after the trial; <see langword="null"/> if it was not.</summary>
    public partial DateOnly? AccountTerminatedDate { get; }

    /// <summary>When the account was turned into a full account; <see langword="null"/> if it was not.</summary>
    public partial DateOnly? AccountUpgradedDate { get; }

    /// <summary>The last day of the trial.</summary>
    public partial DateOnly EndDate { get; }

    /// <summary>The partner on trial.</summary>
    [Many2One("partner")]
    public partial Partner Partner { get; }

    /// <summary>The first day of the trial.</summary>
    public partial DateOnly StartDate { get; }
}
