"""org_department: the department's own boards and the integrity risk register."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.org_checklist.tests.test_board import OrgBoardCommon


@tagged("post_install", "-at_install")
class TestDepartmentBoards(OrgBoardCommon):
    def test_shipped_department_boards(self):
        for xml_id in ("org_department.project_key_tasks", "org_department.project_rectification"):
            board = self.env.ref(xml_id)
            self.assertTrue(board.org_board_type_id.checklist_template_id, xml_id)
            self.assertTrue(board.type_ids.filtered("org_closing"), f"{xml_id} has a 销号 stage")
            self.assertTrue(board.type_ids.filtered("org_review_stage"), f"{xml_id} has a 待验收 stage")

    def test_department_card_day(self):
        """A card of 部重点任务 goes to 待验收 when submitted, and to 销号 (done) when accepted;
        its responsible person has it among their tasks, with the deadline activity."""
        board = self.env.ref("org_department.project_key_tasks")
        board.org_reviewer_id = self.reviewer
        card = (
            self.env["project.task"]
            .with_user(self.responsible)
            .create(
                {
                    "name": "年度重点任务",
                    "project_id": board.id,
                    "org_responsible_user_id": self.responsible.id,
                    "date_deadline": "2030-01-01 02:00:00",
                }
            )
        )
        self.assertIn(self.responsible, card.user_ids)
        card_type = self.env.ref("org_checklist.mail_activity_type_org_card")
        self.assertEqual(
            card.activity_ids.filtered(lambda a: a.activity_type_id == card_type).user_id, self.responsible
        )
        self._complete(card)
        card.action_org_submit_review()
        self.assertTrue(card.stage_id.org_review_stage)
        self.assertEqual(card.stage_id, self.env.ref("org_checklist.stage_review"))
        card.with_user(self.reviewer).action_org_accept()
        self.assertEqual(card.stage_id, self.env.ref("org_checklist.stage_closed"))
        self.assertEqual(card.state, "1_done")
        self.assertFalse(card.activity_ids)


@tagged("post_install", "-at_install")
class TestIntegrityRisk(OrgBoardCommon):
    def test_register_access(self):
        risk = (
            self.env["org.integrity.risk"]
            .with_user(self.responsible)
            .create({"name": "干部选拔任用中的说情打招呼", "post": "干部选拔任用", "level": "high"})
        )
        self.assertEqual(risk.owner_id, self.responsible)
        risk.action_control()
        self.assertEqual(risk.state, "controlled")
        self.assertEqual(risk.with_user(self.leader).name, "干部选拔任用中的说情打招呼")
        with self.assertRaises(AccessError):
            risk.with_user(self.leader).write({"level": "low"})
        with self.assertRaises(AccessError):
            risk.with_user(self.responsible).unlink()
        risk.with_user(self.manager).unlink()
        self.assertFalse(risk.exists())
