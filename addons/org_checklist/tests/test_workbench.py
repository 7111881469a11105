from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from .test_board import OrgBoardCommon


def sections_by_key(user):
    return {section["key"]: section for section in user.env["org.workbench"].with_user(user).get_sections()}


@tagged("post_install", "-at_install")
class TestWorkbenchBoards(OrgBoardCommon):
    """我的工作台, the boards' sections: my red and yellow cards as 责任人 or as assignee, the
    cards waiting for my acceptance, a leader's red cards by unit; counts under the record
    rules, at a fixed number of queries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        cls.past, cls.soon, cls.later = (
            now - timedelta(days=2),
            now + timedelta(days=1),
            now + timedelta(days=20),
        )

    def _cards(self):
        other = self.other_officer
        red = self._card(name="红灯责任卡", date_deadline=self.past)
        yellow = self._card(
            name="黄灯协办卡",
            date_deadline=self.soon,
            org_responsible_user_id=other.id,
            user_ids=[(6, 0, self.responsible.ids)],
        )
        self._card(name="绿灯卡", date_deadline=self.later)
        self._card(
            name="他人红灯卡",
            date_deadline=self.past,
            org_responsible_user_id=other.id,
            user_ids=[(6, 0, other.ids)],
        )
        return red, yellow

    def test_officer_sees_own_red_and_yellow_cards(self):
        red, yellow = self._cards()
        section = sections_by_key(self.responsible)["org_checklist.my_cards"]
        self.assertEqual(section["count"], 2, "responsible for one, assignee of the other")
        self.assertEqual(section["state"], "red")
        self.assertEqual([row["res_id"] for row in section["rows"]], [red.id, yellow.id])
        self.assertEqual([row["state"] for row in section["rows"]], ["red", "yellow"])
        self.assertEqual(self.env["project.task"].search_count(section["domain"]), 2)
        other = sections_by_key(self.other_officer)["org_checklist.my_cards"]
        self.assertEqual(other["count"], 2, "the other officer: their red card and the yellow one")
        yellow.org_responsible_user_id = self.manager
        other = sections_by_key(self.other_officer)["org_checklist.my_cards"]
        self.assertEqual(other["count"], 1)

    def test_cards_awaiting_my_acceptance(self):
        red, _yellow = self._cards()
        red.sudo().org_review_state = "submitted"
        self.assertEqual(sections_by_key(self.reviewer)["org_checklist.to_accept"]["count"], 1)
        self.assertEqual(
            sections_by_key(self.reviewer)["org_checklist.to_accept"]["rows"][0]["res_id"], red.id
        )
        self.assertEqual(
            sections_by_key(self.responsible)["org_checklist.to_accept"]["count"],
            0,
            "never one's own card, even as an administrator",
        )
        self.assertEqual(sections_by_key(self.other_officer)["org_checklist.to_accept"]["count"], 0)
        self.assertEqual(sections_by_key(self.manager)["org_checklist.to_accept"]["count"], 1)
        self.assertTrue(red.with_user(self.reviewer).org_user_may_review)

    def test_leader_sees_red_cards_by_unit(self):
        self._cards()
        other_unit = self.env["hr.department"].create({"name": "组织科"})
        self._card(name="组织科红灯卡", date_deadline=self.past, org_unit_id=other_unit.id)
        sections = sections_by_key(self.leader)
        self.assertNotIn("org_checklist.to_accept", sections)
        section = sections["org_checklist.red_by_unit"]
        self.assertEqual(section["count"], 3)
        self.assertEqual(section["state"], "red")
        self.assertEqual(
            [(row["name"], row["count"]) for row in section["rows"]], [("干部科", 2), ("组织科", 1)]
        )
        self.assertEqual(
            self.env["project.task"].with_user(self.leader).search_count(section["rows"][1]["domain"]), 1
        )

    def test_query_count_does_not_grow_with_cards(self):
        self._cards()
        Workbench = self.env["org.workbench"].with_user(self.responsible)
        Workbench.get_sections()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        Workbench.get_sections()
        queries = self.env.cr.sql_log_count - before
        for index in range(8):
            self._card(name=f"红灯卡{index}", date_deadline=self.past)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            sections = {section["key"]: section for section in Workbench.get_sections()}
        self.assertEqual(sections["org_checklist.my_cards"]["count"], 10)
        self.assertEqual(len(sections["org_checklist.my_cards"]["rows"]), 5)

    def test_a_user_without_boards_gets_no_error(self):
        employee = new_test_user(self.env, "board_plain_employee", groups="base.group_user")
        section = sections_by_key(employee)["org_checklist.my_cards"]
        self.assertEqual(section["count"], 0)
        self.assertEqual(section["state"], "normal")
