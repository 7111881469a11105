from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    org_talent_contact = fields.Boolean(
        string="Talent Contact",
        index=True,
        copy=False,
        readonly=True,
        help="The contact of a talent, created with the talent: only talent officers and leaders "
        "read it (record rule), everyone else reads the talent's data through the talent only.",
    )
