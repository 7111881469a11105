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
