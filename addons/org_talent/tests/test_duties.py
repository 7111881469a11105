from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import TalentCommon


@tagged("post_install", "-at_install")
class TestDuties(TalentCommon):
    """Separation of duties on a policy claim: who received, reviewed, approved and paid it are
    recorded, and the company's settings say which of them must be different people."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = "org_talent.group_talent_officer"
        cls.receiver = cls.user_talent
        cls.reviewer = new_test_user(cls.env, "tl_reviewer", groups=group, name="初审员")
        cls.reviewer2 = new_test_user(cls.env, "tl_reviewer2", groups=group, name="复审员")
        cls.approver = new_test_user(cls.env, "tl_approver", groups=group, name="审批员")
        cls.payer = new_test_user(cls.env, "tl_payer", groups=group, name="出纳员")
        cls.claim = cls._claim(cls.talent_a, cls.item_rent, 10_000)
        cls._tick_documents(cls.claim)

    def _as(self, user):
        return self.claim.with_user(user)

    def test_different_people_take_the_claim_to_paid(self):
        self._as(self.receiver).action_submit()
        self._as(self.reviewer).action_start_review()
        self._as(self.reviewer).action_pass_first_review()
        self._as(self.reviewer).action_pass_second_review()
        self._end_notice(self.claim)
        self._as(self.approver).action_approve()
        self._as(self.payer).action_pay()
        self.assertEqual(self.claim.state, "paid")
        self.assertEqual(
            (
                self.claim.submit_user_id,
                self.claim.first_review_user_id,
                self.claim.second_review_user_id,
                self.claim.approve_user_id,
                self.claim.pay_user_id,
            ),
            (self.receiver, self.reviewer, self.reviewer, self.approver, self.payer),
        )

    def test_one_person_cannot_take_the_claim_from_draft_to_paid(self):
        claim = self._as(self.receiver)
        claim.action_submit()
        with self.assertRaisesRegex(
            UserError,
            rf"{self.claim.name}: 人才专员 already did its receipt and submission; its first review",
        ):
            claim.action_start_review()
        self.assertEqual(self.claim.state, "submitted")
        self._as(self.reviewer).action_start_review()
        self._as(self.reviewer).action_pass_first_review()
        with self.assertRaisesRegex(UserError, "receipt and submission; its second review"):
            claim.action_pass_second_review()
        self._as(self.reviewer2).action_pass_second_review()
        self._end_notice(self.claim)
        for user, done in (
            (self.receiver, "receipt"),
            (self.reviewer, "first review"),
            (self.reviewer2, "second"),
        ):
            with self.assertRaisesRegex(UserError, rf"already did its {done}.*; its approval must"):
                self._as(user).action_approve()
        self.assertEqual((self.claim.state, self.claim.approve_user_id.id), ("notice", False))
        self._as(self.approver).action_approve()
        for user in (self.receiver, self.reviewer, self.reviewer2, self.approver):
            with self.assertRaisesRegex(UserError, "its payment must be done by someone else"):
                self._as(user).action_pay()
        self.assertEqual((self.claim.state, self.claim.pay_user_id.id), ("approved", False))
        self._as(self.payer).action_pay()
        self.assertEqual(self.claim.state, "paid")

    def test_the_settings_say_which_steps_differ(self):
        # Default: the first and second reviews may be done by one reviewer.
        self._as(self.receiver).action_submit()
        self._as(self.reviewer).action_start_review()
        self._as(self.reviewer).action_pass_first_review()
        self.env.company.org_talent_sod_second_review = True
        with self.assertRaisesRegex(UserError, "already did its first review; its second review"):
            self._as(self.reviewer).action_pass_second_review()
        # Everything off: one officer may do every step (a small office).
        self.env.company.write(
            {
                "org_talent_sod_review": False,
                "org_talent_sod_second_review": False,
                "org_talent_sod_approve": False,
                "org_talent_sod_pay": False,
            }
        )
        claim = self._claim(self.talent_a, self.item_salary, 10_000).with_user(self.receiver)
        for method in (
            "action_submit",
            "action_start_review",
            "action_pass_first_review",
            "action_pass_second_review",
            "action_approve",
            "action_pay",
        ):
            if method == "action_approve":
                self._end_notice(claim)
            getattr(claim, method)()
        self.assertEqual((claim.state, claim.pay_user_id), ("paid", self.receiver))

    def test_settings_form_holds_the_duties(self):
        settings = self.env["res.config.settings"].create({"org_talent_sod_pay": False})
        settings.execute()
        self.assertFalse(self.env.company.org_talent_sod_pay)
        self.assertTrue(self.env.company.org_talent_sod_approve)

    def test_a_new_round_after_rejection_records_new_people(self):
        self._as(self.receiver).action_submit()
        self._as(self.reviewer).action_start_review()
        self.claim.reject_reason = "材料不全"
        self._as(self.reviewer).action_reject()
        self._as(self.receiver).action_reset_draft()
        self.assertFalse(self.claim.submit_user_id)
        # The former reviewer receives it this time, so the former receiver may review it.
        self._as(self.reviewer).action_submit()
        self._as(self.receiver).action_start_review()
        self.assertEqual(self.claim.state, "first_review")

    def test_the_refusal_is_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["org_talent"], ["zh_CN"], overwrite=True)
        claim = self._as(self.receiver).with_context(lang="zh_CN")
        claim.action_submit()
        with self.assertRaises(UserError) as refusal:
            claim.action_start_review()
        self.assertEqual(
            refusal.exception.args[0],
            f"申请单 {self.claim.name}：人才专员 已办理该申请的受理提交，"
            "初审须由其他人办理（不相容岗位分离）。",
        )
