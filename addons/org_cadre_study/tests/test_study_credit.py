from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.org_cadre.tests.common import CadreCommon


@tagged("post_install", "-at_install")
class TestCadreTrainingStudyLedger(CadreCommon):
    """A completed training credits its hours to the study ledger through the bridge."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program = cls._spring_bamboo_program()
        cls.enrollment = cls.program.enrollment_ids.filtered(lambda e: e.employee_id == cls.cadre)
        cls.study_type = cls.env.ref("org_cadre_study.study_type_cadre_training")
        cls.study_officer = new_test_user(
            cls.env, "bridge_study_officer", groups="org_study.group_study_officer"
        )

    def _done_hours(self, employee, year=2023):
        self.env.flush_all()
        self.env["org.study.ledger"].invalidate_model()
        ledger = self.env["org.study.ledger"].search([("employee_id", "=", employee.id), ("year", "=", year)])
        return ledger.done_hours

    def test_hours_reach_the_study_ledger(self):
        # The cadre officer is no study officer: the bridge writes the session for them.
        self.assertFalse(self.user_officer.has_group("org_study.group_study_officer"))
        enrollment = self.enrollment.with_user(self.user_officer)
        enrollment.action_complete()
        session = enrollment.study_session_id
        self.assertTrue(session)
        self.assertEqual(session.type_id, self.study_type)
        self.assertEqual(session.state, "held")
        self.assertEqual(session.create_uid, self.user_officer)
        self.assertEqual(session.attendance_ids.employee_id, self.cadre)
        self.assertEqual(session.attendance_ids.hours, 24.0)
        self.assertEqual(self._done_hours(self.cadre), 24.0)
        # Idempotent: completing again or changing the hours updates the same session.
        enrollment.action_complete()
        enrollment.hours = 30.0
        self.assertEqual(enrollment.study_session_id, session)
        self.assertEqual(
            self.env["org.study.attendance"].search_count([("employee_id", "=", self.cadre.id)]), 1
        )
        self.assertEqual(self._done_hours(self.cadre), 30.0)
        # The other cadre, not completed, has no credit.
        self.assertFalse((self.program.enrollment_ids - self.enrollment).study_session_id)

    def test_program_changes_reach_the_session(self):
        self.enrollment.with_user(self.user_officer).action_complete()
        session = self.enrollment.study_session_id
        self.program.with_user(self.user_officer).write(
            {"name": "2024年春笋计划", "date_start": "2024-05-06", "date_end": "2024-05-10", "hours": 16.0}
        )
        self.assertEqual(self.enrollment.study_session_id, session)
        self.assertEqual(session.name, "2024年春笋计划")
        self.assertEqual(session.hours, 16.0)
        self.assertEqual(self._done_hours(self.cadre, 2023), 0.0)
        self.assertEqual(self._done_hours(self.cadre, 2024), 16.0)

    def test_enrollment_created_completed_is_credited(self):
        # An officer records a training already done (e.g. imported): credited at creation.
        other = self.env["hr.employee"].create({"name": "测试干部戊", "is_cadre": True})
        enrollment = (
            self.env["org.cadre.training.enrollment"]
            .with_user(self.user_officer)
            .create({"program_id": self.program.id, "employee_id": other.id, "state": "completed"})
        )
        self.assertEqual(enrollment.study_session_id.attendance_ids.employee_id, other)
        self.assertEqual(self._done_hours(other), 24.0)

    def test_study_type_found_by_xml_id(self):
        # A study officer renames the type: the bridge still uses it (no lookup by name).
        self.study_type.with_user(self.study_officer).name = "干部培训（更名）"
        self.enrollment.with_user(self.user_officer).action_complete()
        self.assertEqual(self.enrollment.study_session_id.type_id, self.study_type)
        self.assertEqual(self.env["org.study.type"].search_count([("name", "=", "Cadre Training")]), 0)

    def test_cancel_removes_the_credit(self):
        enrollment = self.enrollment.with_user(self.user_officer)
        enrollment.action_complete()
        session = enrollment.study_session_id
        enrollment.action_cancel()
        self.assertFalse(session.exists())
        self.assertFalse(enrollment.study_session_id)
        self.assertEqual(self._done_hours(self.cadre), 0.0)

    def test_changed_cadre_moves_the_attendance(self):
        enrollment = self.enrollment.with_user(self.user_officer)
        enrollment.action_complete()
        session = enrollment.study_session_id
        other = self.env["hr.employee"].create({"name": "测试干部丁", "is_cadre": True})
        enrollment.employee_id = other
        self.assertEqual(enrollment.study_session_id, session)
        self.assertEqual(session.attendance_ids.employee_id, other)
        self.assertEqual(self._done_hours(self.cadre), 0.0)
        self.assertEqual(self._done_hours(other), 24.0)

    def test_deleting_the_enrollment_or_program_removes_the_credit(self):
        self.program.enrollment_ids.with_user(self.user_officer).action_complete()
        sessions = self.program.enrollment_ids.study_session_id
        self.assertEqual(len(sessions), 2)
        self.enrollment.with_user(self.user_officer).unlink()
        self.assertEqual(len(sessions.exists()), 1)
        # The program's other enrollment goes by the database cascade: its session too.
        self.program.with_user(self.user_officer).unlink()
        self.assertFalse(sessions.exists())
        self.assertFalse(self.env["org.study.attendance"].search([("session_id", "in", sessions.ids)]))

    def test_session_deleted_by_study_officer_empties_the_link(self):
        self.enrollment.with_user(self.user_officer).action_complete()
        self.enrollment.study_session_id.with_user(self.study_officer).unlink()
        self.assertFalse(self.enrollment.study_session_id)
        self.assertEqual(self.enrollment.state, "completed")
        # Completing again credits anew.
        self.enrollment.with_user(self.user_officer).action_complete()
        self.assertTrue(self.enrollment.study_session_id)
        self.assertEqual(self._done_hours(self.cadre), 24.0)

    def test_plain_user_cannot_reach_sessions_through_the_bridge(self):
        sessions_before = self.env["org.study.session"].search_count([])
        own = self.enrollment.with_user(self.user_cadre)
        self.assertEqual(own.employee_id.user_id, self.user_cadre)
        with self.assertRaises(AccessError):
            own.action_complete()
        with self.assertRaises(AccessError):
            own.write({"study_session_id": self.env["org.study.session"].search([], limit=1).id or False})
        with self.assertRaises(AccessError):
            own.unlink()
        self.assertEqual(self.env["org.study.session"].search_count([]), sessions_before)
        # A leader reads enrollments but changes none: no credit through them either.
        with self.assertRaises(AccessError):
            self.enrollment.with_user(self.user_leader).action_complete()
        self.assertFalse(self.enrollment.study_session_id)
        # The officer's credit is visible to the cadre as their own attendance, no more.
        self.enrollment.with_user(self.user_officer).action_complete()
        attendances = self.env["org.study.attendance"].with_user(self.user_cadre).search([])
        self.assertEqual(attendances.employee_id, self.cadre)

    def test_cadres_carry_the_study_tag(self):
        # The 干部 tag is org_study's: cadres are subject to the study requirement of cadres.
        tag = self.env.ref("org_study.employee_category_cadre")
        self.assertEqual(self.env["hr.employee.category"].search([("name", "=", "干部")]), tag)
        self.assertIn(tag, self.cadre.category_ids)
        self.assertIn(tag, self.cadre_b.category_ids)
        self.cadre_b.with_user(self.user_officer).is_cadre = False
        self.assertNotIn(tag, self.cadre_b.category_ids)
        self.cadre_b.with_user(self.user_officer).is_cadre = True
        self.assertIn(tag, self.cadre_b.category_ids)
        other_tag = self.env["hr.employee.category"].create({"name": "测试标签"})
        self.cadre_b.category_ids = [Command.link(other_tag.id)]
        self.cadre_b.with_user(self.user_officer).is_cadre = False
        self.assertEqual(self.cadre_b.category_ids, other_tag)

    def test_training_completed_before_its_end(self):
        """A study session is held once it has started: a training completed before its planned
        end credits a session dated no later than now."""
        today = fields.Date.context_today(self.env["hr.employee"])
        self.program.with_user(self.user_officer).write(
            {"date_start": today - timedelta(days=2), "date_end": today + timedelta(days=10)}
        )
        self.enrollment.with_user(self.user_officer).action_complete()
        session = self.enrollment.study_session_id
        self.assertEqual(session.state, "held")
        self.assertLessEqual(session.date_start, fields.Datetime.now())
        self.assertEqual((session.hours, session.date_end - session.date_start), (24.0, timedelta(hours=24)))
