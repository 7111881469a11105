from odoo import api, fields, models
from odoo.exceptions import UserError


class OrgCadreTrainingEnrollment(models.Model):
    """A cadre in a training program, completed with its study hours and an evaluation.

    The hours reach org_study's study-hour ledger through the bridge ``org_cadre_study``
    (installed by itself when both addons are): org_cadre knows nothing of org_study."""

    _name = "org.cadre.training.enrollment"
    _description = "Cadre Training Enrollment"
    _order = "program_id, employee_id"
    _rec_name = "employee_id"

    program_id = fields.Many2one("org.cadre.training.program", required=True, ondelete="cascade", index=True)
    program_kind = fields.Selection(related="program_id.kind", store=True)
    employee_id = fields.Many2one("hr.employee", string="Cadre", required=True, index=True)
    state = fields.Selection(
        [("enrolled", "Enrolled"), ("completed", "Completed"), ("cancelled", "Cancelled")],
        required=True,
        default="enrolled",
    )
    hours = fields.Float(
        string="Study Hours", compute="_compute_hours", store=True, readonly=False, precompute=True
    )
    date_completed = fields.Date(string="Completed On", readonly=True)
    evaluation = fields.Selection(
        [("excellent", "Excellent"), ("good", "Good"), ("pass", "Pass"), ("fail", "Fail")]
    )
    evaluation_note = fields.Text(string="Evaluation Notes")

    _sql_constraints = [
        ("program_employee_uniq", "unique(program_id, employee_id)", "A cadre is enrolled once per program."),
    ]

    @api.depends("program_id.hours")
    def _compute_hours(self):
        for enrollment in self:
            enrollment.hours = enrollment.program_id.hours

    def action_complete(self):
        if self.filtered(lambda e: e.state == "cancelled"):
            raise UserError(self.env._("A cancelled enrollment cannot be completed."))
        self.write({"state": "completed", "date_completed": fields.Date.context_today(self)})
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True
