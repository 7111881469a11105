from odoo import fields, models


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
    bonus_coefficient = fields.Float(default=1.0, help="分别计奖: multiplies the bonus.")
