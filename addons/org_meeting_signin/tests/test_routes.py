from odoo.tests import tagged

from ..controllers.main import DEVICE_COOKIE
from .common import SigninCommon


@tagged("post_install", "-at_install")
class TestSigninRoutes(SigninCommon):
    """Every route of the member's sign-in and of the secretary's screen, per role and refusal."""

    def test_owner_signs_in_once(self):
        self.authenticate("sg_member_a1", "sg_member_a1")
        page, post = self._sign_in()
        self.assertIn("o_org_signin_button", page.text)
        self.assertIn("测试签到会议", page.text)
        self.assertEqual(post.status_code, 200)
        self.assertIn("o_org_signin_done", post.text)
        self.assertNotIn("o_org_signin_late", post.text)
        signin = self._signins()
        self.assertEqual(signin.member_id, self.member_a1)
        self.assertEqual(signin.user_id, self.portal_a1)
        self.assertFalse(signin.is_late)
        self.assertEqual(len(signin.sudo().device_hash), 64)
        self.assertEqual(self.meeting.attendee_ids, self.member_a1)
        self.assertEqual(self.meeting.present_count, 1)
        self.assertTrue(self.opener.cookies.get(DEVICE_COOKIE))
        audit = self._audit("meeting_signin")
        self.assertEqual(
            (audit.res_model, audit.res_id, audit.user_id), (signin._name, signin.id, self.portal_a1)
        )

    def test_replay_is_idempotent(self):
        self.authenticate("sg_member_a1", "sg_member_a1")
        self._sign_in()
        url = f"/signin/{self.meeting.signin_token}"
        again = self.url_open(url)
        self.assertEqual(again.status_code, 200)
        self.assertIn("o_org_signin_again", again.text)
        replay = self.url_open(url, data={"csrf_token": self._csrf(self.url_open("/signin"))})
        self.assertEqual(replay.status_code, 200)
        self.assertIn("o_org_signin_again", replay.text)
        self.assertEqual(len(self._signins()), 1)
        self.assertEqual(len(self._audit("meeting_signin")), 1)

    def test_late_arrival_is_flagged(self):
        meeting = self._meeting(self.org_a, minutes_to_start=-20, name="迟到会议")
        self.authenticate("sg_member_a1", "sg_member_a1")
        _page, post = self._sign_in(meeting)
        self.assertIn("o_org_signin_late", post.text)
        self.assertTrue(self._signins(meeting).is_late)
        self.assertEqual(meeting.signin_late_count, 1)

    def test_anonymous_is_sent_to_login(self):
        response = self.url_open(f"/signin/{self.meeting.signin_token}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login?redirect=", response.headers["Location"])
        self.assertIn(self.meeting.signin_token, response.headers["Location"])
        self.assertFalse(self._signins())

    def test_member_of_another_organization_is_refused(self):
        self.authenticate("sg_member_b1", "sg_member_b1")
        response = self.url_open(f"/signin/{self.meeting.signin_token}")
        self.assertEqual(response.status_code, 403)
        self.assertIn("测试甲党委", response.text)
        self.assertNotIn("o_org_signin_button", response.text)
        self.assertFalse(self._signins())
        refused = self._audit("meeting_signin_refused")
        self.assertEqual((refused.res_id, refused.detail), (self.meeting.id, "not of the organization"))

    def test_post_of_another_organization_is_refused(self):
        """The check holds on the POST as well, not only on the page."""
        self.authenticate("sg_member_b1", "sg_member_b1")
        csrf = self._csrf(self.url_open("/signin"))
        response = self.url_open(f"/signin/{self.meeting.signin_token}", data={"csrf_token": csrf})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(self._signins())
        self.assertNotIn(self.member_b1, self.meeting.attendee_ids)

    def test_unknown_or_replaced_token_is_refused(self):
        self.authenticate("sg_member_a1", "sg_member_a1")
        old = self.meeting.signin_token
        self.meeting.action_signin_rotate()
        self.assertNotEqual(old, self.meeting.signin_token)
        for token in (old, "x" * 32):
            response = self.url_open(f"/signin/{token}")
            self.assertEqual(response.status_code, 404)
            self.assertIn("o_org_signin_refused", response.text)
        self.assertFalse(self._signins())
        self.assertEqual(len(self._audit("meeting_signin_code_refused")), 2)

    def test_outside_the_window_is_refused(self):
        early = self._meeting(self.org_a, minutes_to_start=120, name="未开始会议")
        ended = self._meeting(self.org_a, minutes_to_start=-120, name="已结束会议")
        self.authenticate("sg_member_a1", "sg_member_a1")
        for meeting, word in ((early, "come back"), (ended, "sign-in is closed")):
            csrf = self._csrf(self.url_open("/signin"))
            for data in (None, {"csrf_token": csrf}):
                response = self.url_open(f"/signin/{meeting.signin_token}", data=data)
                self.assertEqual(response.status_code, 403)
                self.assertIn(word, response.text)
            self.assertFalse(self._signins(meeting))
        self.assertEqual(len(self._audit("meeting_signin_refused")), 4)

    def test_proxy_sign_in_from_one_phone_is_refused(self):
        self.authenticate("sg_member_a1", "sg_member_a1")
        self._sign_in()
        cookie = self.opener.cookies.get(DEVICE_COOKIE)
        # Another member logs in on the same phone (the browser keeps the device cookie).
        self.authenticate("sg_member_a2", "sg_member_a2")
        self.opener.cookies.set(DEVICE_COOKIE, cookie)
        page = self.url_open(f"/signin/{self.meeting.signin_token}")
        post = self.url_open(f"/signin/{self.meeting.signin_token}", data={"csrf_token": self._csrf(page)})
        self.assertEqual(post.status_code, 403)
        self.assertIn("own phone", post.text)
        self.assertEqual(self._signins().member_id, self.member_a1)
        self.assertNotIn(self.member_a2, self.meeting.attendee_ids)
        refused = self._audit("meeting_signin_refused")
        self.assertIn("proxy", refused.detail)
        self.assertEqual(refused.user_id, self.portal_a2)

    def test_forged_device_cookie_is_ignored(self):
        self.authenticate("sg_member_a1", "sg_member_a1")
        self._sign_in()
        key = self.opener.cookies.get(DEVICE_COOKIE).split(".")[0]
        self.opener.cookies.set(DEVICE_COOKIE, f"{key}.forged")
        self.authenticate("sg_member_a2", "sg_member_a2")
        self.opener.cookies.set(DEVICE_COOKIE, "other.forged")
        _page, post = self._sign_in()
        self.assertEqual(post.status_code, 200)
        self.assertEqual(len(self._signins()), 2)
        device_hashes = self._signins().sudo().mapped("device_hash")
        self.assertEqual(len(set(device_hashes)), 2)

    def test_account_without_member_is_refused(self):
        self.authenticate("sg_no_member", "sg_no_member")
        response = self.url_open(f"/signin/{self.meeting.signin_token}")
        self.assertEqual(response.status_code, 403)
        self.assertIn("sg_no_member", response.text)
        self.assertEqual(self._audit("meeting_signin_refused").detail, "no member")

    def test_archived_member_is_refused(self):
        # Archived in the table: the sign-in's own check, whatever else archiving the member
        # does where other addons are installed (the member portal archives the account too).
        self.env.cr.execute("UPDATE org_party_member SET active = FALSE WHERE id = %s", [self.member_a1.id])
        self.member_a1.invalidate_recordset(["active"])
        self.authenticate("sg_member_a1", "sg_member_a1")
        response = self.url_open(f"/signin/{self.meeting.signin_token}")
        self.assertEqual(response.status_code, 403)
        self.assertIn("archived", response.text)
        self.assertFalse(self._signins())

    def test_archived_account_is_logged_out(self):
        """Archiving the account ends its sessions (Odoo's session token covers ``active``): the
        page sends it to the login, which refuses it; nothing is recorded."""
        self.authenticate("sg_member_a1", "sg_member_a1")
        self.assertEqual(self.url_open(f"/signin/{self.meeting.signin_token}").status_code, 200)
        self.portal_a1.active = False
        response = self.url_open(f"/signin/{self.meeting.signin_token}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
        self.assertFalse(self._signins())

    def test_post_without_csrf_is_refused(self):
        self.authenticate("sg_member_a1", "sg_member_a1")
        response = self.url_open(f"/signin/{self.meeting.signin_token}", data={"csrf_token": "bad"})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._signins())

    def test_short_code(self):
        self.authenticate("sg_member_a1", "sg_member_a1")
        form = self.url_open("/signin")
        self.assertEqual(form.status_code, 200)
        csrf = self._csrf(form)
        response = self.url_open(
            "/signin", data={"csrf_token": csrf, "code": self.meeting.signin_code}, allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(f"/signin/{self.meeting.signin_token}"))
        wrong = "000000" if self.meeting.signin_code != "000000" else "111111"
        response = self.url_open("/signin", data={"csrf_token": csrf, "code": wrong})
        self.assertEqual(response.status_code, 404)
        self.assertIn(wrong, response.text)
        self.assertEqual(self._audit("meeting_signin_code_refused").detail, f"code {wrong}")

    def test_code_of_a_closed_meeting_is_refused(self):
        ended = self._meeting(self.org_a, minutes_to_start=-120, name="已结束会议")
        self.authenticate("sg_member_a1", "sg_member_a1")
        csrf = self._csrf(self.url_open("/signin"))
        response = self.url_open("/signin", data={"csrf_token": csrf, "code": ended.signin_code})
        self.assertEqual(response.status_code, 404)

    def test_wrong_codes_are_rate_limited(self):
        self.env["ir.config_parameter"].set_param("org_meeting_signin.code_attempts_per_minute", 10)
        self.authenticate("sg_member_a1", "sg_member_a1")
        csrf = self._csrf(self.url_open("/signin"))
        wrong = "000000" if self.meeting.signin_code != "000000" else "111111"
        for _attempt in range(10):
            self.assertEqual(
                self.url_open("/signin", data={"csrf_token": csrf, "code": wrong}).status_code, 404
            )
        # The eleventh, even the right code, waits a minute; so does the link.
        right = self.url_open("/signin", data={"csrf_token": csrf, "code": self.meeting.signin_code})
        self.assertEqual(right.status_code, 429)
        self.assertEqual(self.url_open(f"/signin/{self.meeting.signin_token}").status_code, 429)
        # Another account from the same address is limited too (per IP).
        self.authenticate("sg_member_a2", "sg_member_a2")
        self.assertEqual(self.url_open(f"/signin/{self.meeting.signin_token}").status_code, 429)
        self.assertFalse(self._signins())

    def test_rate_limit_is_per_account_and_address(self):
        """Wrong codes of another account at another address do not count."""
        Log = self.env["org.audit.log"].with_user(self.portal_a1)
        rows = Log._log_rows(
            "meeting_signin_code_refused", self.meeting.browse(), "code 000000", model_level=True
        )
        rows = [(*row[:7], "10.9.9.9") for row in rows] * 10
        self.env.cr.execute(Log._log_insert_query(rows))
        self.authenticate("sg_member_a1", "sg_member_a1")
        self.assertEqual(self.url_open(f"/signin/{self.meeting.signin_token}").status_code, 429)
        self.authenticate("sg_member_a2", "sg_member_a2")
        self.assertEqual(self.url_open(f"/signin/{self.meeting.signin_token}").status_code, 200)

    def test_secretary_screen(self):
        self.authenticate("gr_secretary_a", "gr_secretary_a")
        response = self.url_open(f"/signin/screen/{self.meeting.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.meeting.signin_code, response.text)
        self.assertIn("data:image/png;base64,", response.text)
        self.assertIn('http-equiv="refresh"', response.text)
        for login in ("gr_secretary_b", "sg_member_a1", "gr_employee"):
            self.authenticate(login, login)
            response = self.url_open(f"/signin/screen/{self.meeting.id}")
            self.assertEqual(response.status_code, 404, login)
            self.assertNotIn(self.meeting.signin_code, response.text)
        self.authenticate(None, None)
        response = self.url_open(f"/signin/screen/{self.meeting.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
