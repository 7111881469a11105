from odoo import api, fields, models

MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]


class OrgStudyPlanLine(models.Model):
    """A topic of a study plan, in a month, with the kind of session that studies it."""

    _name = "org.study.plan.line"
    _description = "Study Plan Topic"
    _order = "plan_id, month_number, sequence, id"

    plan_id = fields.Many2one("org.study.plan", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    month = fields.Selection(MONTHS, required=True, default="1")
    month_number = fields.Integer(compute="_compute_month_number", store=True)
    topic = fields.Char(required=True)
    type_id = fields.Many2one("org.study.type", string="Study Type")
    department_id = fields.Many2one("hr.department", string="Responsible Unit")
    note = fields.Char()

    @api.depends("month")
    def _compute_month_number(self):
        for line in self:
            line.month_number = int(line.month or 0)
