from odoo import fields, models


class OrgPartyMember(models.Model):
    _inherit = "org.party.member"

    transfer_ids = fields.One2many(
        "org.party.transfer",
        "member_id",
        string="Membership Transfers",
        help="The member's transfers (组织关系转接): the yearly statistics read where the member "
        "belonged on a past date from them.",
    )
