"""org_checklist's access matrix (readme/SECURITY.md), proven cell by cell for each role: the
checklist engine, the boards and their cards, and the side paths of a card (attachments and
/web/content, messages, followers, activities, posting)."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from odoo.addons.org_base.tests.access_matrix import (
    ALL,
    CARD_READERS,
    CONFIGURATORS,
    MANAGER,
    OFFICERS,
    ROLES,
    AccessMatrixMixin,
    role_users,
)


class AccessMatrixCommon(AccessMatrixMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = role_users(cls.env, "matrix")
        cls.other_officer = new_test_user(cls.env, "matrix_other_officer", groups="org_base.group_org_user")
        cls.stage = cls.env["project.task.type"].create({"name": "矩阵待办", "user_id": False})
        cls.board_type = cls.env["org.board.type"].create(
            {"name": "矩阵看板", "code": "matrix_board", "stage_ids": [(6, 0, cls.stage.ids)]}
        )
        cls.board = cls.env["project.project"].create(
            {
                "name": "矩阵重点任务",
                "org_board_type_id": cls.board_type.id,
                "privacy_visibility": "employees",
            }
        )
        cls.card = cls.env["project.task"].create(
            {"name": "矩阵卡片", "project_id": cls.board.id, "org_responsible_user_id": cls.other_officer.id}
        )


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixCommon):
    """One row per model org_checklist defines or extends: {operation: roles allowed}."""

    def test_matrix(self):
        template = self.env["org.checklist.template"].create({"name": "矩阵清单"})
        line_vals = {"res_model": "project.task", "res_id": self.card.id, "name": "矩阵事项"}
        rows = [
            ("org.checklist.template", {"name": "矩阵清单二"}, {"name": "改"}, ALL, CONFIGURATORS),
            (
                "org.checklist.template.item",
                {"template_id": template.id, "name": "矩阵模板项"},
                {"name": "改"},
                ALL,
                CONFIGURATORS,
            ),
            (
                "org.board.type",
                {"name": "矩阵看板二", "code": "matrix_board2"},
                {"name": "改"},
                ALL,
                CONFIGURATORS,
            ),
            ("org.checklist.line", line_vals, {"done": True}, CARD_READERS, OFFICERS),
            (
                "project.task",
                {"name": "矩阵卡片二", "project_id": self.board.id},
                {"name": "改"},
                CARD_READERS,
                OFFICERS,
            ),
            (
                "project.project",
                {"name": "矩阵看板项目", "org_board_type_id": self.board_type.id},
                {"name": "改"},
                ALL,
                MANAGER,
            ),
            (
                "project.task.type",
                {"name": "矩阵阶段", "user_id": False},
                {"org_closing": True},
                ALL,
                CONFIGURATORS,
            ),
        ]
        self._check_rows(rows)

    def test_reject_wizard(self):
        """The return wizard serves those who work cards."""
        for role in ROLES:
            Reject = self.env["org.task.reject.wizard"].with_user(self.users[role])
            self.assertEqual(Reject.has_access("create"), role in OFFICERS, f"{role} returns cards")


@tagged("post_install", "-at_install")
class TestAccessSidePaths(AccessMatrixCommon):
    """Attachments, messages, followers and activities of a department board card."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "矩阵佐证.pdf",
                "raw": b"%PDF-1.4 matrix",
                "res_model": "project.task",
                "res_id": cls.card.id,
            }
        )
        cls.message = cls.card.message_post(body="矩阵留言", subtype_xmlid="mail.mt_note")
        cls.card.message_subscribe(partner_ids=cls.other_officer.partner_id.ids)
        cls.activity = cls.card.activity_schedule(
            "mail.mail_activity_data_todo", user_id=cls.other_officer.id, summary="矩阵待办"
        )

    def test_attachments_messages_followers(self):
        for role in ROLES:
            user, reads = self.users[role], role in CARD_READERS
            with self.subTest(role=role):
                Attachment = self.env["ir.attachment"].with_user(user)
                self.assertEqual(bool(Attachment.search([("id", "=", self.attachment.id)])), reads)
                Message = self.env["mail.message"].with_user(user)
                self.assertEqual(bool(Message.search([("id", "=", self.message.id)])), reads)
                Follower = self.env["mail.followers"].with_user(user)
                followers = Follower.search(
                    [("res_model", "=", "project.task"), ("res_id", "=", self.card.id)]
                )
                self.assertEqual(self.other_officer.partner_id in followers.partner_id, reads)
                follower = self.card.message_follower_ids.filtered(
                    lambda f: f.partner_id == self.other_officer.partner_id
                )
                if not reads:
                    self.assertRaises(AccessError, Follower.browse(follower.id).read, ["partner_id"])
                    self.assertRaises(AccessError, Attachment.browse(self.attachment.id).read, ["datas"])
                    self.assertRaises(AccessError, Message.browse(self.message.id).read, ["body"])
                else:
                    self.assertTrue(Attachment.browse(self.attachment.id).read(["datas"])[0]["datas"])

    def test_own_card(self):
        """A plain employee reads the department card they are responsible for, no other."""
        employee = self.users["employee"]
        own = self.env["project.task"].create(
            {"name": "矩阵本人卡片", "project_id": self.board.id, "org_responsible_user_id": employee.id}
        )
        Task = self.env["project.task"].with_user(employee)
        self.assertEqual(Task.search([("project_id", "=", self.board.id)]), own)
        self.assertEqual(Task.browse(own.id).read(["name"])[0]["name"], "矩阵本人卡片")
        self._refused(lambda: Task.browse(own.id).write({"name": "改"}))

    def _refused(self, call):
        with self.assertRaises(AccessError):
            call()

    def test_activities_and_chatter_need_write_access(self):
        """A reader of a card (the leader) posts nothing and touches no one else's activity."""
        for role in ROLES:
            user, writes = self.users[role], role in OFFICERS
            with self.subTest(role=role):
                card = self.card.with_user(user)
                activity = self.activity.with_user(user)
                messages = len(self.card.message_ids)
                if writes:
                    card.message_post(body="可以留言", subtype_xmlid="mail.mt_note")
                    self.assertEqual(len(self.card.message_ids), messages + 1)
                    activity.write({"summary": "矩阵待办"})
                    continue
                self._refused_post(card)
                self.assertEqual(len(self.card.message_ids), messages, role)
                with self.assertRaises(AccessError):
                    activity.write({"summary": "篡改"})
                with self.assertRaises(AccessError):
                    activity.unlink()
                with self.assertRaises(AccessError):
                    card.activity_schedule("mail.mail_activity_data_todo", user_id=user.id)
                self.activity.invalidate_recordset()
                self.assertEqual(self.activity.summary, "矩阵待办")
                self.assertTrue(self.activity.exists())

    def _refused_post(self, card):
        with self.assertRaises(AccessError):
            card.message_post(body="不应出现", message_type="comment", subtype_xmlid="mail.mt_comment")

    def test_leader_ticks_no_checklist_item(self):
        """Checklist items of a record the leader can only read, or of any record, stay as they are."""
        line = self.env["org.checklist.line"].create(
            {"res_model": "project.task", "res_id": self.card.id, "name": "矩阵事项"}
        )
        Line = self.env["org.checklist.line"].with_user(self.users["leader"])
        with self.assertRaises(AccessError):
            Line.browse(line.id).write({"done": True})
        # Not even on a record the leader may write (an attachment of their own).
        own = (
            self.env["ir.attachment"]
            .with_user(self.users["leader"])
            .create({"name": "自己的.txt", "raw": b"x"})
        )
        with self.assertRaises(AccessError):
            Line.create({"res_model": "ir.attachment", "res_id": own.id, "name": "越权事项"})
        self.assertFalse(line.done)

    def test_card_closes_only_through_the_reviewer(self):
        """The leader neither accepts nor moves a card; the refusal is an access refusal."""
        leader_card = self.card.with_user(self.users["leader"])
        with self.assertRaises(UserError):
            leader_card.action_org_accept()
        with self.assertRaises(AccessError):
            leader_card.write({"stage_id": self.stage.id, "org_review_state": "submitted"})
        self.assertEqual(self.card.org_review_state, "draft")


@tagged("post_install", "-at_install")
class TestAccessHttp(HttpCase):
    """/web/content serves a card's file to those who read the card only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The second factor (administrators, the supervision group) is TestAccounts' concern:
        # here every role logs in with the password alone.
        cls.env["res.groups"].search([("org_require_totp", "=", True)]).org_require_totp = False

    def test_web_content(self):
        users = role_users(self.env, "matrix_http")
        board = self.env["project.project"].create(
            {
                "name": "矩阵下载看板",
                "privacy_visibility": "employees",
                "org_board_type_id": self.env["org.board.type"]
                .create({"name": "矩阵下载", "code": "mx_http"})
                .id,
            }
        )
        card = self.env["project.task"].create({"name": "矩阵下载卡片", "project_id": board.id})
        attachment = self.env["ir.attachment"].create(
            {
                "name": "矩阵佐证.txt",
                "raw": b"matrix evidence",
                "res_model": "project.task",
                "res_id": card.id,
            }
        )
        for role in ROLES:
            with self.subTest(role=role):
                self.authenticate(users[role].login, users[role].login)
                response = self.url_open(f"/web/content/{attachment.id}?download=true")
                if role in CARD_READERS:
                    self.assertEqual(response.status_code, 200, role)
                    self.assertEqual(response.content, b"matrix evidence")
                else:
                    self.assertNotEqual(response.status_code, 200, role)
                    self.assertNotIn(b"matrix evidence", response.content)
