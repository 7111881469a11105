import importlib.util
from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools.misc import file_path

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
        self.assertEqual(line.level_id, self.level_township)
        self.assertEqual((line.period_label, line.required_hours, line.counted_hours), ("2026", 90, 2.5))
        self.assertEqual(line.missing_hours, 87.5)
        self.assertAlmostEqual(line.progress, 2.8)
        self.assertFalse(line.compliant)

    def test_requirement_by_tag_and_level_first(self):
        self.session.action_mark_all_present()
        self.session.action_set_held()
        # Employee B has no study level nor tag: a line for the attended year, nothing required.
        line_b = self._ledger(self.employee_b)
        self.assertEqual(line_b.required_hours, 0)
        self.assertTrue(line_b.compliant)
        everyone = self.env["org.study.requirement"].create({"name": "全体党员", "hours": 2})
        line_b = self._ledger(self.employee_b)
        self.assertEqual(line_b.requirement_id, everyone)
        self.assertTrue(line_b.compliant)
        # The requirement of one's study level wins over the organization's own rules.
        everyone.hours = 120
        self.assertEqual(self._ledger(self.employee_a).required_hours, 90, "the level's requirement")
        self.employee_a.study_level_id = False
        self.assertEqual(self._ledger(self.employee_a).required_hours, 120, "without level, the own rule")
        # Among rules without level, the most hours a year.
        self.env["org.study.requirement"].create(
            {
                "name": "五年学时",
                "hours": 500,
                "period_kind": "five_years",
                "category_ids": self.cadre_tag.ids,
            }
        )
        self.assertEqual(self._ledger(self.employee_a).required_hours, 120, "500 in five years is 100 a year")

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
        self.assertEqual(line.required_hours, 90)

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
        # The organization's own rules (no study level), by department and tag.
        self.employee_a.study_level_id = False
        self.env["org.study.requirement"].create(
            {"name": "干部", "hours": 110, "category_ids": [(6, 0, self.cadre_tag.ids)]}
        )
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
        # 张学习 (乡科级) has the level's requirement (2 hours), 陈达标 (no level) the tag's (3 hours).
        self.assertEqual(groups, [(unit, 2, 1, 50.0, 5.0, 3.0)])
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


@tagged("post_install", "-at_install")
class TestStudyRequirementLevels(OrgStudyCommon):
    """干部教育培训工作条例 (2023): 县处级 and above 550 hours of concentrated training in five years,
    乡科级 and below 90 hours a year; which study types count is data."""

    def _ledger(self, employee, year):
        self.env["org.study.ledger"].invalidate_model()
        return self.env["org.study.ledger"].search([("employee_id", "=", employee.id), ("year", "=", year)])

    def _held(self, name, start, hours, employee, study_type=None):
        session = self.env["org.study.session"].create(
            {
                "name": name,
                "type_id": (study_type or self.study_type).id,
                "date_start": start,
                "hours": hours,
                "attendance_ids": [(0, 0, {"employee_id": employee.id, "state": "present"})],
            }
        )
        session.action_set_held()
        return session

    def test_shipped_requirements_per_level(self):
        county = self.env.ref("org_study.requirement_county")
        township = self.env.ref("org_study.requirement_cadre")
        self.assertEqual(
            (
                county.level_id,
                county.period_kind,
                county.period_start_year,
                county.hours,
                county.concentrated_only,
            ),
            (self.level_county, "five_years", 2023, 550, True),
        )
        self.assertEqual(
            (township.level_id, township.period_kind, township.hours, township.concentrated_only),
            (self.level_township, "year", 90, True),
        )
        self.assertFalse(township.category_ids, "the level, not the tag 干部, selects the people")
        concentrated = self.env["org.study.type"].search([("concentrated", "=", True)])
        self.assertIn(self.env.ref("org_study.study_type_party_school"), concentrated)
        self.assertNotIn(self.env.ref("org_study.study_type_central_group"), concentrated)

    def test_five_year_window_counts_concentrated_training(self):
        leader = self.env["hr.employee"].create({"name": "赵处长", "study_level_id": self.level_county.id})
        lecture = self.env["org.study.type"].create({"name": "测试讲座", "default_hours": 3})
        self._held("2022年党校班", datetime(2022, 6, 1, 1), 100, leader)
        self._held("2023年党校班", datetime(2023, 5, 1, 1), 120, leader)
        self._held("2025年党校班", datetime(2025, 5, 1, 1), 80, leader)
        self._held("2026年讲座", datetime(2026, 5, 1, 1), 30, leader, lecture)
        line = self._ledger(leader, 2026)
        self.assertEqual(line.requirement_id, self.env.ref("org_study.requirement_county"))
        self.assertEqual((line.period_start, line.period_end, line.period_label), (2023, 2027, "2023–2027"))
        self.assertEqual(line.done_hours, 30, "the hours of the year, of every type")
        self.assertEqual(line.counted_hours, 200, "2023 and 2025: the window's concentrated training")
        self.assertEqual((line.required_hours, line.missing_hours), (550, 350))
        self.assertAlmostEqual(line.progress, 36.4)
        self.assertFalse(line.compliant)
        # The year before the window belongs to the window before it (2018–2022).
        line_2022 = self._ledger(leader, 2022)
        self.assertEqual((line_2022.period_label, line_2022.counted_hours), ("2018–2022", 100))
        # Five years of 110 hours: compliant in the window's every year line.
        self._held("2027年党校班", datetime(2025, 9, 1, 1), 350, leader)
        self.assertTrue(self._ledger(leader, 2026).compliant)
        self.assertTrue(self._ledger(leader, 2023).compliant)

    def test_only_counting_types_count(self):
        lecture = self.env["org.study.type"].create({"name": "测试讲座", "default_hours": 3})
        self._held("专家讲座", datetime(2026, 4, 1, 1), 40, self.employee_a, lecture)
        self._held("夜校", datetime(2026, 4, 2, 1), 10, self.employee_a)
        line = self._ledger(self.employee_a, 2026)
        self.assertEqual((line.done_hours, line.counted_hours, line.missing_hours), (50, 10, 80))
        # A type made concentrated training counts.
        lecture.concentrated = True
        self.assertEqual(self._ledger(self.employee_a, 2026).counted_hours, 50)
        # A requirement counting every session counts the lecture too.
        lecture.concentrated = False
        self.env.ref("org_study.requirement_cadre").concentrated_only = False
        self.assertEqual(self._ledger(self.employee_a, 2026).counted_hours, 50)

    def test_behind_the_pace(self):
        self._held("夜校", datetime(2026, 2, 2, 1), 40, self.employee_a)
        with freeze_time("2026-05-15 02:00:00"):
            line = self._ledger(self.employee_a, 2026)
            # 90 hours a year, four months past: 30 due; 40 counted.
            self.assertEqual((line.pace_hours, line.behind), (30, False))
        with freeze_time("2026-07-15 02:00:00"):
            line = self._ledger(self.employee_a, 2026)
            self.assertEqual((line.pace_hours, line.behind), (45, True))
        with freeze_time("2027-01-15 02:00:00"):
            line = self._ledger(self.employee_a, 2026)
            self.assertEqual((line.pace_hours, line.behind), (90, True), "a past year is due in full")

    def test_migration_of_the_flat_requirement(self):
        """18.0.2.0.0: the shipped 110 hours a year for the tag 干部 becomes the 乡科级 requirement;
        a requirement the organization changed stays its own rule."""
        path = file_path("org_study/migrations/18.0.2.0.0/post-migrate.py")
        spec = importlib.util.spec_from_file_location("org_study_post_migrate_2_0_0", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        requirement = self.env.ref("org_study.requirement_cadre")
        party_school = self.env.ref("org_study.study_type_party_school")
        old = {
            "name": "Cadres",
            "level_id": False,
            "period_kind": "year",
            "hours": 110,
            "concentrated_only": False,
            "category_ids": [(6, 0, self.cadre_tag.ids)],
        }
        requirement.write(old)
        party_school.concentrated = False
        migration.migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()
        self.assertEqual(
            (
                requirement.level_id,
                requirement.hours,
                requirement.concentrated_only,
                requirement.category_ids,
            ),
            (self.level_township, 90, True, self.env["hr.employee.category"]),
        )
        self.assertTrue(party_school.concentrated)
        # Changed by the organization (120 hours): kept as it was.
        requirement.write(dict(old, hours=120))
        migration.migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()
        self.assertEqual((requirement.level_id, requirement.hours), (self.level_township.browse(), 120))
