from odoo import fields, models


class OrgPartyMember(models.Model):
    """The coded items the 党员名册 prints that the member had no field for: 民族 and 学历
    (org_base's dictionaries)."""

    _inherit = "org.party.member"

    ethnicity_id = fields.Many2one(
        "org.dictionary.item",
        domain=[("dictionary_code", "=", "ethnicity")],
        tracking=True,
    )
    education_id = fields.Many2one(
        "org.dictionary.item",
        domain=[("dictionary_code", "=", "education")],
        tracking=True,
    )
