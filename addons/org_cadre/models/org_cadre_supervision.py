from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.org_base.tools.cron import BATCH_SIZE

KIND_EFFECT_FIELDS = {
    "reminder": "cadre_reminder_effect_months",
    "inquiry": "cadre_inquiry_effect_months",
    "admonishment": "cadre_admonishment_effect_months",
}


class OrgCadreSupervision(models.Model):
    """提醒谈话 / 函询 / 诫勉: confidential, seen only by the cadre supervision group and never by
    the cadre concerned (see security/org_cadre_security.xml)."""

    _name = "org.cadre.supervision"
    _description = "Cadre Supervision"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _rec_name = "reference"
    _org_audit_read = True  # every read is written to org_base's audit log

    reference = fields.Char(readonly=True, copy=False, default="/")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    employee_id = fields.Many2one("hr.employee", string="Cadre", required=True, index=True, tracking=True)
    kind = fields.Selection(
        [("reminder", "Reminder Talk"), ("inquiry", "Written Inquiry"), ("admonishment", "Admonishment")],
        required=True,
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    reason = fields.Text(required=True)
    handler_id = fields.Many2one(
        "res.users", string="Handled By", default=lambda self: self.env.user, tracking=True
    )
    reply_due_date = fields.Date(
        string="Written Reply Due",
        compute="_compute_reply_due_date",
        store=True,
        readonly=False,
        tracking=True,
    )
    reply_date = fields.Date(string="Replied On", tracking=True)
    reply = fields.Text(string="Written Reply")
    reply_due_notified = fields.Boolean(copy=False)
    outcome = fields.Text()
    effect_months = fields.Integer(
        string="Effect on Promotion (months)",
        compute="_compute_effect_months",
        store=True,
        readonly=False,
        help="During this period the cadre is not promoted nor given heavier responsibility.",
    )
    effect_date_end = fields.Date(string="Effect Until", compute="_compute_effect_date_end", store=True)
    is_effective = fields.Boolean(
        string="In Effect",
        default=True,
        help="Cleared by the scheduled action once the effect period is over.",
    )

    @api.depends("kind", "date", "company_id.cadre_inquiry_reply_days")
    def _compute_reply_due_date(self):
        for record in self:
            record.reply_due_date = (
                record.kind == "inquiry"
                and record.date
                and record.company_id._cadre_add_working_days(
                    record.date, record.company_id.cadre_inquiry_reply_days
                )
            )

    @api.depends("kind", "company_id")
    def _compute_effect_months(self):
        for record in self:
            record.effect_months = record.kind and record.company_id[KIND_EFFECT_FIELDS[record.kind]]

    @api.depends("date", "effect_months")
    def _compute_effect_date_end(self):
        for record in self:
            record.effect_date_end = (
                record.date
                and record.effect_months
                and record.date + relativedelta(months=record.effect_months)
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("reference", "/") == "/":
                vals["reference"] = (
                    self.env["ir.sequence"].sudo().next_by_code("org.cadre.supervision") or "/"
                )
        return super().create(vals_list)

    @api.model
    def _admonished_in_year(self, employees, year):
        """Those of ``employees`` under a 诫勉 in effect at some time of ``year``: given that
        year, or given before with an effect period reaching into it."""
        return self.search(
            [
                ("employee_id", "in", employees.ids),
                ("kind", "=", "admonishment"),
                ("date", "<=", f"{year}-12-31"),
                "|",
                ("date", ">=", f"{year}-01-01"),
                ("effect_date_end", ">=", f"{year}-01-01"),
            ]
        ).employee_id

    @api.model
    def _restricted_employees(self, employees):
        """Those of ``employees`` under a supervision measure whose effect period runs today
        (the office's date)."""
        today = self.env.company._org_office_today()
        records = self.search(
            [
                ("employee_id", "in", employees.ids),
                ("is_effective", "=", True),
                ("effect_date_end", ">=", today),
            ]
        )
        return records.employee_id

    # Crons

    @api.model
    def _cron_inquiry_reply_due(self, batch_size=BATCH_SIZE):
        """A written inquiry without a reply on its due date: remind the handler. One batch a
        run (org_base/tools/cron.py), the cron runs again while some wait."""
        today = fields.Date.context_today(self)
        found = self.search(
            [
                ("kind", "=", "inquiry"),
                ("reply_date", "=", False),
                ("reply_due_date", "<=", today),
                ("reply_due_notified", "=", False),
            ],
            limit=batch_size + 1,
            order="id",
        )
        records = found[:batch_size]
        # A to-do for the responsible person (the cron's user when nobody is set).
        self.env["mail.activity"].sudo()._org_schedule_batch(
            "mail.mail_activity_data_todo",
            [
                (
                    record,
                    {
                        "user_id": record.handler_id.id or self.env.uid,
                        "summary": self.env._("Written reply due: follow up the inquiry"),
                        "date_deadline": today,
                    },
                )
                for record in records
            ],
            skip_existing=False,
        )
        records.write({"reply_due_notified": True})
        self.env["ir.cron"]._notify_progress(done=len(records), remaining=len(found) - len(records))
        return True

    @api.model
    def _cron_effect_end(self, batch_size=BATCH_SIZE):
        """The effect period is over: the measure no longer weighs on a promotion. One batch
        a run (org_base/tools/cron.py), the cron runs again while some wait."""
        today = fields.Date.context_today(self)
        found = self.search(
            [
                ("is_effective", "=", True),
                "|",
                ("effect_date_end", "=", False),
                ("effect_date_end", "<", today),
            ],
            limit=batch_size + 1,
            order="id",
        )
        records = found[:batch_size]
        records.write({"is_effective": False})
        self.env["ir.cron"]._notify_progress(done=len(records), remaining=len(found) - len(records))
        return True
