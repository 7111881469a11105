from odoo import api, models


class OrgCadreTrainingProgram(models.Model):
    _inherit = "org.cadre.training.program"

    @api.ondelete(at_uninstall=False)
    def _unlink_study_credit(self):
        # The enrollments go with the program by the database's cascade, which runs no
        # Python: their study sessions are removed here.
        self.enrollment_ids._study_uncredit()
