from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestBoardTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(cls.env, "board_tour_officer", groups="org_base.group_org_user")
        # The officer reviews the card of a colleague: no one accepts their own card.
        responsible = new_test_user(cls.env, "board_tour_responsible", groups="org_base.group_org_user")
        Stage = cls.env["project.task.type"]
        stages = (
            Stage.create({"name": "问题交办", "sequence": 1})
            + Stage.create({"name": "整改中", "sequence": 2})
            + Stage.create({"name": "销号", "sequence": 9, "org_closing": True})
        )
        template = cls.env["org.checklist.template"].create(
            {
                "name": "整改清单",
                "item_ids": [
                    (0, 0, {"sequence": 1, "name": "制定整改措施"}),
                    (0, 0, {"sequence": 2, "name": "整改落实到位", "evidence_required": True}),
                ],
            }
        )
        board_type = cls.env["org.board.type"].create(
            {
                "name": "整改测试",
                "code": "tour_rectification",
                "stage_ids": [(6, 0, stages.ids)],
                "checklist_template_id": template.id,
            }
        )
        board = cls.env["project.project"].create(
            {
                "name": "巡视巡察整改测试看板",
                "org_board_type_id": board_type.id,
                "org_reviewer_id": cls.officer.id,
                "privacy_visibility": "employees",
            }
        )
        card = cls.env["project.task"].create(
            {"name": "整改反馈问题一", "project_id": board.id, "org_responsible_user_id": responsible.id}
        )
        evidence_line = card.checklist_line_ids.filtered("evidence_required")
        evidence_line.attachment_ids = cls.env["ir.attachment"].create(
            {
                "name": "整改报告.pdf",
                "raw": b"%PDF-1.4",
                "res_model": evidence_line._name,
                "res_id": evidence_line.id,
            }
        )
        card.org_evidence_ids = cls.env["ir.attachment"].create(
            {"name": "整改前后对比.jpg", "raw": b"\xff\xd8\xff", "res_model": card._name, "res_id": card.id}
        )
        cls.card = card

    def test_officer_runs_a_card_to_closing(self):
        self.start_tour("/odoo", "org_board_tour", login="board_tour_officer")
        self.assertTrue(self.card.org_is_closed)
        self.assertEqual(self.card.org_review_state, "accepted")
        self.assertEqual(self.card.checklist_progress, 100.0)
