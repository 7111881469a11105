from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SigninCommon


@tagged("post_install", "-at_install")
class TestMeetingSigninRules(SigninCommon):
    def test_end_follows_start(self):
        meeting = self.meeting
        with self.assertRaisesRegex(ValidationError, "must come after the start"):
            meeting.time_end = meeting.time_start - timedelta(minutes=1)
        with self.assertRaisesRegex(ValidationError, "needs an end time"):
            meeting.time_end = False
        messages = (
            self.env["org.party.meeting"]
            .new({"time_start": meeting.time_start, "time_end": meeting.time_start, "date": meeting.date})
            ._org_rule_messages()
        )
        self.assertIn(("time_start", "time_end"), [fnames for fnames, _message in messages])

    def test_start_on_the_meeting_day(self):
        with self.assertRaisesRegex(ValidationError, "cannot start on another day"):
            self.meeting.date = self.meeting.date - timedelta(days=3)

    def test_token_is_long_random_and_rotates(self):
        token = self.meeting.signin_token
        self.assertGreaterEqual(len(token), 32)  # 24 random bytes, 192 bits
        self.assertRegex(self.meeting.signin_code, r"^\d{6}$")
        self.meeting.action_signin_rotate()
        self.assertNotEqual(self.meeting.signin_token, token)
        self.assertIn(self.meeting.signin_token, self.meeting.signin_url)
        self.assertTrue(self.meeting.signin_qr)

    def test_sign_in_needs_times(self):
        meeting = self.env["org.party.meeting"].create(
            {
                "name": "无时间会议",
                "organization_id": self.org_a.id,
                "type_id": self.theme_day.id,
                "state": "planned",
                "date": fields.Date.today(),
            }
        )
        with self.assertRaisesRegex(UserError, "无时间会议"):
            meeting.action_signin_rotate()
        self.assertFalse(meeting.signin_token)

    def test_short_code_unique_among_open_windows(self):
        target = "odoo.addons.org_meeting_signin.models.org_party_meeting.secrets.randbelow"
        with patch(target, side_effect=[123456, 123456, 654321]):
            self.meeting.action_signin_rotate()
            other = self._meeting(self.org_b, minutes_to_start=20, name="同时会议")
        self.assertEqual(self.meeting.signin_code, "123456")
        self.assertEqual(other.signin_code, "654321")

    def test_secretary_rotates_only_own_meetings(self):
        self.meeting.with_user(self.secretary_a).action_signin_rotate()
        with self.assertRaises(AccessError):
            self.meeting.with_user(self.secretary_b).action_signin_rotate()

    def test_window_states(self):
        meeting = self.meeting
        opens, closes = meeting._signin_window()
        self.assertEqual(opens, meeting.time_start - timedelta(minutes=30))
        self.assertEqual(meeting._signin_window_state(opens - timedelta(seconds=1)), "early")
        self.assertEqual(meeting._signin_window_state(opens), "open")
        self.assertEqual(meeting._signin_window_state(closes + timedelta(seconds=1)), "closed")
        self.env["ir.config_parameter"].set_param("org_meeting_signin.window_minutes", 10)
        self.assertEqual(meeting._signin_window()[0], meeting.time_start - timedelta(minutes=10))
        self.assertFalse(meeting._signin_is_late(meeting.time_start + timedelta(minutes=5)))
        self.assertTrue(meeting._signin_is_late(meeting.time_start + timedelta(minutes=5, seconds=1)))
