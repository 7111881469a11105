import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user

from odoo.addons.org_base.tests.fixtures import resident_id
from odoo.addons.org_grassroots.tests.common import GrassrootsCommon


class SigninCommon(GrassrootsCommon, HttpCase):
    """GrassrootsCommon's tree; 测试党员甲 (甲一支部) and 测试党员丙 (甲一支部) have portal accounts,
    so has 测试党员乙 (乙一支部, another subtree). ``meeting`` is a meeting of 测试甲党委 starting in
    ten minutes (its sign-in window is open), its sign-in opened."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a1 = new_test_user(cls.env, "sg_member_a1", groups="base.group_portal")
        cls.portal_a2 = new_test_user(cls.env, "sg_member_a2", groups="base.group_portal")
        cls.portal_b1 = new_test_user(cls.env, "sg_member_b1", groups="base.group_portal")
        cls.portal_none = new_test_user(cls.env, "sg_no_member", groups="base.group_portal")
        cls.member_a2 = cls.env["org.party.member"].create(
            {
                "name": "测试党员丙",
                "id_number": resident_id("420115", "19880808", 611),
                "organization_id": cls.branch_a1.id,
                "status": "formal",
                "date_join": "2012-07-01",
                "date_formal": "2013-07-01",
            }
        )
        cls.member_a1.user_id = cls.portal_a1
        cls.member_a2.user_id = cls.portal_a2
        cls.member_b1.user_id = cls.portal_b1
        cls.theme_day = cls.env.ref("org_grassroots.meeting_type_theme_day")
        cls.meeting = cls._meeting(cls.org_a, minutes_to_start=10)

    @classmethod
    def _meeting(cls, organization, minutes_to_start=10, hours=1, name="测试签到会议"):
        start = fields.Datetime.now().replace(microsecond=0) + timedelta(minutes=minutes_to_start)
        meeting = cls.env["org.party.meeting"].create(
            {
                "name": name,
                "organization_id": organization.id,
                "type_id": cls.theme_day.id,
                "state": "planned",
                "date": cls.env.company._org_office_date(start),
                "time_start": start,
                "time_end": start + timedelta(hours=hours),
            }
        )
        meeting.action_signin_rotate()
        return meeting

    def setUp(self):
        super().setUp()
        # The audit rows of this test only (a database may hold older ones).
        self.env.cr.execute("SELECT COALESCE(max(id), 0) FROM org_audit_log")
        self.audit_floor = self.env.cr.fetchone()[0]

    def _signins(self, meeting=None):
        return self.env["org.party.meeting.signin"].search(
            [("meeting_id", "=", (meeting or self.meeting).id)]
        )

    def _audit(self, action):
        return self.env["org.audit.log"].search([("action", "=", action), ("id", ">", self.audit_floor)])

    def _csrf(self, response):
        match = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
        self.assertTrue(match, "the page has a form with a CSRF token")
        return match[1]

    def _sign_in(self, meeting=None):
        """GET the meeting's page, then POST its form; returns (get, post)."""
        url = f"/signin/{(meeting or self.meeting).signin_token}"
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200, page.text[:500])
        post = self.url_open(url, data={"csrf_token": self._csrf(page)})
        return page, post
