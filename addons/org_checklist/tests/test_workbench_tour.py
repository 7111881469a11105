from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestWorkbenchTour(HttpCase):
    """The officer's day in the browser: login opens 我的工作台, the red card is there; the
    officer opens it and submits it; the reviewer finds it on their workbench and closes it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.responsible = new_test_user(cls.env, "wb_tour_officer", groups="org_base.group_org_user")
        cls.reviewer = new_test_user(cls.env, "wb_tour_reviewer", groups="org_base.group_org_user")
        Stage = cls.env["project.task.type"]
        cls.stage_doing = Stage.create({"name": "推进中", "sequence": 2})
        cls.stage_review = Stage.create({"name": "待验收", "sequence": 3, "org_review_stage": True})
        cls.stage_closed = Stage.create({"name": "销号", "sequence": 9, "org_closing": True})
        board_type = cls.env["org.board.type"].create(
            {
                "name": "工作台测试",
                "code": "tour_workbench",
                "stage_ids": [(6, 0, (cls.stage_doing + cls.stage_review + cls.stage_closed).ids)],
            }
        )
        board = cls.env["project.project"].create(
            {
                "name": "工作台测试看板",
                "org_board_type_id": board_type.id,
                "org_reviewer_id": cls.reviewer.id,
                "privacy_visibility": "employees",
            }
        )
        cls.card = cls.env["project.task"].create(
            {
                "name": "工作台红灯卡",
                "project_id": board.id,
                "stage_id": cls.stage_doing.id,
                "org_responsible_user_id": cls.responsible.id,
                "user_ids": [(6, 0, cls.responsible.ids)],
                "date_deadline": fields.Datetime.now() - timedelta(days=3),
            }
        )
        # The work is done and proven: the evidence is attached.
        cls.card.org_evidence_ids = cls.env["ir.attachment"].create(
            {"name": "整改报告.pdf", "raw": b"%PDF-1.4", "res_model": "project.task", "res_id": cls.card.id}
        )

    def test_officer_day_from_the_workbench(self):
        self.assertEqual(self.card.org_deadline_status, "red")
        self.start_tour("/odoo", "org_workbench_officer_tour", login="wb_tour_officer")
        self.assertEqual((self.card.org_review_state, self.card.stage_id), ("submitted", self.stage_review))
        self.start_tour("/odoo", "org_workbench_reviewer_tour", login="wb_tour_reviewer")
        self.assertEqual((self.card.org_review_state, self.card.stage_id), ("accepted", self.stage_closed))
        self.assertTrue(self.card.org_is_closed)
