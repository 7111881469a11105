from dateutil.relativedelta import relativedelta

from odoo import api, models

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

        def claim_note(values):
            return f"{values['talent_id'][1] if values['talent_id'] else ''} · {labels.get(values['state'], '')}"

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
                note=lambda values: f"{values['talent_id'][1] if values['talent_id'] else ''} · {values['date_notice_end']}",
                note_fields=("talent_id", "date_notice_end"),
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

