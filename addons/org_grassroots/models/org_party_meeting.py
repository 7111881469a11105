from odoo import api, fields, models
from odoo.tools import is_html_empty
from odoo.tools.sql import create_index


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
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held")],
        required=True,
        default="held",
        tracking=True,
        help="Only meetings held count for compliance; a meeting dated after today cannot be held.",
    )
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
    expected_count = fields.Integer(
        string="Due to Attend",
        compute="_compute_expected_count",
        store=True,
        readonly=False,
        help="应到: the formal members (entitled to vote) of the organization and those below it "
        "on the meeting's date; computed when the meeting is recorded, editable.",
    )
    present_count = fields.Integer(
        string="Present",
        compute="_compute_present_count",
        store=True,
        readonly=False,
        help="实到: the attendees entitled to vote (formal members on the meeting's date); "
        "computed from the attendees, editable when they are not listed one by one.",
    )
    attendance_rate = fields.Float(
        string="Attendance Rate (%)",
        compute="_compute_quorum",
        store=True,
        aggregator="avg",
        help="出席率: present out of due to attend.",
    )
    is_quorate = fields.Boolean(
        string="Quorate",
        compute="_compute_quorum",
        store=True,
        help="Enough voting members present for the meeting type's quorum (支部党员大会: more "
        "than half). A meeting without quorum is 不足法定人数 and does not count as held.",
    )
    entry_delay_days = fields.Integer(
        string="Entry Delay (Days)",
        compute="_compute_entry_delay",
        store=True,
        help="Days between the meeting and its recording in the system.",
    )
    is_late_entry = fields.Boolean(
        string="Late Entry",
        compute="_compute_entry_delay",
        store=True,
        help="补录: recorded more days after the meeting than its type allows (30 by default). "
        "It counts, marked.",
    )
    entry_badge = fields.Selection(
        [("late", "Late Entry")],
        string="Late Entry Badge",
        compute="_compute_entry_badge",
        help="补录, shown as a badge in lists.",
    )
    counts_for_compliance = fields.Boolean(
        string="Counts",
        compute="_compute_counts_for_compliance",
        store=True,
        help="Held, and quorate where the type requires a quorum.",
    )
    type_quorum_percent = fields.Integer(related="type_id.quorum_percent", string="Type Quorum (%)")
    absence_note = fields.Text(string="Absences", help="Who was absent and why.")
    minutes = fields.Html()
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    photo_ids = fields.Many2many(
        "ir.attachment",
        "org_party_meeting_photo_rel",
        "meeting_id",
        "attachment_id",
        string="Photos",
        help="Photos of the meeting as evidence, taken with the phone's camera on the spot.",
    )

    def init(self):
        res = super().init()
        # The meetings of a batch of organizations, of one type, in one period (the compliance
        # check's count): an index range per organization, whatever else they held.
        create_index(
            self.env.cr,
            "org_party_meeting_type_organization_date_index",
            self._table,
            ["type_id", "organization_id", "date"],
        )
        return res

    @api.depends("attendee_ids")
    def _compute_attendee_count(self):
        for meeting in self:
            meeting.attendee_count = len(meeting.attendee_ids)

    @api.model
    def _voting_member_domain(self, organization, day):
        """Members entitled to vote on ``day`` (正式党员): formal, and formal by then."""
        return [
            ("organization_id", "child_of", organization.id),
            ("status", "=", "formal"),
            "|",
            ("date_formal", "=", False),
            ("date_formal", "<=", day),
        ]

    @api.depends("organization_id", "date")
    def _compute_expected_count(self):
        Member = self.env["org.party.member"].sudo()
        for meeting in self:
            if not meeting.organization_id or not meeting.date:
                meeting.expected_count = 0
                continue
            meeting.expected_count = Member.search_count(
                self._voting_member_domain(meeting.organization_id, meeting.date)
            )

    @api.depends("attendee_ids", "date")
    def _compute_present_count(self):
        for meeting in self:
            day = meeting.date
            meeting.present_count = len(
                meeting.attendee_ids.sudo().filtered(
                    lambda member, day=day: member.status == "formal"
                    and (not member.date_formal or not day or member.date_formal <= day)
                )
            )

    @api.depends("expected_count", "present_count", "type_id.quorum_percent")
    def _compute_quorum(self):
        for meeting in self:
            expected = meeting.expected_count
            meeting.attendance_rate = 100.0 * meeting.present_count / expected if expected else 0.0
            percent = meeting.type_id.quorum_percent
            # More than ``percent`` per cent: present * 100 > expected * percent, in integers.
            meeting.is_quorate = not percent or (
                expected > 0 and meeting.present_count * 100 > expected * percent
            )

    @api.depends("date", "create_date", "type_id.late_entry_days")
    def _compute_entry_delay(self):
        company = self.env.company
        for meeting in self:
            recorded = company._org_office_date(meeting.create_date) if meeting.create_date else None
            recorded = recorded or company._org_office_today()
            delay = max((recorded - meeting.date).days, 0) if meeting.date else 0
            meeting.entry_delay_days = delay
            limit = meeting.type_id.late_entry_days
            meeting.is_late_entry = bool(limit and delay > limit)

    @api.depends("is_late_entry")
    def _compute_entry_badge(self):
        for meeting in self:
            meeting.entry_badge = "late" if meeting.is_late_entry else False

    @api.depends("state", "is_quorate")
    def _compute_counts_for_compliance(self):
        for meeting in self:
            meeting.counts_for_compliance = meeting.state == "held" and meeting.is_quorate

    def _org_rule_messages(self):
        messages = super()._org_rule_messages()
        today = self.env.company._org_office_today()
        if self.state == "held" and self.date and self.date > today:
            messages.append(
                (
                    ("state", "date"),
                    self.env._(
                        "A meeting dated %(date)s, after today (%(today)s), cannot be recorded as "
                        "held: record it as planned.",
                        date=self.date,
                        today=today,
                    ),
                )
            )
        if self.expected_count < 0 or self.present_count < 0:
            messages.append(
                (
                    ("expected_count", "present_count"),
                    self.env._(
                        "Attendance cannot be negative (due %(expected)s, present %(present)s).",
                        expected=self.expected_count,
                        present=self.present_count,
                    ),
                )
            )
        elif self.present_count > self.expected_count:
            messages.append(
                (
                    ("expected_count", "present_count"),
                    self.env._(
                        "%(present)s voting members present, more than the %(expected)s due to "
                        "attend: correct the attendance or the number due.",
                        expected=self.expected_count,
                        present=self.present_count,
                    ),
                )
            )
        if self.state == "held" and not self.attendee_ids and not self.present_count:
            messages.append(
                (
                    ("attendee_ids", "present_count"),
                    self.env._(
                        "A meeting recorded as held on %(date)s needs its attendees: list them, or "
                        "enter the number present; otherwise record it as planned.",
                        date=self.date,
                    ),
                )
            )
        if self.state == "held" and self.type_id.requires_minutes and is_html_empty(self.minutes):
            messages.append(
                (
                    ("minutes",),
                    self.env._(
                        "A %(type)s recorded as held needs its minutes (会议记录).",
                        type=self.type_id.name,
                    ),
                )
            )
        return messages

    @api.constrains("state", "date", "expected_count", "present_count", "attendee_ids", "minutes", "type_id")
    def _check_org_rules(self):
        self._org_check_rules()

    @api.model_create_multi
    def create(self, vals_list):
        meetings = super().create(vals_list)
        meetings._sync_compliance()
        meetings._attach_uploads()
        return meetings

    def write(self, vals):
        tracked = {
            "organization_id",
            "type_id",
            "date",
            "state",
            "attendee_ids",
            "expected_count",
            "present_count",
        } & set(vals)
        before = self._compliance_keys() if tracked else []
        result = super().write(vals)
        if tracked:
            self._sync_compliance(before)
        if {"attachment_ids", "photo_ids"} & set(vals):
            self._attach_uploads()
        return result

    def unlink(self):
        before = self._compliance_keys()
        result = super().unlink()
        self.env["org.party.meeting.compliance"].sudo()._sync_meetings(before)
        return result

    def _attach_uploads(self):
        """Attach to the meeting the files and photos uploaded while it was new (the web client
        uploads them with no record, ``res_id`` 0, readable by their uploader only), so that they
        are read as the meeting is: by whoever reads the meeting, by no one else. Only the
        current user's own unattached uploads move: a file of someone else stays where it is."""
        uploads = (
            (self.attachment_ids | self.photo_ids)
            .sudo()
            .filtered(
                lambda attachment: not attachment.res_id
                and attachment.res_model in (False, self._name)
                and not attachment.res_field
                and attachment.create_uid == self.env.user
            )
        )
        for meeting in self:
            mine = uploads & (meeting.attachment_ids | meeting.photo_ids).sudo()
            if mine:
                mine.write({"res_model": self._name, "res_id": meeting.id})
                uploads -= mine

    def _compliance_keys(self):
        return [(meeting.organization_id.id, meeting.type_id, meeting.date) for meeting in self]

    def _sync_compliance(self, extra_keys=()):
        # Secretaries only read compliance rows: the rows follow the meetings they record.
        Compliance = self.env["org.party.meeting.compliance"].sudo()
        keys = [(org_id, meeting_type.sudo(), day) for org_id, meeting_type, day in extra_keys]
        keys += [(org_id, meeting_type.sudo(), day) for org_id, meeting_type, day in self._compliance_keys()]
        Compliance._sync_meetings(keys)
