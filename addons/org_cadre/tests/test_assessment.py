from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CadreCommon, resident_id


@tagged("post_install", "-at_install")
class TestAssessment(CadreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["org.cadre.category"].create(
            {
                "name": "测试经济部门",
                "excellent_quota": 20.0,
                "bonus_coefficient": 1.2,
                "indicator_ids": [
                    (0, 0, {"name": "招商引资", "kind": "key", "weight": 60, "target": 100}),
                    (0, 0, {"name": "改革创新", "kind": "leading", "weight": 40, "target": 10}),
                ],
            }
        )
        cls.other_category = cls.env["org.cadre.category"].create({"name": "测试服务部门"})
        Employee = cls.env["hr.employee"]
        cls.cadres = Employee.create(
            [
                {
                    "name": f"测试考核干部{i}",
                    "is_cadre": True,
                    "identification_id": resident_id(order=600 + i),
                    "cadre_category_id": cls.category.id,
                }
                for i in range(5)
            ]
        )
        cls.cadre_b.cadre_category_id = cls.other_category
        cls.cycle = (
            cls.env["org.cadre.assessment.cycle"]
            .with_user(cls.user_officer)
            .create({"name": "2023年度考核", "year": 2023})
        )
        cls.cycle.action_generate()
        cls.ours = cls.cycle.assessment_ids.filtered(
            lambda a: a.category_id in (cls.category | cls.other_category)
        )

    def _score(self, cadre, actuals):
        assessment = self.cycle.assessment_ids.filtered(lambda a: a.employee_id == cadre)
        for line, actual in zip(assessment.line_ids.sorted("id"), actuals, strict=True):
            line.actual = actual
        return assessment

    def test_generate_by_category_with_scheme(self):
        self.assertEqual(self.cycle.state, "scoring")
        self.assertEqual(len(self.ours), 6)
        assessment = self.cycle.assessment_ids.filtered(lambda a: a.employee_id == self.cadres[0])
        self.assertEqual(len(assessment.line_ids), 2)
        self.assertEqual(assessment.bonus_coefficient, 1.2)
        count = len(self.cycle.assessment_ids)
        self.cycle.action_generate()
        self.assertEqual(len(self.cycle.assessment_ids), count, "no duplicate")

    def test_total_and_ranking_within_category(self):
        first = self._score(self.cadres[0], [100, 10])
        second = self._score(self.cadres[1], [50, 10])
        tied = self._score(self.cadres[2], [50, 10])
        self.assertAlmostEqual(first.total_score, 100.0)
        self.assertAlmostEqual(second.total_score, 70.0)
        self.cycle.action_rank()
        self.assertEqual((first.rank, second.rank, tied.rank), (1, 2, 2))
        other = self.cycle.assessment_ids.filtered(lambda a: a.employee_id == self.cadre_b)
        self.assertEqual(other.rank, 1, "ranked in its own category")

    def test_excellent_quota(self):
        for assessment in self.cycle.assessment_ids:
            assessment.grade = "competent"
        # Two of the five cadres of the category excellent: over its 20 % (one).
        excellent = self.cycle.assessment_ids.filtered(lambda a: a.employee_id in self.cadres[:2])
        self.assertEqual(len(excellent), 2)
        with self.assertRaisesRegex(UserError, "测试经济部门"), self.env.cr.savepoint():
            excellent.grade = "excellent"
        self.assertEqual(set(excellent.mapped("grade")), {"competent"}, "nothing stored changes")
        excellent[0].grade = "excellent"
        self.cycle.action_done()
        self.assertEqual(self.cycle.state, "done")
        result = self.cadres[0].cadre_annual_result_ids.filtered(lambda r: r.year == 2023)
        self.assertEqual(result.grade, "excellent")
        result = self.cadres[2].cadre_annual_result_ids.filtered(lambda r: r.year == 2023)
        self.assertEqual(result.grade, "competent")
        results = self.env["org.cadre.annual.result"].search(
            [("year", "=", 2023), ("employee_id", "in", self.ours.employee_id.ids)]
        )
        self.assertEqual(len(results), 6)

    def test_close_needs_every_grade(self):
        with self.assertRaisesRegex(UserError, "grade every cadre"):
            self.cycle.action_done()

    def test_default_quota_from_settings(self):
        self.assertEqual(self.other_category.excellent_quota, 20.0)
        # The quota set in the settings is the default of the next category.
        settings = self.env["res.config.settings"].create({"cadre_excellent_quota": 15.0})
        settings.execute()
        self.assertEqual(self.env.company.cadre_excellent_quota, 15.0)
        category = self.env["org.cadre.category"].create({"name": "测试党群部门"})
        self.assertEqual(category.excellent_quota, 15.0)
        self.assertEqual(self.other_category.excellent_quota, 20.0, "a category keeps its own quota")
