from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import GrassrootsCommon, resident_id


@tagged("post_install", "-at_install")
class TestOrganizationTree(GrassrootsCommon):
    def test_subtree_search_and_full_name(self):
        Organization = self.env["org.party.organization"]
        subtree = Organization.search([("id", "child_of", self.org_a.id)])
        self.assertEqual(subtree, self.org_a | self.branch_a1 | self.branch_a2)
        self.assertTrue(self.branch_a1.parent_path.startswith(self.zone.parent_path))
        self.assertEqual(self.branch_a1.complete_name, "测试工委 / 测试甲党委 / 测试甲一支部")
        self.assertEqual(self.org_a.child_count, 2)
        members = self.env["org.party.member"].search([("organization_id", "child_of", self.zone.id)])
        self.assertEqual(members, self.member_a1 | self.member_b1)

    def test_moving_a_branch_moves_its_name_and_subtree(self):
        self.branch_a2.parent_id = self.org_b
        self.assertEqual(self.branch_a2.complete_name, "测试工委 / 测试乙党委 / 测试甲二支部")
        subtree = self.env["org.party.organization"].search([("id", "child_of", self.org_b.id)])
        self.assertIn(self.branch_a2, subtree)

    def test_no_cycle(self):
        with self.assertRaises(UserError):
            self.zone.parent_id = self.branch_a1

    def test_children_and_members_actions(self):
        action = self.org_a.action_open_members()
        members = self.env["org.party.member"].search(action["domain"])
        self.assertEqual(members, self.member_a1)
        action = self.org_a.action_open_children()
        self.assertEqual(
            self.env["org.party.organization"].search(action["domain"]), self.branch_a1 | self.branch_a2
        )


@tagged("post_install", "-at_install")
class TestOrganizationTerm(GrassrootsCommon):
    def test_default_terms_per_kind(self):
        self.assertEqual(self.zone.term_years, 5)
        self.assertEqual(self.org_a.term_years, 5)
        self.assertEqual(self.branch_a1.term_years, 3)
        self.org_a.date_term_start = "2021-06-15"
        self.branch_a1.date_term_start = "2021-06-15"
        self.assertEqual(str(self.org_a.date_reelection_due), "2026-06-15")
        self.assertEqual(str(self.branch_a1.date_reelection_due), "2024-06-15")

    def test_changing_the_rule_or_kind_recomputes_the_due_date(self):
        self.branch_a1.date_term_start = "2021-06-15"
        self.env.ref("org_grassroots.term_rule_branch").term_years = 2
        self.assertEqual(str(self.branch_a1.date_reelection_due), "2023-06-15")
        self.branch_a1.kind = "general_branch"
        self.assertEqual(str(self.branch_a1.date_reelection_due), "2024-06-15")

    def test_a_new_rule_applies_to_existing_organizations(self):
        rule = self.env.ref("org_grassroots.term_rule_temporary_branch")
        rule.unlink()
        self.branch_b1.write({"kind": "temporary_branch", "date_term_start": "2022-01-01"})
        self.assertFalse(self.branch_b1.term_rule_id)
        self.assertFalse(self.branch_b1.date_reelection_due)
        self.env["org.party.term.rule"].create({"kind": "temporary_branch", "term_years": 1})
        self.assertEqual(str(self.branch_b1.date_reelection_due), "2023-01-01")

    @freeze_time("2025-03-01")
    def test_overdue_flag_and_search(self):
        Organization = self.env["org.party.organization"]
        self.branch_a1.date_term_start = "2021-06-15"  # due 2024-06-15: overdue
        self.branch_a2.date_term_start = "2023-06-15"  # due 2026-06-15
        self.assertTrue(self.branch_a1.is_reelection_overdue)
        self.assertFalse(self.branch_a2.is_reelection_overdue)
        self.assertFalse(self.branch_b1.is_reelection_overdue)
        overdue = Organization.search([("is_reelection_overdue", "=", True)])
        self.assertEqual(
            overdue & (self.zone | self.org_a | self.org_b | self.branch_a1 | self.branch_a2), self.branch_a1
        )
        not_overdue = Organization.search(
            [("is_reelection_overdue", "=", False), ("id", "child_of", self.zone.id)]
        )
        self.assertNotIn(self.branch_a1, not_overdue)
        self.assertIn(self.branch_a2, not_overdue)
        self.assertIn(self.branch_b1, not_overdue)


@tagged("post_install", "-at_install")
class TestOrganizationMembers(GrassrootsCommon):
    def _add_members(self, organization, count, status="formal", birth="19800101"):
        return self.env["org.party.member"].create(
            [
                {
                    "name": f"成员{index}",
                    "id_number": resident_id("420116", birth, 100 + index),
                    "organization_id": organization.id,
                    "status": status,
                }
                for index in range(count)
            ]
        )

    def test_counts_and_too_few_formal_members(self):
        branch = self.branch_a2
        self.assertEqual(branch.member_count, 0)
        self.assertTrue(branch.is_understaffed)
        members = self._add_members(branch, 2)
        self._add_members(branch, 1, status="probationary", birth="19900101")
        self.assertEqual((branch.member_formal_count, branch.member_probationary_count), (2, 1))
        self.assertEqual(branch.member_count, 3)
        self.assertTrue(branch.is_understaffed, "probationary members do not count")
        self._add_members(branch, 1, birth="19910101")
        self.assertFalse(branch.is_understaffed)
        members[0].active = False
        self.assertEqual(branch.member_formal_count, 2)
        self.assertTrue(branch.is_understaffed)
        self.assertFalse(self.zone.is_understaffed, "a working committee has no minimum")
        understaffed = self.env["org.party.organization"].search([("is_understaffed", "=", True)])
        self.assertIn(branch, understaffed)

    def test_status_and_transfer_update_counts(self):
        self.assertEqual(self.branch_b1.member_probationary_count, 1)
        self.member_b1.write({"status": "formal", "date_formal": "2024-07-01"})
        self.assertEqual(
            (self.branch_b1.member_formal_count, self.branch_b1.member_probationary_count), (1, 0)
        )
        self.member_b1.organization_id = self.branch_a2
        self.assertEqual(self.branch_b1.member_count, 0)
        self.assertEqual(self.branch_a2.member_formal_count, 1)
        self.assertEqual((self.org_b.member_count, self.org_a.member_formal_count), (0, 2))
        self.assertEqual(self.zone.member_formal_count, 2)

    def test_counts_include_the_organizations_below(self):
        self.assertEqual((self.org_a.member_formal_count, self.org_a.member_probationary_count), (1, 0))
        self.assertEqual((self.zone.member_formal_count, self.zone.member_probationary_count), (1, 1))
        self.assertEqual(self.zone.member_count, 2)
        self.branch_b1.parent_id = self.org_a
        self.assertEqual((self.org_a.member_count, self.org_b.member_count), (2, 0))
        self.member_a1.active = False
        self.assertEqual((self.org_a.member_formal_count, self.zone.member_formal_count), (0, 0))

    def test_branch_above_fifty_members(self):
        self._add_members(self.branch_a2, 50)
        self.assertFalse(self.branch_a2.is_oversized)
        self._add_members(self.branch_a2, 1, birth="19900101")
        self.assertTrue(self.branch_a2.is_oversized)
        self.assertIn(
            self.branch_a2, self.env["org.party.organization"].search([("is_oversized", "=", True)])
        )
        self.env.ref("org_grassroots.term_rule_branch").max_members = 60
        self.assertFalse(self.branch_a2.is_oversized)
