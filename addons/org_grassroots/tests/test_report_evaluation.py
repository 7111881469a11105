from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import GrassrootsCommon


@tagged("post_install", "-at_install")
class TestReport(GrassrootsCommon):
    def setUp(self):
        super().setUp()
        self.Report = self.env["org.party.report"]

    def _report(self, organization, user=None, **vals):
        Report = self.Report.with_user(user) if user else self.Report
        return Report.create(
            {
                "name": "关于发展党员的请示",
                "organization_id": organization.id,
                "content": "<p>请示内容</p>",
                **vals,
            }
        )

    def test_request_is_replied_by_the_higher_secretary(self):
        report = self._report(self.branch_a1, self.secretary_a)
        with freeze_time("2024-05-06"):
            report.action_submit()
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.date_reply_due.isoformat(), "2024-05-21")
        self.assertEqual(report.higher_organization_id, self.org_a)
        with self.assertRaisesRegex(UserError, "write the reply"):
            report.action_approve()
        report.reply = "同意"
        report.action_approve()
        self.assertEqual(report.state, "approved")
        self.assertEqual(report.replied_by_id, self.secretary_a)

    def test_a_secretary_cannot_reply_to_the_own_organization(self):
        report = self._report(self.org_a, self.secretary_a, kind="report", reply="自己同意")
        report.action_submit()
        with self.assertRaisesRegex(UserError, "测试工委"):
            report.action_reject()
        report.with_user(self.user_officer).action_reject()
        self.assertEqual(report.state, "rejected")
        report.action_reset()
        self.assertEqual(report.state, "draft")

    def test_the_top_organization_has_no_one_to_report_to(self):
        report = self._report(self.zone)
        with self.assertRaisesRegex(UserError, "测试工委.*higher"):
            report.action_submit()
        self.assertEqual(report.state, "draft")

    def test_reply_reminder_cron(self):
        soon = self._report(self.branch_a1)
        later = self._report(self.branch_b1)
        with freeze_time("2024-05-01"):
            soon.action_submit()
        with freeze_time("2024-05-10"):
            later.action_submit()
        with freeze_time("2024-05-12"):
            self.assertFalse(self.Report._cron_reply_reminders().filtered(lambda r: r in soon | later))
        with freeze_time("2024-05-13"):
            reminded = self.Report._cron_reply_reminders()
        self.assertIn(soon, reminded)
        self.assertNotIn(later, reminded)
        self.assertEqual(soon.activity_ids.user_id, self.secretary_a)
        with freeze_time("2024-05-20"):
            self.assertTrue(soon.is_reply_overdue)
            self.assertNotIn(soon, self.Report._cron_reply_reminders(), "idempotent")
        with freeze_time("2024-05-17"):
            self.assertIn(soon, self.Report.search([("is_reply_overdue", "=", True)]))
        soon.reply = "同意"
        soon.action_approve()
        self.assertFalse(soon.activity_ids, "the reply marks the reminder done")

    def test_secretary_scope(self):
        other = self._report(self.branch_b1)
        Report = self.Report.with_user(self.secretary_a)
        self.assertFalse(Report.search([("id", "=", other.id)]))
        with self.assertRaises(AccessError):
            Report.browse(other.id).read(["name"])
        with self.assertRaises(AccessError):
            self._report(self.branch_b1, self.secretary_a)


@tagged("post_install", "-at_install")
class TestEvaluation(GrassrootsCommon):
    def _evaluate(self, organization, score, **vals):
        return self.env["org.party.evaluation"].create(
            {
                "organization_id": organization.id,
                "date": "2024-06-30",
                "score_quality": score,
                "score_assessment": score,
                "score_responsibility": score,
                "score_organization": score,
                "score_system": score,
                **vals,
            }
        )

    def test_grades_and_rectification_card(self):
        good = self._evaluate(self.branch_a2, 18.5)
        self.assertEqual(good.score_total, 92.5)
        self.assertEqual(good.grade_id, self.env.ref("org_grassroots.evaluation_grade_excellent"))
        self.assertFalse(good.rectification_task_id)
        weak = self._evaluate(self.branch_a1, 10)
        self.assertEqual(weak.grade_id, self.env.ref("org_grassroots.evaluation_grade_weak"))
        card = weak.rectification_task_id
        self.assertEqual(card.project_id, self.env.ref("org_grassroots.project_party_rectification"))
        self.assertEqual(card.org_party_organization_id, self.branch_a1)
        self.assertEqual(card.org_responsible_user_id, self.secretary_a)
        self.assertEqual(card.date_deadline.date().isoformat(), "2024-09-30")
        self.assertIn("测试甲一支部", card.name)
        # A second save does not create a second card; a later weak grade of a good one does.
        weak.score_system = 12
        self.assertEqual(weak.rectification_task_id, card)
        good.write({"score_quality": 5, "score_assessment": 5, "score_responsibility": 5})
        self.assertTrue(good.rectification_task_id)
        # The secretary sees the rectification card of the own subtree only.
        Task = self.env["project.task"].with_user(self.secretary_a)
        self.assertIn(card, Task.search([("org_party_organization_id", "!=", False)]))
        other = self._evaluate(self.branch_b1, 8)
        self.assertNotIn(
            other.rectification_task_id, Task.search([("org_party_organization_id", "!=", False)])
        )

    def test_scores_are_bounded(self):
        with self.assertRaisesRegex(ValidationError, "测试甲一支部.*0 to 20"):
            self._evaluate(self.branch_a1, 25)

    def test_secretary_reads_own_evaluations_only(self):
        own = self._evaluate(self.branch_a1, 19)
        other = self._evaluate(self.branch_b1, 19)
        Evaluation = self.env["org.party.evaluation"].with_user(self.secretary_a)
        self.assertEqual(Evaluation.search([("id", "in", (own | other).ids)]), own)
        with self.assertRaises(AccessError):
            Evaluation.browse(own.id).write({"score_system": 20})

    def test_brand_projects(self):
        Brand = self.env["org.party.brand"].with_user(self.secretary_a)
        brand = Brand.create({"name": "红色物业", "organization_id": self.branch_a1.id, "year": 2024})
        brand.stage = "standard"
        self.assertEqual(brand.stage, "standard")
        with self.assertRaises(AccessError):
            Brand.create({"name": "越权品牌", "organization_id": self.branch_b1.id, "year": 2024})
