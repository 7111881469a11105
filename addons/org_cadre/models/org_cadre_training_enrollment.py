import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

STUDY_TYPE_NAME = "Cadre Training"


class OrgCadreTrainingEnrollment(models.Model):
    """A cadre in a training program; completing it credits its hours to the study ledger
    when org_study is installed (a soft link: org_cadre does not depend on it)."""

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
    study_session_ref = fields.Integer(
        string="Study Session", readonly=True, copy=False, help="The org.study.session crediting the hours."
    )

    _sql_constraints = [
        ("program_employee_uniq", "unique(program_id, employee_id)", "A cadre is enrolled once per program."),
    ]

    @api.depends("program_id.hours")
    def _compute_hours(self):
        for enrollment in self:
            enrollment.hours = enrollment.program_id.hours

    def write(self, vals):
        result = super().write(vals)
        if "hours" in vals:
            self.filtered(lambda e: e.state == "completed")._study_credit()
        return result

    def action_complete(self):
        if self.filtered(lambda e: e.state == "cancelled"):
            raise UserError(self.env._("A cancelled enrollment cannot be completed."))
        self.write({"state": "completed", "date_completed": fields.Date.context_today(self)})
        self._study_credit()
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        self._study_uncredit()
        return True

    # Study ledger (org_study), when installed

    def _study_type(self):
        StudyType = self.env["org.study.type"].sudo()
        return StudyType.with_context(lang="en_US").search(
            [("name", "=", STUDY_TYPE_NAME)], limit=1
        ) or StudyType.create({"name": STUDY_TYPE_NAME, "default_hours": 0.0})

    def _study_credit(self):
        """One held session and one present attendance per completed enrollment, updated in place."""
        if "org.study.attendance" not in self.env or not self:
            return False
        Session = self.env["org.study.session"].sudo()
        study_type = self._study_type()
        sessions = Session.browse(self.mapped("study_session_ref")).exists()
        for enrollment in self:
            # The hours count in the year the training took place.
            program = enrollment.program_id
            date = program.date_end or program.date_start or enrollment.date_completed
            vals = {
                "name": program.name,
                "type_id": study_type.id,
                "date_start": datetime.datetime.combine(date, datetime.time(9, 0)),
                "hours": enrollment.hours,
                "state": "held",
            }
            session = sessions.filtered(lambda s, ref=enrollment.study_session_ref: s.id == ref)
            if session:
                session.write(vals)
            else:
                session = Session.create(vals)
                enrollment.study_session_ref = session.id
            attendance = session.attendance_ids.filtered(
                lambda a, e=enrollment.employee_id: a.employee_id == e
            )
            if attendance:
                attendance.write({"state": "present"})
            else:
                self.env["org.study.attendance"].sudo().create(
                    {"session_id": session.id, "employee_id": enrollment.employee_id.id, "state": "present"}
                )
        return True

    def _study_uncredit(self):
        if "org.study.attendance" not in self.env:
            return False
        refs = self.filtered("study_session_ref")
        self.env["org.study.session"].sudo().browse(refs.mapped("study_session_ref")).exists().unlink()
        refs.study_session_ref = False
        return True
