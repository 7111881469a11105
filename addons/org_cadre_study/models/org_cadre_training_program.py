from odoo import api, models

# Program fields the study sessions of its completed enrollments copy (hours through the
# enrollments' computed hours, which change without a write of the enrollments).
STUDY_SESSION_FIELDS = {"name", "date_start", "date_end", "hours"}


class OrgCadreTrainingProgram(models.Model):
    _inherit = "org.cadre.training.program"

    def write(self, vals):
        result = super().write(vals)
        if STUDY_SESSION_FIELDS & vals.keys():
            self.enrollment_ids.filtered(lambda e: e.state == "completed")._study_credit()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_study_credit(self):
        # The enrollments go with the program by the database's cascade, which runs no
        # Python: their study sessions are removed here.
        self.enrollment_ids._study_uncredit()
