from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    org_party_secretary_organization_ids = fields.One2many(
        "org.party.organization",
        "secretary_user_id",
        string="Party Organizations Led",
        help="The party organizations whose secretary the user is; record rules give the user "
        "these organizations and the ones below them.",
    )
