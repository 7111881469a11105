from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.org_base.tests.fixtures import resident_id
from odoo.addons.org_grassroots.tests.common import GrassrootsCommon

from ..wizards import org_member_portal_account_wizard as wizard_module
from .common import MemberPortalCommon


@tagged("post_install", "-at_install")
class TestMobileNumbers(TransactionCase):
    def test_normalize_mobile(self):
        normalize = wizard_module.normalize_mobile
        self.assertEqual(normalize("139 0715-1001"), "13907151001")
        self.assertEqual(normalize("+86 139 0715 1001"), "13907151001")
        self.assertEqual(normalize("0086-13907151001"), "13907151001")
        for wrong in ("027-84561234", "1390715100", "12907151001", "139071510011", "", False):
            with self.subTest(phone=wrong):
                self.assertFalse(normalize(wrong))

    def test_random_password(self):
        passwords = {wizard_module.random_password() for _index in range(50)}
        self.assertEqual(len(passwords), 50)
        self.assertTrue(all(len(password) == 12 for password in passwords))
        self.assertFalse(any(set(password) & set("0O1lI") for password in passwords))


@tagged("post_install", "-at_install")
class TestAccountWizard(GrassrootsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Member = cls.env["org.party.member"]
        cls.member_a1.mobile_phone = "139 0715 2001"
        cls.member_a2, cls.member_a3, cls.member_a4 = Member.create(
            [
                {
                    "name": "测试党员丙",
                    "id_number": resident_id("420115", "19880808", 611),
                    "organization_id": cls.branch_a2.id,
                    "status": "formal",
                    "date_join": "2012-07-01",
                    "date_formal": "2013-07-01",
                    "mobile_phone": "027-84561234",
                },
                {
                    "name": "测试党员丁",
                    "id_number": resident_id("420115", "19870707", 711),
                    "organization_id": cls.branch_a2.id,
                    "status": "formal",
                    "date_join": "2012-07-01",
                    "date_formal": "2013-07-01",
                },
                {
                    "name": "测试党员戊",
                    "id_number": resident_id("420115", "19860606", 811),
                    "organization_id": cls.branch_a2.id,
                    "status": "formal",
                    "date_join": "2012-07-01",
                    "date_formal": "2013-07-01",
                    # the login of an existing (internal) account
                    "mobile_phone": "13907152009",
                },
            ]
        )
        cls.user_employee.login = "13907152009"
        cls.member_b1.mobile_phone = "13907152002"

    def _wizard(self, user, organization=None, members=None):
        context = (
            {"active_model": "org.party.organization", "active_ids": organization.ids}
            if organization
            else {"active_model": "org.party.member", "active_ids": members.ids}
        )
        return self.env["org.member.portal.account.wizard"].with_user(user).with_context(**context).create({})

    def _lines(self, wizard):
        return {line.member_id.name: (line.result, line.reason or "") for line in wizard.line_ids}

    def test_secretary_creates_portal_accounts_for_the_subtree(self):
        wizard = self._wizard(self.secretary_a, organization=self.org_a)
        self.assertEqual(wizard.member_ids, self.member_a1 | self.member_a2 | self.member_a3 | self.member_a4)
        wizard.action_create_accounts()
        lines = self._lines(wizard)
        self.assertEqual(lines["测试党员甲"][0], "created")
        self.assertEqual(lines["测试党员丙"][0], "skipped")
        self.assertIn("027-84561234", lines["测试党员丙"][1])
        self.assertEqual(lines["测试党员丁"][0], "skipped")
        self.assertEqual(lines["测试党员戊"][0], "skipped")
        self.assertIn("13907152009", lines["测试党员戊"][1])
        account = self.member_a1.user_id
        self.assertEqual(account.login, "13907152001")
        self.assertTrue(account.share)
        self.assertTrue(account.has_group("base.group_portal"))
        self.assertFalse(account.has_group("base.group_user"))
        self.assertEqual(account.tz, "Asia/Shanghai")
        self.assertEqual(account.name, "测试党员甲")
        # nothing half-made for the skipped ones, and no existing account taken over
        self.assertFalse((self.member_a2 | self.member_a3 | self.member_a4).user_id)
        self.assertFalse(self.env["res.users"].search([("login", "=", "027-84561234")]))
        # audit: who, when, how many
        logs = self.env["org.audit.log"].search(
            [
                ("action", "=", "portal_account"),
                ("res_model", "=", "org.party.member"),
                ("user_id", "=", self.secretary_a.id),
            ]
        )
        self.assertEqual(logs.mapped("res_id"), self.member_a1.ids)
        self.assertEqual(logs.user_id, self.secretary_a)

    def test_rerun_is_idempotent(self):
        self._wizard(self.secretary_a, organization=self.org_a).action_create_accounts()
        account = self.member_a1.user_id
        users_before = self.env["res.users"].with_context(active_test=False).search_count([])
        wizard = self._wizard(self.secretary_a, organization=self.org_a)
        wizard.action_create_accounts()
        self.assertEqual(self.member_a1.user_id, account)
        self.assertEqual(self.env["res.users"].with_context(active_test=False).search_count([]), users_before)
        self.assertEqual(self._lines(wizard)["测试党员甲"][0], "pending")

    def test_same_phone_twice_in_a_batch(self):
        self.member_a3.mobile_phone = "13907152001"
        wizard = self._wizard(self.user_officer, members=self.member_a1 | self.member_a3)
        wizard.action_create_accounts()
        self.assertEqual(len((self.member_a1 | self.member_a3).user_id), 1)
        self.assertEqual(
            sorted(result for result, _reason in self._lines(wizard).values()), ["created", "skipped"]
        )

    def test_outside_the_subtree_refused(self):
        # (the members another subtree are not even read: no member left, nothing to do)
        with self.assertRaises(UserError):
            self._wizard(self.secretary_a, members=self.member_b1).action_create_accounts()
        # a member of another subtree slipped into the batch is not reached: the secretary
        # reads the batch through their rules
        wizard = self._wizard(self.secretary_a, members=self.member_a1)
        wizard.sudo().member_ids = self.member_a1 | self.member_b1
        wizard.invalidate_recordset()
        wizard.action_create_accounts()
        self.assertFalse(self.member_b1.user_id)
        self.assertTrue(self.member_a1.user_id)
        self.assertEqual(wizard.line_ids.member_id, self.member_a1)
        with self.assertRaises(AccessError):
            self._wizard(self.user_leader, members=self.member_b1)
        with self.assertRaises(AccessError):
            self._wizard(self.user_employee, members=self.member_b1)

    def test_wizard_is_its_makers(self):
        wizard = self._wizard(self.secretary_a, organization=self.org_a)
        with self.assertRaises(AccessError):
            wizard.with_user(self.secretary_b).read(["member_ids"])
        self.assertFalse(self.env["org.member.portal.account.wizard"].with_user(self.user_officer).search([]))

    def test_invitation_texts_use_signup_links(self):
        wizard = self._wizard(self.secretary_a, organization=self.org_a)
        wizard.action_create_accounts()
        wizard.action_invitation_texts()
        line = wizard.line_ids.filtered(lambda line: line.member_id == self.member_a1)
        self.assertIn("/web/signup?", line.invitation)
        self.assertIn("token=", line.invitation)
        self.assertIn("13907152001", line.invitation)
        token = line.invitation.split("token=")[1].split()[0].split("&")[0]
        partner = self.env["res.partner"]._get_partner_from_token(token)
        self.assertEqual(partner, self.member_a1.user_id.partner_id)
        self.assertEqual(
            self.env["org.audit.log"]
            .search([("action", "=", "portal_invitation"), ("user_id", "=", self.secretary_a.id)])
            .mapped("res_id"),
            self.member_a1.ids,
        )
        # no e-mail is sent
        self.assertFalse(
            self.env["mail.mail"].search([("recipient_ids", "in", self.member_a1.user_id.partner_id.ids)])
        )

    def test_password_slips_once_per_key(self):
        wizard = self._wizard(self.secretary_a, organization=self.org_a)
        wizard.action_create_accounts()
        action = wizard.action_print_password_sheet()
        key = action["url"].split("key=")[1]
        self.assertIsNone(wizard._org_password_slips("wrong"))
        with patch.object(wizard_module, "random_password", return_value="Sheet-Pass-2026"):
            slips = wizard._org_password_slips(key)
        self.assertEqual([slip["login"] for slip in slips], ["13907152001"])
        self.assertEqual(slips[0]["password"], "Sheet-Pass-2026")
        account = self.member_a1.user_id
        self.assertTrue(account.sudo().org_portal_password_temporary)
        # stored hashed only, never in clear
        self.env.cr.execute("SELECT password FROM res_users WHERE id = %s", [account.id])
        self.assertNotIn("Sheet-Pass-2026", self.env.cr.fetchone()[0])
        self.assertFalse(wizard.sudo().sheet_key)
        self.assertIsNone(wizard._org_password_slips(key))
        self.assertEqual(
            self.env["org.audit.log"]
            .search([("action", "=", "portal_password_sheet"), ("res_id", "=", self.member_a1.id)])
            .user_id,
            self.secretary_a,
        )
        # the member's own password replaces it
        self.env["res.users"].with_user(account).change_password("Sheet-Pass-2026", "a-password-of-my-own")
        self.assertFalse(account.sudo().org_portal_password_temporary)


@tagged("post_install", "-at_install")
class TestAccountsOfMembersWhoLeave(MemberPortalCommon):
    def test_exit_archives_the_account(self):
        self.env["org.party.standing.event"].create(
            {
                "member_id": self.member_a1.id,
                "kind": "exit",
                "date": "2026-03-01",
                "reason": "支部决定",
                "exit_kind_id": self.env.ref("org_grassroots.party_exit_kind_01").id,
            }
        )
        self.assertFalse(self.member_a1.active)
        self.assertFalse(self.portal_a1.active)
        self.assertTrue(self.portal_a2.active)

    def test_death_archives_the_account(self):
        self.env["org.party.standing.event"].create(
            {"member_id": self.member_a2.id, "kind": "death", "date": "2026-03-01"}
        )
        self.assertFalse(self.portal_a2.active)
        self.assertTrue(self.portal_a1.active)

    def test_transfer_out_archives_the_account(self):
        out = self.env["org.party.transfer"].create(
            {"kind": "out", "member_id": self.member_b1.id, "external_organization": "外区某党支部"}
        )
        out.action_submit()
        out.with_user(self.user_officer).action_approve()
        self.assertFalse(self.portal_b1.active)

    def test_internal_transfer_keeps_the_account(self):
        transfer = self.env["org.party.transfer"].create(
            {"kind": "internal", "member_id": self.member_b1.id, "organization_to_id": self.branch_a2.id}
        )
        transfer.action_submit()
        transfer.with_user(self.user_officer).action_approve()
        self.assertTrue(self.portal_b1.active)

    def test_internal_account_is_not_archived(self):
        self.member_a2.user_id = self.user_employee
        self.member_a2.active = False
        self.assertTrue(self.user_employee.active)
