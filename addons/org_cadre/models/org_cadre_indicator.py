from odoo import fields, models


class OrgCadreIndicator(models.Model):
    """One indicator of a category's scheme: 关键性 or 引领性, with its weight and target."""

    _name = "org.cadre.indicator"
    _description = "Cadre Assessment Indicator"
    _order = "category_id, sequence, id"

    category_id = fields.Many2one("org.cadre.category", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    kind = fields.Selection([("key", "Key"), ("leading", "Leading")], required=True, default="key")
    weight = fields.Float(string="Weight (%)", required=True, default=10.0)
    target = fields.Float(help="The value that scores 100.")
