from odoo.tests import tagged

from .common import CadreCommon


@tagged("post_install", "-at_install")
class TestTraining(CadreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program = (
            cls.env["org.cadre.training.program"]
            .with_user(cls.user_officer)
            .create(
                {
                    "name": "2023年春笋计划",
                    "kind": "spring_bamboo",
                    "date_start": "2023-05-08",
                    "hours": 24.0,
                    "enrollment_ids": [
                        (0, 0, {"employee_id": cls.cadre.id}),
                        (0, 0, {"employee_id": cls.cadre_b.id}),
                    ],
                }
            )
        )

    def test_enrollment_hours_and_completion(self):
        enrollment = self.program.enrollment_ids.filtered(lambda e: e.employee_id == self.cadre)
        self.assertEqual(enrollment.hours, 24.0)
        enrollment.action_complete()
        self.assertEqual(self.program.completed_count, 1)
        self.assertEqual(self.program.enrollment_count, 2)

    def test_hours_reach_the_study_ledger(self):
        # org_cadre does not depend on org_study: the link works when org_study is installed.
        enrollment = self.program.enrollment_ids.filtered(lambda e: e.employee_id == self.cadre)
        enrollment.with_user(self.user_officer).action_complete()
        if "org.study.attendance" not in self.env:
            self.assertFalse(enrollment.study_session_ref)
            return
        session = self.env["org.study.session"].browse(enrollment.study_session_ref)
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
        # The 干部 tag makes the cadre subject to the study requirement of cadres.
        self.assertIn("干部", self.cadre.category_ids.mapped("name"))
        enrollment.action_cancel()
        self.assertFalse(session.exists())

    def test_cadre_reads_own_trainings(self):
        enrollments = self.env["org.cadre.training.enrollment"].with_user(self.user_cadre).search([])
        self.assertEqual(enrollments.employee_id, self.cadre)
        values = self.user_cadre.with_user(self.user_cadre).read(["cadre_training_enrollment_ids"])[0]
        self.assertEqual(len(values["cadre_training_enrollment_ids"]), 1)
