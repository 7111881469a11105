from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestBoardTour(HttpCase):
    """The officer's day in the browser: the responsible officer opens the board and the card,
    ticks the checklist (the evidence is the item's), is refused closing it, submits it (the
    card moves to 待验收 and no acceptance button shows to them); the reviewer then accepts it
    and the card is in 销号, shown done."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.responsible = new_test_user(cls.env, "board_tour_officer", groups="org_base.group_org_user")
        cls.reviewer = new_test_user(cls.env, "board_tour_reviewer", groups="org_base.group_org_user")
        Stage = cls.env["project.task.type"]
        cls.stage_doing = Stage.create({"name": "整改中", "sequence": 2})
        cls.stage_review = Stage.create({"name": "待验收", "sequence": 3, "org_review_stage": True})
        cls.stage_closed = Stage.create({"name": "销号", "sequence": 9, "org_closing": True})
        stages = Stage.create({"name": "问题交办", "sequence": 1}) + cls.stage_doing + cls.stage_review
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
                "stage_ids": [(6, 0, (stages + cls.stage_closed).ids)],
                "checklist_template_id": template.id,
            }
        )
        board = cls.env["project.project"].create(
            {
                "name": "巡视巡察整改测试看板",
                "org_board_type_id": board_type.id,
                "org_reviewer_id": cls.reviewer.id,
                "privacy_visibility": "employees",
            }
        )
        card = cls.env["project.task"].create(
            {
                "name": "整改反馈问题一",
                "project_id": board.id,
                "stage_id": cls.stage_doing.id,
                "org_responsible_user_id": cls.responsible.id,
            }
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
        cls.card = card

    def test_officer_runs_a_card_to_closing(self):
        self.start_tour("/odoo", "org_board_tour", login="board_tour_officer")
        self.assertEqual(self.card.stage_id, self.stage_review, "submitted: the card is in 待验收")
        self.assertEqual(self.card.org_review_state, "submitted")
        self.assertEqual(self.card.checklist_progress, 100.0)
        self.start_tour("/odoo", "org_board_review_tour", login="board_tour_reviewer")
        self.assertEqual(self.card.stage_id, self.stage_closed)
        self.assertTrue(self.card.org_is_closed)
        self.assertEqual(self.card.org_review_state, "accepted")
        self.assertEqual(self.card.state, "1_done")
