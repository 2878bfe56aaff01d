# License LGPL-3.
"""The openstack.* models of the OpenStack integration, as Odoo.Models.OpenStack declares them.

Fields only (plus the names Odoo computes): no business logic. A field the C# declaration reads as
non-nullable (a string, date, many2one or selection) is required here; a field it reads as nullable
is optional. Codes that the integration looks up one at a time are unique (SQL constraints).
"""
from odoo import api, fields, models

CONTACT_TYPES = [
    ("primary", "Primary"),
    ("billing", "Billing"),
    ("technical", "Technical"),
    ("legal", "Legal"),
    ("reseller customer", "Reseller customer"),
]
SUPPORT_BILLING_TYPES = [("paid", "Paid"), ("complimentary", "Complimentary")]


class OpenStackCreditType(models.Model):
    _name = "openstack.credit.type"
    _description = "OpenStack credit type"

    name = fields.Char(required=True)
    credits = fields.One2many("openstack.credit", "credit_type")
    only_for_products = fields.Many2many(
        "product.product", "openstack_credit_type_product_rel", "credit_type_id", "product_id")
    only_for_product_categories = fields.Many2many(
        "product.category", "openstack_credit_type_product_category_rel", "credit_type_id", "category_id")
    product = fields.Many2one("product.product", required=True)
    refundable = fields.Boolean()


class OpenStackCredit(models.Model):
    _name = "openstack.credit"
    _description = "OpenStack credit"

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    credit_type = fields.Many2one("openstack.credit.type", required=True)
    current_balance = fields.Float()
    initial_balance = fields.Float()
    start_date = fields.Date(required=True)
    expiry_date = fields.Date(required=True)
    transactions = fields.One2many("openstack.credit.transaction", "credit")
    voucher_code = fields.Many2one("openstack.voucher_code")

    @api.depends("credit_type.name", "start_date")
    def _compute_name(self):
        for credit in self:
            credit.name = f"{credit.credit_type.name or ''} ({credit.start_date or ''})"


class OpenStackCreditTransaction(models.Model):
    _name = "openstack.credit.transaction"
    _description = "OpenStack credit transaction"

    credit = fields.Many2one("openstack.credit", required=True, ondelete="cascade")
    description = fields.Char(required=True)
    value = fields.Float()


class OpenStackCustomerGroup(models.Model):
    _name = "openstack.customer_group"
    _description = "OpenStack customer group"

    name = fields.Char(required=True)
    partners = fields.One2many("res.partner", "os_customer_group")
    pricelist = fields.Many2one("product.pricelist")


class OpenStackGrantType(models.Model):
    _name = "openstack.grant.type"
    _description = "OpenStack grant type"

    name = fields.Char(required=True)
    grants = fields.One2many("openstack.grant", "grant_type")
    only_for_products = fields.Many2many(
        "product.product", "openstack_grant_type_product_rel", "grant_type_id", "product_id")
    only_for_product_categories = fields.Many2many(
        "product.category", "openstack_grant_type_product_category_rel", "grant_type_id", "category_id")
    only_on_group_root = fields.Boolean()
    product = fields.Many2one("product.product", required=True)


class OpenStackGrant(models.Model):
    _name = "openstack.grant"
    _description = "OpenStack grant"

    name = fields.Char(required=True)
    grant_type = fields.Many2one("openstack.grant.type", required=True)
    start_date = fields.Date(required=True)
    expiry_date = fields.Date(required=True)
    value = fields.Float()
    voucher_code = fields.Many2one("openstack.voucher_code")


class OpenStackProject(models.Model):
    _name = "openstack.project"
    _description = "OpenStack project"

    name = fields.Char(required=True)
    os_id = fields.Char(string="OpenStack project ID", required=True)
    owner = fields.Many2one("res.partner", required=True)
    parent = fields.Many2one("openstack.project")
    enabled = fields.Boolean(default=True)
    group_invoices = fields.Boolean()
    billing_type = fields.Selection(
        [("customer", "Customer"), ("internal", "Internal")], required=True, default="customer")
    payment_method = fields.Selection(
        [("invoice", "Invoice"), ("credit_card", "Credit card")], required=True, default="invoice")
    override_po_number = fields.Boolean()
    po_number = fields.Char(string="PO number")
    stripe_card_id = fields.Char()
    project_contacts = fields.One2many("openstack.project_contact", "project")
    project_credits = fields.Many2many(
        "openstack.credit", "openstack_project_credit_rel", "project_id", "credit_id")
    project_grants = fields.Many2many(
        "openstack.grant", "openstack_project_grant_rel", "project_id", "grant_id")
    support_subscription = fields.Many2one("openstack.support_subscription")
    term_discounts = fields.One2many("openstack.term_discount", "project")

    _sql_constraints = [
        ("os_id_unique", "unique(os_id)", "An OpenStack project ID must be unique."),
    ]


class OpenStackProjectContact(models.Model):
    _name = "openstack.project_contact"
    _description = "OpenStack project contact"

    contact_type = fields.Selection(CONTACT_TYPES, required=True, default="primary")
    inherit = fields.Boolean()
    partner = fields.Many2one("res.partner", required=True, ondelete="cascade")
    project = fields.Many2one("openstack.project", ondelete="cascade")


class OpenStackReferralCode(models.Model):
    _name = "openstack.referral_code"
    _description = "OpenStack referral code"

    code = fields.Char(required=True)
    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    partner = fields.Many2one("res.partner", string="Owner")
    allowed_uses = fields.Integer(default=-1)
    before_reward_usage_threshold = fields.Float()
    referrals = fields.One2many("res.partner", "os_referral")
    referral_credit_amount = fields.Float()
    referral_credit_duration = fields.Integer()
    referral_credit_type = fields.Many2one("openstack.credit.type", required=True)
    reward_credit_amount = fields.Float()
    reward_credit_duration = fields.Integer()
    reward_credit_type = fields.Many2one("openstack.credit.type", required=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "A referral code must be unique."),
    ]

    @api.depends("code")
    def _compute_name(self):
        for referral_code in self:
            referral_code.name = referral_code.code


class OpenStackResellerTier(models.Model):
    _name = "openstack.reseller.tier"
    _description = "OpenStack reseller tier"

    name = fields.Char(required=True)
    discount_percent = fields.Float()
    discount_product = fields.Many2one("product.product", required=True)
    free_monthly_credit = fields.Float()
    free_monthly_credit_product = fields.Many2one("product.product", required=True)
    free_support_hours = fields.Integer()
    min_usage_threshold = fields.Float()


class OpenStackReseller(models.Model):
    _name = "openstack.reseller"
    _description = "OpenStack reseller"

    name = fields.Char(required=True)
    partner = fields.Many2one("res.partner", required=True)
    tier = fields.Many2one("openstack.reseller.tier", required=True)
    alternative_billing_url = fields.Char()
    alternative_support_url = fields.Char()
    demo_project = fields.Many2one("openstack.project")
    hide_billing = fields.Boolean()
    hide_support = fields.Boolean()


class OpenStackSupportSubscriptionType(models.Model):
    _name = "openstack.support_subscription.type"
    _description = "OpenStack support subscription type"

    name = fields.Char(required=True)
    billing_type = fields.Selection(SUPPORT_BILLING_TYPES, required=True, default="paid")
    product = fields.Many2one("product.product", required=True)
    usage_percent = fields.Float()
    support_subscription = fields.One2many("openstack.support_subscription", "support_subscription_type")


class OpenStackSupportSubscription(models.Model):
    _name = "openstack.support_subscription"
    _description = "OpenStack support subscription"

    billing_type = fields.Selection(SUPPORT_BILLING_TYPES, required=True, default="paid")
    start_date = fields.Date(required=True)
    end_date = fields.Date(required=True)
    partner = fields.Many2one("res.partner")
    project = fields.Many2one("openstack.project")
    support_subscription_type = fields.Many2one("openstack.support_subscription.type", required=True)


class OpenStackTermDiscount(models.Model):
    _name = "openstack.term_discount"
    _description = "OpenStack term discount"

    discount_percent = fields.Float()
    start_date = fields.Date(required=True)
    end_date = fields.Date(required=True)
    early_termination_date = fields.Date()
    min_commit = fields.Float()
    partner = fields.Many2one("res.partner", required=True)
    project = fields.Many2one("openstack.project")
    superseded_by = fields.Many2one("openstack.term_discount")


class OpenStackTrial(models.Model):
    _name = "openstack.trial"
    _description = "OpenStack trial"

    partner = fields.Many2one("res.partner", required=True)
    start_date = fields.Date(required=True)
    end_date = fields.Date(required=True)
    account_suspended_date = fields.Date()
    account_terminated_date = fields.Date()
    account_upgraded_date = fields.Date()


class OpenStackVolumeDiscountRange(models.Model):
    _name = "openstack.volume_discount_range"
    _description = "OpenStack volume discount range"

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    customer_group = fields.Many2one("openstack.customer_group")
    discount_percent = fields.Float()
    min = fields.Float()
    max = fields.Float()
    use_max = fields.Boolean()

    @api.depends("customer_group.name", "min", "max", "use_max", "discount_percent")
    def _compute_name(self):
        for band in self:
            upper = f" - {band.max}" if band.use_max else "+"
            group = f"{band.customer_group.name}: " if band.customer_group else ""
            band.name = f"{group}{band.min}{upper} ({band.discount_percent}%)"


class OpenStackVoucherCode(models.Model):
    _name = "openstack.voucher_code"
    _description = "OpenStack voucher code"

    code = fields.Char(required=True)
    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    claimed = fields.Boolean()
    multi_use = fields.Boolean()
    expiry_date = fields.Date()
    credit_amount = fields.Float()
    credit_type = fields.Many2one("openstack.credit.type")
    credit_duration = fields.Integer()
    customer_group = fields.Many2one("openstack.customer_group")
    grant_duration = fields.Integer()
    grant_type = fields.Many2one("openstack.grant.type")
    grant_value = fields.Float()
    quota_size = fields.Char()
    sales_person = fields.Many2one("res.partner")
    tags = fields.Many2many(
        "res.partner.category", "openstack_voucher_code_tag_rel", "voucher_code_id", "category_id")

    _sql_constraints = [
        ("code_unique", "unique(code)", "A voucher code must be unique."),
    ]

    @api.depends("code")
    def _compute_name(self):
        for voucher in self:
            voucher.name = voucher.code
