from odoo import api, fields, models


class OrgIntegrityRisk(models.Model):
    """廉政风险排查: an integrity risk of a post, its level and its control measures."""

    _name = "org.integrity.risk"
    _description = "Integrity Risk"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "level_sequence desc, review_date, id"

    name = fields.Char(string="Risk Point", required=True, tracking=True)
    post = fields.Char(help="The post or duty where the risk lies, e.g. 干部选拔任用.")
    department_id = fields.Many2one("hr.department", string="Unit", tracking=True, index="btree_not_null")
    owner_id = fields.Many2one(
        "res.users",
        string="Responsible Person",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    level = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        required=True,
        default="medium",
        tracking=True,
    )
    level_sequence = fields.Integer(compute="_compute_level_sequence", store=True)
    description = fields.Text(string="How the Risk Arises")
    control_measures = fields.Html()
    review_date = fields.Date(
        string="Next Review", tracking=True, help="When the risk and its measures are checked again."
    )
    state = fields.Selection(
        [("identified", "Identified"), ("controlled", "Under Control"), ("closed", "Closed")],
        default="identified",
        required=True,
        tracking=True,
    )
    active = fields.Boolean(default=True)

    @api.depends("level")
    def _compute_level_sequence(self):
        order = {"low": 1, "medium": 2, "high": 3}
        for risk in self:
            risk.level_sequence = order.get(risk.level, 0)

    def action_control(self):
        self.write({"state": "controlled"})

    def action_close(self):
        self.write({"state": "closed"})

    def action_reopen(self):
        self.write({"state": "identified"})
