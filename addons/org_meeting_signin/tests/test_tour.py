from odoo.tests import new_test_user, tagged

from .common import SigninCommon


@tagged("post_install", "-at_install")
class TestSigninTour(SigninCommon):
    browser_size = "390x844"
    touch_enabled = True

    def test_member_signs_in_on_a_phone(self):
        user = new_test_user(self.env, "signin_tour_member", groups="base.group_portal")
        member = self.env["org.party.member"].create(
            {
                "name": "签到巡演党员",
                "organization_id": self.branch_a1.id,
                "status": "formal",
                "user_id": user.id,
            }
        )
        meeting = self._meeting(self.org_a, name="签到巡演会议")
        self.start_tour(f"/signin/{meeting.signin_token}", "org_meeting_signin_member_tour")
        signin = self._signins(meeting)
        self.assertEqual(signin.member_id, member)
        self.assertEqual(signin.user_id, user)
        self.assertIn(member, meeting.attendee_ids)
        self.assertEqual(meeting.attendee_count, 1)
