from odoo import api, fields, models


class OrgPartyMeeting(models.Model):
    """A meeting of a party organization (支部党员大会, 党课, 主题党日 …): who attended, the
    minutes and the files."""

    _name = "org.party.meeting"
    _description = "Party Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Topic", required=True, tracking=True)
    organization_id = fields.Many2one(
        "org.party.organization",
        string="Party Organization",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    type_id = fields.Many2one(
        "org.party.meeting.type", string="Meeting Type", required=True, ondelete="restrict", tracking=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    place = fields.Char()
    host = fields.Char(help="Who chaired the meeting or gave the party lecture.")
    attendee_ids = fields.Many2many(
        "org.party.member",
        "org_party_meeting_attendee_rel",
        "meeting_id",
        "member_id",
        string="Attendees",
        domain="[('organization_id', 'child_of', organization_id)]",
    )
    attendee_count = fields.Integer(compute="_compute_attendee_count", string="Attendance", store=True)
    absence_note = fields.Text(string="Absences", help="Who was absent and why.")
    minutes = fields.Html()
    attachment_ids = fields.Many2many("ir.attachment", string="Files")

    @api.depends("attendee_ids")
    def _compute_attendee_count(self):
        for meeting in self:
            meeting.attendee_count = len(meeting.attendee_ids)
