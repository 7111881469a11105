from odoo import fields, models


class OrgCadreReward(models.Model):
    """A reward or a punishment (奖惩) in a cadre's dossier."""

    _name = "org.cadre.reward"
    _description = "Cadre Reward or Punishment"
    _order = "employee_id, date desc, id"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    kind = fields.Selection(
        [("reward", "Reward"), ("punishment", "Punishment")], required=True, default="reward"
    )
    date = fields.Date(required=True)
    name = fields.Char(string="Description", required=True)
    authority = fields.Char(string="Decided By")
