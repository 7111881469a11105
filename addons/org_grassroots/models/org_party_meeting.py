from odoo import api, fields, models


class OrgPartyMeeting(models.Model):
    """A meeting of a party organization (支部党员大会, 党课, 主题党日 …): who attended, the
    minutes and the files."""

    _name = "org.party.meeting"
    _description = "Party Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin", "org.party.scope.mixin"]
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

    @api.model_create_multi
    def create(self, vals_list):
        meetings = super().create(vals_list)
        meetings._sync_compliance()
        return meetings

    def write(self, vals):
        tracked = {"organization_id", "type_id", "date"} & set(vals)
        before = self._compliance_keys() if tracked else []
        result = super().write(vals)
        if tracked:
            self._sync_compliance(before)
        return result

    def unlink(self):
        before = self._compliance_keys()
        result = super().unlink()
        self.env["org.party.meeting.compliance"].sudo()._sync_meetings(before)
        return result

    def _compliance_keys(self):
        return [(meeting.organization_id.id, meeting.type_id, meeting.date) for meeting in self]

    def _sync_compliance(self, extra_keys=()):
        # Secretaries only read compliance rows: the rows follow the meetings they record.
        Compliance = self.env["org.party.meeting.compliance"].sudo()
        keys = [(org_id, meeting_type.sudo(), day) for org_id, meeting_type, day in extra_keys]
        keys += [(org_id, meeting_type.sudo(), day) for org_id, meeting_type, day in self._compliance_keys()]
        Compliance._sync_meetings(keys)
