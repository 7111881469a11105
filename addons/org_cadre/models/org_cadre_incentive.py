from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.org_base.tools.cron import BATCH_SIZE


class OrgCadreIncentive(models.Model):
    """点赞 (commendation) or 亮黄灯 (yellow light for 佛系躺平, with a correction period)."""

    _name = "org.cadre.incentive"
    _description = "Cadre Commendation or Yellow Light"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    employee_id = fields.Many2one("hr.employee", string="Cadre", required=True, index=True, tracking=True)
    kind = fields.Selection(
        [("commendation", "Commendation"), ("yellow_light", "Yellow Light")], required=True, tracking=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    reason = fields.Text(required=True)
    user_id = fields.Many2one("res.users", string="Follow-up By", default=lambda self: self.env.user)
    date_correction_end = fields.Date(
        string="Correct By",
        compute="_compute_date_correction_end",
        store=True,
        readonly=False,
        tracking=True,
    )
    state = fields.Selection(
        [("open", "Under Correction"), ("corrected", "Corrected"), ("not_corrected", "Not Corrected")],
        string="Follow-up",
        tracking=True,
    )
    follow_up = fields.Text(string="Follow-up Notes")
    review_notified = fields.Boolean(copy=False)

    @api.depends("kind", "employee_id.name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # "点赞 · 张明" in the reader's language, in place of "org.cadre.incentive,1".
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for record in self:
            record.display_name = " · ".join(filter(None, [labels.get(record.kind), record.employee_id.name]))

    @api.depends("kind", "date", "company_id.cadre_yellow_light_correction_days")
    def _compute_date_correction_end(self):
        for record in self:
            record.date_correction_end = (
                record.kind == "yellow_light"
                and record.date
                and record.date + relativedelta(days=record.company_id.cadre_yellow_light_correction_days)
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("kind") == "yellow_light":
                vals.setdefault("state", "open")
        records = super().create(vals_list)
        records.employee_id._cadre_update_adjustment_suggestion()
        return records

    def write(self, vals):
        employees = self.employee_id
        result = super().write(vals)
        if {"kind", "date", "employee_id", "state"} & set(vals):
            (employees | self.employee_id)._cadre_update_adjustment_suggestion()
        return result

    def unlink(self):
        employees = self.employee_id
        result = super().unlink()
        employees._cadre_update_adjustment_suggestion()
        return result

    def _check_yellow_light(self):
        if any(record.kind != "yellow_light" for record in self):
            raise UserError(self.env._("Only yellow lights have a correction follow-up."))

    def action_corrected(self):
        self._check_yellow_light()
        self.write({"state": "corrected"})
        return True

    def action_not_corrected(self):
        self._check_yellow_light()
        self.write({"state": "not_corrected"})
        return True

    @api.model
    def _cron_yellow_light_review(self, batch_size=BATCH_SIZE):
        """Correction period over: remind the follow-up person to review; refresh suggestions.
        One batch a run (org_base/tools/cron.py), the cron runs again while some wait."""
        today = fields.Date.context_today(self)
        found = self.search(
            [
                ("kind", "=", "yellow_light"),
                ("state", "=", "open"),
                ("date_correction_end", "<", today),
                ("review_notified", "=", False),
            ],
            limit=batch_size + 1,
            order="id",
        )
        records = found[:batch_size]
        # The activities name their record: the names (kind · cadre) in one batch, not one by one.
        records.mapped("display_name")
        # A to-do for the responsible person (the cron's user when nobody is set).
        self.env["mail.activity"].sudo()._org_schedule_batch(
            "mail.mail_activity_data_todo",
            [
                (
                    record,
                    {
                        "user_id": record.user_id.id or self.env.uid,
                        "summary": self.env._("Correction period over: review the yellow light"),
                        "date_deadline": today,
                    },
                )
                for record in records
            ],
            skip_existing=False,
        )
        records.write({"review_notified": True})
        self.env["hr.employee"]._cadre_update_adjustment_suggestion(all_cadres=True)
        self.env["ir.cron"]._notify_progress(done=len(records), remaining=len(found) - len(records))
        return True
