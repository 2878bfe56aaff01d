namespace Odoo.Generator.Tests.Infrastructure;

/// <summary>Representative declarations, shared by the baseline, incremental and benchmark-like tests.</summary>
internal static class Scenarios
{
    public const string ReferralCode = """
        using System.Collections.Generic;
        using Odoo;

        namespace Billing.Models;

        /// <summary>A referral code.</summary>
        [OdooModel("openstack.referral_code")]
        public partial record ReferralCode
        {
            /// <summary>Number of allowed uses; -1 for unlimited.</summary>
            public partial int AllowedUses { get; }

            /// <summary>The unique code.</summary>
            public partial string Code { get; }

            /// <summary>The credit type of the referral credit (required).</summary>
            [Many2One("referral_credit_type")]
            public partial CreditType ReferralCreditType { get; }

            /// <summary>The credit type of the reward credit (optional).</summary>
            [Many2One("reward_credit_type")]
            public partial CreditType? RewardCreditType { get; }

            /// <summary>Partners who signed up with the code.</summary>
            [Many2Many("referrals")]
            public partial IReadOnlyList<Partner> Referrals { get; }
        }

        /// <summary>A credit type.</summary>
        [OdooModel("openstack.credit.type", DefaultFields = new[] { "Name", "refundable" })]
        public partial record CreditType
        {
            /// <summary>The name.</summary>
            public partial string Name { get; }
        }

        /// <summary>A partner.</summary>
        [OdooModel("res.partner")]
        public partial record Partner
        {
            /// <summary>The name.</summary>
            public partial string Name { get; }
        }
        """;

    public const string FieldKinds = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using Odoo;

        namespace Billing.Models;

        /// <summary>A selection.</summary>
        public enum MoveType
        {
            /// <summary>Entry.</summary>
            Entry,
            /// <summary>Customer invoice.</summary>
            OutInvoice,
            /// <summary>Credit note.</summary>
            [OdooSelection("out_refund")]
            CustomerRefund,
        }

        /// <summary>Every field kind.</summary>
        [OdooModel("account.move", ManagerName = "InvoiceManager", ClientProperty = "Invoices")]
        public partial record AccountMove
        {
            /// <summary>bool</summary>
            public partial bool IsMoveSent { get; }
            /// <summary>bool?</summary>
            public partial bool? Flag { get; }
            /// <summary>int</summary>
            public partial int Count { get; }
            /// <summary>int?</summary>
            public partial int? MaybeCount { get; }
            /// <summary>long</summary>
            public partial long Sequence { get; }
            /// <summary>double</summary>
            public partial double Ratio { get; }
            /// <summary>decimal?</summary>
            public partial decimal? AmountTotal { get; }
            /// <summary>string</summary>
            public partial string Name { get; init; }
            /// <summary>string?</summary>
            [OdooField("ref")]
            public partial string? Reference { get; }
            /// <summary>DateOnly</summary>
            public partial DateOnly InvoiceDate { get; }
            /// <summary>DateOnly?</summary>
            public partial DateOnly? InvoiceDateDue { get; }
            /// <summary>DateTime?</summary>
            public partial DateTime? PostedAt { get; }
            /// <summary>DateTimeOffset</summary>
            public partial DateTimeOffset SentAt { get; }
            /// <summary>enum, "type" on 13.0</summary>
            [OdooFieldVersion("13.0", "type")]
            public partial MoveType MoveType { get; }
            /// <summary>enum?</summary>
            public partial MoveType? PreviousType { get; }
            /// <summary>A field that is called "type" except on 13.0 (where "type" is MoveType).</summary>
            [OdooField("type")]
            [OdooFieldVersion("13.0", "legacy_type")]
            public partial string? Type { get; }
            /// <summary>IReadOnlyList&lt;int&gt;</summary>
            [One2Many("line_ids")]
            public partial IReadOnlyList<int> LineIds { get; }
            /// <summary>JsonElement</summary>
            public partial JsonElement Properties { get; }
            /// <summary>JsonElement?</summary>
            public partial JsonElement? Extra { get; }
            /// <summary>alias</summary>
            [FieldAlias(nameof(AmountTotal))]
            public partial decimal? Total { get; }
            /// <summary>alias of alias</summary>
            [FieldAlias(nameof(Total))]
            public partial decimal? GrandTotal { get; }
            /// <summary>Not mapped.</summary>
            [OdooIgnore]
            public string Note => "hand-written";
        }
        """;

    public const string SelfReference = """
        using System.Collections.Generic;
        using Odoo;

        namespace Billing.Models;

        /// <summary>A partner with parent and children.</summary>
        [OdooModel("res.partner")]
        public sealed partial record Partner
        {
            /// <summary>The name.</summary>
            public partial string Name { get; }

            /// <summary>Parent company.</summary>
            [Many2One("parent_id")]
            public partial Partner? Parent { get; }

            /// <summary>Contacts.</summary>
            [One2Many("child_ids")]
            public partial IReadOnlyList<Partner> Children { get; }

            /// <summary>The id of the parent, by another name.</summary>
            [FieldAlias(nameof(ParentId))]
            public partial int? ParentPartnerId { get; }
        }
        """;

    public const string Derived = """
        using Odoo;

        namespace Billing.Models
        {
            /// <summary>A partner.</summary>
            [OdooModel("res.partner")]
            public partial record Partner
            {
                /// <summary>The name.</summary>
                public partial string Name { get; }
            }

            /// <summary>A customer group.</summary>
            [OdooModel("openstack.customer_group")]
            public partial record CustomerGroup
            {
                /// <summary>The name.</summary>
                public partial string Name { get; }
            }
        }

        namespace Team.Billing
        {
            /// <summary>Partner with the fields the billing team adds.</summary>
            [OdooModel]
            public sealed partial record BillingPartner : global::Billing.Models.Partner
            {
                /// <summary>The customer group.</summary>
                [Many2One("os_customer_group")]
                public partial global::Billing.Models.CustomerGroup? CustomerGroup { get; }

                /// <summary>Whether the partner is billed.</summary>
                public partial bool OsBilled { get; }
            }
        }
        """;

    public const string Nested = """
        using Odoo;

        /// <summary>A container.</summary>
        public static partial class Container
        {
            /// <summary>A nested model in the global namespace.</summary>
            [OdooModel("uom.uom")]
            internal partial record Uom
            {
                /// <summary>The name.</summary>
                public partial string Name { get; }
            }
        }
        """;
}
