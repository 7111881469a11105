from odoo import fields, models


class OrgTalentCardBenefit(models.Model):
    """A benefit a 人才一卡通 card gives access to (green channels for medical care,
    schooling, transport, venues...)."""

    _name = "org.talent.card.benefit"
    _description = "Talent Card Benefit"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    provider = fields.Char(help="Who gives the benefit, e.g. a hospital or a member of the service alliance.")
