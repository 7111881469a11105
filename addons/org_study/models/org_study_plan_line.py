from datetime import date, time

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
    _rec_name = "topic"

    plan_id = fields.Many2one("org.study.plan", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    month = fields.Selection(MONTHS, required=True, default="1")
    month_number = fields.Integer(compute="_compute_month_number", store=True)
    topic = fields.Char(required=True)
    type_id = fields.Many2one("org.study.type", string="Study Type")
    department_id = fields.Many2one("hr.department", string="Responsible Unit")
    note = fields.Char()
    session_ids = fields.One2many("org.study.session", "plan_line_id", string="Sessions")
    session_count = fields.Integer(compute="_compute_session_count", string="Sessions Planned")

    @api.depends("month")
    def _compute_month_number(self):
        for line in self:
            line.month_number = int(line.month or 0)

    def _compute_session_count(self):
        counts = dict(
            self.env["org.study.session"]._read_group(
                [("plan_line_id", "in", self.ids)], ["plan_line_id"], ["__count"]
            )
        )
        for line in self:
            line.session_count = counts.get(line, 0)

    def action_plan_session(self):
        """A new session on this topic, in the topic's month (first day, 9:00 local time)."""
        self.ensure_one()
        start = self.env.company._org_office_datetime(date(self.plan_id.year, self.month_number, 1), time(9))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Plan a Session"),
            "res_model": "org.study.session",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_name": self.topic,
                "default_topic": self.topic,
                "default_type_id": self.type_id.id,
                "default_organizer_department_id": (self.department_id or self.plan_id.department_id).id,
                "default_plan_line_id": self.id,
                "default_date_start": fields.Datetime.to_string(start),
            },
        }
