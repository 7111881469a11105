import base64
import secrets
from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from .res_config_settings import (
    DEFAULT_GRACE_MINUTES,
    DEFAULT_WINDOW_MINUTES,
    GRACE_PARAM,
    WINDOW_PARAM,
)

TOKEN_BYTES = 24  # 192 bits
SIGNIN_GROUPS = "org_base.group_org_user,org_base.group_org_leader,org_grassroots.group_party_secretary"


class OrgPartyMeeting(models.Model):
    _inherit = "org.party.meeting"

    time_start = fields.Datetime(
        string="Starts At",
        tracking=True,
        help="When the meeting starts: members may sign in from shortly before.",
    )
    time_end = fields.Datetime(
        string="Ends At", tracking=True, help="When the meeting ends: sign-in closes then."
    )
    signin_token = fields.Char(
        string="Sign-in Token", copy=False, readonly=True, index="btree_not_null", groups=SIGNIN_GROUPS
    )
    signin_code = fields.Char(
        string="Sign-in Code",
        copy=False,
        readonly=True,
        index="btree_not_null",
        groups=SIGNIN_GROUPS,
        help="Six digits members may type at /signin instead of scanning the QR code.",
    )
    signin_ids = fields.One2many("org.party.meeting.signin", "meeting_id", string="Sign-ins", readonly=True)
    signin_count = fields.Integer(string="Signed In", compute="_compute_signin_count")
    signin_late_count = fields.Integer(string="Late", compute="_compute_signin_count")
    signin_url = fields.Char(string="Sign-in Link", compute="_compute_signin_url", groups=SIGNIN_GROUPS)
    signin_qr = fields.Binary(string="Sign-in QR Code", compute="_compute_signin_url", groups=SIGNIN_GROUPS)
    signin_opens_at = fields.Datetime(string="Sign-in Opens", compute="_compute_signin_window")

    @api.depends("signin_ids", "signin_ids.is_late")
    def _compute_signin_count(self):
        groups = self.env["org.party.meeting.signin"]._read_group(
            [("meeting_id", "in", self.ids)], ["meeting_id", "is_late"], ["__count"]
        )
        counts = {}
        for meeting, late, count in groups:
            total, lates = counts.get(meeting.id, (0, 0))
            counts[meeting.id] = (total + count, lates + (count if late else 0))
        for meeting in self:
            meeting.signin_count, meeting.signin_late_count = counts.get(meeting.id, (0, 0))

    @api.depends("signin_token")
    def _compute_signin_url(self):
        base = self.get_base_url()
        Report = self.env["ir.actions.report"]
        for meeting in self:
            if meeting.signin_token:
                meeting.signin_url = f"{base}/signin/{meeting.signin_token}"
                png = Report.barcode("QR", meeting.signin_url, width=360, height=360, barLevel="M")
                meeting.signin_qr = base64.b64encode(png)
            else:
                meeting.signin_url = False
                meeting.signin_qr = False

    @api.depends("time_start")
    def _compute_signin_window(self):
        before = timedelta(minutes=self._signin_window_minutes())
        for meeting in self:
            meeting.signin_opens_at = meeting.time_start - before if meeting.time_start else False

    # Settings ---------------------------------------------------------------------------------

    @api.model
    def _signin_param(self, name, default):
        value = self.env["ir.config_parameter"].sudo().get_param(name)
        if value in (None, False, ""):
            return default
        try:
            return max(int(value), 0)
        except (TypeError, ValueError):
            return default

    @api.model
    def _signin_window_minutes(self):
        return self._signin_param(WINDOW_PARAM, DEFAULT_WINDOW_MINUTES)

    @api.model
    def _signin_grace_minutes(self):
        return self._signin_param(GRACE_PARAM, DEFAULT_GRACE_MINUTES)

    # The window ------------------------------------------------------------------------------

    def _signin_window(self):
        """(opens, closes) in UTC, or None when the meeting has no start and end."""
        self.ensure_one()
        if not self.time_start or not self.time_end:
            return None
        return self.time_start - timedelta(minutes=self._signin_window_minutes()), self.time_end

    def _signin_window_state(self, now=None):
        """'open', 'early', 'closed' or 'unset'."""
        window = self._signin_window()
        if not window:
            return "unset"
        now = now or fields.Datetime.now()
        if now < window[0]:
            return "early"
        if now > window[1]:
            return "closed"
        return "open"

    @api.model
    def _signin_open_domain(self, now=None):
        now = now or fields.Datetime.now()
        opens_by = now + timedelta(minutes=self._signin_window_minutes())
        return [("time_start", "<=", opens_by), ("time_end", ">=", now)]

    def _signin_is_late(self, when):
        self.ensure_one()
        return bool(self.time_start) and when > self.time_start + timedelta(
            minutes=self._signin_grace_minutes()
        )

    @api.model
    def _signin_label(self, value, fmt="%Y-%m-%d %H:%M"):
        """A stored (naive UTC) datetime as the office's wall-clock time."""
        if not value:
            return ""
        tz = self.env.company._org_office_tz()
        return pytz.utc.localize(value).astimezone(tz).strftime(fmt)

    # Rules --------------------------------------------------------------------------------------

    def _org_rule_messages(self):
        messages = super()._org_rule_messages()
        if bool(self.time_start) != bool(self.time_end):
            messages.append(
                (
                    ("time_start", "time_end"),
                    self.env._("A meeting with a start time needs an end time, and the other way round."),
                )
            )
        elif self.time_start and self.time_end <= self.time_start:
            messages.append(
                (
                    ("time_start", "time_end"),
                    self.env._(
                        "A meeting ending at %(end)s does not follow its start at %(start)s: the end must "
                        "come after the start.",
                        start=self._signin_label(self.time_start),
                        end=self._signin_label(self.time_end),
                    ),
                )
            )
        if self.time_start and self.date and self.env.company._org_office_date(self.time_start) != self.date:
            messages.append(
                (
                    ("time_start", "date"),
                    self.env._(
                        "A meeting dated %(date)s cannot start on another day (%(start)s).",
                        date=self.date,
                        start=self._signin_label(self.time_start),
                    ),
                )
            )
        return messages

    @api.constrains("time_start", "time_end", "date")
    def _check_org_signin_rules(self):
        self._org_check_rules()

    @api.onchange("time_start")
    def _onchange_time_start_date(self):
        if self.time_start:
            self.date = self.env.company._org_office_date(self.time_start)

    # Actions -------------------------------------------------------------------------------------

    def action_signin_rotate(self):
        """Give the meeting a new sign-in token and short code (the old ones stop working)."""
        for meeting in self:
            meeting.check_access("write")
            if not meeting._signin_window():
                raise UserError(
                    self.env._(
                        "Meeting “%(meeting)s” has no start and end time: set them before opening the "
                        "sign-in.",
                        meeting=meeting.display_name,
                    )
                )
            meeting.sudo().write(
                {
                    "signin_token": secrets.token_urlsafe(TOKEN_BYTES),
                    "signin_code": meeting._signin_new_code(),
                }
            )
        return True

    def _signin_new_code(self):
        """Six digits that no other meeting whose sign-in window meets this one's uses."""
        self.ensure_one()
        opens, closes = self._signin_window()
        before = timedelta(minutes=self._signin_window_minutes())
        Meeting = self.sudo().with_context(active_test=False)
        taken = set(
            Meeting.search(
                [
                    ("id", "!=", self.id),
                    ("signin_code", "!=", False),
                    ("time_start", "<=", closes + before),
                    ("time_end", ">=", opens),
                ]
            ).mapped("signin_code")
        )
        for _attempt in range(100):
            code = f"{secrets.randbelow(10**6):06d}"
            if code not in taken:
                return code
        raise UserError(self.env._("No free sign-in code was found: try again."))

    def action_signin_screen(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": f"/signin/screen/{self.id}", "target": "new"}
