from odoo.tests import tagged

from odoo.addons.org_cadre.tests.common import CadreCommon


@tagged("post_install", "-at_install")
class TestCadreTrainingStudyLedger(CadreCommon):
    """org_cadre does not depend on org_study: a completed training credits its hours to the
    study ledger when both are installed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program = cls._spring_bamboo_program()

    def test_hours_reach_the_study_ledger(self):
        enrollment = self.program.enrollment_ids.filtered(lambda e: e.employee_id == self.cadre)
        enrollment.with_user(self.user_officer).action_complete()
        session = self.env["org.study.session"].browse(enrollment.study_session_ref)
        self.assertTrue(session.exists())
        self.assertEqual(session.state, "held")
        self.assertEqual(session.attendance_ids.employee_id, self.cadre)
        self.assertEqual(session.attendance_ids.hours, 24.0)
        ledger = self.env["org.study.ledger"].search(
            [("employee_id", "=", self.cadre.id), ("year", "=", 2023)]
        )
        self.assertEqual(ledger.done_hours, 24.0)
        # Idempotent: completing again or changing the hours updates the same session.
        enrollment.action_complete()
        enrollment.hours = 30.0
        self.assertEqual(enrollment.study_session_ref, session.id)
        self.assertEqual(
            self.env["org.study.attendance"].search_count([("employee_id", "=", self.cadre.id)]), 1
        )
        self.env.flush_all()
        self.env["org.study.ledger"].invalidate_model()
        ledger = self.env["org.study.ledger"].search(
            [("employee_id", "=", self.cadre.id), ("year", "=", 2023)]
        )
        self.assertEqual(ledger.done_hours, 30.0)
        # The 干部 tag is org_study's: the cadre is subject to the study requirement of cadres.
        self.assertIn(self.env.ref("org_study.employee_category_cadre"), self.cadre.category_ids)
        enrollment.action_cancel()
        self.assertFalse(session.exists())
        self.assertFalse(enrollment.study_session_ref)
