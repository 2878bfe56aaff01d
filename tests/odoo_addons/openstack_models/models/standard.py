# License LGPL-3.
"""The os_* fields (and the few others) that Odoo.Models.OpenStack reads on standard models, and the
server methods its managers call that stock Odoo 18 lacks. Minimal: same names, arguments and
result shapes, no business logic beyond calling Odoo's own."""
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    os_customer_group = fields.Many2one("openstack.customer_group", string="Customer group")
    os_projects = fields.One2many("openstack.project", "owner", string="OpenStack projects")
    os_project_contacts = fields.One2many("openstack.project_contact", "partner", string="Project contacts")
    os_referral = fields.Many2one("openstack.referral_code", string="Signed up with referral code")
    os_referral_codes = fields.One2many("openstack.referral_code", "partner", string="Referral codes")
    os_reseller = fields.Many2one("openstack.reseller", string="Reseller")
    os_trial = fields.Many2one("openstack.trial", string="Trial")
    stripe_customer_id = fields.Char(string="Stripe customer ID")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    os_invoice_date = fields.Date(string="Invoice date")
    os_invoice_due_date = fields.Date(string="Invoice due date")
    os_project = fields.Many2one("openstack.project", string="OpenStack project")

    def create_invoices(self):
        """Creates the invoices of the orders (the add-on's public form of _create_invoices)."""
        return self._create_invoices().ids


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    os_project = fields.Many2one("openstack.project", string="OpenStack project")
    os_region = fields.Char(string="Region")
    os_resource_id = fields.Char(string="Resource ID")
    os_resource_name = fields.Char(string="Resource name")
    os_resource_type = fields.Char(string="Resource type")


class AccountMove(models.Model):
    _inherit = "account.move"

    os_project = fields.Many2one("openstack.project", string="OpenStack project")

    def send_openstack_invoice_email(self, email_ctx=None):
        """Stands in for the add-on's invoice e-mail: records that it was asked, sends nothing."""
        self.ensure_one()
        self.message_post(body=f"OpenStack invoice e-mail requested ({len(email_ctx or {})} context value(s)).")
        return True


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    line_tax_amount = fields.Float(string="Tax amount")
    os_project = fields.Many2one("openstack.project", string="OpenStack project")
    os_region = fields.Char(string="Region")
    os_resource_id = fields.Char(string="Resource ID")
    os_resource_name = fields.Char(string="Resource name")
    os_resource_type = fields.Char(string="Resource type")


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    def price_get(self, prod_id, qty, partner=None):
        """The pre-17 public price_get: {pricelist id: price} for qty units of a product (Odoo 18's
        private _price_get cannot serve it: it fails with a KeyError)."""
        product = self.env["product.product"].browse(prod_id)
        return {pricelist.id: pricelist._get_product_price(product, qty) for pricelist in self}
