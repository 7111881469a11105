import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

STUDY_TYPE_XMLID = "org_cadre_study.study_type_cadre_training"
# Enrollment fields whose change changes the credit of a completed enrollment.
STUDY_CREDIT_FIELDS = {"state", "hours", "employee_id", "program_id", "date_completed"}


class OrgCadreTrainingEnrollment(models.Model):
    """A completed enrollment credits its hours to the study ledger: one held study session
    per enrollment, its cadre present. Cancelling or deleting the enrollment removes it."""

    _inherit = "org.cadre.training.enrollment"

    # ondelete="set null": a study officer who deletes the session (org_study's records, which
    # they manage) is not stopped by cadre records they may not even read; the enrollment stays
    # completed without credit, and completing it again credits it anew.
    study_session_id = fields.Many2one(
        "org.study.session",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The study session crediting the hours of this completed training to the study ledger.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        enrollments = super().create(vals_list)
        enrollments.filtered(lambda e: e.state == "completed")._study_credit()
        return enrollments

    def write(self, vals):
        result = super().write(vals)
        if STUDY_CREDIT_FIELDS & vals.keys():
            completed = self.filtered(lambda e: e.state == "completed")
            completed._study_credit()
            (self - completed)._study_uncredit()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_study_credit(self):
        self._study_uncredit()

    def _study_type(self):
        study_type = self.env.ref(STUDY_TYPE_XMLID, raise_if_not_found=False)
        if not study_type:
            raise UserError(
                self.env._(
                    "%(names)s: the study type of cadre trainings was deleted, so the hours cannot "
                    "reach the study ledger. Update the addon org_cadre_study to restore it.",
                    names="、".join(self.mapped("display_name")),
                )
            )
        return study_type

    def _study_credit(self):
        """One held session and one present attendance per completed enrollment, updated in place.

        Called after the enrollments were created or written by the user, which proves their
        right to them. A cadre officer need not be a study officer, and org_study lets study
        officers alone create or change sessions and attendances: so the sessions of these
        enrollments, and their attendances, are written as superuser, and no other record.
        """
        if not self:
            return True
        study_type = self._study_type()
        Session = self.env["org.study.session"].sudo()
        Attendance = self.env["org.study.attendance"].sudo()
        company = self.env.company
        today = company._org_office_today()
        for enrollment in self:
            # The hours count in the year the training took place; a held session has started,
            # so a training completed before its planned end counts today.
            program = enrollment.program_id
            date = min(program.date_end or program.date_start or enrollment.date_completed or today, today)
            start = min(company._org_office_datetime(date, datetime.time(9, 0)), fields.Datetime.now())
            vals = {
                "name": program.name,
                "type_id": study_type.id,
                "date_start": start,
                "date_end": start + datetime.timedelta(hours=enrollment.hours),
                "hours": enrollment.hours,
                "state": "held",
            }
            session = enrollment.sudo().study_session_id
            if session:
                session.write(vals)
            else:
                session = Session.create(vals)
                enrollment.study_session_id = session
            attendances = session.attendance_ids
            present = attendances.filtered(lambda a, e=enrollment.employee_id: a.employee_id == e)
            (attendances - present).unlink()
            if present:
                present.write({"state": "present"})
            else:
                Attendance.create(
                    {"session_id": session.id, "employee_id": enrollment.employee_id.id, "state": "present"}
                )
        return True

    def _study_uncredit(self):
        """Delete the sessions crediting these enrollments (their attendances go with them),
        as superuser for the reason given in ``_study_credit``."""
        sessions = self.sudo().study_session_id
        if sessions:
            sessions.unlink()
        return True
