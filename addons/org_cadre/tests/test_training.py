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
        # Hours reach the study ledger only through org_study (a soft link, tested with it in
        # org_platform_tests): a session is credited exactly when org_study is installed.
        self.assertEqual(bool(enrollment.study_session_ref), "org.study.session" in self.env)

    def test_cadre_tag(self):
        # Cadres carry the tag 干部 (org_study's study requirements select cadres by it): the
        # one org_study ships, or, without org_study, one made once under the same xml id.
        tag = self.env.ref("org_study.employee_category_cadre")
        self.assertEqual(tag.name, "干部")
        self.assertIn(tag, self.cadre.category_ids)
        self.assertIn(tag, self.cadre_b.category_ids)
        self.cadre_b.is_cadre = False
        self.assertNotIn(tag, self.cadre_b.category_ids)
        self.assertEqual(self.env["hr.employee"]._cadre_tag(), tag)

    def test_cadre_reads_own_trainings(self):
        enrollments = self.env["org.cadre.training.enrollment"].with_user(self.user_cadre).search([])
        self.assertEqual(enrollments.employee_id, self.cadre)
        values = self.user_cadre.with_user(self.user_cadre).read(["cadre_training_enrollment_ids"])[0]
        self.assertEqual(len(values["cadre_training_enrollment_ids"]), 1)
