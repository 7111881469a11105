from dateutil.relativedelta import relativedelta

from odoo import api, models

# 转正 due: probations ending within this many days (and those already over).
PROBATION_DAYS = 30
# 公示 ending: publicity periods of development targets ending within this many days.
PUBLICITY_DAYS = 7
# 换届 due: re-elections due within this many months (and those overdue).
REELECTION_MONTHS = 6
# Meetings behind: periods that ended within this many months.
BEHIND_MONTHS = 3


class OrgWorkbench(models.AbstractModel):
    """The grassroots sections of the workbench, for party secretaries (their subtree, by the
    record rules) and officers (the zone): meetings due this period and behind, probations
    ending (转正), development targets' publicity ending (公示), re-elections due (换届); a
    leader sees the meetings behind by organization."""

    _inherit = "org.workbench"

    @api.model
    def _org_workbench_sections(self):
        sections = super()._org_workbench_sections()
        user = self.env.user
        today = self._org_workbench_office_today()
        if user.has_group("org_grassroots.group_party_secretary") or user.has_group(
            "org_base.group_org_user"
        ):
            sections += self._org_workbench_grassroots(today)
        elif user.has_group("org_base.group_org_leader"):
            sections.append(
                self._org_workbench_section(
                    "org_grassroots.meetings_behind",
                    self.env._("Meetings Behind by Organization"),
                    "org.party.meeting.compliance",
                    self._org_workbench_behind_domain(today),
                    sequence=20,
                    red_domain=[],
                    group_by="organization_id",
                )
            )
        return sections

    @api.model
    def _org_workbench_behind_domain(self, today):
        return [("state", "=", "behind"), ("period_end", ">=", today - relativedelta(months=BEHIND_MONTHS))]

    @api.model
    def _org_workbench_grassroots(self, today):
        def period_note(values):
            return f"{values['type_id'][1]} · {values['period_start']} ~ {values['period_end']}"

        return [
            self._org_workbench_section(
                "org_grassroots.meetings_behind",
                self.env._("Meetings Behind"),
                "org.party.meeting.compliance",
                self._org_workbench_behind_domain(today),
                sequence=20,
                red_domain=[],
                order="period_end, organization_id",
                note=period_note,
                note_fields=("type_id", "period_start", "period_end"),
                row_state=lambda values: "red",
                row_method="action_record_meeting",
            ),
            self._org_workbench_section(
                "org_grassroots.meetings_due",
                self.env._("Meetings Due This Period"),
                "org.party.meeting.compliance",
                [("state", "=", "pending"), ("period_start", "<=", today), ("period_end", ">=", today)],
                sequence=21,
                order="period_end, organization_id",
                note=period_note,
                note_fields=("type_id", "period_start", "period_end"),
                row_method="action_record_meeting",
            ),
            self._org_workbench_section(
                "org_grassroots.probation_due",
                self.env._("Probations Ending (转正)"),
                "org.party.member",
                [
                    ("status", "=", "probationary"),
                    ("date_probation_end", "<=", today + relativedelta(days=PROBATION_DAYS)),
                ],
                sequence=22,
                red_domain=[("date_probation_end", "<", today)],
                order="date_probation_end, id",
                note=lambda values: str(values["date_probation_end"]),
                note_fields=("date_probation_end",),
                row_state=lambda values: "red" if values["date_probation_end"] < today else "yellow",
            ),
            self._org_workbench_section(
                "org_grassroots.publicity_ending",
                self.env._("Publicity Ending (公示)"),
                "org.party.candidate",
                [
                    ("stage_code", "=", "development"),
                    ("date_publicity_end", ">=", today),
                    ("date_publicity_end", "<=", today + relativedelta(days=PUBLICITY_DAYS)),
                ],
                sequence=23,
                order="date_publicity_end, id",
                note=lambda values: str(values["date_publicity_end"]),
                note_fields=("date_publicity_end",),
            ),
            self._org_workbench_section(
                "org_grassroots.reelection_due",
                self.env._("Re-elections Due (换届)"),
                "org.party.organization",
                [
                    ("date_reelection_due", "!=", False),
                    ("date_reelection_due", "<=", today + relativedelta(months=REELECTION_MONTHS)),
                ],
                sequence=24,
                red_domain=[("date_reelection_due", "<", today)],
                order="date_reelection_due, id",
                note=lambda values: str(values["date_reelection_due"]),
                note_fields=("date_reelection_due",),
                row_state=lambda values: "red" if values["date_reelection_due"] < today else "yellow",
            ),
        ]
