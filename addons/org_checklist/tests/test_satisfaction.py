import ast

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .test_board import OrgBoardCommon


@tagged("post_install", "-at_install")
class TestSatisfaction(OrgBoardCommon):
    """回访与满意度: a stage that asks for the satisfaction, a board type whose cards close (销号)
    only with it, and the score that reports average."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_visit = cls.env["project.task.type"].create(
            {"name": "回访", "sequence": 5, "org_satisfaction_required": True}
        )
        cls.appeal_type = cls.env["org.board.type"].create(
            {
                "name": "测试群众诉求",
                "code": "test_appeal",
                "evidence_required": False,
                "review_required": False,
                "satisfaction_required": True,
                "stage_ids": [(6, 0, (cls.stage_todo + cls.stage_closed).ids)],
            }
        )
        cls.appeal_board = cls.env["project.project"].create(
            {
                "name": "测试群众诉求看板",
                "org_board_type_id": cls.appeal_type.id,
                "privacy_visibility": "employees",
            }
        )

    def _zh_cn(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["org_base"], ["zh_CN"], overwrite=True)

    def _appeal(self, **values):
        return self._card(name="楼道灯不亮", project_id=self.appeal_board.id, **values)

    def test_stage_asks_for_the_satisfaction(self):
        self.board.type_ids += self.stage_visit
        card = self._card(name="回访测试卡")
        self.assertTrue(card.org_satisfaction_asked, "one of the board's stages asks for it")
        with self.assertRaises(UserError) as caught:
            card.stage_id = self.stage_visit
        self.assertEqual(
            str(caught.exception),
            "Card “回访测试卡” cannot enter 回访: record the satisfaction of the person served first.",
        )
        self.assertEqual(card.stage_id, self.stage_todo)
        self._zh_cn()
        with self.assertRaises(UserError) as caught:
            card.with_context(lang="zh_CN").stage_id = self.stage_visit
        self.assertEqual(str(caught.exception), "卡片“回访测试卡”不能进入“回访”：请先记录服务对象的满意度。")
        # Created right in the stage, or the satisfaction cleared there: refused as well.
        with self.assertRaisesRegex(UserError, "直接回访卡.*回访"):
            self._card(name="直接回访卡", stage_id=self.stage_visit.id)
        # Recorded in the same save as the move: the card enters the stage.
        card.write(
            {"org_satisfaction": "3", "org_satisfaction_note": "基本解决", "stage_id": self.stage_visit.id}
        )
        self.assertEqual(card.stage_id, self.stage_visit)
        with self.assertRaisesRegex(UserError, "回访测试卡.*回访"):
            card.org_satisfaction = False
        self.assertEqual(card.org_satisfaction, "3")

    def test_board_type_closes_only_with_the_satisfaction(self):
        card = self._appeal()
        self.assertTrue(card.org_satisfaction_asked, "the board type asks for it")
        with self.assertRaises(UserError) as caught:
            card.stage_id = self.stage_closed
        self.assertEqual(
            str(caught.exception),
            "Card “楼道灯不亮” cannot be closed (销号): "
            "the satisfaction of the person served is not recorded.",
        )
        self._zh_cn()
        with self.assertRaises(UserError) as caught:
            card.with_context(lang="zh_CN").stage_id = self.stage_closed
        self.assertEqual(str(caught.exception), "卡片“楼道灯不亮”不能销号：尚未记录服务对象的满意度。")
        self.assertFalse(card.org_is_closed)
        card.org_satisfaction = "2"
        card.stage_id = self.stage_closed
        self.assertTrue(card.org_is_closed)

    def test_acceptance_waits_for_the_satisfaction(self):
        self.board_type.satisfaction_required = True
        card = self._card(name="验收前回访")
        self._complete(card)
        with self.assertRaisesRegex(UserError, "验收前回访.*satisfaction of the person served"):
            card.action_org_submit_review()
        with Form(card) as form:
            form.org_satisfaction = "5"
            form.org_satisfaction_note = "群众认可"
        card.action_org_submit_review()
        card.with_user(self.reviewer).action_org_accept()
        self.assertTrue(card.org_is_closed)

    def test_boards_without_the_rule(self):
        card = self._card()
        self.assertFalse(card.org_satisfaction_asked)
        self.assertNotIn("satisfaction", " ".join(card._checklist_closing_blockers()))
        self._complete(card)
        card.action_org_submit_review()
        card.with_user(self.reviewer).action_org_accept()
        self.assertTrue(card.org_is_closed)

    def test_score_averages_by_board(self):
        cards = self._appeal(org_satisfaction="5") + self._appeal(org_satisfaction="2") + self._appeal()
        self.assertEqual(cards.mapped("org_satisfaction_score"), [5, 2, 0])
        cards[2].org_satisfaction = "5"
        self.assertEqual(cards[2].org_satisfaction_score, 5)
        other = self._card(org_satisfaction="1")
        groups = self.env["project.task"]._read_group(
            [("id", "in", (cards + other).ids), ("org_satisfaction", "!=", False)],
            ["project_id"],
            ["org_satisfaction_score:avg", "__count"],
        )
        self.assertEqual(
            {project: (score, count) for project, score, count in groups},
            {self.appeal_board: (4, 3), self.board: (1, 1)},
        )
        # What the pivot asks for: the field's own aggregator is the average.
        self.assertEqual(self.env["project.task"]._fields["org_satisfaction_score"].aggregator, "avg")
        copied = cards[0].copy()
        self.assertFalse(copied.org_satisfaction, "a copy is not followed up yet")
        self.assertEqual(copied.org_satisfaction_score, 0)

    def test_satisfaction_analysis_compares_boards(self):
        self._appeal(org_satisfaction="5")
        self._appeal(org_satisfaction="3")
        self._appeal()
        self._card(org_satisfaction="2")
        action = self.env["ir.actions.act_window"]._for_xml_id("org_checklist.org_satisfaction_action")
        menu = self.env.ref("org_checklist.menu_org_satisfaction")
        for user in (self.leader, self.responsible):
            self.assertIn(menu.id, self.env["ir.ui.menu"].with_user(user)._visible_menu_ids(), user.login)
        Task = (
            self.env["project.task"]
            .with_user(self.leader)
            .with_context(**ast.literal_eval(action["context"]))
        )
        views = Task.get_views([*action["views"], (False, "search")])["views"]
        self.assertIn("org_satisfaction_score", views["graph"]["arch"])
        self.assertIn("org_satisfaction_score", views["pivot"]["arch"])
        self.assertIn("org_satisfaction_recorded", views["search"]["arch"])
        # The pivot as the menu opens it: the action's domain and its default filter.
        domain = [*ast.literal_eval(action["domain"]), ("org_satisfaction", "!=", False)]
        groups = Task.read_group(domain, ["org_satisfaction_score:avg"], ["project_id"])
        averages = {group["project_id"][0]: group["org_satisfaction_score"] for group in groups}
        self.assertEqual(averages[self.appeal_board.id], 4)
        self.assertEqual(averages[self.board.id], 2)
