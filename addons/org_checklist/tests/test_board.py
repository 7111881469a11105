from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged

from odoo.addons.org_base.tests.common import cron_progress


class OrgBoardCommon(TransactionCase):
    """A board type of the test's own, a board, a unit and least-privileged users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.tz = "Asia/Shanghai"
        cls.responsible = new_test_user(cls.env, "board_responsible", groups="org_base.group_org_user")
        cls.reviewer = new_test_user(cls.env, "board_reviewer", groups="org_base.group_org_user")
        cls.other_officer = new_test_user(cls.env, "board_other", groups="org_base.group_org_user")
        cls.leader = new_test_user(cls.env, "board_leader", groups="org_base.group_org_leader")
        cls.manager = new_test_user(cls.env, "board_manager", groups="org_base.group_org_manager")
        Stage = cls.env["project.task.type"]
        cls.stage_todo = Stage.create({"name": "待办", "sequence": 1})
        cls.stage_doing = Stage.create({"name": "推进中", "sequence": 2})
        cls.stage_closed = Stage.create({"name": "销号", "sequence": 9, "fold": True, "org_closing": True})
        cls.template = cls.env["org.checklist.template"].create(
            {
                "name": "测试闭环清单",
                "item_ids": [
                    (0, 0, {"sequence": 1, "name": "制定方案"}),
                    (0, 0, {"sequence": 2, "name": "成效材料", "evidence_required": True}),
                ],
            }
        )
        cls.board_type = cls.env["org.board.type"].create(
            {
                "name": "测试看板",
                "code": "test_board",
                "warning_days": 3,
                "checklist_template_id": cls.template.id,
                "stage_ids": [(6, 0, (cls.stage_todo + cls.stage_doing + cls.stage_closed).ids)],
            }
        )
        cls.board = cls.env["project.project"].create(
            {
                "name": "测试重点任务",
                "org_board_type_id": cls.board_type.id,
                "org_reviewer_id": cls.reviewer.id,
                "privacy_visibility": "employees",
            }
        )
        cls.unit = cls.env["hr.department"].create({"name": "干部科"})

    def _card(self, **values):
        vals = {
            "name": "推进重点任务",
            "project_id": self.board.id,
            "org_unit_id": self.unit.id,
            "org_responsible_user_id": self.responsible.id,
            **values,
        }
        return self.env["project.task"].with_user(self.responsible).create(vals)

    def _attachment(self, record, name="佐证.pdf"):
        return self.env["ir.attachment"].create(
            {"name": name, "raw": b"%PDF-1.4 evidence", "res_model": record._name, "res_id": record.id}
        )

    def _complete(self, card):
        """Tick every item, with evidence where asked: the card's evidence."""
        for line in card.checklist_line_ids:
            if line.evidence_required:
                line.attachment_ids = self._attachment(line)
            line.done = True


@tagged("post_install", "-at_install")
class TestBoard(OrgBoardCommon):
    def test_board_type_gives_stages_and_checklist(self):
        self.assertEqual(self.board.type_ids, self.stage_todo + self.stage_doing + self.stage_closed)
        card = self._card()
        self.assertEqual(card.checklist_template_id, self.template)
        self.assertEqual(card.checklist_line_ids.mapped("name"), ["制定方案", "成效材料"])
        self.assertEqual(card.org_board_type_id, self.board_type)
        self.assertEqual(card.org_reviewer_id, self.reviewer)
        # The web form sends the empty template field: the board's checklist still applies.
        from_form = self._card(checklist_template_id=False)
        self.assertEqual(from_form.checklist_template_id, self.template)
        self.assertEqual(len(from_form.checklist_line_ids), 2)

    @freeze_time("2026-06-01 02:00:00")
    def test_deadline_lights(self):
        cards = {
            "green": self._card(date_deadline=datetime(2026, 6, 10, 4)),
            "yellow": self._card(date_deadline=datetime(2026, 6, 4, 4)),
            "red": self._card(date_deadline=datetime(2026, 5, 31, 4)),
            "none": self._card(date_deadline=False),
            "closed": self._card(date_deadline=datetime(2026, 5, 20, 4)),
        }
        cards["closed"].state = "1_done"
        for status in ("green", "yellow", "red", "none", "closed"):
            self.assertEqual(cards[status].org_deadline_status, status, status)
        Task = self.env["project.task"].with_user(self.responsible)
        self.assertEqual(
            Task.search([("org_deadline_status", "=", "red"), ("project_id", "=", self.board.id)]),
            cards["red"],
        )
        # A wider warning period turns green cards yellow.
        self.board_type.warning_days = 10
        self.assertEqual(cards["green"].org_deadline_status, "yellow")

    def test_lights_move_with_time(self):
        with freeze_time("2026-06-01 02:00:00"):
            card = self._card(date_deadline=datetime(2026, 6, 8, 4))
            self.assertEqual(card.org_deadline_status, "green")
            far = self._card(date_deadline=datetime(2026, 9, 1, 4))
        with freeze_time("2026-06-06 02:00:00"):
            refreshed, wait = self.env["project.task"]._org_refresh_deadline_lights()
            self.assertIn(card, refreshed)
            self.assertNotIn(far, refreshed, "a light the day does not change is left alone")
            self.assertFalse(wait)
            self.assertEqual(card.org_deadline_status, "yellow")
        with freeze_time("2026-06-09 02:00:00"):
            self.env["project.task"]._org_refresh_deadline_lights()
            self.assertEqual(card.org_deadline_status, "red")

    def test_closing_needs_checklist_evidence_and_acceptance(self):
        card = self._card()
        with self.assertRaises(UserError) as caught:
            card.stage_id = self.stage_closed
        message = str(caught.exception)
        for expected in ("推进重点任务", "制定方案", "成效材料", "no evidence", "not accepted"):
            self.assertIn(expected, message)
        self.assertEqual(card.stage_id, self.stage_todo)
        self._complete(card)
        with self.assertRaises(UserError) as caught:
            card.stage_id = self.stage_closed
        self.assertIn("not accepted", str(caught.exception))
        self.assertNotIn("制定方案", str(caught.exception))

    def test_submit_accept_closes(self):
        card = self._card()
        with self.assertRaises(UserError):
            card.action_org_submit_review()
        self._complete(card)
        card.action_org_submit_review()
        self.assertEqual(card.org_review_state, "submitted")
        review = card.activity_ids.filtered(lambda a: a.activity_type_id.name == "Acceptance")
        self.assertEqual(review.user_id, self.reviewer)
        with self.assertRaises(UserError):
            card.with_user(self.other_officer).action_org_accept()
        card.with_user(self.reviewer).action_org_accept()
        self.assertEqual(card.stage_id, self.stage_closed)
        self.assertEqual(card.org_review_state, "accepted")
        self.assertEqual(card.org_deadline_status, "closed")
        self.assertFalse(card.activity_ids, "the acceptance activity is done")

    def test_return_with_reason(self):
        card = self._card()
        self._complete(card)
        card.action_org_submit_review()
        action = card.with_user(self.reviewer).action_org_open_reject_wizard()
        wizard = Form(
            self.env[action["res_model"]].with_user(self.reviewer).with_context(**action["context"])
        )
        wizard.reason = "佐证材料不完整，请补充会议纪要"
        wizard.save().action_reject()
        self.assertEqual(card.org_review_state, "rejected")
        self.assertIn("佐证材料不完整", card.message_ids[:1].body)
        todo = card.activity_ids.filtered(lambda a: a.user_id == self.responsible)
        self.assertIn("佐证材料不完整", todo.note)
        with self.assertRaises(UserError):
            card.with_user(self.other_officer).action_org_open_reject_wizard()

    def test_reopen_resets_acceptance_and_keeps_history(self):
        card = self._card()
        self._complete(card)
        card.action_org_submit_review()
        self.env.cr.precommit.run()
        card.with_user(self.reviewer).action_org_accept()
        self.env.flush_all()
        self.env.cr.precommit.run()
        card.with_user(self.manager).stage_id = self.stage_doing
        self.assertEqual(card.org_review_state, "draft")
        self.env.flush_all()
        self.env.cr.precommit.run()
        values = card.sudo().message_ids.tracking_value_ids
        self.assertIn("销号", values.mapped("new_value_char"), "closing is in the history")
        self.assertIn("推进中", values.mapped("new_value_char"), "reopening is in the history")

    def test_manager_accepts_any_card(self):
        card = self._card()
        self._complete(card)
        card.action_org_submit_review()
        card.with_user(self.manager).action_org_accept()
        self.assertTrue(card.org_is_closed)

    def test_responsible_person_neither_reviews_nor_accepts(self):
        """Separation of duties: the responsible person is never the reviewer or the acceptor."""
        card = self._card()
        self._complete(card)
        # Naming oneself reviewer is refused, by the form or by RPC; nothing changes.
        with self.assertRaises(ValidationError) as refusal:
            card.with_user(self.responsible).write({"org_reviewer_id": self.responsible.id})
        self.assertRegex(str(refusal.exception), "推进重点任务.*cannot also be its reviewer")
        card.invalidate_recordset()
        self.assertEqual(card.org_reviewer_id, self.reviewer)
        card.with_user(self.responsible).action_org_submit_review()
        # Neither the button nor a direct write accepts one's own card, not even as administrator.
        for user in (self.responsible, self.manager):
            own = card if user == self.responsible else self._card(org_responsible_user_id=user.id)
            if own != card:
                self._complete(own)
                own.with_user(user).action_org_submit_review()
            for attempt in (
                lambda own=own, user=user: own.with_user(user).action_org_accept(),
                lambda own=own, user=user: own.with_user(user).write({"org_review_state": "accepted"}),
                lambda own=own, user=user: own.with_user(user).action_org_open_reject_wizard(),
            ):
                with self.assertRaises(UserError) as refusal:
                    attempt()
                self.assertIn("responsible person of card “推进重点任务”", str(refusal.exception))
                own.invalidate_recordset()
                self.assertEqual(own.org_review_state, "submitted", user.login)
                self.assertFalse(own.org_is_closed, user.login)
        # Nor by the stage: the card needs an acceptance first.
        with self.assertRaisesRegex(UserError, "reviewer has not accepted"):
            card.with_user(self.responsible).stage_id = self.stage_closed
        card.with_user(self.reviewer).action_org_accept()
        self.assertTrue(card.org_is_closed)

    def test_reviewer_defaults_past_the_responsible_person(self):
        """A card whose responsible person reviews the board gets the board's manager instead."""
        self.board.user_id = self.manager
        card = self._card(org_responsible_user_id=self.reviewer.id)
        self.assertEqual(card.org_reviewer_id, self.manager)

    def test_leader_reads_but_does_not_move_cards(self):
        card = self._card()
        self.assertEqual(card.with_user(self.leader).name, "推进重点任务")
        with self.assertRaises(AccessError):
            card.with_user(self.leader).write({"name": "改名"})


@tagged("post_install", "-at_install")
class TestBoardCron(OrgBoardCommon):
    @freeze_time("2026-06-10 02:00:00")
    def test_overdue_cards_get_one_reminder(self):
        overdue = self._card(name="逾期一", date_deadline=datetime(2026, 6, 1, 4))
        overdue_assignee = self._card(
            name="逾期二",
            date_deadline=datetime(2026, 6, 2, 4),
            org_responsible_user_id=False,
            user_ids=[(6, 0, self.other_officer.ids)],
        )
        on_time = self._card(name="未到期", date_deadline=datetime(2026, 6, 30, 4))
        plain_project = self.env["project.project"].create({"name": "普通项目"})
        outside = self.env["project.task"].create(
            {"name": "非清单", "project_id": plain_project.id, "date_deadline": datetime(2026, 6, 1, 4)}
        )
        Task = self.env["project.task"]
        reminded = Task._cron_org_overdue_activities()
        self.assertEqual(
            set(reminded.ids) & {overdue.id, overdue_assignee.id, on_time.id, outside.id},
            {overdue.id, overdue_assignee.id},
        )
        activity_type = self.env.ref("org_checklist.mail_activity_type_org_overdue")
        self.assertEqual(
            overdue.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).user_id,
            self.responsible,
        )
        self.assertEqual(
            overdue_assignee.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).user_id,
            self.other_officer,
        )
        self.assertFalse(on_time.activity_ids.filtered(lambda a: a.activity_type_id == activity_type))
        self.assertFalse(outside.activity_ids)
        self.assertIn("Overdue", overdue.message_ids[:1].body)
        # Idempotent: a second run reminds nobody twice.
        again = Task._cron_org_overdue_activities()
        self.assertFalse(again & (overdue + overdue_assignee))
        self.assertEqual(len(overdue.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)), 1)

    @freeze_time("2026-06-10 02:00:00")
    def test_cron_batches(self):
        cards = self.env["project.task"]
        for index in range(5):
            cards |= self._card(name=f"逾期{index}", date_deadline=datetime(2026, 6, 1, 4))
        Task = self.env["project.task"]
        progress = cron_progress(self.env, "org_checklist.ir_cron_org_overdue_activities")
        first = Task.with_context(ir_cron_progress_id=progress.id)._cron_org_overdue_activities(batch_size=3)
        self.assertEqual(len(first & cards), 3)
        # The cron is told that cards wait: its worker runs it again for them.
        self.assertEqual(progress.done, 3)
        self.assertTrue(progress.remaining)
        progress = cron_progress(self.env, "org_checklist.ir_cron_org_overdue_activities")
        second = Task.with_context(ir_cron_progress_id=progress.id)._cron_org_overdue_activities(batch_size=3)
        self.assertEqual(len(second & cards), 2)
        self.assertEqual((progress.done, progress.remaining), (2, 0))
        self.assertFalse(first & second)
