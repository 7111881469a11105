from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import GrassrootsCommon, resident_id


@tagged("post_install", "-at_install")
class TestTransfer(GrassrootsCommon):
    def setUp(self):
        super().setUp()
        self.Transfer = self.env["org.party.transfer"]

    def test_secretary_cannot_move_a_member_out_of_the_subtree(self):
        member = self.member_a1.with_user(self.secretary_a)
        # assertRaises (not assertRaisesRegex) rolls the refused write back to a savepoint.
        with self.assertRaises(AccessError) as caught:
            member.organization_id = self.branch_b1
        self.assertRegex(str(caught.exception), "测试党员甲.*组织关系转接")
        self.member_a1.invalidate_recordset()
        self.assertEqual(self.member_a1.organization_id, self.branch_a1)
        # Within the own subtree a secretary may still correct the organization.
        member.organization_id = self.branch_a2
        self.assertEqual(self.member_a1.organization_id, self.branch_a2)
        # Officers are not limited.
        self.member_a1.with_user(self.user_officer).organization_id = self.branch_b1
        self.assertEqual(self.member_a1.organization_id, self.branch_b1)

    def test_internal_transfer_approved_by_the_receiving_secretary(self):
        action = self.member_a1.with_user(self.secretary_a).action_start_transfer()
        transfer = (
            self.Transfer.with_user(self.secretary_a)
            .with_context(**action["context"])
            .create({"kind": "internal", "organization_to_id": self.branch_b1.id})
        )
        self.assertEqual(transfer.member_id, self.member_a1)
        self.assertEqual(transfer.organization_from_id, self.branch_a1)
        transfer.action_submit()
        # The sending secretary cannot approve a move into another subtree.
        with self.assertRaisesRegex(UserError, "测试乙一支部"):
            transfer.action_approve()
        self.assertEqual(self.member_a1.organization_id, self.branch_a1)
        # The receiving secretary sees the transfer (not the member yet) and approves it.
        incoming = self.Transfer.with_user(self.secretary_b).browse(transfer.id)
        self.assertEqual(self.Transfer.with_user(self.secretary_b).search([]), incoming)
        incoming.action_approve()
        self.assertEqual(transfer.state, "approved")
        self.assertEqual(transfer.approver_id, self.secretary_b)
        self.assertEqual(self.member_a1.organization_id, self.branch_b1)
        self.assertIn(self.member_a1, self.env["org.party.member"].with_user(self.secretary_b).search([]))
        self.assertNotIn(self.member_a1, self.env["org.party.member"].with_user(self.secretary_a).search([]))
        with self.assertRaises(UserError):
            incoming.action_approve()

    def test_transfer_out_and_in_approved_by_an_officer(self):
        out = self.Transfer.with_user(self.secretary_a).create(
            {"kind": "out", "member_id": self.member_a1.id, "external_organization": "外区某党支部"}
        )
        out.action_submit()
        with self.assertRaisesRegex(UserError, "officer"):
            out.action_approve()
        out.with_user(self.user_officer).action_approve()
        self.assertFalse(self.member_a1.active)

        incoming = self.Transfer.with_user(self.user_officer).create(
            {
                "kind": "in",
                "member_name": "转入党员",
                "member_id_number": resident_id("110101", "19920202", 113),
                "member_status": "formal",
                "organization_to_id": self.branch_a2.id,
                "external_organization": "外区某党委",
            }
        )
        incoming.action_submit()
        incoming.action_refuse()
        self.assertEqual(incoming.state, "refused")
        self.assertFalse(incoming.member_id)
        incoming.action_reset()
        incoming.action_submit()
        incoming.action_approve()
        self.assertEqual(incoming.member_id.organization_id, self.branch_a2)
        self.assertEqual(incoming.member_id.status, "formal")
        self.assertEqual(incoming.member_id.id_number, resident_id("110101", "19920202", 113))

    def test_named_in_the_readers_language(self):
        """A transfer's name is made when read ("Within the Zone · 张三" in English, in Chinese
        for a reader in Chinese), not stored in the language of whoever saved it; it is
        searched by the member's name."""
        transfer = self.Transfer.create(
            {"kind": "internal", "member_id": self.member_a1.id, "organization_to_id": self.branch_b1.id}
        )
        self.assertEqual(transfer.with_context(lang="en_US").name, f"Within the Zone · {self.member_a1.name}")
        self.env["res.lang"].with_context(active_test=False).search([("code", "=", "zh_CN")]).active = True
        selection = self.env["ir.model.fields.selection"].search(
            [
                ("field_id.model", "=", "org.party.transfer"),
                ("field_id.name", "=", "kind"),
                ("value", "=", "internal"),
            ]
        )
        selection.update_field_translations("name", {"zh_CN": "区内转接（测试）"})
        self.env.registry.clear_cache()
        self.assertEqual(
            transfer.with_context(lang="zh_CN").name, f"区内转接（测试） · {self.member_a1.name}"
        )
        self.assertIn(transfer, self.Transfer.search([("name", "ilike", self.member_a1.name)]))
        self.assertNotIn(transfer, self.Transfer.search([("name", "not ilike", self.member_a1.name)]))

    def test_incomplete_transfers_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "receiving organization"):
            self.Transfer.create({"kind": "internal", "member_id": self.member_a1.id})
        with self.assertRaisesRegex(ValidationError, "outside the zone"):
            self.Transfer.create({"kind": "out", "member_id": self.member_a1.id})
        with self.assertRaisesRegex(ValidationError, "already belongs"):
            self.Transfer.create(
                {"kind": "internal", "member_id": self.member_a1.id, "organization_to_id": self.branch_a1.id}
            )

    def test_incoming_member_joined_at_eighteen_and_not_in_the_future(self):
        values = {
            "kind": "in",
            "member_name": "转入党员",
            "member_id_number": resident_id("110101", "20000515", 113),
            "member_status": "probationary",
            "organization_to_id": self.branch_a2.id,
            "external_organization": "外区某党委",
        }
        with self.assertRaises(ValidationError) as caught:
            self.Transfer.create(dict(values, member_date_join="2018-05-14"))
        self.assertRegex(str(caught.exception), "转入党员.*2018-05-14.*18.*2018-05-15")
        with freeze_time("2024-06-01"), self.assertRaises(ValidationError) as caught:
            self.Transfer.create(dict(values, member_date_join="2024-06-02"))
        self.assertRegex(str(caught.exception), "转入党员.*2024-06-02.*future")
        transfer = self.Transfer.create(dict(values, member_date_join="2018-05-15"))
        with self.assertRaises(ValidationError) as caught:
            transfer.member_id_number = resident_id("110101", "20000516", 113)
        self.assertRegex(str(caught.exception), "转入党员.*2018-05-15.*18")
        self.assertEqual(transfer.member_date_join.isoformat(), "2018-05-15")

    def test_secretary_sees_only_transfers_touching_the_subtree(self):
        other = self.Transfer.create(
            {"kind": "out", "member_id": self.member_b1.id, "external_organization": "外区"}
        )
        with self.assertRaises(AccessError):
            self.Transfer.with_user(self.secretary_a).browse(other.id).read(["name"])
        self.assertFalse(self.Transfer.with_user(self.secretary_a).search([("id", "=", other.id)]))
        with self.assertRaises(AccessError):
            self.Transfer.with_user(self.secretary_a).create(
                {"kind": "out", "member_id": self.member_b1.id, "external_organization": "外区"}
            )
