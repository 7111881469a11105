"""Arrears: months unpaid per member, the hook of the 失联 rule, the secretary's reminder."""

import datetime
from unittest.mock import patch

from odoo.tests import tagged

from .common import APR, FEB, JAN, MAR, DuesCommon

TODAY = "odoo.addons.org_base.models.res_company.ResCompany._org_office_today"


@tagged("post_install", "-at_install")
class TestArrears(DuesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.branch_a1.secretary_user_id = False  # the reminder goes to the one above: 甲党委's
        cls.lines = cls._lines(JAN, FEB, MAR, APR)

    def test_months_unpaid(self):
        self.assertEqual(self.member_a1.dues_months_unpaid, 4)
        self.assertEqual(self.member_a1.dues_oldest_unpaid, JAN)
        self.env["org.party.dues.payment"].create(
            {"member_id": self.member_a1.id, "date": "2025-04-10", "amount": 80}
        )
        self.assertEqual(self.member_a1.dues_months_unpaid, 2)
        self.assertEqual(self.member_a1.dues_oldest_unpaid, MAR)
        arrears = (
            self.env["org.party.member"].with_user(self.secretary_a).search([("dues_months_unpaid", ">", 0)])
        )
        self.assertEqual(arrears, self.member_a1)

    def test_months_without_dues_hook(self):
        members = self.member_a1 | self.member_b1
        with patch(TODAY, return_value=APR.replace(day=15)):
            # April is not over: Jan–Mar are late
            self.assertEqual(members._org_months_without_dues(), {self.member_a1.id: 3, self.member_b1.id: 3})
            self.env["org.party.dues.payment"].create(
                {"member_id": self.member_b1.id, "date": "2025-04-10", "amount": 0.8}
            )
            self.assertEqual(members._org_months_without_dues(), {self.member_a1.id: 3, self.member_b1.id: 0})

    def test_reminder_to_the_secretary(self):
        Activity = self.env["mail.activity"]
        kind = self.env.ref("org_party_dues.mail_activity_type_dues_arrears")
        # the monthly runs of setUpClass already reminded (today, every 2025 month is late)
        done = Activity.search([("activity_type_id", "=", kind.id), ("res_model", "=", "org.party.member")])
        self.assertEqual(
            set(done.mapped("res_id")) & set((self.member_a1 | self.member_b1).ids),
            set((self.member_a1 | self.member_b1).ids),
        )
        done.unlink()
        with patch(TODAY, return_value=APR.replace(day=15)):
            self.env["org.party.dues.payment"].create(
                {"member_id": self.member_b1.id, "date": "2025-04-10", "amount": 0.4}
            )
            self.env["org.party.member"]._org_dues_remind_arrears()
            self.env["org.party.member"]._org_dues_remind_arrears()  # once while open
        activities = Activity.search(
            [("activity_type_id", "=", kind.id), ("res_model", "=", "org.party.member")]
        )
        # 测试党员甲 owes Jan–Mar (3, the threshold); 测试党员乙 only March
        self.assertEqual(activities.mapped("res_id"), [self.member_a1.id])
        self.assertEqual(activities.user_id, self.secretary_a)
        self.assertIn("3", activities.summary)

    def test_paying_closes_the_reminder(self):
        kind = self.env.ref("org_party_dues.mail_activity_type_dues_arrears")

        def open_reminders(member):
            return self.env["mail.activity"].search(
                [
                    ("activity_type_id", "=", kind.id),
                    ("res_model", "=", "org.party.member"),
                    ("res_id", "=", member.id),
                ]
            )

        self.assertTrue(open_reminders(self.member_a1))  # the monthly runs of setUpClass
        self.env["org.party.dues.payment"].create(
            {"member_id": self.member_a1.id, "date": "2025-04-10", "amount": 40}
        )
        self.assertTrue(open_reminders(self.member_a1), "three months still owed")
        self.env["org.party.dues.payment"].create(
            {"member_id": self.member_a1.id, "date": "2025-04-11", "amount": 120}
        )
        self.assertFalse(open_reminders(self.member_a1))
        self.assertIn("The dues were paid", self.member_a1.message_ids[0].body)

    def test_six_months_without_dues_asks_whether_contact_is_lost(self):
        """党章 art. 9: org_grassroots' inactivity reminder also fires for dues. Both members
        attended a meeting in August; on 1 September 甲 still owes January and February (before
        the cutoff, 1 March), 乙 has paid everything: only 甲's secretary is asked, for dues."""
        meeting_type = self.env["org.party.meeting.type"].create({"name": "测试主题党日"})
        for branch in (self.branch_a1, self.branch_b1):
            self.env["org.party.meeting"].create(
                {
                    "name": "八月主题党日",
                    "organization_id": branch.id,
                    "type_id": meeting_type.id,
                    "date": "2025-08-20",
                    "state": "held",
                    "attendee_ids": [
                        (
                            6,
                            0,
                            (self.member_a1 | self.member_b1)
                            .filtered(lambda m, b=branch: m.organization_id == b)
                            .ids,
                        )
                    ],
                }
            )
        self.env["org.party.dues.payment"].create(
            {"member_id": self.member_b1.id, "date": "2025-04-10", "amount": 0.8}
        )
        kind = self.env.ref("org_grassroots.mail_activity_type_inactive_member")
        with patch(TODAY, return_value=datetime.date(2025, 9, 1)):
            self.env["org.party.member"]._cron_inactivity_reminders()
        asked = self.env["mail.activity"].search(
            [("res_model", "=", "org.party.member"), ("activity_type_id", "=", kind.id)]
        )
        self.assertEqual(asked.mapped("res_id"), self.member_a1.ids)
        self.assertIn("2025-03-01", asked.note)

    def test_suspended_member_owes_nothing(self):
        """停止党籍: no line for the months of the suspension; the member owes again once restored."""
        self.env["org.party.standing.event"].create(
            {
                "member_id": self.member_b1.id,
                "kind": "suspend",
                "date": "2025-04-20",
                "reason": "支部决定",
                "suspension_reason_id": self.env.ref("org_grassroots.party_suspension_reason_02").id,
            }
        )
        may = datetime.date(2025, 5, 1)
        self.assertNotIn(self.member_b1, self._lines(may).member_id)
        self.assertIn(self.member_a1, self._lines(may).member_id)
