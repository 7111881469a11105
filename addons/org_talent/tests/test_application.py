from datetime import date, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import TalentCommon


@tagged("post_install", "-at_install")
class TestApplication(TalentCommon):
    def test_full_workflow_and_amounts(self):
        application = self._claim(self.talent_a, self.item_settlement, 300_000)
        self.assertTrue(application.name.startswith("ZCDX"))
        self.assertEqual(application.tier_id, self.tier_leading)
        self.assertEqual(application.period_key, "once")
        self.assertEqual(application.currency_id, self.env.company.currency_id)
        self.assertEqual(len(application.checklist_line_ids), 2, "the item's required documents")
        self.assertTrue(application.eligible, application.eligibility_note)
        application.action_submit()
        with self.assertRaisesRegex(UserError, "身份证明、劳动合同"):
            application.action_start_review()
        self._tick_documents(application)
        application.action_start_review()
        application.action_pass_first_review()
        with freeze_time("2025-04-01"):
            application.action_pass_second_review()
        self.assertEqual(application.state, "notice")
        # Five working days from Tuesday: Tuesday to Friday, then Monday.
        self.assertEqual(application.date_notice_end, date(2025, 4, 7))
        self.assertEqual(application.amount_approved, 0)
        with freeze_time("2025-04-08"):
            application.action_approve()
        self.assertEqual((application.state, application.amount_approved), ("approved", 300_000))
        application.action_pay()
        self.assertEqual((application.state, application.amount_paid), ("paid", 300_000))
        self.assertTrue(application.date_paid)

    def test_steps_out_of_order_are_refused(self):
        application = self._claim(self.talent_a, self.item_rent, 1000)
        with self.assertRaisesRegex(UserError, "Draft"):
            application.action_approve()
        with self.assertRaisesRegex(UserError, "Draft"):
            application.action_pay()

    def test_tier_not_eligible(self):
        application = self._claim(self.talent_b, self.item_settlement, 100_000)
        self.assertFalse(application.eligible)
        self.assertIn("测试高技能人才", application.eligibility_note)
        with self.assertRaisesRegex(
            UserError, "李测试 is of tier 测试高技能人才.*测试行业领军人才、测试青年拔尖人才"
        ):
            application.action_submit()
        self.assertEqual(application.state, "draft")

    def test_claim_outside_the_policy_validity(self):
        application = self._claim(self.talent_a, self.item_rent, 1000, year=2028)
        with self.assertRaisesRegex(UserError, "测试租房补贴 is not in force on 2028-03-01"):
            application.action_submit()
        self.item_rent.date_start = date(2025, 6, 1)
        application = self._claim(self.talent_a, self.item_rent, 1000, year=2025)
        self.assertFalse(application.eligible)

    def test_amount_over_the_item_amount(self):
        application = self._claim(self.talent_a, self.item_settlement, 600_000)
        with self.assertRaisesRegex(UserError, "one claim may ask for"):
            application.action_submit()

    def test_double_claim_of_a_one_time_item(self):
        first = self._run_to(self._claim(self.talent_a, self.item_settlement, 200_000), "approved")
        second = self._claim(self.talent_a, self.item_settlement, 100_000, year=2026)
        self.assertFalse(second.eligible)
        with self.assertRaisesRegex(
            UserError,
            f"Double claim: 张测试 already claimed item 测试安家补贴 for once \\(claim {first.name}",
        ):
            second.action_submit()

    def test_double_claim_of_a_yearly_item_in_the_same_year(self):
        self._run_to(self._claim(self.talent_a, self.item_rent, 10_000, year=2025), "submitted")
        same_year = self._claim(self.talent_a, self.item_rent, 10_000, year=2025)
        with self.assertRaisesRegex(
            UserError, "Double claim: 张测试 already claimed item 测试租房补贴 for year 2025"
        ):
            same_year.action_submit()
        # Another year is another period.
        next_year = self._run_to(self._claim(self.talent_a, self.item_rent, 10_000, year=2026), "approved")
        self.assertEqual(next_year.state, "approved")
        # Another talent may claim the same item and year.
        self._run_to(self._claim(self.talent_b, self.item_rent, 10_000, year=2025), "submitted")

    def test_rejected_claim_does_not_count(self):
        first = self._run_to(self._claim(self.talent_a, self.item_rent, 10_000), "first_review")
        with self.assertRaisesRegex(UserError, "reason"):
            first.action_reject()
        first.reject_reason = "材料不全"
        first.action_reject()
        self.assertEqual(first.state, "rejected")
        self._run_to(self._claim(self.talent_a, self.item_rent, 10_000), "approved")
        first.action_reset_draft()
        with self.assertRaisesRegex(UserError, "Double claim"):
            first.action_submit()

    def test_double_claim_checked_again_at_approval(self):
        """Two claims filed while neither was approved: the second approval is refused."""
        first = self._claim(self.talent_a, self.item_rent, 10_000)
        second = self._claim(self.talent_a, self.item_rent, 10_000)
        self._run_to(first, "notice")
        # The second was filed by going around the submit check (e.g. a data import).
        second.write({"state": "notice"})
        self._end_notice(first)
        first.action_approve()
        with self.assertRaisesRegex(UserError, f"(?s){second.name} cannot be approved.*Double claim"):
            second.action_approve()
        self.assertEqual(second.state, "notice")

    def test_database_refuses_two_approved_claims_of_one_period(self):
        first = self._run_to(self._claim(self.talent_a, self.item_rent, 10_000), "approved")
        second = self._claim(self.talent_a, self.item_rent, 10_000)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            second.write({"state": "approved"})
            second.flush_recordset()
        self.assertEqual(first.state, "approved")

    def test_item_cap_per_talent(self):
        self._run_to(self._claim(self.talent_a, self.item_salary, 200_000, year=2024), "paid")
        over = self._claim(self.talent_a, self.item_salary, 150_000, year=2025)
        self.assertFalse(over.eligible)
        with self.assertRaisesRegex(
            UserError,
            r"Over the cap: 张测试 has already claimed ¥\s200,000.00 of item 测试薪酬补贴; "
            r"with ¥\s150,000.00 for year 2025 this exceeds the cap of ¥\s300,000.00 per talent",
        ):
            over.action_submit()
        within = self._run_to(self._claim(self.talent_a, self.item_salary, 100_000, year=2025), "approved")
        self.assertEqual(within.state, "approved")

    def test_policy_cap_per_talent(self):
        self.policy.talent_cap_amount = 450_000
        self._run_to(self._claim(self.talent_a, self.item_settlement, 400_000), "approved")
        over = self._claim(self.talent_a, self.item_rent, 100_000)
        with self.assertRaisesRegex(
            UserError, "Over the cap: 张测试 has already claimed .* under policy 测试黄金十条"
        ):
            over.action_submit()

    def test_filed_claim_is_frozen_and_kept(self):
        application = self._run_to(self._claim(self.talent_a, self.item_rent, 1000), "submitted")
        with self.assertRaisesRegex(UserError, "can no longer change"):
            application.amount = 2000
        with self.assertRaisesRegex(UserError, "only draft or rejected"):
            application.unlink()

    def test_refusal_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["org_talent"], ["zh_CN"], overwrite=True)
        self._run_to(self._claim(self.talent_a, self.item_rent, 10_000), "approved")
        second = self._claim(self.talent_a, self.item_rent, 10_000).with_context(lang="zh_CN")
        with self.assertRaisesRegex(UserError, "(?s)重复申领.*张测试.*测试租房补贴.*2025"):
            second.action_submit()
        self._run_to(self._claim(self.talent_a, self.item_salary, 200_000, year=2024), "paid")
        over = self._claim(self.talent_a, self.item_salary, 150_000).with_context(lang="zh_CN")
        with self.assertRaisesRegex(UserError, "(?s)超出上限.*张测试.*测试薪酬补贴.*300,000.00"):
            over.action_submit()

    @freeze_time("2025-06-01 02:00:00")
    def test_form_fills_the_amount_from_the_item(self):
        # Claimed today (the form's default), within the test policy (2023 to 2027).
        with Form(self.env["org.talent.application"].with_user(self.user_talent)) as form:
            form.talent_id = self.talent_a
            form.policy_item_id = self.item_settlement
            self.assertEqual(form.amount, 500_000)
            self.assertTrue(form.eligible)
            form.amount = 700_000
            self.assertFalse(form.eligible)
            form.amount = 450_000
        application = form.save()
        self.assertEqual(application.tier_id, self.tier_leading)

    def test_report_groups_money_by_policy_item_tier_and_year(self):
        self._run_to(self._claim(self.talent_a, self.item_rent, 10_000, year=2024), "paid")
        self._run_to(self._claim(self.talent_a, self.item_rent, 20_000, year=2025), "approved")
        self._run_to(self._claim(self.talent_b, self.item_rent, 5_000, year=2025), "paid")
        self._claim(self.talent_b, self.item_salary, 7_000, year=2025)
        groups = self.env["org.talent.application"]._read_group(
            [("policy_id", "=", self.policy.id)],
            ["policy_item_id", "tier_id", "period_year"],
            ["amount_approved:sum", "amount_paid:sum"],
        )
        result = {
            (item.name, tier.name, year): (approved, paid) for item, tier, year, approved, paid in groups
        }
        self.assertEqual(result[("测试租房补贴", "测试行业领军人才", 2024)], (10_000, 10_000))
        self.assertEqual(result[("测试租房补贴", "测试行业领军人才", 2025)], (20_000, 0))
        self.assertEqual(result[("测试租房补贴", "测试高技能人才", 2025)], (5_000, 5_000))
        self.assertEqual(result[("测试薪酬补贴", "测试高技能人才", 2025)], (0, 0))
        views = self.env["org.talent.application"].get_views([(False, "pivot"), (False, "graph")])
        self.assertIn("amount_paid", views["views"]["pivot"]["arch"])

    def test_stuck_date_follows_the_state(self):
        with freeze_time("2025-03-01 08:00:00"):
            application = self._run_to(self._claim(self.talent_a, self.item_rent, 1000), "submitted")
        self.assertEqual(application.date_state.date(), date(2025, 3, 1))
        application.action_start_review()
        self.assertGreater(application.date_state.date(), date(2025, 3, 1) + timedelta(days=1))

    def test_period_label_and_every_state_column(self):
        once = self._claim(self.talent_a, self.item_settlement, 1000)
        yearly = self._claim(self.talent_a, self.item_rent, 1000, year=2026)
        self.assertEqual((once.period_label, yearly.period_label), ("once", "year 2026"))
        groups = self.env["org.talent.application"].web_read_group([], ["amount:sum"], ["state"])["groups"]
        self.assertEqual(
            [group["state"] for group in groups],
            ["draft", "submitted", "first_review", "second_review", "notice", "approved", "paid", "rejected"],
        )
