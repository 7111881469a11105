from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.org_base.tools.cron import BATCH_SIZE

DEFAULT_REPLY_DAYS = 15
DEFAULT_REMIND_DAYS = 3


class OrgPartyReport(models.Model):
    """重大事项请示报告: a request or report of a party organization to the organization above
    it, which replies by a due date."""

    _name = "org.party.report"
    _description = "Party Request or Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "org.party.scope.mixin"]
    _order = "date_submitted desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    kind = fields.Selection(
        [("request", "Request for Instructions"), ("report", "Report")],
        required=True,
        default="request",
        tracking=True,
    )
    organization_id = fields.Many2one(
        "org.party.organization",
        string="Party Organization",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    higher_organization_id = fields.Many2one(
        related="organization_id.parent_id", store=True, string="Higher Organization"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    content = fields.Html(required=True)
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    date_submitted = fields.Date(string="Submitted On", readonly=True, copy=False, tracking=True)
    date_reply_due = fields.Date(
        string="Reply Due On",
        copy=False,
        tracking=True,
        help="Set on submission from the configured number of days; the higher organization replies by then.",
    )
    reply = fields.Text(tracking=True)
    date_replied = fields.Date(string="Replied On", readonly=True, copy=False)
    replied_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    is_reply_overdue = fields.Boolean(
        string="Reply Overdue", compute="_compute_is_reply_overdue", search="_search_is_reply_overdue"
    )
    reply_reminded = fields.Boolean(copy=False, readonly=True)

    @api.depends("state", "date_reply_due")
    @api.depends_context("date")
    def _compute_is_reply_overdue(self):
        today = fields.Date.context_today(self)
        for report in self:
            report.is_reply_overdue = bool(
                report.state == "submitted" and report.date_reply_due and report.date_reply_due < today
            )

    def _search_is_reply_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Unsupported search on Reply Overdue."))
        domain = [("state", "=", "submitted"), ("date_reply_due", "<", fields.Date.context_today(self))]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.model
    def _reply_days(self):
        value = self.env["ir.config_parameter"].sudo().get_param("org_grassroots.report_reply_days")
        return int(value) if value and value.isdigit() else DEFAULT_REPLY_DAYS

    def _check_state(self, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for report in self:
            if report.state not in states:
                raise UserError(
                    self.env._(
                        "“%(report)s” is %(state)s: this step is not possible now.",
                        report=report.name,
                        state=labels[report.state],
                    )
                )

    def action_submit(self):
        self._check_state(("draft", "rejected"))
        today = fields.Date.context_today(self)
        for report in self:
            if not report.organization_id.parent_id:
                raise UserError(
                    self.env._(
                        "“%(report)s”: %(organization)s has no higher organization to report to.",
                        report=report.name,
                        organization=report.organization_id.display_name,
                    )
                )
            report.write(
                {
                    "state": "submitted",
                    "date_submitted": today,
                    "date_reply_due": today + relativedelta(days=self._reply_days()),
                    "reply_reminded": False,
                }
            )
        return True

    def _check_replier(self):
        """Officers reply to everything; a secretary only to reports of organizations strictly
        below the ones they lead."""
        user = self.env.user
        if user.has_group("org_base.group_org_user"):
            return
        led = user.org_party_secretary_organization_ids
        Organization = self.env["org.party.organization"].sudo()
        for report in self:
            higher = report.organization_id.parent_id
            if not (led and Organization.search_count([("id", "=", higher.id), ("id", "child_of", led.ids)])):
                raise UserError(
                    self.env._(
                        "“%(report)s”: only an officer or the secretary of %(organization)s may reply.",
                        report=report.name,
                        organization=higher.sudo().display_name or "-",
                    )
                )

    def _reply(self, state):
        self._check_state(("submitted",))
        self._check_replier()
        for report in self:
            if not report.reply:
                raise UserError(self.env._("“%(report)s”: write the reply first.", report=report.name))
        self.sudo().write(
            {"state": state, "date_replied": fields.Date.context_today(self), "replied_by_id": self.env.uid}
        )
        self.sudo().activity_feedback(["org_grassroots.mail_activity_type_report_reply"])
        return True

    def action_approve(self):
        return self._reply("approved")

    def action_reject(self):
        return self._reply("rejected")

    def action_reset(self):
        self._check_state(("rejected",))
        return self.write({"state": "draft"})

    @api.model
    def _cron_reply_reminders(self, batch_size=BATCH_SIZE):
        """Daily: remind the higher organization of replies due within a few days or overdue.
        Idempotent (one reminder per submission) and batched."""
        today = fields.Date.context_today(self)
        value = self.env["ir.config_parameter"].sudo().get_param("org_grassroots.report_remind_days")
        remind_days = int(value) if value and value.isdigit() else DEFAULT_REMIND_DAYS
        found = self.search(
            [
                ("state", "=", "submitted"),
                ("date_reply_due", "<=", today + relativedelta(days=remind_days)),
                ("reply_reminded", "=", False),
            ],
            limit=batch_size + 1,
            order="date_reply_due, id",
        )
        reports = found[:batch_size]
        self.env["mail.activity"]._org_schedule_batch(
            "org_grassroots.mail_activity_type_report_reply",
            [
                (
                    report,
                    {
                        "user_id": report.higher_organization_id._reminder_user().id
                        if report.higher_organization_id
                        else False,
                        "date_deadline": report.date_reply_due,
                        "summary": self.env._(
                            "Reply to %(organization)s by %(date)s",
                            organization=report.organization_id.name,
                            date=report.date_reply_due,
                        ),
                    },
                )
                for report in reports
            ],
            automated=True,
            skip_existing=False,
        )
        reports.write({"reply_reminded": True})
        self.env["ir.cron"]._notify_progress(done=len(reports), remaining=len(found) - len(reports))
        return reports
