from datetime import datetime

from odoo.tests import tagged

from .common import OrgStudyCommon


@tagged("post_install", "-at_install")
class TestStudyLedger(OrgStudyCommon):
    def _ledger(self, employee, year=2026):
        # The ledger is a database view: read it afresh.
        self.env["org.study.ledger"].invalidate_model()
        return self.env["org.study.ledger"].search([("employee_id", "=", employee.id), ("year", "=", year)])

    def test_hours_count_once_the_session_is_held(self):
        self.session.action_mark_all_present()
        line = self._ledger(self.employee_a)
        self.assertEqual(line.done_hours, 0, "a planned session credits nothing yet")
        self.session.action_set_held()
        line = self._ledger(self.employee_a)
        self.assertEqual(line.done_hours, 2.5)
        self.assertEqual(line.session_count, 1)
        self.assertEqual(line.requirement_id, self.env.ref("org_study.requirement_cadre"))
        self.assertEqual(line.required_hours, 110)
        self.assertEqual(line.missing_hours, 107.5)
        self.assertFalse(line.compliant)

    def test_requirement_by_tag_and_highest_applies(self):
        self.session.action_mark_all_present()
        self.session.action_set_held()
        # Employee B has no cadre tag: a line for the attended year, nothing required.
        line_b = self._ledger(self.employee_b)
        self.assertEqual(line_b.required_hours, 0)
        self.assertTrue(line_b.compliant)
        everyone = self.env["org.study.requirement"].create({"name": "全体党员", "hours": 2})
        line_b = self._ledger(self.employee_b)
        self.assertEqual(line_b.requirement_id, everyone)
        self.assertTrue(line_b.compliant)
        self.assertEqual(self._ledger(self.employee_a).required_hours, 110, "the highest requirement counts")
        everyone.hours = 120
        self.assertEqual(self._ledger(self.employee_a).required_hours, 120)

    def test_absent_people_are_listed_without_hours(self):
        session = self.env["org.study.session"].create(
            {
                "name": "中心组学习",
                "type_id": self.study_type.id,
                "date_start": datetime(2025, 12, 1, 2),
                "hours": 10,
                "attendance_ids": [(0, 0, {"employee_id": self.employee_a.id, "state": "absent"})],
            }
        )
        session.action_set_held()
        line = self._ledger(self.employee_a, 2025)
        self.assertEqual(line.done_hours, 0)
        self.assertEqual(line.required_hours, 110)

    def test_ledger_group_by_department(self):
        department = self.env["hr.department"].create({"name": "组织科"})
        self.employee_a.department_id = department
        self.session.action_mark_all_present()
        self.session.action_set_held()
        groups = self.env["org.study.ledger"]._read_group(
            [("year", "=", 2026), ("department_id", "=", department.id)],
            ["department_id"],
            ["done_hours:sum"],
        )
        self.assertEqual(groups, [(department, 2.5)])

    def test_printable_personal_record(self):
        self.session.action_mark_all_present()
        self.session.action_set_held()
        line = self._ledger(self.employee_a)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "org_study.action_report_study_record", line.ids
        )
        html = html.decode()
        self.assertIn("张学习", html)
        self.assertIn("学习贯彻党的二十大精神", html)
        self.assertNotIn("李笃行", html)
        # An employee prints their own record.
        own = self.env["org.study.ledger"].with_user(self.user_a).browse(line.ids)
        self.assertEqual(own._attendance_lines(), self.attendance_a)
