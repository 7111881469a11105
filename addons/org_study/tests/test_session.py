from datetime import datetime

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import OrgStudyCommon


@tagged("post_install", "-at_install")
class TestStudySession(OrgStudyCommon):
    def test_shipped_study_types(self):
        for xml_id in (
            "study_type_central_group",
            "study_type_party_school",
            "study_type_night_school",
            "study_type_party_lecture",
            "study_type_publicity",
            "study_type_forum",
            "study_type_expert_lecture",
            "study_type_book_sharing",
        ):
            self.assertGreater(self.env.ref(f"org_study.{xml_id}").default_hours, 0, xml_id)

    def test_hours_default_from_type_and_credited_when_present(self):
        self.assertEqual(self.session.hours, 2.5)
        self.assertEqual(self.attendance_a.state, "registered")
        self.assertEqual(self.attendance_a.hours, 0)
        self.attendance_a.action_mark_present()
        self.assertEqual(self.attendance_a.hours, 2.5)
        self.session.hours = 3
        self.assertEqual(self.attendance_a.hours, 3, "a change of the session's hours is credited")
        self.attendance_a.action_mark_absent()
        self.assertEqual(self.attendance_a.hours, 0)
        self.attendance_a.write({"state": "excused", "reason": "出差"})
        self.assertEqual(self.attendance_a.hours, 0)

    def test_form_type_sets_hours(self):
        other = self.env["org.study.type"].create({"name": "测试党课", "default_hours": 4})
        with Form(self.env["org.study.session"].with_user(self.officer)) as form:
            form.name = "专题党课"
            form.type_id = other
            form.date_start = datetime(2026, 4, 1, 2)
            self.assertEqual(form.hours, 4)
            form.hours = 3.5
        self.assertEqual(form.record.hours, 3.5)
        self.assertEqual(form.record.state, "planned")

    def test_hours_come_from_the_duration(self):
        """The type's usual hours only pre-fill the end; the hours credited are the duration."""
        self.attendance_a.action_mark_present()
        self.assertEqual(
            self.session.date_end, datetime(2026, 3, 10, 13, 30), "start + 2.5 hours of the type"
        )
        self.session.date_end = datetime(2026, 3, 10, 14, 0)
        self.assertEqual((self.session.hours, self.attendance_a.hours), (3.0, 3.0))
        # Changing the type's usual hours changes no session already planned.
        self.study_type.default_hours = 8
        self.assertEqual(self.session.hours, 3.0)
        with Form(self.session.with_user(self.officer)) as form:
            form.date_end = datetime(2026, 3, 10, 12, 45)
            self.assertEqual(form.hours, 1.75)
        self.assertEqual(self.attendance_a.hours, 1.75)

    @freeze_time("2026-03-10 10:30:00")
    def test_held_only_once_started(self):
        # The session starts at 11:00 UTC (19:00 in Shanghai); it is 18:30 there.
        with (
            self.assertRaisesRegex(
                ValidationError,
                "学习贯彻党的二十大精神: a session starting on 2026-03-10 19:00 cannot be marked held "
                "before it starts.",
            ),
            self.env.cr.savepoint(),
        ):
            self.session.with_user(self.officer).action_set_held()
        self.session.invalidate_recordset()
        self.assertEqual(self.session.state, "planned")
        # Created held for a day to come: refused the same way.
        with self.assertRaisesRegex(ValidationError, "cannot be marked held before it starts"):
            self.env["org.study.session"].create(
                {
                    "name": "明天的学习",
                    "type_id": self.study_type.id,
                    "date_start": datetime(2026, 3, 11, 1),
                    "state": "held",
                }
            )
        with freeze_time("2026-03-10 11:00:01"):
            self.session.with_user(self.officer).action_set_held()
        self.assertEqual(self.session.state, "held")
        # Moving a held session's start into the future is refused too.
        with freeze_time("2026-03-10 12:00:00"), self.assertRaisesRegex(ValidationError, "before it starts"):
            self.session.date_start = datetime(2026, 3, 12, 1)

    def test_attendance_edited_in_place(self):
        other = self.env["hr.employee"].create({"name": "王求是"})
        with Form(self.session.with_user(self.officer)) as form:
            with form.attendance_ids.new() as line:
                line.employee_id = other
                line.state = "present"
            with form.attendance_ids.edit(0) as line:
                line.state = "excused"
                line.reason = "出差"
        self.assertEqual(len(self.session.attendance_ids), 3)
        self.assertEqual(self.session.present_count, 1)
        self.assertEqual(self.session.attendance_ids.filtered(lambda a: a.employee_id == other).hours, 2.5)

    def test_plan_topics_by_month(self):
        with Form(self.env["org.study.plan"].with_user(self.officer)) as form:
            form.name = "年度学习计划"
            form.year = 2026
            for month, topic in (("6", "全国组织工作会议精神"), ("1", "党的二十大精神")):
                with form.line_ids.new() as line:
                    line.month = month
                    line.topic = topic
        plan = form.record
        self.assertEqual(plan.line_ids.mapped("topic"), ["党的二十大精神", "全国组织工作会议精神"])
        plan.action_approve()
        self.assertEqual(plan.state, "approved")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            plan.year = 23
            plan.flush_recordset()

    def test_mark_all_present_and_states(self):
        session = self.session.with_user(self.officer)
        session.action_mark_all_present()
        self.assertEqual(set(session.attendance_ids.mapped("state")), {"present"})
        self.assertEqual(session.present_count, 2)
        with self.assertRaises(UserError):
            session.action_set_archived()
        session.action_set_held()
        self.assertEqual(session.state, "held")
        with self.assertRaises(UserError):
            session.action_set_held()
        session.action_set_archived()
        self.assertEqual(session.state, "archived")
        session.action_reset_planned()
        self.assertEqual(session.state, "planned")

    def test_excused_needs_reason(self):
        with self.assertRaisesRegex(ValidationError, "张学习"):
            self.attendance_a.action_mark_excused()
        self.attendance_a.reason = "外出调研"
        self.attendance_a.action_mark_excused()
        self.assertEqual(self.attendance_a.state, "excused")

    def test_employee_once_per_session(self):
        with self.assertRaisesRegex(ValidationError, "张学习.*学习贯彻党的二十大精神"):
            self.env["org.study.attendance"].create(
                {"session_id": self.session.id, "employee_id": self.employee_a.id}
            )

    def test_employee_once_per_session_batch_and_write(self):
        other = self.env["hr.employee"].create({"name": "王求是"})
        with self.assertRaisesRegex(ValidationError, "王求是"):
            self.env["org.study.attendance"].create(
                [
                    {"session_id": self.session.id, "employee_id": other.id},
                    {"session_id": self.session.id, "employee_id": other.id},
                ]
            )
        with self.assertRaisesRegex(ValidationError, "李笃行"):
            self.attendance_a.employee_id = self.employee_b
        self.attendance_a.employee_id = other
        self.assertEqual(self.session.attendance_ids.employee_id, other + self.employee_b)

    @mute_logger("odoo.sql_db")
    def test_employee_once_per_session_database(self):
        with self.assertRaises(IntegrityError):
            self.env.cr.execute(
                "INSERT INTO org_study_attendance (session_id, employee_id, state) "
                "VALUES (%s, %s, 'present')",
                (self.session.id, self.employee_a.id),
            )

    def test_end_not_before_start(self):
        with self.assertRaises(ValidationError):
            self.session.date_end = datetime(2026, 3, 9)

    def test_plan_topic_becomes_a_session(self):
        department = self.env["hr.department"].create({"name": "理论学习中心组办公室"})
        plan = (
            self.env["org.study.plan"]
            .with_user(self.officer)
            .create(
                {
                    "name": "2026年学习计划",
                    "year": 2026,
                    "department_id": department.id,
                    "line_ids": [
                        (0, 0, {"month": "3", "topic": "全国两会精神", "type_id": self.study_type.id})
                    ],
                }
            )
        )
        line = plan.line_ids
        action = line.action_plan_session()
        with Form(
            self.env["org.study.session"].with_user(self.officer).with_context(**action["context"])
        ) as form:
            self.assertEqual(form.topic, "全国两会精神")
            self.assertEqual(form.hours, 2.5)
        session = form.record
        self.assertEqual(session.plan_line_id, line)
        self.assertEqual(session.organizer_department_id, department)
        # 1 March 2026, 9:00 in Shanghai.
        self.assertEqual(session.date_start, datetime(2026, 3, 1, 1, 0))
        self.assertEqual(line.session_count, 1)
        self.assertEqual(line.display_name, "全国两会精神")

    def test_session_attendance_button(self):
        action = self.session.with_user(self.officer).action_view_attendance()
        attendances = self.env["org.study.attendance"].with_user(self.officer).search(action["domain"])
        self.assertEqual(attendances, self.session.attendance_ids)
        self.assertIn("学习贯彻党的二十大精神", action["name"])
        # Lines selected in that list are marked together.
        attendances.action_mark_absent()
        self.assertEqual(set(self.session.attendance_ids.mapped("state")), {"absent"})
