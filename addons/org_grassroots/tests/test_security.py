from odoo.exceptions import AccessError
from odoo.tests import tagged

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
