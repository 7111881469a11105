from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CadreCommon


@tagged("post_install", "-at_install")
class TestReward(CadreCommon):
    """奖惩 (org.cadre.reward): what the officer records, what the appointment form prints,
    who reads them."""

    def _rewards(self, employee, user=None):
        Reward = self.env["org.cadre.reward"].with_user(user or self.user_officer)
        return Reward.create(
            [
                {
                    "employee_id": employee.id,
                    "kind": "reward",
                    "date": date(2020, 12, 1),
                    "name": "2020年度优秀共产党员",
                    "authority": "经开区工委",
                },
                {
                    "employee_id": employee.id,
                    "kind": "punishment",
                    "date": date(2018, 3, 1),
                    "name": "通报批评",
                    "authority": "经开区纪工委",
                },
            ]
        )

    def test_officer_records_and_the_dossier_lists_them_newest_first(self):
        rewards = self._rewards(self.cadre)
        self.assertEqual(rewards.mapped("kind"), ["reward", "punishment"])
        self.assertEqual(self.cadre.cadre_reward_ids.mapped("name"), ["2020年度优秀共产党员", "通报批评"])
        self.assertEqual(rewards[0].authority, "经开区工委")
        # The default kind is a reward.
        default = self.env["org.cadre.reward"].create(
            {"employee_id": self.cadre.id, "date": date(2021, 1, 1), "name": "嘉奖"}
        )
        self.assertEqual(default.kind, "reward")

    def test_appointment_form_lists_them_oldest_first_unless_summarized(self):
        self._rewards(self.cadre)
        values = self.env["report.org_cadre.report_cadre_form"]._form_values(self.cadre)
        self.assertEqual(values["rewards"], "2018.03  通报批评\n2020.12  2020年度优秀共产党员")
        self.cadre.cadre_reward_summary = "无"
        self.assertEqual(
            self.env["report.org_cadre.report_cadre_form"]._form_values(self.cadre)["rewards"], "无"
        )

    def test_deleting_the_cadre_deletes_the_records(self):
        rewards = self._rewards(self.cadre_b)
        self.cadre_b.unlink()
        self.assertFalse(rewards.exists())

    def test_who_reads_and_writes(self):
        rewards = self._rewards(self.cadre)
        others = self._rewards(self.cadre_b)
        # The leader reads every cadre's, and changes none.
        self.assertEqual(
            self.env["org.cadre.reward"]
            .with_user(self.user_leader)
            .search([("id", "in", (rewards | others).ids)]),
            rewards | others,
        )
        with self.assertRaises(AccessError):
            rewards[0].with_user(self.user_leader).write({"name": "改动"})
        # The cadre reads their own only, and cannot record one.
        own = self.env["org.cadre.reward"].with_user(self.user_cadre).search([])
        self.assertEqual(own, rewards)
        with self.assertRaises(AccessError):
            self._rewards(self.cadre, user=self.user_cadre)
        self.assertEqual(rewards[0].name, "2020年度优秀共产党员", "nothing stored changed")
