from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.org_base.tools.cron import BATCH_SIZE


class OrgStudySession(models.Model):
    """One study event: a 中心组学习, a 车谷夜校 evening, a 专题党课 … with its attendance."""

    _name = "org.study.session"
    _description = "Study Session"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    type_id = fields.Many2one(
        "org.study.type", string="Study Type", required=True, index=True, tracking=True, ondelete="restrict"
    )
    delivery = fields.Selection(
        [("offline", "Offline"), ("online", "Online")],
        required=True,
        default="offline",
        tracking=True,
    )
    approach = fields.Selection(
        [("going_out", "Going Out"), ("inviting_in", "Inviting In")],
        tracking=True,
        help="走出去: study on site elsewhere; 请进来: speakers invited in.",
    )
    topic = fields.Char(tracking=True)
    date_start = fields.Datetime(string="Start", required=True, tracking=True, index=True)
    date_end = fields.Datetime(
        string="End",
        compute="_compute_date_end",
        store=True,
        readonly=False,
        help="Pre-filled with the start plus the study type's usual hours.",
    )
    hours = fields.Float(
        string="Study Hours",
        compute="_compute_hours",
        store=True,
        readonly=False,
        tracking=True,
        help="Hours (学时) credited to each participant present: the session's duration, from its "
        "start to its end (correct it for a course over several days).",
    )
    place = fields.Char()
    speaker_employee_ids = fields.Many2many(
        "hr.employee",
        "org_study_session_speaker_rel",
        "session_id",
        "employee_id",
        string="Internal Speakers",
    )
    speaker_external = fields.Char(
        string="External Experts", help="Names of invited experts, e.g. 张教授（华中科技大学）."
    )
    organizer_department_id = fields.Many2one(
        "hr.department", string="Organizing Unit", index="btree_not_null", tracking=True
    )
    organizer_employee_id = fields.Many2one("hr.employee", string="Organizer", tracking=True)
    material_ids = fields.Many2many(
        "ir.attachment",
        "org_study_session_material_rel",
        "session_id",
        "attachment_id",
        string="Materials",
    )
    plan_line_id = fields.Many2one(
        "org.study.plan.line",
        string="Plan Topic",
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
        help="The topic of a study plan that this session studies.",
    )
    minutes = fields.Html()
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held"), ("archived", "Archived")],
        string="Status",
        required=True,
        default="planned",
        tracking=True,
        group_expand="_expand_states",
    )
    attendance_ids = fields.One2many("org.study.attendance", "session_id", copy=False)
    participant_count = fields.Integer(compute="_compute_attendance_counts", string="Participants")
    present_count = fields.Integer(compute="_compute_attendance_counts", string="Present")
    color = fields.Integer()

    @api.depends("date_start", "date_end")
    def _compute_hours(self):
        for session in self:
            if session.date_start and session.date_end and session.date_end > session.date_start:
                # Quarter hours, as sign-in sheets count them.
                seconds = (session.date_end - session.date_start).total_seconds()
                session.hours = round(seconds / 900) / 4
            else:
                session.hours = 0.0

    @api.depends("date_start", "type_id")
    def _compute_date_end(self):
        for session in self:
            if session.date_start:
                session.date_end = session.date_start + timedelta(
                    hours=max(session.type_id.default_hours, 0.5)
                )

    @api.depends("attendance_ids.state")
    def _compute_attendance_counts(self):
        for session in self:
            session.participant_count = len(session.attendance_ids)
            session.present_count = len(session.attendance_ids.filtered(lambda a: a.state == "present"))

    def _expand_states(self, states, domain):
        return [key for key, _label in self._fields["state"].selection]

    def _org_rule_messages(self):
        messages = super()._org_rule_messages()
        # A session is held once it has started: its attendance and hours are facts, not plans.
        if self.state in ("held", "archived") and self.date_start and self.date_start > fields.Datetime.now():
            messages.append(
                (
                    ("state", "date_start"),
                    self.env._(
                        "a session starting on %(start)s cannot be marked held before it starts.",
                        start=self._org_office_start_label(),
                    ),
                )
            )
        return messages

    def _org_office_start_label(self):
        """The start as the office reads it, e.g. 2026-03-10 19:00."""
        company = self.env.company
        return (
            pytz.utc.localize(self.date_start).astimezone(company._org_office_tz()).strftime("%Y-%m-%d %H:%M")
        )

    @api.constrains("state", "date_start")
    def _check_org_rules(self):
        self._org_check_rules()

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for session in self:
            if session.date_end and session.date_end < session.date_start:
                raise ValidationError(
                    self.env._("Session “%(session)s” cannot end before it starts.", session=session.name)
                )

    def action_set_held(self):
        for session in self:
            if session.state != "planned":
                raise UserError(
                    self.env._("Session “%(session)s” is not planned any more.", session=session.name)
                )
        self.write({"state": "held"})
        return True

    def action_set_archived(self):
        if any(session.state != "held" for session in self):
            raise UserError(self.env._("Only held sessions can be archived."))
        self.write({"state": "archived"})
        return True

    def action_reset_planned(self):
        self.write({"state": "planned"})
        return True

    def action_mark_all_present(self):
        self.attendance_ids.filtered(lambda a: a.state != "present").write(
            {"state": "present", "reason": False}
        )
        return True

    def action_view_attendance(self):
        """The session's attendance lines, where lines selected together are marked at once."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("org_study.org_study_attendance_action")
        action.update(
            {
                "domain": [("session_id", "=", self.id)],
                "context": {"default_session_id": self.id},
                "name": self.env._("Attendance: %(session)s", session=self.name),
            }
        )
        return action

    def action_import_sign_in_sheet(self):
        """The roster import, on the sign-in sheet (签到表) of this session."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import Sign-in Sheet"),
            "res_model": "org.roster.import",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_roster": "study_attendance", "default_study_session_id": self.id},
        }

    @api.model
    def _tomorrow_bounds(self):
        """UTC bounds of tomorrow, counted in the office's time zone."""
        company = self.env.company
        tomorrow = company._org_office_today() + timedelta(days=1)
        return company._org_office_datetime(tomorrow), company._org_office_datetime(
            tomorrow + timedelta(days=1)
        )

    @api.model
    def _cron_remind_participants(self, batch_size=BATCH_SIZE):
        """Daily: each registered participant of a session held tomorrow gets one reminder activity.

        Idempotent (a participant already reminded of a session is not reminded again) and
        batched: a run reminds one batch and tells the cron how many wait (``_notify_progress``).
        """
        activity_type = self.env.ref("org_study.mail_activity_type_study_session")
        start, end = self._tomorrow_bounds()
        attendances = self.env["org.study.attendance"].search(
            [
                ("session_id.state", "=", "planned"),
                ("session_id.date_start", ">=", start),
                ("session_id.date_start", "<", end),
                ("state", "in", ("registered", "present")),
                ("employee_id.user_id", "!=", False),
            ],
            order="session_id, id",
        )
        # Participants already reminded of their session are left out (one search) before the
        # batch is cut, so that each run moves on.
        Activity = self.env["mail.activity"]
        reminded = Activity._org_scheduled(activity_type, attendances.session_id)
        found = attendances.filtered(
            lambda attendance: (attendance.session_id, attendance.employee_id.user_id.id) not in reminded
        )[: batch_size + 1]
        todo = found[:batch_size]
        # The participants get the assignment e-mail (notify), as they always did.
        Activity._org_schedule_batch(
            activity_type,
            [
                (
                    attendance.session_id,
                    {
                        "user_id": attendance.employee_id.user_id.id,
                        "date_deadline": attendance.session_id.date_start.date(),
                        "summary": self.env._(
                            "Study tomorrow: %(session)s at %(place)s",
                            session=attendance.session_id.name,
                            place=attendance.session_id.place or self.env._("the place announced"),
                        ),
                    },
                )
                for attendance in todo
            ],
            notify=True,
            skip_existing=False,
        )
        self.env["ir.cron"]._notify_progress(done=len(todo), remaining=len(found) - len(todo))
        return todo
