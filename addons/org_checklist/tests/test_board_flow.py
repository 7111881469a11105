import ast
import importlib.util
from datetime import datetime
from pathlib import Path

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .test_board import OrgBoardCommon


@tagged("post_install", "-at_install")
class TestBoardFlow(OrgBoardCommon):
    """Issue 20: a working day on a board. The stage follows the acceptance both ways, the
    buttons show to whoever may press them, evidence lives on the checklist items, the wall
    shows every open card, and a card is among its responsible person's tasks and activities."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_review = cls.env["project.task.type"].create(
            {"name": "待验收", "sequence": 5, "org_review_stage": True}
        )
        cls.board.type_ids |= cls.stage_review

    def _zh_cn(self):
        self.env["res.lang"]._activate_lang("zh_CN")

    # 1. The stage follows the review state, and the review state the stage.

    def test_submit_moves_to_review_stage_and_return_moves_back(self):
        card = self._card(stage_id=self.stage_doing.id)
        self._complete(card)
        card.action_org_submit_review()
        self.assertEqual(card.stage_id, self.stage_review, "submitted: in 待验收")
        self.assertEqual(card.org_review_state, "submitted")
        action = card.with_user(self.reviewer).action_org_open_reject_wizard()
        wizard = Form(
            self.env[action["res_model"]].with_user(self.reviewer).with_context(**action["context"])
        )
        wizard.reason = "请补充会议纪要"
        wizard.save().action_reject()
        self.assertEqual(card.org_review_state, "rejected")
        self.assertEqual(card.stage_id, self.stage_doing, "returned: back to the last working stage")
        card.action_org_submit_review()
        card.with_user(self.reviewer).action_org_accept()
        self.assertEqual(card.stage_id, self.stage_closed)
        self.assertEqual(card.state, "1_done", "a closed card shows it is done, not in progress")
        self.assertTrue(card.is_closed)
        card.with_user(self.manager).stage_id = self.stage_doing
        self.assertEqual(card.state, "01_in_progress", "reopened: in progress again")
        self.assertEqual(card.org_review_state, "draft")

    def test_drag_into_review_stage_runs_the_submission_checks(self):
        card = self._card()
        with self.assertRaises(UserError) as caught:
            card.stage_id = self.stage_review
        self.assertIn("推进重点任务", str(caught.exception))
        self.assertIn("制定方案", str(caught.exception))
        self._zh_cn()
        with self.assertRaises(UserError) as caught:
            card.with_context(lang="zh_CN").stage_id = self.stage_review
        self.assertIn("卡片“推进重点任务”不能提交验收", str(caught.exception))
        card.invalidate_recordset()
        self.assertEqual(card.stage_id, self.stage_todo, "refused: nothing changed")
        self.assertEqual(card.org_review_state, "draft")
        self._complete(card)
        card.stage_id = self.stage_review
        self.assertEqual(card.org_review_state, "submitted", "dragged to 待验收: submitted")
        review_type = self.env.ref("org_checklist.mail_activity_type_org_review")
        review = card.activity_ids.filtered(lambda a: a.activity_type_id == review_type)
        self.assertEqual(review.user_id, self.reviewer)
        # Dragged back to work: no longer awaiting acceptance, the reviewer's activity goes.
        card.stage_id = self.stage_doing
        self.assertEqual(card.org_review_state, "draft")
        self.assertFalse(card.activity_ids.filtered(lambda a: a.activity_type_id == review_type))

    def test_drag_into_closing_stage(self):
        card = self._card()
        self._complete(card)
        card.stage_id = self.stage_review
        # The responsible person's drag is refused in Chinese: the reviewer has not accepted.
        self._zh_cn()
        with self.assertRaises(UserError) as caught:
            card.with_user(self.responsible).with_context(lang="zh_CN").stage_id = self.stage_closed
        self.assertIn("验收人尚未验收", str(caught.exception))
        card.invalidate_recordset()
        self.assertEqual(card.stage_id, self.stage_review)
        # The reviewer's drag is the acceptance.
        card.with_user(self.reviewer).stage_id = self.stage_closed
        self.assertEqual(card.org_review_state, "accepted")
        self.assertEqual(card.state, "1_done")
        self.assertFalse(card.activity_ids, "a closed card's activities are done")

    def test_card_created_closed_shows_done(self):
        card = self.env["project.task"].create(
            {"name": "已办结", "project_id": self.board.id, "stage_id": self.stage_closed.id}
        )
        self.assertEqual(card.state, "1_done")

    # 2. The buttons show to whoever may press them; the server refuses the others.

    def test_buttons_only_for_who_may_press_them(self):
        card = self._card()
        self._complete(card)
        card.action_org_submit_review()
        expected = {
            self.responsible: (True, False),
            self.reviewer: (True, True),
            self.other_officer: (True, False),
            self.manager: (True, True),
            self.leader: (False, False),
        }
        for user, (may_submit, may_review) in expected.items():
            as_user = card.with_user(user)
            self.assertEqual(
                (as_user.org_user_may_submit, as_user.org_user_may_review),
                (may_submit, may_review),
                user.login,
            )
        # The leader's form has no button at all (groups), the others' follow the fields.
        arch = etree.fromstring(
            self.env["project.task"].with_user(self.leader).get_view(view_type="form")["arch"]
        )
        self.assertFalse(arch.xpath("//button[@name='action_org_accept']"))
        arch = etree.fromstring(
            self.env["project.task"].with_user(self.reviewer).get_view(view_type="form")["arch"]
        )
        (accept,) = arch.xpath("//button[@name='action_org_accept']")
        self.assertIn("not org_user_may_review", accept.get("invisible"))
        # The server check stays.
        with self.assertRaises(UserError):
            card.with_user(self.other_officer).action_org_accept()

    # 3. Evidence in one place: the items'.

    def test_evidence_is_the_items_evidence(self):
        card = self._card()
        line = card.checklist_line_ids.filtered("evidence_required")
        line.attachment_ids = self._attachment(line)
        self.assertEqual(card.org_evidence_ids, line.attachment_ids, "the card shows the items' evidence")
        for other in card.checklist_line_ids - line:
            other.done = True
        line.done = True
        card.action_org_submit_review()  # the item's file is the card's evidence: no second upload
        self.assertEqual(card.org_review_state, "submitted")
        # A file attached on the card lands on its evidence item.
        extra = self._attachment(card, "照片.jpg")
        card.org_evidence_ids |= extra
        self.assertIn(extra, line.attachment_ids)
        # A card without items gets an "Evidence" item for it.
        bare = self._card(checklist_template_id=False)
        bare.checklist_line_ids.unlink()
        bare.org_evidence_ids = self._attachment(bare)
        self.assertEqual(len(bare.checklist_line_ids), 1)
        self.assertTrue(bare.checklist_line_ids.done)
        self.assertEqual(bare.org_evidence_ids, bare.checklist_line_ids.attachment_ids)

    def test_migration_moves_the_card_evidence_onto_items(self):
        card = self._card()
        old = self._attachment(card, "旧佐证.pdf")
        line = card.checklist_line_ids.filtered("evidence_required")
        cr = self.env.cr
        cr.execute("CREATE TABLE org_checklist_legacy_evidence_rel (task_id integer, attachment_id integer)")
        cr.execute("INSERT INTO org_checklist_legacy_evidence_rel VALUES (%s, %s)", [card.id, old.id])
        path = Path(__file__).parents[1] / "migrations" / "18.0.1.1.0" / "post-migrate.py"
        spec = importlib.util.spec_from_file_location("org_checklist_post_migrate", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertIn(old, line.attachment_ids, "the old evidence is on the evidence item")
        self.assertIn(old, card.org_evidence_ids)
        cr.execute("SELECT to_regclass('org_checklist_legacy_evidence_rel')")
        self.assertIsNone(cr.fetchone()[0])

    # 4. The wall: every open card in an open column; 新建 makes a board card.

    def test_wall_shows_every_open_card(self):
        action = self.env.ref("org_checklist.org_wall_action")
        view = self.env.ref("org_checklist.project_task_view_kanban_wall")
        Task = self.env["project.task"].with_user(self.responsible)
        arch = etree.fromstring(Task.get_view(view.id, "kanban")["arch"])
        group_by = arch.get("default_group_by")
        with_unit = self._card()
        without_unit = self._card(org_unit_id=False)
        domain = [*ast.literal_eval(action.domain), ("project_id", "=", self.board.id)]
        groups = Task.web_read_group(domain, [group_by], [group_by], lazy=True)["groups"]
        # The web client folds the column of a many2one's empty value: no card may land there.
        self.assertTrue(all(group[group_by] for group in groups), groups)
        self.assertEqual(sum(group[f"{group_by}_count"] for group in groups), 2)
        self.assertTrue(Task.search(domain) >= with_unit + without_unit)
        self.assertEqual(arch.get("on_create"), "quick_create")
        self.assertEqual(arch.get("records_draggable"), "false", "a card does not move to another board")

    def test_wall_new_creates_a_board_card(self):
        action = self.env.ref("org_checklist.org_wall_action")
        context = ast.literal_eval(action.context)
        Task = self.env["project.task"].with_user(self.responsible).with_context(**context)
        with self.assertRaisesRegex(UserError, "choose its board"):
            Task.create({"name": "墙上新建"})
        # The column of a board gives its board (the kanban's group context).
        card = Task.with_context(default_project_id=self.board.id).create({"name": "墙上新建"})
        self.assertEqual(card.project_id, self.board)
        self.assertEqual(card.org_board_type_id, self.board_type)
        self.assertEqual(len(card.checklist_line_ids), 2)
        view = self.env.ref("org_checklist.project_task_view_form_wall_quick_create")
        arch = etree.fromstring(Task.get_view(view.id, "form")["arch"])
        self.assertEqual(arch.xpath("//field[@name='project_id']")[0].get("required"), "1")

    def test_board_new_creates_a_card_of_the_board(self):
        """新建 on a board's kanban: the board's action gives the board (default_project_id)."""
        action = self.board.with_user(self.responsible).action_view_tasks()
        card = (
            self.env["project.task"]
            .with_user(self.responsible)
            .with_context(**action["context"])
            .create({"name": "看板上新建"})
        )
        self.assertEqual(card.project_id, self.board)
        self.assertEqual(card.org_board_type_id, self.board_type)
        self.assertEqual(card.checklist_template_id, self.template)

    # 5. My tasks and activities.

    def test_responsible_person_is_an_assignee(self):
        card = self._card(user_ids=[(6, 0, self.other_officer.ids)])
        self.assertEqual(card.user_ids, self.responsible + self.other_officer)
        card.org_responsible_user_id = self.manager
        self.assertEqual(card.user_ids, self.other_officer + self.manager, "the replaced one is unassigned")
        action = self.env.ref("project.action_view_my_task")
        domain = ast.literal_eval(action.domain.replace("uid", str(self.manager.id)))
        self.assertIn(card, self.env["project.task"].with_user(self.manager).search(domain))
        # A card whose responsible person is not assigned (older data) is in their tasks too.
        card.write({"user_ids": [(3, self.manager.id)]})
        self.assertIn(card, self.env["project.task"].with_user(self.manager).search(domain))
        search = self.env["project.task"].get_view(self.env.ref("project.view_task_search_form").id, "search")
        my_tasks = etree.fromstring(search["arch"]).xpath("//filter[@name='my_tasks']")[0]
        self.assertIn("org_responsible_user_id", my_tasks.get("domain"))

    @freeze_time("2026-06-10 02:00:00")
    def test_deadline_activity_for_the_responsible_person(self):
        card_type = self.env.ref("org_checklist.mail_activity_type_org_card")

        def card_activities(card):
            return card.activity_ids.filtered(lambda a: a.activity_type_id == card_type)

        card = self._card(date_deadline=datetime(2026, 6, 5, 4))
        activity = card_activities(card)
        self.assertEqual(activity.user_id, self.responsible)
        self.assertEqual(str(activity.date_deadline), "2026-06-05")
        self.assertEqual(activity.state, "overdue", "the activity menu shows the overdue card")
        card.date_deadline = datetime(2026, 6, 20, 4)
        self.assertEqual(str(card_activities(card).date_deadline), "2026-06-20")
        self.assertEqual(len(card_activities(card)), 1)
        card.org_responsible_user_id = self.other_officer
        self.assertEqual(card_activities(card).user_id, self.other_officer, "the new one only")
        no_deadline = self._card()
        self.assertFalse(card_activities(no_deadline))
        # Closed: its activities are done.
        self._complete(card)
        card.action_org_submit_review()
        card.with_user(self.reviewer).action_org_accept()
        self.assertFalse(card.activity_ids)
