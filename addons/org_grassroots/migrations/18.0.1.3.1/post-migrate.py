"""The 支部党员大会 type (noupdate data) now asks for minutes (会议记录) before a meeting is held.
Meetings already recorded keep what they have: the rule applies when they are next changed."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    general_meeting = env.ref("org_grassroots.meeting_type_general_meeting", raise_if_not_found=False)
    if general_meeting:
        general_meeting.requires_minutes = True
