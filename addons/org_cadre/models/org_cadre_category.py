from odoo import api, fields, models

from .res_company import EXCELLENT_ROUNDING


class OrgCadreCategory(models.Model):
    """A cadre category for 分类分考: its indicator scheme, 优秀 quota and bonus coefficient."""

    _name = "org.cadre.category"
    _description = "Cadre Assessment Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    indicator_ids = fields.One2many(
        "org.cadre.indicator", "category_id", string="Indicator Scheme", copy=True
    )
    excellent_quota = fields.Float(
        string="Excellent Quota (%)",
        default=lambda self: self.env.company.cadre_excellent_quota,
        help="At most this share of the cadres assessed in the category are graded Excellent.",
    )
    excellent_rounding = fields.Selection(
        EXCELLENT_ROUNDING,
        string="Quota Rounding",
        required=True,
        default=lambda self: self.env.company.cadre_excellent_rounding or "floor",
        help="How the share of the assessed becomes a number of cadres.",
    )
    bonus_coefficient = fields.Float(default=1.0, help="分别计奖: multiplies the bonus.")

    @api.constrains("excellent_quota")
    def _check_category_rules(self):
        self._org_check_rules()

    def _org_rule_messages(self):
        """The share of 优秀 lies between 0 and the ceiling of the settings (25 %)."""
        messages = super()._org_rule_messages()
        ceiling = self.env.company.cadre_excellent_ceiling
        if not 0 <= self.excellent_quota <= ceiling:
            messages.append(
                (
                    ("excellent_quota",),
                    self.env._(
                        "the Excellent quota of %(quota)s%% is outside 0 to %(ceiling)s%%.",
                        quota=self.excellent_quota,
                        ceiling=ceiling,
                    ),
                )
            )
        return messages
