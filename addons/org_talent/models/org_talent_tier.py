from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OrgTalentTier(models.Model):
    """A talent tier (人才层次): a category of talent or a level of the 车谷人才"百千万"工程."""

    _name = "org.talent.tier"
    _description = "Talent Tier"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(required=True, help="Technical key, e.g. strategic or chegu_hundred.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    kind = fields.Selection(
        [("category", "Talent Category"), ("program", "Chegu Talent Program Level")],
        required=True,
        default="category",
        tracking=True,
        help='A category (战略科技人才, 行业领军人才…) or a level of the 车谷人才"百千万"工程.',
    )
    card_validity_years = fields.Integer(
        string="Card Validity (years)",
        default=3,
        tracking=True,
        help="How long a 人才一卡通 card of this tier is valid once issued.",
    )
    benefit_ids = fields.Many2many(
        "org.talent.card.benefit",
        string="Card Benefits",
        help="Benefits a new card of this tier carries.",
    )
    description = fields.Text()
    talent_count = fields.Integer(compute="_compute_talent_count")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another talent tier already uses this code."),
    ]

    def _compute_talent_count(self):
        counts = dict(
            self.env["org.talent"]._read_group([("tier_id", "in", self.ids)], ["tier_id"], ["__count"])
        )
        for tier in self:
            tier.talent_count = counts.get(tier, 0)

    @api.constrains("card_validity_years")
    def _check_card_validity_years(self):
        for tier in self:
            if tier.card_validity_years <= 0:
                raise ValidationError(
                    self.env._(
                        "Talent tier %(tier)s: the card validity must be at least one year.", tier=tier.name
                    )
                )
