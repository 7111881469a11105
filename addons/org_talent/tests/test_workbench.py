from odoo.tests import tagged

from .common import TalentCommon


def sections_by_key(user):
    return {section["key"]: section for section in user.env["org.workbench"].with_user(user).get_sections()}


@tagged("post_install", "-at_install")
class TestWorkbenchTalent(TalentCommon):
    """我的工作台, the talent officer's sections: claim notices (公示) over or ending, claims in
    review; the notice-over reminder is one activity for the claim's officer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.submitted = cls._run_to(cls._claim(cls.talent_a, cls.item_rent, 10_000), "submitted")
        cls.in_review = cls._run_to(cls._claim(cls.talent_b, cls.item_salary, 20_000), "first_review")
        cls.notice_over = cls._run_to(cls._claim(cls.talent_a, cls.item_salary, 30_000), "notice")
        cls._end_notice(cls.notice_over)
        cls.notice_fresh = cls._run_to(cls._claim(cls.talent_a, cls.item_rent, 10_000, year=2024), "notice")
        cls._run_to(cls._claim(cls.talent_b, cls.item_rent, 5_000), "approved")

    def test_talent_officer_counts(self):
        sections = sections_by_key(self.user_talent)
        notices = sections["org_talent.notice_ending"]
        self.assertEqual(notices["count"], 1, "the fresh notice runs for days yet")
        self.assertEqual(notices["state"], "red")
        self.assertEqual(notices["rows"][0]["res_id"], self.notice_over.id)
        review = sections["org_talent.claims_to_review"]
        self.assertEqual(review["count"], 2)
        self.assertEqual({row["res_id"] for row in review["rows"]}, {self.submitted.id, self.in_review.id})

    def test_other_roles_have_no_talent_section(self):
        for user in (self.user_officer, self.user_leader, self.user_employee):
            keys = sections_by_key(user)
            self.assertNotIn("org_talent.notice_ending", keys, user.login)
            self.assertNotIn("org_talent.claims_to_review", keys, user.login)

    def test_notice_over_reminds_the_officer_once(self):
        Application = self.env["org.talent.application"]
        activity_type = self.env.ref("org_talent.mail_activity_type_notice_over")
        self.notice_over.user_id = self.user_talent
        Application._cron_stuck_reminders()
        Application._cron_stuck_reminders()
        activities = self.env["mail.activity"].search(
            [("activity_type_id", "=", activity_type.id), ("res_model", "=", Application._name)]
        )
        self.assertEqual(
            activities.mapped("res_id"), self.notice_over.ids, "one, for the claim whose notice is over"
        )
        self.assertEqual(activities.user_id, self.user_talent)
        self.notice_over.with_user(self.user_talent).action_approve()
        self.assertFalse(activities.exists().filtered("active"), "approved: the reminder is done")
