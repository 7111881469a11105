import json
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

TOTP_REQUIRED_URL = "/web/login/totp"


@tagged("post_install", "-at_install")
class TestAccounts(HttpCase):
    """Signup off, the password policy, two-factor authentication for administrators, and the
    login lock-out, through Odoo's own login paths."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env, "acc_officer", groups="org_base.group_org_user", email="o@example.com"
        )
        cls.manager = new_test_user(
            cls.env, "acc_manager", groups="org_base.group_org_manager", email="m@example.com"
        )

    def setUp(self):
        super().setUp()
        self._forget_login_failures()
        self.addCleanup(self._forget_login_failures)

    def _forget_login_failures(self):
        if hasattr(self.registry, "_login_failures"):
            del self.registry._login_failures

    def _json_login(self, login, password):
        self.opener.cookies.clear()
        response = self.url_open(
            "/web/session/authenticate",
            data=json.dumps(
                {"jsonrpc": "2.0", "params": {"db": self.env.cr.dbname, "login": login, "password": password}}
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_signup_is_off(self):
        params = self.env["ir.config_parameter"].sudo()
        self.assertEqual(params.get_param("auth_signup.invitation_scope"), "b2b")
        response = self.url_open("/web/signup", allow_redirects=False)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn('name="login"', response.text)

    def test_login_page_speaks_to_staff(self):
        """The login page asks for the account (账号), offers no sign-up and no self-service
        reset, and says who resets a password; /web/reset_password answers 404."""
        self.assertEqual(
            self.env["ir.config_parameter"].sudo().get_param("auth_signup.reset_password"), "False"
        )
        # (In English here: the test database has no 简体中文; the demo smoke test reads the
        # Chinese page, 账号 and 请联系平台管理员重置, through the English-leak scanner's terms.)
        page = self.url_open("/web/login").text
        self.assertIn(">Account</label>", page)
        self.assertNotIn(">Email</label>", page)
        self.assertNotIn("/web/signup", page)
        self.assertNotIn("/web/reset_password", page)
        self.assertIn("Ask the platform administrator to reset it.", page)
        self.assertEqual(self.url_open("/web/reset_password", allow_redirects=False).status_code, 404)

    def test_password_policy_on_change(self):
        self.assertEqual(self.env["res.users"].get_password_policy()["minlength"], 12)
        # A person choosing a password: too short is refused, nothing changes.
        with self.assertRaisesRegex(UserError, "12"):
            self.officer._change_password("short-pass")
        self.officer._change_password("a-long-enough-passphrase")
        self.assertEqual(
            self._json_login("acc_officer", "a-long-enough-passphrase")["result"]["uid"], self.officer.id
        )
        # Passwords set by data files and scripts (demo users, new_test_user) are not checked.
        scripted = new_test_user(self.env, "acc_short", groups="base.group_user")
        self.assertEqual(self._json_login("acc_short", "acc_short")["result"]["uid"], scripted.id)

    def test_administrators_need_two_factor(self):
        self.assertTrue(self.env.ref("org_base.group_org_manager").org_require_totp)
        self.assertEqual(self.officer._mfa_type(), None)
        self.assertEqual(self.manager._mfa_type(), "totp_mail")
        self.assertEqual(self.manager._mfa_url(), TOTP_REQUIRED_URL)
        # The password alone opens no session for an administrator ...
        self.assertEqual(self._json_login("acc_manager", "acc_manager")["result"], {"uid": None})
        # ... nor password-based RPC (an API key is needed), while an officer logs in.
        self.assertTrue(self.manager._rpc_api_keys_only())
        self.assertEqual(self._json_login("acc_officer", "acc_officer")["result"]["uid"], self.officer.id)
        # The login form sends the administrator to the second step.
        response = self.url_open(
            "/web/login",
            data={"login": "acc_manager", "password": "acc_manager", "csrf_token": self._csrf_token()},
            allow_redirects=False,
        )
        self.assertIn(TOTP_REQUIRED_URL, response.headers.get("Location", ""))
        # With an authenticator app set up, the app's code is asked instead of the mail.
        self.manager.sudo().totp_secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
        self.assertEqual(self.manager._mfa_type(), "totp")

    def _csrf_token(self):
        page = self.url_open("/web/login").text
        return page.split('name="csrf_token" value="')[1].split('"')[0]

    def test_invitation_when_joining_a_two_factor_group(self):
        mails = self.env["mail.mail"].sudo()
        before = mails.search([])
        self.officer.write({"groups_id": [(4, self.env.ref("org_base.group_org_manager").id)]})
        invitation = mails.search([("id", "not in", before.ids)])
        self.assertEqual(len(invitation), 1)
        self.assertIn(self.officer.partner_id, invitation.recipient_ids)
        # Already a member: no second invitation.
        self.officer.write({"groups_id": [(4, self.env.ref("org_base.group_org_user").id)]})
        self.assertEqual(len(mails.search([("id", "not in", before.ids)])), 1)

    @mute_logger("odoo.addons.base.models.res_users", "odoo.http")
    def test_login_lock_out_after_five_failures(self):
        params = self.env["ir.config_parameter"].sudo()
        self.assertEqual(params.get_param("base.login_cooldown_after"), "5")
        self.assertEqual(params.get_param("base.login_cooldown_duration"), "600")
        for _attempt in range(5):
            self.assertIn("error", self._json_login("acc_officer", "wrong password"))
        # The right password is refused now, without even being checked ...
        with patch.object(type(self.env["res.users"]), "_check_credentials") as check:
            result = self._json_login("acc_officer", "acc_officer")
        check.assert_not_called()
        self.assertIn("Too many login failures", result["error"]["data"]["message"])
        # ... until the cool-down is over.
        self._forget_login_failures()
        self.assertEqual(self._json_login("acc_officer", "acc_officer")["result"]["uid"], self.officer.id)
