from odoo.tests import tagged

from .common import CadreCommon


@tagged("post_install", "-at_install")
class TestTraining(CadreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program = cls._spring_bamboo_program()

    def test_enrollment_hours_and_completion(self):
        enrollment = self.program.enrollment_ids.filtered(lambda e: e.employee_id == self.cadre)
        self.assertEqual(enrollment.hours, 24.0)
        enrollment.action_complete()
        self.assertEqual(self.program.completed_count, 1)
        self.assertEqual(self.program.enrollment_count, 2)
        self.assertEqual(enrollment.state, "completed")
        self.assertTrue(enrollment.date_completed)

    def test_no_study_link_in_org_cadre(self):
        # org_cadre knows no study ledger: the integer pseudo link is gone (the Many2one to the
        # study session is the bridge org_cadre_study's), and making cadres writes no xml id
        # in org_study's namespace (org_cadre used to register a 干部 tag there).
        self.assertNotIn("study_session_ref", self.env["org.cadre.training.enrollment"]._fields)
        self.env["hr.employee"].with_user(self.user_officer).create({"name": "测试新干部", "is_cadre": True})
        self.cadre_b.with_user(self.user_officer).is_cadre = False
        study_installed = self.env["ir.module.module"].search_count(
            [("name", "=", "org_study"), ("state", "=", "installed")]
        )
        if not study_installed:
            # Made in this test's transaction (with setUpClass's cadres): none. A database
            # upgraded from 18.0.1.0.1 keeps the row made then, org_study adopts it if installed.
            made_now = [("create_date", ">=", self.env.cr.now())]
            self.assertFalse(
                self.env["ir.model.data"].search_count([("module", "=", "org_study"), *made_now])
            )
            self.assertFalse(
                self.env["hr.employee.category"].search_count([("name", "=", "干部"), *made_now])
            )

    def test_cadre_reads_own_trainings(self):
        enrollments = self.env["org.cadre.training.enrollment"].with_user(self.user_cadre).search([])
        self.assertEqual(enrollments.employee_id, self.cadre)
        values = self.user_cadre.with_user(self.user_cadre).read(["cadre_training_enrollment_ids"])[0]
        self.assertEqual(len(values["cadre_training_enrollment_ids"]), 1)
