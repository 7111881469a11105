from odoo import fields, models


class OrgStudyPlan(models.Model):
    """An organization's annual study plan: its monthly topics."""

    _name = "org.study.plan"
    _description = "Study Plan"
    _inherit = ["mail.thread"]
    _order = "year desc, id desc"

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True
    )
    department_id = fields.Many2one("hr.department", string="Owner Unit", tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("done", "Done")],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
    )
    line_ids = fields.One2many("org.study.plan.line", "plan_id", string="Topics", copy=True)
    requirement_ids = fields.Many2many(
        "org.study.requirement",
        string="Hour Requirements",
        help="Required study hours per group of people that this plan applies.",
    )
    note = fields.Html()

    _sql_constraints = [
        ("year_check", "CHECK(year BETWEEN 2000 AND 2100)", "The year of a study plan must be a real year."),
    ]

    def action_approve(self):
        self.write({"state": "approved"})
        return True

    def action_done(self):
        self.write({"state": "done"})
        return True

    def action_draft(self):
        self.write({"state": "draft"})
        return True
