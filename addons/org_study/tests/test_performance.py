from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import OrgStudyCommon

# The fields of the kanban card and of the list, as the web client asks for them.
SESSION_SPEC = {
    "name": {},
    "type_id": {"fields": {"display_name": {}}},
    "topic": {},
    "date_start": {},
    "place": {},
    "organizer_department_id": {"fields": {"display_name": {}}},
    "delivery": {},
    "hours": {},
    "participant_count": {},
    "present_count": {},
    "state": {},
    "color": {},
}
LEDGER_SPEC = {
    "year": {},
    "employee_id": {"fields": {"display_name": {}}},
    "department_id": {"fields": {"display_name": {}}},
    "level_id": {"fields": {"display_name": {}}},
    "requirement_id": {"fields": {"display_name": {}}},
    "period_label": {},
    "required_hours": {},
    "counted_hours": {},
    "progress": {},
    "missing_hours": {},
    "done_hours": {},
    "session_count": {},
    "behind": {},
    "compliant": {},
}


@tagged("post_install", "-at_install", "is_query_count")
class TestStudyQueryCounts(OrgStudyCommon):
    """The first page of each view and each cron issue as many queries for a few records as
    for many: measured at the small size, asserted at the large one (± 2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        departments = cls.env["hr.department"].create([{"name": f"测试单位{index}"} for index in range(5)])
        cls.people = cls.env["hr.employee"].create(
            [
                {
                    "name": f"学员{index:03d}",
                    "department_id": departments[index % 5].id,
                    "category_ids": [(6, 0, cls.cadre_tag.ids)],
                    "study_level_id": cls.level_township.id,
                }
                for index in range(20)
            ]
        )
        cls.session_count = 0
        for index in range(2):
            cls.people[index].user_id = new_test_user(
                cls.env, f"study_learner_{index}", groups="base.group_user"
            )

    def _add_sessions(self, count, start=datetime(2026, 2, 1, 1), state="held"):
        """``count`` held sessions, each attended by four people, two of them present."""
        sessions = self.env["org.study.session"].create(
            [
                {
                    "name": f"测试学习{self.session_count + index}",
                    "type_id": self.study_type.id,
                    "date_start": start + timedelta(hours=7 * index),
                    "organizer_department_id": self.people[index % 20].department_id.id,
                    "place": "会议室",
                }
                for index in range(count)
            ]
        )
        self.session_count += count
        self.env["org.study.attendance"].create(
            [
                {
                    "session_id": session.id,
                    "employee_id": self.people[(index + offset) % 20].id,
                    "state": "present" if offset < 2 else "absent",
                }
                for index, session in enumerate(sessions)
                for offset in range(4)
            ]
        )
        sessions.write({"state": state})
        return sessions

    def _queries(self, function):
        """Queries of one cold call, after a warm-up call (views, caches of the registry)."""
        function()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _assert_same_count(self, function, grow):
        small = self._queries(function)
        grow()
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(small + 2):
            function()

    def test_ledger_pivot_and_list_10_vs_1000_sessions(self):
        Ledger = self.env["org.study.ledger"].with_user(self.officer)
        self._add_sessions(10)

        def open_ledger():
            Ledger.web_search_read([("year", "=", 2026)], LEDGER_SPEC, limit=8)
            Ledger.read_group(
                [("year", "=", 2026)],
                ["required_hours:sum", "done_hours:sum"],
                ["department_id", "year"],
                lazy=False,
            )
            Ledger.web_read_group([], ["done_hours:sum"], ["department_id"])

        self._assert_same_count(open_ledger, lambda: self._add_sessions(990))
        self.assertEqual(
            Ledger.search_count(
                [("employee_id", "in", self.people.ids), ("year", "=", 2026), ("done_hours", ">", 0)]
            ),
            20,
            "the data is there",
        )

    def test_session_kanban_and_list_10_vs_300(self):
        Session = self.env["org.study.session"].with_user(self.officer)
        self._add_sessions(10)

        # A page of 8 cards or lines: the first page is full at both sizes, as it is in use.
        def open_sessions():
            Session.web_read_group([], ["state"], ["state"], lazy=False)
            for state in ("planned", "held", "archived"):
                Session.web_search_read([("state", "=", state)], SESSION_SPEC, limit=8)
            Session.web_search_read([], SESSION_SPEC, limit=8)

        self._assert_same_count(open_sessions, lambda: self._add_sessions(290))

    def test_attendance_list_10_vs_300(self):
        Attendance = self.env["org.study.attendance"].with_user(self.officer)
        self._add_sessions(3)
        spec = {
            "date_start": {},
            "session_id": {"fields": {"display_name": {}}},
            "type_id": {"fields": {"display_name": {}}},
            "employee_id": {"fields": {"display_name": {}}},
            "department_id": {"fields": {"display_name": {}}},
            "state": {},
            "reason": {},
            "hours": {},
        }
        self._assert_same_count(
            lambda: Attendance.web_search_read([], spec, limit=8), lambda: self._add_sessions(75)
        )

    def test_reminder_cron_10_vs_300_sessions(self):
        # The same three people to remind tomorrow, among 10 or 300 other sessions.
        Session = self.env["org.study.session"]
        tomorrow = self._add_sessions(1, start=datetime(2026, 5, 2, 1), state="planned")

        def remind():
            reminded = Session._cron_remind_participants()
            self.assertEqual(reminded.employee_id, self.people[:2], "the two present people with a user")
            # Forget who was reminded, for the next call.
            self.env["mail.activity"].search([("res_model", "=", Session._name)]).unlink()

        with freeze_time("2026-05-01 03:00:00"):
            self._assert_same_count(remind, lambda: self._add_sessions(300, start=datetime(2025, 6, 1)))
        self.assertEqual(tomorrow.state, "planned")

    def test_pace_cron_20_vs_300_people(self):
        Requirement = self.env["org.study.requirement"]
        self._add_sessions(10)

        def check_pace():
            with freeze_time("2026-06-01 02:00:00"):
                activities = Requirement._cron_check_hour_pace()
            self.assertIn(self.officer, activities.user_id)
            activities.unlink()

        def grow():
            more = self.env["hr.employee"].create(
                [
                    {
                        "name": f"新学员{index}",
                        "category_ids": [(6, 0, self.cadre_tag.ids)],
                        "study_level_id": self.level_township.id,
                    }
                    for index in range(280)
                ]
            )
            self.people |= more
            self._add_sessions(100)

        self._assert_same_count(check_pace, grow)
