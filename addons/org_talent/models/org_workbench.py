from dateutil.relativedelta import relativedelta

from odoo import api, models

from odoo.addons.org_base.tools.cron import BATCH_SIZE

from .org_talent_application import REVIEW_STATES

# 公示 ending: public notices of claims ending within this many days (and those over).
NOTICE_DAYS = 3


class OrgWorkbench(models.AbstractModel):
    """The talent officer's sections of the workbench: public notices (公示) of policy claims
    ending or over (the claim then waits for approval), and the claims waiting in review."""

    _inherit = "org.workbench"

    @api.model
    def _org_workbench_sections(self):
        sections = super()._org_workbench_sections()
        if not self.env.user.has_group("org_talent.group_talent_officer"):
            return sections
        today = self._org_workbench_office_today()
        labels = dict(
            self.env["org.talent.application"].fields_get(["state"], ["selection"])["state"]["selection"]
        )

        def talent_name(values):
            return values["talent_id"][1] if values["talent_id"] else ""

        def claim_note(values):
            return f"{talent_name(values)} · {labels.get(values['state'], '')}"

        sections += [
            self._org_workbench_section(
                "org_talent.notice_ending",
                self.env._("Claim Notices Ending (公示)"),
                "org.talent.application",
                [
                    ("state", "=", "notice"),
                    ("date_notice_end", "<=", today + relativedelta(days=NOTICE_DAYS)),
                ],
                sequence=30,
                red_domain=[("date_notice_end", "<", today)],
                order="date_notice_end, id",
                note=lambda values: f"{talent_name(values)} · {values['date_notice_end']}",
                note_fields=("talent_id", "date_notice_end"),
                row_state=lambda values: "red" if values["date_notice_end"] < today else "yellow",
            ),
            self._org_workbench_section(
                "org_talent.claims_to_review",
                self.env._("Claims to Review"),
                "org.talent.application",
                [("state", "in", REVIEW_STATES)],
                sequence=31,
                order="date_state, id",
                note=claim_note,
                note_fields=("talent_id", "state"),
            ),
        ]
        return sections


class OrgTalentApplication(models.Model):
    """公示期满: a claim whose public notice is over waits for its officer's approval; the daily
    reminder cron gives that officer one activity for it (the workbench lists it too)."""

    _inherit = "org.talent.application"

    @api.model
    def _cron_stuck_reminders(self, batch_size=BATCH_SIZE):
        self._org_remind_notice_over(batch_size=batch_size)
        return super()._cron_stuck_reminders(batch_size=batch_size)

    @api.model
    def _org_remind_notice_over(self, batch_size=BATCH_SIZE):
        """One activity per claim whose notice is over, for its officer, unless it has one: one
        search and one INSERT per batch, whatever the number of claims (the next day's run takes
        the claims beyond ``batch_size``)."""
        activity_type = self.env.ref("org_talent.mail_activity_type_notice_over")
        today = self.env.company._org_office_today()
        claims = self.search(
            [
                ("state", "=", "notice"),
                ("date_notice_end", "<", today),
                ("user_id", "!=", False),
                "!",
                ("activity_ids.activity_type_id", "=", activity_type.id),
            ],
            limit=batch_size,
            order="date_notice_end, id",
        )
        return self.env["mail.activity"]._org_schedule_batch(
            activity_type,
            [
                (
                    claim,
                    {
                        "user_id": claim.user_id.id,
                        "date_deadline": today,
                        "summary": self.env._(
                            "Public notice over on %(date)s: approve the claim", date=claim.date_notice_end
                        ),
                    },
                )
                for claim in claims
            ],
            automated=True,
            skip_existing=False,
        )

    def action_approve(self):
        result = super().action_approve()
        self.activity_feedback(["org_talent.mail_activity_type_notice_over"])
        return result

    def action_reject(self):
        result = super().action_reject()
        self.activity_unlink(["org_talent.mail_activity_type_notice_over"])
        return result
