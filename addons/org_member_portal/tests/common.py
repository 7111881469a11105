from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.org_base.tests.fixtures import resident_id
from odoo.addons.org_grassroots.tests.common import GrassrootsCommon


class MemberPortalCommon(GrassrootsCommon):
    """GrassrootsCommon's tree, with portal accounts: member_a1 (测试甲一支部) and member_a2 (same
    branch) and member_b1 (测试乙一支部, the other subtree); a meeting of each branch."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_a1.mobile_phone = "139 0715 1001"
        cls.member_b1.mobile_phone = "+86 13907151002"
        cls.member_a2 = cls.env["org.party.member"].create(
            {
                "name": "测试党员丙",
                "id_number": resident_id("420115", "19880808", 611),
                "organization_id": cls.branch_a1.id,
                "status": "formal",
                "date_join": "2012-07-01",
                "date_formal": "2013-07-01",
                "mobile_phone": "13907151003",
            }
        )
        cls.portal_a1, cls.portal_b1, cls.portal_a2 = (
            cls._make_portal_user("mp_portal_a1", cls.member_a1),
            cls._make_portal_user("mp_portal_b1", cls.member_b1),
            cls._make_portal_user("mp_portal_a2", cls.member_a2),
        )
        Meeting = cls.env["org.party.meeting"]
        cls.meeting_type = cls.env["org.party.meeting.type"].search([], limit=1)
        cls.meeting_a_attended, cls.meeting_a_missed, cls.meeting_b = Meeting.create(
            [
                {
                    "name": "测试甲一支部党员大会",
                    "organization_id": cls.branch_a1.id,
                    "type_id": cls.meeting_type.id,
                    "date": "2025-03-10",
                    "attendee_ids": [Command.set(cls.member_a1.ids)],
                    "minutes": "<p>会议记录甲</p>",
                },
                {
                    "name": "测试甲一支部组织生活会",
                    "organization_id": cls.branch_a1.id,
                    "type_id": cls.meeting_type.id,
                    "date": "2026-04-10",
                    "attendee_ids": [Command.set(cls.member_a2.ids)],
                    "minutes": "<p>会议记录乙</p>",
                },
                {
                    "name": "测试乙一支部党课",
                    "organization_id": cls.branch_b1.id,
                    "type_id": cls.meeting_type.id,
                    "date": "2026-05-10",
                    "attendee_ids": [Command.set(cls.member_b1.ids)],
                    "minutes": "<p>会议记录丙</p>",
                },
            ]
        )

    @classmethod
    def _make_portal_user(cls, login, member):
        user = new_test_user(cls.env, login, groups="base.group_portal")
        member.user_id = user
        return user
