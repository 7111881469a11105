from contextlib import contextmanager

import psycopg2

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import GrassrootsCommon


@tagged("post_install", "-at_install")
class TestSecretaryScope(GrassrootsCommon):
    def test_secretary_sees_only_the_own_subtree(self):
        Organization = self.env["org.party.organization"].with_user(self.secretary_a)
        self.assertEqual(Organization.search([]), self.org_a | self.branch_a1 | self.branch_a2)
        Member = self.env["org.party.member"].with_user(self.secretary_a)
        self.assertEqual(Member.search([]), self.member_a1)
        self.assertFalse(Member.search([("id", "=", self.member_b1.id)]))
        self.assertFalse(Member.search([("name", "=", self.member_b1.name)]))
        self.assertEqual(Member.search_count([]), 1)

    def test_secretary_cannot_read_another_subtree_by_id(self):
        with self.assertRaises(AccessError):
            self.env["org.party.member"].with_user(self.secretary_a).browse(self.member_b1.id).read(["name"])
        with self.assertRaises(AccessError):
            self.env["org.party.organization"].with_user(self.secretary_a).browse(self.branch_b1.id).read(
                ["name"]
            )
        with self.assertRaises(AccessError):
            self.env["org.party.organization"].with_user(self.secretary_a).browse(self.zone.id).read(["name"])

    def test_secretary_cannot_read_group_or_export_another_subtree(self):
        groups = (
            self.env["org.party.member"]
            .with_user(self.secretary_a)
            .read_group([], ["organization_id"], ["organization_id"])
        )
        self.assertEqual([group["organization_id"][0] for group in groups], [self.branch_a1.id])
        counts = (
            self.env["org.party.organization"].with_user(self.secretary_a).read_group([], ["kind"], ["kind"])
        )
        self.assertEqual(sum(group["kind_count"] for group in counts), 3)
        # Even with the right to export, only the own subtree's records come out.
        self.secretary_a.groups_id += self.env.ref("base.group_allow_export")
        member = self.env["org.party.member"].with_user(self.secretary_a)
        self.assertEqual(member.browse(self.member_a1.id).export_data(["name"])["datas"], [["测试党员甲"]])
        with self.assertRaises(AccessError):
            member.browse(self.member_b1.id).export_data(["name", "organization_id"])

    def test_secretary_maintains_the_own_subtree_only(self):
        Member = self.env["org.party.member"].with_user(self.secretary_a)
        new = Member.create({"name": "新党员", "organization_id": self.branch_a2.id})
        self.assertEqual(new.organization_id, self.branch_a2)
        new.party_post = "宣传委员"
        with self.assertRaises(AccessError):
            Member.create({"name": "越权党员", "organization_id": self.branch_b1.id})
        with self.assertRaises(AccessError):
            Member.browse(self.member_b1.id).write({"party_post": "书记"})
        Organization = self.env["org.party.organization"].with_user(self.secretary_a)
        child = Organization.create({"name": "测试甲三支部", "parent_id": self.org_a.id})
        self.assertEqual(child.parent_id, self.org_a)
        with self.assertRaises(AccessError):
            Organization.create({"name": "越权支部", "parent_id": self.org_b.id})
        with self.assertRaises(AccessError):
            Organization.browse(self.org_b.id).write({"name": "改名"})
        with self.assertRaises(AccessError):
            child.unlink()

    def test_becoming_secretary_of_another_subtree_takes_effect(self):
        Member = self.env["org.party.member"].with_user(self.secretary_a)
        self.assertEqual(Member.search([]), self.member_a1)
        self.org_b.secretary_user_id = self.secretary_a
        self.assertEqual(Member.search([]), self.member_a1 | self.member_b1)
        self.org_a.secretary_user_id = False
        self.assertEqual(Member.search([]), self.member_b1)

    def test_secretary_of_nothing_sees_nothing(self):
        self.org_b.secretary_user_id = False
        self.assertFalse(self.env["org.party.organization"].with_user(self.secretary_b).search([]))
        self.assertFalse(self.env["org.party.member"].with_user(self.secretary_b).search([]))


@tagged("post_install", "-at_install")
class TestRoles(GrassrootsCommon):
    def test_officer_and_leader_see_everything(self):
        for user in (self.user_officer, self.user_leader):
            members = (
                self.env["org.party.member"]
                .with_user(user)
                .search([("id", "in", (self.member_a1 | self.member_b1).ids)])
            )
            self.assertEqual(members, self.member_a1 | self.member_b1, user.login)
            self.assertIn(self.zone, self.env["org.party.organization"].with_user(user).search([]))

    def test_leader_reads_but_does_not_change(self):
        with self.assertRaises(AccessError):
            self.member_a1.with_user(self.user_leader).write({"party_post": "书记"})
        with self.assertRaises(AccessError):
            self.env["org.party.organization"].with_user(self.user_leader).create({"name": "领导建的"})

    def test_officer_maintains_but_only_manager_deletes(self):
        organization = (
            self.env["org.party.organization"].with_user(self.user_officer).create({"name": "新支部"})
        )
        with self.assertRaises(AccessError):
            organization.unlink()
        organization.with_user(self.user_manager).unlink()

    def test_employee_has_no_access(self):
        with self.assertRaises(AccessError):
            self.env["org.party.member"].with_user(self.user_employee).search([])
        with self.assertRaises(AccessError):
            self.env["org.party.organization"].with_user(self.user_employee).search([])

    def test_menus(self):
        root = self.env.ref("org_grassroots.menu_org_grassroots_root")
        first = self.env.ref("org_grassroots.menu_org_party_organization")
        self.assertEqual(root.child_id.sorted("sequence")[0], first)
        self.assertEqual(first.action, self.env.ref("org_grassroots.org_party_organization_action"))
        for user in (self.user_officer, self.user_leader, self.secretary_a):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertIn(root.id, visible, user.login)
            self.assertIn(first.id, visible, user.login)
        visible = self.env["ir.ui.menu"].with_user(self.user_employee)._visible_menu_ids()
        self.assertNotIn(root.id, visible)
        config = self.env.ref("org_grassroots.menu_org_grassroots_config")
        self.assertNotIn(config.id, self.env["ir.ui.menu"].with_user(self.secretary_a)._visible_menu_ids())


@tagged("post_install", "-at_install")
class TestSecretaryBoards(GrassrootsCommon):
    """A secretary sees and works the party boards' cards of their subtree, nothing else: no
    department board (重点任务 …), no other subtree, no chatter around them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Project = cls.env["project.project"]
        cls.happiness = Project.create(
            {
                "name": "测试幸福清单",
                "org_board_type_id": cls.env.ref("org_grassroots.board_type_happiness").id,
                "privacy_visibility": "followers",
            }
        )
        cls.department = Project.create(
            {
                "name": "测试重点任务",
                "org_board_type_id": cls.env.ref("org_checklist.board_type_key_task").id,
                "privacy_visibility": "employees",
            }
        )
        Task = cls.env["project.task"]
        cls.card_a, cls.card_b, cls.card_department, cls.card_department_a = Task.create(
            [
                {
                    "name": "甲的幸福事项",
                    "project_id": cls.happiness.id,
                    "org_party_organization_id": cls.branch_a1.id,
                },
                {
                    "name": "乙的幸福事项",
                    "project_id": cls.happiness.id,
                    "org_party_organization_id": cls.branch_b1.id,
                },
                {"name": "部机关重点任务", "project_id": cls.department.id},
                {
                    "name": "挂在甲的重点任务",
                    "project_id": cls.department.id,
                    "org_party_organization_id": cls.org_a.id,
                },
            ]
        )
        for card in (cls.card_a, cls.card_b, cls.card_department, cls.card_department_a):
            card.message_post(body="内部进展", message_type="comment", subtype_xmlid="mail.mt_comment")
            card.activity_schedule(
                "mail.mail_activity_data_todo", summary="催办", user_id=cls.user_officer.id
            )
            card.message_subscribe(partner_ids=cls.user_officer.partner_id.ids)

    def test_secretary_reads_only_party_cards_of_the_subtree(self):
        Task = self.env["project.task"].with_user(self.secretary_a)
        self.assertEqual(Task.search([("id", "in", self._cards().ids)]), self.card_a)
        for card in self.card_b | self.card_department | self.card_department_a:
            with self.assertRaises(AccessError, msg=card.name):
                card.with_user(self.secretary_a).read(["name"])
        self.assertFalse(Task.name_search("重点任务"))
        groups = Task.read_group([("id", "in", self._cards().ids)], ["project_id"], ["project_id"])
        self.assertEqual([group["project_id"][0] for group in groups], [self.happiness.id])
        Project = self.env["project.project"].with_user(self.secretary_a)
        self.assertIn(self.happiness, Project.search([]))
        self.assertNotIn(self.department, Project.search([]))

    def test_secretary_chatter_follows_the_card(self):
        Message = self.env["mail.message"].with_user(self.secretary_a)
        messages = Message.search([("model", "=", "project.task"), ("res_id", "in", self._cards().ids)])
        self.assertEqual(set(messages.mapped("res_id")), {self.card_a.id})
        Activity = self.env["mail.activity"].with_user(self.secretary_a)
        activities = Activity.search(
            [("res_model", "=", "project.task"), ("res_id", "in", self._cards().ids)]
        )
        self.assertEqual(activities.mapped("res_id"), [self.card_a.id])
        Follower = self.env["mail.followers"].with_user(self.secretary_a)
        followers = Follower.search([("res_model", "=", "project.task"), ("res_id", "in", self._cards().ids)])
        self.assertEqual(set(followers.mapped("res_id")), {self.card_a.id})
        other_followers = self.env["mail.followers"].search(
            [("res_model", "=", "project.task"), ("res_id", "=", self.card_department.id)]
        )
        with self.assertRaises(AccessError):
            other_followers.with_user(self.secretary_a).read(["partner_id"])
        other_activity = self.card_department.activity_ids
        with self.assertRaises(AccessError):
            other_activity.with_user(self.secretary_a).write({"summary": "改掉"})
        with self.assertRaises(AccessError):
            other_activity.with_user(self.secretary_a).unlink()
        with self.assertRaises(AccessError):
            self.card_department.with_user(self.secretary_a).message_post(body="越权留言")
        other_activity.invalidate_recordset()
        self.assertEqual(other_activity.summary, "催办")
        # The own card: the secretary works its chatter.
        self.card_a.with_user(self.secretary_a).message_post(body="已办理")
        self.card_a.activity_ids.with_user(self.secretary_a).write({"summary": "已催"})

    def test_followers_of_another_subtree_are_hidden(self):
        self.member_b1.message_subscribe(partner_ids=self.user_officer.partner_id.ids)
        self.member_a1.message_subscribe(partner_ids=self.user_officer.partner_id.ids)
        Follower = self.env["mail.followers"].with_user(self.secretary_a)
        followers = Follower.search([("res_model", "=", "org.party.member")])
        self.assertEqual(set(followers.mapped("res_id")), {self.member_a1.id})

    def test_secretary_creates_cards_only_on_party_boards_of_the_subtree(self):
        Task = self.env["project.task"].with_user(self.secretary_a)
        card = Task.create(
            {
                "name": "新幸福事项",
                "project_id": self.happiness.id,
                "org_party_organization_id": self.branch_a2.id,
            }
        )
        self.assertEqual(card.org_party_organization_id, self.branch_a2)
        with self.assertRaises(AccessError):
            Task.create(
                {
                    "name": "部机关卡片",
                    "project_id": self.department.id,
                    "org_party_organization_id": self.org_a.id,
                }
            )
        with self.assertRaises(AccessError):
            Task.create(
                {
                    "name": "越权卡片",
                    "project_id": self.happiness.id,
                    "org_party_organization_id": self.branch_b1.id,
                }
            )

    def test_leader_reads_party_cards_but_changes_none(self):
        # A leader who is also a secretary: the leader's rule must not lend the secretary's
        # write access to every party card.
        leader_secretary = new_test_user(
            self.env,
            "gr_leader_secretary",
            groups="org_base.group_org_leader,org_grassroots.group_party_secretary",
        )
        Task = self.env["project.task"].with_user(leader_secretary)
        self.assertEqual(
            Task.search([("id", "in", (self.card_a | self.card_b).ids)]), self.card_a | self.card_b
        )
        with self.assertRaises(AccessError):
            self.card_b.with_user(leader_secretary).write({"name": "领导改名"})
        with self.assertRaises(AccessError):
            Task.create(
                {
                    "name": "领导建卡",
                    "project_id": self.happiness.id,
                    "org_party_organization_id": self.branch_b1.id,
                }
            )
        with self.assertRaises(AccessError):
            self.card_b.with_user(leader_secretary).unlink()
        self.card_b.invalidate_recordset()
        self.assertEqual(self.card_b.name, "乙的幸福事项")
        with self.assertRaises(AccessError):
            self.card_a.with_user(self.user_leader).write({"name": "领导改名"})

    def _cards(self):
        return self.card_a | self.card_b | self.card_department | self.card_department_a


@tagged("post_install", "-at_install")
class TestScopeAfterWrite(GrassrootsCommon):
    """Record rules hold on the records as they are after a write, not only before."""

    @contextmanager
    def _refused(self, pattern, msg=None):
        # assertRaises (not assertRaisesRegex) rolls the refused write back to a savepoint.
        with self.assertRaises(AccessError, msg=msg) as caught:
            yield
        self.assertRegex(str(caught.exception), pattern)

    def test_secretary_cannot_move_records_out_of_the_subtree(self):
        env = self.env(user=self.secretary_a)
        meeting_type = self.env["org.party.meeting.type"].search([], limit=1)
        records = {
            "org.party.meeting": {
                "name": "支部党员大会",
                "organization_id": self.branch_a1.id,
                "type_id": meeting_type.id,
                "date": "2026-03-01",
                "state": "planned",
            },
            "org.party.candidate": {"name": "积极分子甲", "organization_id": self.branch_a1.id},
            "org.party.member": {"name": "党员丙", "organization_id": self.branch_a1.id},
            "org.party.report": {
                "name": "请示甲",
                "organization_id": self.branch_a1.id,
                "content": "<p>内容</p>",
            },
            "org.party.brand": {"name": "品牌甲", "organization_id": self.branch_a1.id},
        }
        for model, vals in records.items():
            record = env[model].create(vals)
            with self._refused("组织关系转接|membership transfer", msg=model):
                record.write({"organization_id": self.branch_b1.id})
            record.invalidate_recordset()
            self.assertEqual(record.organization_id, self.branch_a1, model)
            # Within the subtree the move is free.
            record.write({"organization_id": self.branch_a2.id})
            self.assertEqual(record.organization_id, self.branch_a2, model)

    def test_secretary_cannot_move_a_board_card_out_of_the_subtree(self):
        board = self.env["project.project"].create(
            {
                "name": "测试幸福清单",
                "org_board_type_id": self.env.ref("org_grassroots.board_type_happiness").id,
            }
        )
        card = self.env["project.task"].create(
            {"name": "甲的事项", "project_id": board.id, "org_party_organization_id": self.branch_a1.id}
        )
        with self._refused("甲的事项"):
            card.with_user(self.secretary_a).write({"org_party_organization_id": self.branch_b1.id})
        card.invalidate_recordset()
        self.assertEqual(card.org_party_organization_id, self.branch_a1)

    def test_secretary_cannot_hang_organizations_under_another_subtree(self):
        Organization = self.env["org.party.organization"].with_user(self.secretary_a)
        with self._refused("测试甲一支部"):
            Organization.browse(self.branch_a1.id).write({"parent_id": self.org_b.id})
        with self._refused("测试甲党委"):
            Organization.browse(self.org_a.id).write({"parent_id": self.org_b.id})
        with self._refused("测试甲党委"):
            Organization.browse(self.org_a.id).write({"parent_id": False})
        self.env.invalidate_all()
        self.assertEqual(self.branch_a1.parent_id, self.org_a)
        self.assertEqual(self.org_a.parent_id, self.zone)
        # Within the subtree: a branch moves below another branch of the same committee.
        Organization.browse(self.branch_a2.id).write({"parent_id": self.branch_a1.id})
        self.assertEqual(self.branch_a2.parent_id, self.branch_a1)

    def test_transfer_stays_the_only_way_out(self):
        transfer = (
            self.env["org.party.transfer"]
            .with_user(self.secretary_a)
            .create(
                {
                    "member_id": self.member_a1.id,
                    "organization_from_id": self.branch_a1.id,
                    "organization_to_id": self.branch_b1.id,
                }
            )
        )
        with self.assertRaises(AccessError):
            transfer.write({"organization_from_id": self.zone.id})
        transfer.invalidate_recordset()
        self.assertEqual(transfer.organization_from_id, self.branch_a1)


@tagged("post_install", "-at_install")
class TestSortOrder(GrassrootsCommon):
    """A sort order that cannot be used is refused with a clear message, never a ValueError;
    a field the user may not read cannot be used to sort (no ordering oracle)."""

    def test_unusable_sort_is_refused_clearly(self):
        Member = self.env["org.party.member"].with_user(self.secretary_a)
        self.assertEqual(Member.search([], order="birthday desc, name"), self.member_a1)
        with self.assertRaisesRegex(UserError, "resident_id_masked"):
            Member.search([], order="resident_id_masked")
        with self.assertRaisesRegex(UserError, "organization_id.name"):
            Member.web_search_read([], {"name": {}}, order="organization_id.name desc")
        with self.assertRaisesRegex(UserError, "id_number"):
            Member.read_group([], ["organization_id"], ["organization_id"], orderby="id_number")
        with self.assertRaisesRegex(AccessError, "id_number"):
            Member.search([], order="id_number desc")
        with self.assertRaisesRegex(AccessError, "id_number"):
            Member.web_search_read([], {"name": {}}, order="id_number")
        groups = Member.read_group(
            [], ["organization_id"], ["organization_id"], orderby="organization_id desc"
        )
        self.assertEqual([group["organization_id"][0] for group in groups], [self.branch_a1.id])


@tagged("post_install", "-at_install")
class TestMemberAccountLink(GrassrootsCommon):
    """The member's account (user_id) is who portal pages and meeting sign-in take the member
    to be: officers and administrators link it; a secretary links no existing account, their
    own or anyone's, and the leader (read-only) none."""

    def test_secretary_cannot_link_an_existing_account(self):
        portal = new_test_user(self.env, "gr_member_portal", groups="base.group_portal")
        member = self.member_a1.with_user(self.secretary_a)
        for account in (self.secretary_a, self.user_officer, portal):
            with self.subTest(account=account.login), self.assertRaises(AccessError):
                member.write({"user_id": account.id})
        self.assertFalse(self.member_a1.user_id)
        with self.assertRaises(AccessError):
            member.create(
                {"name": "新党员", "organization_id": self.branch_a1.id, "user_id": self.secretary_a.id}
            )
        # the secretary still maintains the member otherwise
        member.write({"party_post": "组织委员"})
        self.assertEqual(self.member_a1.party_post, "组织委员")

    def test_officer_links_one_member_per_account(self):
        portal = new_test_user(self.env, "gr_member_portal", groups="base.group_portal")
        self.member_a1.with_user(self.user_officer).write({"user_id": portal.id})
        self.assertEqual(self.member_a1.user_id, portal)
        with self.assertRaises(AccessError):
            self.member_a1.with_user(self.user_leader).write({"user_id": False})
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.UniqueViolation),
            self.cr.savepoint(),
        ):
            self.member_b1.write({"user_id": portal.id})
        self.member_a1.with_user(self.user_officer).write({"user_id": False})
        self.assertFalse(self.member_a1.user_id)
