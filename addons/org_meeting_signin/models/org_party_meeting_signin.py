from odoo import api, fields, models


class OrgPartyMeetingSignin(models.Model):
    """A member's sign-in to a party meeting (签到): who, when, late or not, from which device.

    Written only by the sign-in route (as superuser, after its own checks of the member's scope),
    never by hand: the record is the attendance record of 组织生活, and signing in adds the member
    to the meeting's attendees, so 实到 and compliance follow.
    """

    _name = "org.party.meeting.signin"
    _description = "Party Meeting Sign-in"
    _order = "signed_at, id"
    _rec_name = "member_id"

    meeting_id = fields.Many2one(
        "org.party.meeting", required=True, index=True, ondelete="cascade", readonly=True
    )
    organization_id = fields.Many2one(
        related="meeting_id.organization_id", store=True, string="Party Organization", index=True
    )
    member_id = fields.Many2one(
        "org.party.member",
        string="Party Member",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    user_id = fields.Many2one("res.users", string="Account", required=True, index=True, readonly=True)
    signed_at = fields.Datetime(string="Signed In At", required=True, readonly=True)
    is_late = fields.Boolean(string="Late", readonly=True)
    device_hash = fields.Char(
        string="Device", readonly=True, groups="org_base.group_org_manager", help="SHA-256 of the device key."
    )
    ip = fields.Char(string="IP Address", readonly=True, groups="org_base.group_org_manager")

    _sql_constraints = [
        ("meeting_member_uniq", "unique(meeting_id, member_id)", "A member signs in to a meeting once."),
    ]

    @api.depends("member_id", "signed_at")
    def _compute_display_name(self):
        for signin in self:
            signin.display_name = (
                f"{signin.member_id.sudo().name} {signin.meeting_id._signin_label(signin.signed_at, '%H:%M')}"
            )
