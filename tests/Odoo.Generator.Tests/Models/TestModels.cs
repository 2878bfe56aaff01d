using System.Text.Json;
using Odoo;

namespace Odoo.Generator.Tests.Models;

/// <summary>openstack.referral_code, as in the reference docs.</summary>
[OdooModel("openstack.referral_code")]
public partial record ReferralCode
{
    /// <summary>Number of allowed uses; -1 for unlimited.</summary>
    public partial int AllowedUses { get; }

    /// <summary>Usage needed before the reward.</summary>
    public partial double BeforeRewardUsageThreshold { get; }

    /// <summary>The unique code.</summary>
    public partial string Code { get; }

    /// <summary>Generated name.</summary>
    public partial string Name { get; }

    /// <summary>Partners who signed up with the code.</summary>
    [Many2Many("referrals")]
    public partial IReadOnlyList<Partner> Referrals { get; }

    /// <summary>Initial balance of the referral credit.</summary>
    public partial decimal ReferralCreditAmount { get; }

    /// <summary>Duration in days.</summary>
    public partial int ReferralCreditDuration { get; }

    /// <summary>The credit type of the referral credit.</summary>
    [Many2One("referral_credit_type")]
    public partial CreditType ReferralCreditType { get; }

    /// <summary>The credit type of the reward credit.</summary>
    [Many2One("reward_credit_type")]
    public partial CreditType? RewardCreditType { get; }
}

/// <summary>openstack.credit.type.</summary>
[OdooModel("openstack.credit.type", DefaultFields = new[] { "Name" })]
public partial record CreditType
{
    /// <summary>The name.</summary>
    public partial string Name { get; }
}

/// <summary>Partner category with an alias.</summary>
[OdooModel("res.partner.category", ClientProperty = "PartnerCategories")]
public sealed partial record PartnerCategory
{
    /// <summary>The name.</summary>
    public partial string Name { get; }

    /// <summary>Colour index.</summary>
    public partial int Color { get; }

    /// <summary>British spelling of <see cref="Color"/>.</summary>
    [FieldAlias(nameof(Color))]
    public partial int Colour { get; }
}

/// <summary>res.partner, with a self-reference.</summary>
[OdooModel("res.partner")]
public partial record Partner
{
    /// <summary>Name.</summary>
    public partial string Name { get; }

    /// <summary>Email (false when empty).</summary>
    public partial string? Email { get; }

    /// <summary>Whether active.</summary>
    public partial bool Active { get; }

    /// <summary>Parent company.</summary>
    [Many2One("parent_id")]
    public partial Partner? Parent { get; }

    /// <summary>Contacts.</summary>
    [One2Many("child_ids")]
    public partial IReadOnlyList<Partner> Children { get; }

    /// <summary>Tags.</summary>
    [Many2Many("category_id")]
    public partial IReadOnlyList<PartnerCategory> Categories { get; }

    /// <summary>Country id only.</summary>
    [OdooField("country_id")]
    public partial JsonElement? Country { get; }

    /// <summary>Projects (ids only).</summary>
    [Many2Many("os_projects")]
    public partial IReadOnlyList<int> ProjectIds { get; }
}

/// <summary>An extension of res.partner by another team.</summary>
[OdooModel]
public partial record BillingPartner : Partner
{
    /// <summary>The customer group.</summary>
    [Many2One("os_customer_group")]
    public partial CustomerGroup? CustomerGroup { get; }
}

/// <summary>openstack.customer_group.</summary>
[OdooModel("openstack.customer_group")]
public partial record CustomerGroup
{
    /// <summary>Name.</summary>
    public partial string Name { get; }
}

/// <summary>product.product.</summary>
[OdooModel("product.product")]
public partial record Product
{
    /// <summary>Name.</summary>
    public partial string Name { get; }

    /// <summary>Internal reference; false when empty.</summary>
    public partial string? DefaultCode { get; }

    /// <summary>Sales price.</summary>
    public partial decimal ListPrice { get; }

    /// <summary>Category.</summary>
    [Many2One("categ_id", IdProperty = "CategoryId", NameProperty = "CategoryName")]
    public partial ProductCategory Category { get; }

    /// <summary>Taxes.</summary>
    [Many2Many("taxes_id")]
    public partial IReadOnlyList<int> TaxIds { get; }
}

/// <summary>The same rows, with a required char field that Odoo sends as false.</summary>
[OdooModel("test.strict_product")]
public sealed partial record StrictProduct
{
    /// <summary>Internal reference, declared non-nullable to show the error.</summary>
    [OdooField("default_code")]
    [OdooFieldVersion("99.0", "default_code_v99")]
    public partial string StrictDefaultCode { get; }

    /// <summary>Category, required.</summary>
    [Many2One("categ_id")]
    public partial ProductCategory Category { get; }
}

/// <summary>product.category.</summary>
[OdooModel("product.category")]
public partial record ProductCategory
{
    /// <summary>Name.</summary>
    public partial string Name { get; }
}

/// <summary>Move types.</summary>
public enum MoveType
{
    /// <summary>Journal entry.</summary>
    Entry,
    /// <summary>Customer invoice.</summary>
    OutInvoice,
    /// <summary>Customer credit note.</summary>
    [OdooSelection("out_refund")]
    CustomerRefund,
}

/// <summary>account.move with a version-specific field.</summary>
[OdooModel("account.move")]
public partial record AccountMove
{
    /// <summary>Kind of move; "type" on 13.0.</summary>
    [OdooFieldVersion("13.0", "type")]
    public partial MoveType MoveType { get; }

    /// <summary>Optional kind.</summary>
    [OdooField("state_opt")]
    public partial MoveType? OptionalType { get; }

    /// <summary>Sent flag; invoice_sent on 13.0.</summary>
    [OdooFieldVersion("13.0", "invoice_sent")]
    public partial bool IsMoveSent { get; }

    /// <summary>Date.</summary>
    public partial DateOnly InvoiceDate { get; }

    /// <summary>Due date.</summary>
    public partial DateOnly? InvoiceDateDue { get; }

    /// <summary>When it was posted.</summary>
    public partial DateTime? PostedAt { get; }

    /// <summary>When it was posted.</summary>
    [OdooField("posted_at")]
    [FieldAlias(nameof(PostedAt))]
    public partial DateTime? PostedAtAlias { get; }

    /// <summary>Same, as an offset.</summary>
    [OdooField("posted_at_offset")]
    public partial DateTimeOffset? PostedAtOffset { get; }

    /// <summary>Big number.</summary>
    public partial long Sequence { get; }

    /// <summary>Raw JSON.</summary>
    public partial JsonElement Extra { get; }
}

/// <summary>
/// A many2one with explicit id and name properties, beside plain properties named like the
/// members OdooGen generates privately (their backing fields must not collide: CS0102).
/// </summary>
[OdooModel("test.name_clash")]
public partial record NameClash
{
    /// <summary>The owner, with explicit generated names.</summary>
    [Many2One("owner_id", IdProperty = "OwnerKey", NameProperty = "OwnerLabel")]
    public partial Partner? Owner { get; }

    /// <summary>Plain.</summary>
    public partial string? OwnerName { get; }

    /// <summary>Plain.</summary>
    [OdooField("owner_ref")]
    public partial int? OwnerId { get; }

    /// <summary>Plain.</summary>
    public partial bool OwnerSlot { get; }

    /// <summary>Plain id list.</summary>
    public partial IReadOnlyList<int> OwnerIds { get; }

    /// <summary>Plain.</summary>
    public partial string? OwnerUnknown { get; }

    /// <summary>Plain.</summary>
    public partial int ReadOwner { get; }

    /// <summary>Plain.</summary>
    public partial int GetOwnerSlot { get; }

    /// <summary>Plain.</summary>
    public partial int GetOwnerIdForLoad { get; }

    /// <summary>A selection.</summary>
    public partial MoveType? Kind { get; }

    /// <summary>Plain.</summary>
    public partial string? KindUnknown { get; }

    /// <summary>Plain.</summary>
    public partial int ReadKind { get; }

    /// <summary>Plain, named like the old loaded-bits word.</summary>
    public partial int Loaded0 { get; }

    /// <summary>Children, with a plain property named like their old private members.</summary>
    [One2Many("child_ids", IdsProperty = "ChildKeys")]
    public partial IReadOnlyList<Partner> Children { get; }

    /// <summary>Plain.</summary>
    [OdooField("children_ids_plain")]
    public partial IReadOnlyList<int> ChildrenIds { get; }

    /// <summary>Plain.</summary>
    public partial string? ChildrenSlot { get; }
}

/// <summary>Holds a model that is not visible outside it (so it gets a nested manager, no public one).</summary>
public static partial class HiddenModels
{
    /// <summary>A model only this class sees.</summary>
    [OdooModel("hidden.model")]
    private partial record Hidden
    {
        /// <summary>The name.</summary>
        public partial string Name { get; }
    }

    /// <summary>The client's manager of the hidden model.</summary>
    /// <param name="client">The client.</param>
    public static object ManagerOf(OdooClient client) => client.Manager<Hidden>();
}
