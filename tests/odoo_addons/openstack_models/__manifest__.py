# Part of OdooGen's tests. License LGPL-3.
{
    "name": "OpenStack models (OdooGen test addon)",
    "summary": "The openstack.* models and os_* fields that Odoo.Models.OpenStack declares, "
               "without business logic, for integration tests against a real Odoo 18.",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tests",
    "license": "LGPL-3",
    "author": "OdooGen",
    "depends": ["base", "contacts", "product", "uom", "account", "sale_management"],
    "data": ["security/ir.model.access.csv"],
    "installable": True,
    "application": False,
}
