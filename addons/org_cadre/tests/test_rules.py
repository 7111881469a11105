"""The domain rules of org_cadre (README › Rules): each refused on create and on write with a
message naming the values, each right value accepted, nothing stored changed by a refusal."""

import datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import CadreCommon, resident_id


@tagged("post_install", "-at_install")
class TestDossierDates(CadreCommon):
    """出生 < 参加工作 (16) ; 入党 at 18 ; 任职 after 参加工作 ; nothing in the future."""

    def _create(self, **vals):
        return (
            self.env["hr.employee"]
            .with_user(self.user_officer)
            .create(
                {
                    "name": "测试日期干部",
                    "is_cadre": True,
                    "identification_id": resident_id(birth="19900315", order=131),
                    **vals,
                }
            )
        )

    def test_work_start_at_sixteen(self):
        with self.assertRaises(ValidationError) as caught:
            self._create(cadre_work_start_date="2006-03-14")
        message = str(caught.exception)
        self.assertIn("测试日期干部", message)
        self.assertIn("2006-03-14", message)
        self.assertIn("1990-03-15", message)
        self.assertIn("16", message)
        employee = self._create(cadre_work_start_date="2006-03-15")
        self.assertEqual(employee.cadre_work_start_date, datetime.date(2006, 3, 15))
        with self.assertRaisesRegex(ValidationError, "1999-07-01"), self.env.cr.savepoint():
            employee.write({"cadre_work_start_date": "1999-07-01"})
        self.assertEqual(employee.cadre_work_start_date, datetime.date(2006, 3, 15), "nothing stored changes")
        # The age is data: a unit that sets 18 refuses the same date.
        self.env.company.cadre_min_work_age = 18
        with self.assertRaisesRegex(ValidationError, "18"):
            self._create(cadre_work_start_date="2006-03-15")

    def test_party_join_at_eighteen(self):
        with self.assertRaises(ValidationError) as caught:
            self._create(cadre_party_join_date="2008-03-14")
        self.assertIn("2008-03-14", str(caught.exception))
        self.assertIn("18", str(caught.exception))
        employee = self._create(cadre_party_join_date="2008-03-15")
        with self.assertRaisesRegex(ValidationError, "2007-01-01"), self.env.cr.savepoint():
            employee.with_user(self.user_officer).cadre_party_join_date = "2007-01-01"
        self.assertEqual(employee.cadre_party_join_date, datetime.date(2008, 3, 15))

    def test_post_after_work_start(self):
        with self.assertRaises(ValidationError) as caught:
            self._create(cadre_work_start_date="2012-07-01", cadre_current_post_date="2012-06-30")
        self.assertIn("2012-06-30", str(caught.exception))
        self.assertIn("2012-07-01", str(caught.exception))
        employee = self._create(
            cadre_work_start_date="2012-07-01",
            cadre_current_post_date="2012-07-01",
            cadre_rank_date="2015-01-01",
        )
        for vals in ({"cadre_rank_date": "2011-01-01"}, {"cadre_work_start_date": "2013-01-01"}):
            with self.subTest(vals=vals), self.assertRaises(ValidationError), self.env.cr.savepoint():
                employee.write(vals)
        self.assertEqual(employee.cadre_work_start_date, datetime.date(2012, 7, 1))
        self.assertEqual(employee.cadre_rank_date, datetime.date(2015, 1, 1))

    @freeze_time("2025-06-01 12:00:00")
    def test_no_date_in_future(self):
        with self.assertRaises(ValidationError) as caught:
            self._create(cadre_work_start_date="2012-07-01", cadre_current_post_date="2025-07-01")
        self.assertIn("2025-07-01", str(caught.exception))
        self.assertIn("2025-06-01", str(caught.exception))
        employee = self._create(cadre_work_start_date="2012-07-01", cadre_current_post_date="2025-06-01")
        with self.assertRaisesRegex(ValidationError, "2026-01-01"), self.env.cr.savepoint():
            employee.cadre_party_join_date = "2026-01-01"
        self.assertFalse(employee.cadre_party_join_date)

    @freeze_time("2025-06-01 12:00:00")
    def test_resume_lines(self):
        employee = self._create()
        Line = self.env["org.cadre.resume.line"].with_user(self.user_officer)
        cases = {
            "1989-09-01": {"date_start": "1989-09-01", "name": "出生前"},
            "2025-09-01": {"date_start": "2025-09-01", "name": "将来"},
            "2014-06-30": {"date_start": "2016-07-01", "date_end": "2014-06-30", "name": "倒序"},
        }
        for value, vals in cases.items():
            with self.subTest(value=value), self.assertRaisesRegex(ValidationError, value):
                Line.create({"employee_id": employee.id, **vals})
        line = Line.create(
            {
                "employee_id": employee.id,
                "date_start": "2008-09-01",
                "date_end": "2012-07-01",
                "name": "大学学习",
            }
        )
        with self.assertRaisesRegex(ValidationError, "2007-07-01"), self.env.cr.savepoint():
            line.date_end = "2007-07-01"
        self.assertEqual(line.date_end, datetime.date(2012, 7, 1))

    def test_roster_path_uses_the_same_rules(self):
        """The roster import checks a row as ``model.new(vals, origin=record)``: same messages,
        with the fields to name as columns."""
        employee = self._create(cadre_work_start_date="2012-07-01")
        row = self.env["hr.employee"].new({"cadre_party_join_date": "2001-01-01"}, origin=employee)
        messages = row._org_rule_messages()
        self.assertEqual(len(messages), 1)
        fields, message = messages[0]
        self.assertIn("cadre_party_join_date", fields)
        self.assertIn("2001-01-01", message)


@tagged("post_install", "-at_install")
class TestExcellentQuota(CadreCommon):
    """优秀 within the quota of its group (category, or the small categories together) and the
    ceiling of the cycle; the quota's share and rounding are data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Category = cls.env["org.cadre.category"]
        cls.big = Category.create({"name": "测试大类", "excellent_quota": 20.0})
        cls.small_a = Category.create({"name": "测试小类甲"})
        cls.small_b = Category.create({"name": "测试小类乙"})
        cls.cycle = cls.env["org.cadre.assessment.cycle"].create({"name": "测试2023年度", "year": 2023})
        people = [(cls.big, 8), (cls.small_a, 3), (cls.small_b, 2)]
        order = 300
        cls.by_category = {}
        for category, count in people:
            employees = cls.env["hr.employee"].create(
                [
                    {
                        "name": f"{category.name}{i}",
                        "is_cadre": True,
                        "identification_id": resident_id(order=(order := order + 2)),
                    }
                    for i in range(count)
                ]
            )
            cls.by_category[category] = cls.env["org.cadre.assessment"].create(
                [
                    {
                        "cycle_id": cls.cycle.id,
                        "employee_id": e.id,
                        "category_id": category.id,
                        "grade": "competent",
                    }
                    for e in employees
                ]
            )

    def test_category_quota_rounded_down_by_default(self):
        big = self.by_category[self.big].with_user(self.user_officer)
        big[0].grade = "excellent"  # 20 % of 8 = 1.6 → 1
        with self.assertRaises(ValidationError) as caught, self.env.cr.savepoint():
            big[1].grade = "excellent"
        message = str(caught.exception)
        self.assertIn("测试大类", message)
        self.assertIn("the quota is 1", message)
        self.assertIn("2 graded Excellent", message)
        self.assertEqual(big[1].grade, "competent", "nothing stored changes")
        # Rounding is data: half up gives 2.
        self.big.excellent_rounding = "half_up"
        big[1].grade = "excellent"
        self.assertEqual(big[1].grade, "excellent")

    def test_small_categories_share_one_quota(self):
        """3 + 2 cadres in two small categories: together 5, 20 % → 1 (alone, each had 0)."""
        small_a = self.by_category[self.small_a]
        small_b = self.by_category[self.small_b]
        small_a[0].grade = "excellent"
        with self.assertRaises(ValidationError) as caught, self.env.cr.savepoint():
            small_b[0].grade = "excellent"
        self.assertIn("测试小类甲", str(caught.exception))
        self.assertIn("测试小类乙", str(caught.exception))
        self.assertIn("of 5 assessed", str(caught.exception))
        self.assertEqual(small_b[0].grade, "competent")

    def test_ceiling(self):
        """No category share above the ceiling; the cycle never above it either (13 × 25 % = 3)."""
        with self.assertRaisesRegex(ValidationError, "30.0%"), self.env.cr.savepoint():
            self.big.excellent_quota = 30.0
        with self.assertRaisesRegex(ValidationError, "30.0%"):
            self.env["org.cadre.category"].create({"name": "测试超限", "excellent_quota": 30.0})
        self.big.write({"excellent_quota": 25.0, "excellent_rounding": "ceil"})  # 8 × 25 % = 2
        self.env.company.cadre_excellent_rounding = "ceil"  # the pool: 5 × 20 % = 1
        self.by_category[self.big][:2].grade = "excellent"
        self.by_category[self.small_a][0].grade = "excellent"
        self.env.company.cadre_excellent_ceiling = 20.0  # the cycle: 13 × 20 % = 2.6 → 2
        with self.assertRaisesRegex(ValidationError, "ceiling"), self.env.cr.savepoint():
            self.by_category[self.big][0].grade = "competent"
            self.by_category[self.big][0].grade = "excellent"

    def test_closing_checks_the_same_rule(self):
        self.by_category[self.big][0].grade = "excellent"
        self.cycle.action_done()
        self.assertEqual(self.cycle.state, "done")

    def test_admonishment_in_the_year_bars_excellent(self):
        assessment = self.by_category[self.big][0]
        cadre = assessment.employee_id
        Supervision = self.env["org.cadre.supervision"]
        # Given in 2022 with 6 months of effect: over in 2022, no bar in 2023.
        Supervision.create(
            {"employee_id": cadre.id, "kind": "admonishment", "date": "2022-03-01", "reason": "测试"}
        )
        assessment.with_user(self.user_officer).grade = "excellent"
        assessment.grade = "competent"
        # Given in October 2022: the effect runs into 2023.
        Supervision.create(
            {"employee_id": cadre.id, "kind": "admonishment", "date": "2022-10-01", "reason": "测试"}
        )
        with self.assertRaises(ValidationError) as caught, self.env.cr.savepoint():
            assessment.with_user(self.user_officer).grade = "excellent"
        self.assertIn("2023", str(caught.exception))
        self.assertIn(cadre.name, str(caught.exception))
        self.assertNotIn("测试", str(caught.exception).replace(cadre.name, "").replace("测试大类", ""))
        self.assertEqual(assessment.grade, "competent")
        # A punishment that year bars it too, naming the punishment; one of the year before does not.
        third = self.by_category[self.big][2]
        Reward = self.env["org.cadre.reward"]
        Reward.create(
            {
                "employee_id": third.employee_id.id,
                "kind": "punishment",
                "date": "2022-12-20",
                "name": "旧处分",
            }
        )
        third.grade = "excellent"
        third.grade = "competent"
        Reward.create(
            {
                "employee_id": third.employee_id.id,
                "kind": "punishment",
                "date": "2023-02-01",
                "name": "党内警告",
            }
        )
        with self.assertRaisesRegex(ValidationError, "2023-02-01, 党内警告"), self.env.cr.savepoint():
            third.grade = "excellent"
        self.assertEqual(third.grade, "competent")
        # A reminder talk does not bar it.
        other = self.by_category[self.big][1]
        Supervision.create(
            {"employee_id": other.employee_id.id, "kind": "reminder", "date": "2023-05-01", "reason": "x"}
        )
        other.grade = "excellent"


@tagged("post_install", "-at_install")
class TestAppointmentRules(CadreCommon):
    """考察: 任用条例 art. 24 (三)(六); 讨论决定: two thirds present, more than half of the
    members due for."""

    def _appointment(self, state, **vals):
        appointment = self.env["org.cadre.appointment"].create(
            {"name": "测试岗位", "employee_ids": [(6, 0, self.cadre.ids)], **vals}
        )
        # Straight to the stage tried here (the procedure's own checks are TestAppointment's).
        self.env.cr.execute(
            "UPDATE org_cadre_appointment SET state = %s WHERE id = %s", [state, appointment.id]
        )
        appointment.invalidate_recordset()
        return appointment.with_user(self.user_officer)

    @freeze_time("2025-03-01 12:00:00")
    def test_last_year_basic_grade_bars_inspection(self):
        self.env["org.cadre.annual.result"].create(
            {"employee_id": self.cadre.id, "year": 2024, "grade": "basic"}
        )
        appointment = self._appointment("recommendation")
        with self.assertRaises(ValidationError) as caught, self.env.cr.savepoint():
            appointment.write({"state": "inspection"})
        message = str(caught.exception)
        self.assertIn("测试干部甲", message)
        self.assertIn("2024", message)
        self.assertIn("Basically Competent", message)
        self.assertEqual(appointment.state, "recommendation")
        # Write path: such a candidate cannot be added at the inspection stage either.
        clean = self._appointment("inspection", employee_ids=[(6, 0, self.cadre_b.ids)])
        with self.assertRaisesRegex(ValidationError, "2024"), self.env.cr.savepoint():
            clean.employee_ids = [(4, self.cadre.id)]
        self.assertEqual(clean.employee_ids, self.cadre_b)
        # An older poor grade, or a competent one last year, does not bar it.
        self.env["org.cadre.annual.result"].search([("employee_id", "=", self.cadre.id)]).year = 2023
        appointment.write({"state": "inspection"})
        self.assertEqual(appointment.state, "inspection")

    @freeze_time("2025-03-01 12:00:00")
    def test_punishment_in_effect_bars_inspection(self):
        self.env["org.cadre.reward"].create(
            {
                "employee_id": self.cadre.id,
                "kind": "punishment",
                "date": "2024-06-01",
                "name": "党内警告",
                "effect_months": 12,
            }
        )
        appointment = self._appointment("recommendation")
        with (
            self.assertRaisesRegex(ValidationError, "测试干部甲 cannot be promoted"),
            self.env.cr.savepoint(),
        ):
            appointment.write({"state": "inspection"})
        self.assertEqual(appointment.state, "recommendation")
        with freeze_time("2025-06-02 12:00:00"):
            appointment.write({"state": "inspection"})
        self.assertEqual(appointment.state, "inspection")

    def test_decision_quorum_and_majority(self):
        appointment = self._appointment("decision")
        cases = [
            ({}, "record the discussion"),
            (
                {"decision_members_due": 9, "decision_members_present": 5, "decision_votes_for": 5},
                "5 of the 9",
            ),
            (
                {"decision_members_due": 9, "decision_members_present": 6, "decision_votes_for": 4},
                "4 votes for",
            ),
        ]
        for vals, expected in cases:
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(ValidationError, expected),
                self.env.cr.savepoint(),
            ):
                appointment.write({**vals, "state": "publicity"})
            self.assertEqual(appointment.state, "decision", "nothing stored changes")
        # Figures that cannot be: more present than due, more votes than present.
        with self.assertRaisesRegex(ValidationError, "10 members present"), self.env.cr.savepoint():
            appointment.write({"decision_members_due": 9, "decision_members_present": 10})
        with self.assertRaisesRegex(ValidationError, "more votes"), self.env.cr.savepoint():
            appointment.write(
                {
                    "decision_members_due": 9,
                    "decision_members_present": 6,
                    "decision_votes_for": 5,
                    "decision_votes_against": 2,
                }
            )
        # 6 of 9 present is two thirds; 5 for is more than half of 9.
        appointment.write(
            {
                "decision_members_due": 9,
                "decision_members_present": 6,
                "decision_votes_for": 5,
                "state": "publicity",
            }
        )
        self.assertEqual(appointment.state, "publicity")
        # A later change cannot undo the majority.
        with self.assertRaisesRegex(ValidationError, "4 votes for"), self.env.cr.savepoint():
            appointment.decision_votes_for = 4
        self.assertEqual(appointment.decision_votes_for, 5)

    def test_appointment_date_after_work_start(self):
        self.cadre.cadre_work_start_date = "2008-07-01"
        with self.assertRaisesRegex(ValidationError, "2008-06-01"):
            self.env["org.cadre.appointment"].create(
                {"name": "测试岗位", "employee_ids": [(6, 0, self.cadre.ids)], "date_appointed": "2008-06-01"}
            )


@tagged("post_install", "-at_install")
class TestAnnualResultYear(CadreCommon):
    @freeze_time("2025-06-01 12:00:00")
    def test_no_result_for_a_future_year(self):
        Result = self.env["org.cadre.annual.result"].with_user(self.user_officer)
        with self.assertRaisesRegex(ValidationError, "2026"):
            Result.create({"employee_id": self.cadre.id, "year": 2026, "grade": "competent"})
        result = Result.create({"employee_id": self.cadre.id, "year": 2025, "grade": "competent"})
        with self.assertRaisesRegex(ValidationError, "2027"), self.env.cr.savepoint():
            result.year = 2027
        self.assertEqual(result.year, 2025)
