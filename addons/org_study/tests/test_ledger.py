from datetime import date, datetime

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

    def test_year_split_in_local_time(self):
        # 2025-12-31 20:00 UTC is 2026-01-01 04:00 in Shanghai: the hours belong to 2026.
        session = self.env["org.study.session"].create(
            {
                "name": "元旦读书分享会",
                "type_id": self.study_type.id,
                "date_start": datetime(2025, 12, 31, 20, 0),
                "hours": 3,
                "attendance_ids": [(0, 0, {"employee_id": self.employee_a.id, "state": "present"})],
            }
        )
        session.action_set_held()
        line = self._ledger(self.employee_a, 2026)
        self.assertEqual(line.done_hours, 3)
        self.assertEqual(line._attendance_lines(), session.attendance_ids)
        self.assertEqual(self._ledger(self.employee_a, 2025).done_hours, 0)
        # A company in UTC counts it in 2025.
        self.env.company.partner_id.tz = "UTC"
        self.assertEqual(self._ledger(self.employee_a, 2025).done_hours, 3)
        self.assertEqual(self._ledger(self.employee_a, 2026).done_hours, 0)

    def test_requirement_by_department_subtree(self):
        zone = self.env["hr.department"].create({"name": "经开区机关"})
        office = self.env["hr.department"].create({"name": "组织部", "parent_id": zone.id})
        self.employee_b.department_id = office
        office_staff = self.env["org.study.requirement"].create(
            {"name": "机关人员", "hours": 60, "department_ids": [(6, 0, zone.ids)]}
        )
        line_b = self._ledger(self.employee_b)
        self.assertEqual((line_b.requirement_id, line_b.required_hours), (office_staff, 60))
        self.assertEqual(self._ledger(self.employee_a).required_hours, 110, "outside the department")
        # Tags and departments together: both must hold.
        both = self.env["org.study.requirement"].create(
            {
                "name": "机关干部",
                "hours": 150,
                "category_ids": [(6, 0, self.cadre_tag.ids)],
                "department_ids": [(6, 0, zone.ids)],
            }
        )
        self.assertEqual(self._ledger(self.employee_b).required_hours, 60, "not a cadre")
        self.assertEqual(self._ledger(self.employee_a).required_hours, 110, "a cadre outside the department")
        self.employee_a.department_id = office
        self.assertEqual(self._ledger(self.employee_a).requirement_id, both)

    def test_compliance_per_unit(self):
        unit = self.env["hr.department"].create({"name": "干部科"})
        other = self.env["hr.employee"].create(
            {"name": "陈达标", "department_id": unit.id, "category_ids": [(6, 0, self.cadre_tag.ids)]}
        )
        self.employee_a.department_id = unit
        self.env["org.study.requirement"].create(
            {"name": "测试要求", "hours": 3, "category_ids": [(6, 0, self.cadre_tag.ids)]}
        )
        self.env.ref("org_study.requirement_cadre").hours = 2
        self.session.write({"attendance_ids": [(0, 0, {"employee_id": other.id, "state": "present"})]})
        self.session.hours = 3
        self.session.action_set_held()
        self.env["org.study.ledger"].invalidate_model()
        groups = (
            self.env["org.study.ledger"]
            .with_user(self.leader)
            ._read_group(
                [("year", "=", 2026), ("required_hours", ">", 0), ("department_id", "=", unit.id)],
                ["department_id"],
                [
                    "person_count:sum",
                    "compliant_count:sum",
                    "compliance_rate:avg",
                    "required_hours:sum",
                    "done_hours:sum",
                ],
            )
        )
        self.assertEqual(groups, [(unit, 2, 1, 50.0, 6.0, 3.0)])
        # The unit view opens on this year's people with a requirement.
        action = self.env.ref("org_study.org_study_ledger_unit_action")
        self.assertIn("search_default_this_year", action.context)

    def test_community_service_count_and_compliance(self):
        requirement = self.env.ref("org_study.requirement_cadre")
        requirement.service_count = 2
        Service = self.env["org.community.service"]
        Service.create(
            [
                {"employee_id": self.employee_a.id, "community": "春笋社区", "date": date(2026, 3, 1)},
                {"employee_id": self.employee_a.id, "community": "春笋社区", "date": date(2025, 12, 31)},
                {"employee_id": self.employee_b.id, "community": "东风社区", "date": date(2026, 4, 1)},
            ]
        )
        line = self._ledger(self.employee_a)
        self.assertEqual((line.service_required, line.service_done, line.service_compliant), (2, 1, False))
        Service.create({"employee_id": self.employee_a.id, "community": "东风社区", "date": date(2026, 5, 1)})
        self.assertTrue(self._ledger(self.employee_a).service_compliant)
        self.assertEqual(self._ledger(self.employee_a, 2025).service_done, 1)
        # Employee B has no requirement, and appears for the service done.
        line_b = self._ledger(self.employee_b)
        self.assertEqual(
            (line_b.service_required, line_b.service_done, line_b.service_compliant), (0, 1, True)
        )
