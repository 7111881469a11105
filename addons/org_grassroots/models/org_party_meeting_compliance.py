from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

BRANCH_KINDS = ("branch", "joint_branch", "temporary_branch")
PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}


class OrgPartyMeetingCompliance(models.Model):
    """Whether an organization held the meetings of one type that one period requires: one row
    per organization, type and period, written by the monthly check (the compliance matrix)."""

    _name = "org.party.meeting.compliance"
    _description = "Party Meeting Compliance"
    _order = "period_start desc, organization_id, type_id"
    _rec_name = "organization_id"

    organization_id = fields.Many2one(
        "org.party.organization", string="Party Organization", required=True, index=True, ondelete="cascade"
    )
    type_id = fields.Many2one(
        "org.party.meeting.type", string="Meeting Type", required=True, ondelete="cascade"
    )
    period_start = fields.Date(required=True, index=True)
    period_end = fields.Date(required=True)
    meeting_count = fields.Integer(string="Meetings Held")
    is_compliant = fields.Boolean(string="Compliant")

    _sql_constraints = [
        (
            "period_uniq",
            "unique(organization_id, type_id, period_start)",
            "An organization has one compliance row per meeting type and period.",
        ),
    ]

    @api.model
    def _last_periods(self, today):
        """``{type: (start, end)}``: the period of each active type that ended with last month."""
        month_start = today.replace(day=1)
        periods = {}
        for meeting_type in self.env["org.party.meeting.type"].search([]):
            months = PERIOD_MONTHS[meeting_type.frequency]
            start = month_start - relativedelta(months=months)
            # A period starts in a month that is a multiple of its length after January.
            if (start.month - 1) % months == 0:
                periods[meeting_type] = (start, month_start - relativedelta(days=1))
        return periods

    @api.model
    def _cron_meeting_compliance(self, batch_size=500):
        """Monthly: for each meeting type whose period just ended, record each organization's
        compliance, and remind the secretaries of those behind with an activity.

        Idempotent (a checked organization, type and period is not checked again) and batched:
        when more rows wait than one batch, the cron is triggered again.
        """
        today = fields.Date.context_today(self)
        Organization = self.env["org.party.organization"]
        activity_type = self.env.ref("org_grassroots.mail_activity_type_meeting_behind")
        vals_list = []
        for meeting_type, (start, end) in self._last_periods(today).items():
            remaining = batch_size - len(vals_list)
            if remaining <= 0:
                break
            domain = ["|", ("date_founded", "=", False), ("date_founded", "<=", end)]
            if meeting_type.scope == "branch":
                domain.append(("kind", "in", BRANCH_KINDS))
            checked = self.search([("type_id", "=", meeting_type.id), ("period_start", "=", start)])
            domain.append(("id", "not in", checked.organization_id.ids))
            organizations = Organization.search(domain, limit=remaining, order="id")
            held = dict(
                self.env["org.party.meeting"]._read_group(
                    [
                        ("organization_id", "in", organizations.ids),
                        ("type_id", "=", meeting_type.id),
                        ("date", ">=", start),
                        ("date", "<=", end),
                    ],
                    ["organization_id"],
                    ["__count"],
                )
            )
            for organization in organizations:
                count = held.get(organization, 0)
                vals_list.append(
                    {
                        "organization_id": organization.id,
                        "type_id": meeting_type.id,
                        "period_start": start,
                        "period_end": end,
                        "meeting_count": count,
                        "is_compliant": bool(count),
                    }
                )
        rows = self.create(vals_list)
        behind = rows.filtered(lambda row: not row.is_compliant)
        model_id = self.env["ir.model"]._get_id(Organization._name)
        activities = []
        for row in behind:
            organization = row.organization_id
            secretary = organization._reminder_user()
            if secretary:
                activities.append(
                    {
                        "res_model_id": model_id,
                        "res_id": organization.id,
                        "activity_type_id": activity_type.id,
                        "user_id": secretary.id,
                        "date_deadline": today,
                        "summary": self.env._(
                            "No %(type)s held from %(start)s to %(end)s",
                            type=row.type_id.name,
                            start=row.period_start,
                            end=row.period_end,
                        ),
                    }
                )
        self.env["mail.activity"].create(activities)
        if len(rows) >= batch_size:
            self.env.ref("org_grassroots.ir_cron_meeting_compliance")._trigger()
        return rows
