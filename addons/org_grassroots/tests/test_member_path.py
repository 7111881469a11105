import re

from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.org_grassroots.models.org_party_member import PATH_INDEX

from .common import GrassrootsCommon, resident_id


@tagged("post_install", "-at_install")
class TestMemberOrganizationPath(GrassrootsCommon):
    """A member keeps its organization's parent_path (``organization_path``): the member list is
    ordered by it and a party secretary's member rule matches its prefix, so it must follow every
    way a member or an organization changes place."""

    def _stored_path(self, member):
        """The column as stored in the database, not the cache."""
        self.env.flush_all()
        self.env.cr.execute("SELECT organization_path FROM org_party_member WHERE id = %s", [member.id])
        return self.env.cr.fetchone()[0]

    def _member(self, name, organization, order):
        return self.env["org.party.member"].create(
            {
                "name": name,
                "id_number": resident_id("420115", "19800101", order),
                "organization_id": organization.id,
            }
        )

    def test_path_follows_create_and_organization_change(self):
        self.assertEqual(self._stored_path(self.member_a1), self.branch_a1.parent_path)
        self.member_a1.organization_id = self.branch_a2
        self.assertEqual(self._stored_path(self.member_a1), self.branch_a2.parent_path)
        # A secretary may move a member within the own subtree; the path follows.
        self.member_a1.with_user(self.secretary_a).organization_id = self.branch_a1
        self.assertEqual(self._stored_path(self.member_a1), self.branch_a1.parent_path)

    def test_path_follows_an_internal_transfer(self):
        transfer = self.env["org.party.transfer"].create(
            {"kind": "internal", "member_id": self.member_a1.id, "organization_to_id": self.branch_b1.id}
        )
        transfer.action_submit()
        transfer.with_user(self.secretary_b).action_approve()
        self.assertEqual(self.member_a1.organization_id, self.branch_b1)
        self.assertEqual(self._stored_path(self.member_a1), self.branch_b1.parent_path)

    def test_path_follows_a_subtree_move(self):
        group = self.env["org.party.organization"].create(
            {"name": "测试甲一支部第一党小组", "kind": "branch", "parent_id": self.branch_a1.id}
        )
        grandchild = self._member("测试党员孙", group, 611)
        archived = self._member("测试党员存档", group, 613)
        archived.active = False
        old_path = self._stored_path(grandchild)
        # 测试甲党委 and everything below it move under 测试乙党委.
        self.org_a.parent_id = self.org_b
        self.assertNotEqual(self._stored_path(grandchild), old_path)
        self.assertEqual(self._stored_path(grandchild), group.parent_path)
        self.assertEqual(self._stored_path(archived), group.parent_path)
        self.assertTrue(group.parent_path.startswith(self.org_b.parent_path + f"{self.org_a.id}/"))
        self.assertEqual(self._stored_path(self.member_a1), self.branch_a1.parent_path)
        self.assertEqual(self._stored_path(self.member_b1), self.branch_b1.parent_path)
        # The rules follow the move at once (their cached domain holds the paths).
        Member = self.env["org.party.member"]
        self.assertEqual(
            Member.with_user(self.secretary_b).search([]), self.member_a1 | grandchild | self.member_b1
        )
        self.assertEqual(Member.with_user(self.secretary_a).search([]), self.member_a1 | grandchild)

    def test_secretary_rule_is_the_subtree_for_several_organizations(self):
        Organization = self.env["org.party.organization"]
        # Enough siblings that some ids share their first digits (a prefix match on "5/12" would
        # also take "5/120/": the paths end with a slash).
        branches = Organization.create(
            [
                {"name": f"测试甲支部{index}", "kind": "branch", "parent_id": self.org_a.id}
                for index in range(12)
            ]
        )
        members = self.env["org.party.member"]
        for index, branch in enumerate(branches):
            members |= self._member(f"测试党员{index}", branch, 701 + 2 * index)
        direct_b = self._member("测试乙党委党员", self.org_b, 799)
        secretary_c = new_test_user(self.env, "gr_secretary_c", groups="org_grassroots.group_party_secretary")
        # secretary_a: two branches of two subtrees; secretary_b: 测试乙党委 and a branch of
        # 测试甲党委; secretary_c: 测试甲党委 and, inside it, its first branch.
        (self.branch_b1 | branches[5]).secretary_user_id = self.secretary_a
        branches[3].secretary_user_id = self.secretary_b
        (self.org_a | branches[0]).secretary_user_id = secretary_c
        Member = self.env["org.party.member"]
        for user in (self.secretary_a, self.secretary_b, secretary_c):
            expected = Member.search(
                [("organization_id", "child_of", user.org_party_secretary_organization_ids.ids)]
            )
            self.assertEqual(Member.with_user(user).search([]), expected, user.login)
        self.assertEqual(Member.with_user(self.secretary_a).search([]), self.member_b1 | members[5])
        self.assertEqual(
            Member.with_user(self.secretary_b).search([]), members[3] | direct_b | self.member_b1
        )
        self.assertEqual(Member.with_user(secretary_c).search([]), self.member_a1 | members)

    def test_several_organizations_bound_the_walk_of_the_index(self):
        """A secretary of several organizations reads the index from the first subtree to the
        last one (an index condition), not from its start (a filter over every member)."""
        (self.branch_a2 | self.branch_b1).secretary_user_id = self.secretary_a
        Member = self.env["org.party.member"]
        query = Member.with_user(self.secretary_a)._search([], limit=80, order=Member._order)
        for setting in ("enable_seqscan", "enable_sort", "enable_bitmapscan"):
            self.env.cr.execute(SQL("SET LOCAL %s = off", SQL.identifier(setting)))
        self.env.cr.execute(SQL("EXPLAIN %s", query.select()))
        plan = "\n".join(row[0] for row in self.env.cr.fetchall())
        self.env.cr.execute("RESET enable_seqscan; RESET enable_sort; RESET enable_bitmapscan")
        self.assertIn(PATH_INDEX, plan, plan)
        self.assertRegex(
            plan, rf"Index Cond: .*organization_path\S* >= '{re.escape(self.org_a.parent_path)}'"
        )
        self.assertEqual(Member.with_user(self.secretary_a).search([]), self.member_a1 | self.member_b1)

    def test_list_order_is_the_tree_order(self):
        Organization = self.env["org.party.organization"]
        late = Organization.create({"name": "测试甲三支部", "kind": "branch", "parent_id": self.org_a.id})
        members = (
            self._member("丙", late, 801)
            | self._member("甲", self.branch_b1, 803)
            | self._member("乙", self.branch_a2, 805)
            | self._member("丁", self.org_a, 807)
        )
        members |= self.member_a1 | self.member_b1
        found = self.env["org.party.member"].search([("id", "in", members.ids)])
        expected = members.sorted(lambda member: (member.organization_id.parent_path, member.name, member.id))
        self.assertEqual(found.ids, expected.ids)
        # The branches of one committee stay together, below their committee.
        self.assertEqual(
            found.organization_id.ids,
            [self.org_a.id, self.branch_a1.id, self.branch_a2.id, late.id, self.branch_b1.id],
        )

    def test_first_page_walks_the_path_index(self):
        """The first page (officer) and a secretary's first page read the members in list order
        from one index, without sorting the table or joining the organizations."""
        Member = self.env["org.party.member"]
        for user in (self.user_officer, self.secretary_a):
            query = Member.with_user(user)._search([], limit=80, order=Member._order)
            sql = query.select()
            self.assertNotIn("org_party_organization", sql.code, user.login)
            self.env.cr.execute("SET LOCAL enable_seqscan = off")
            self.env.cr.execute("SET LOCAL enable_sort = off")
            self.env.cr.execute(SQL("EXPLAIN %s", sql))
            plan = "\n".join(row[0] for row in self.env.cr.fetchall())
            self.env.cr.execute("RESET enable_seqscan; RESET enable_sort")
            self.assertIn(PATH_INDEX, plan, plan)
            self.assertNotIn("Sort", plan, plan)

    def test_subtree_count_reads_the_index_alone(self):
        """The list's count of a secretary's members (the web client counts up to 10,001) can
        be read from the index alone: the path and "active" are in it."""
        Member = self.env["org.party.member"].with_user(self.secretary_a)
        query = Member._search([], limit=10001)
        for setting in ("enable_seqscan", "enable_bitmapscan"):
            self.env.cr.execute(SQL("SET LOCAL %s = off", SQL.identifier(setting)))
        self.env.cr.execute(SQL("EXPLAIN SELECT COUNT(*) FROM (%s) t", query.select(SQL("1"))))
        plan = "\n".join(row[0] for row in self.env.cr.fetchall())
        self.env.cr.execute("RESET enable_seqscan; RESET enable_bitmapscan")
        self.assertIn(f"Index Only Scan using {PATH_INDEX}", plan, plan)
        self.assertEqual(Member.search_count([], limit=10001), 1)
