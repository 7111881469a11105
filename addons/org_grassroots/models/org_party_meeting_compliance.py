from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.sql import create_index

from odoo.addons.org_base.tools.cron import BATCH_SIZE

BRANCH_KINDS = ("branch", "joint_branch", "temporary_branch")
PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}


def period_label(start, end):
    """A period as the office writes it: 2026年01月, or 2026年01月至03月 for several months
    (False without dates). Months are zero-padded, so that the labels sort as the periods."""
    if not start or not end:
        return False
    label = f"{start.year}年{start.month:02d}月"
    if (end.year, end.month) == (start.year, start.month):
        return label
    if end.year == start.year:
        return f"{label}至{end.month:02d}月"
    return f"{label}至{end.year}年{end.month:02d}月"


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
    period_label = fields.Char(
        string="Period",
        compute="_compute_period_label",
        store=True,
        precompute=True,
        help="The period as the office writes it (2026年01月, 2026年01月至03月): the columns of the "
        "pivot and the title of the cards.",
    )
    meeting_count = fields.Integer(
        string="Meetings Held",
        help="Meetings held in the period that count: quorate where the type requires a quorum.",
    )
    late_entry_count = fields.Integer(
        string="Late Entries",
        help="Of the meetings held, those recorded late (补录): they count, marked.",
    )
    is_compliant = fields.Boolean(string="Compliant")
    is_final = fields.Boolean(
        string="Period Checked",
        help="Set by the check after the period ended; before that the row follows the meetings "
        "recorded during the period.",
    )
    state = fields.Selection(
        [("compliant", "Held"), ("pending", "Not Yet Held"), ("behind", "Behind")],
        string="Compliance",
        compute="_compute_state",
        store=True,
        precompute=True,
    )

    _sql_constraints = [
        (
            "period_uniq",
            "unique(type_id, period_start, organization_id)",
            "An organization has one compliance row per meeting type and period.",
        ),
    ]

    def init(self):
        res = super().init()
        # The last organization checked of a period (the check resumes after it): the rows
        # checked, newest organization first, without reading those still open.
        create_index(
            self.env.cr,
            "org_party_meeting_compliance_final_index",
            self._table,
            ["type_id", "period_start", "organization_id"],
            where="is_final",
        )
        return res

    @api.depends("period_start", "period_end")
    def _compute_period_label(self):
        for row in self:
            row.period_label = period_label(row.period_start, row.period_end)

    @api.depends("is_compliant", "is_final")
    def _compute_state(self):
        for row in self:
            if row.is_compliant:
                row.state = "compliant"
            else:
                row.state = "behind" if row.is_final else "pending"

    @api.model
    def _period_of(self, meeting_type, day):
        """``(start, end)`` of the period of ``meeting_type`` that contains ``day``."""
        months = PERIOD_MONTHS[meeting_type.frequency]
        start = day.replace(day=1, month=(day.month - 1) // months * months + 1)
        return start, start + relativedelta(months=months, days=-1)

    @api.model
    def _last_periods(self, today):
        """``{type: (start, end)}``: the period of each active type that ended with last month."""
        month_start = today.replace(day=1)
        periods = {}
        for meeting_type in self.env["org.party.meeting.type"].search([]):
            start, end = self._period_of(meeting_type, month_start - relativedelta(days=1))
            if end == month_start - relativedelta(days=1):
                periods[meeting_type] = (start, end)
        return periods

    @api.model
    def _current_periods(self, today):
        """``{type: (start, end)}``: the period of each active type that contains today."""
        return {
            meeting_type: self._period_of(meeting_type, today)
            for meeting_type in self.env["org.party.meeting.type"].search([])
        }

    @api.model
    def _scope_domain(self, meeting_type, end):
        """The organizations that must hold meetings of the type: those of its scope founded
        by the period's end, and only where the body meeting exists (a committee, party
        groups)."""
        domain = ["|", ("date_founded", "=", False), ("date_founded", "<=", end)]
        if meeting_type.scope == "branch":
            domain.append(("kind", "in", BRANCH_KINDS))
        if meeting_type.applies_when == "committee":
            domain.append(("has_committee", "=", True))
        elif meeting_type.applies_when == "party_groups":
            domain.append(("party_group_count", ">", 0))
        return domain

    @api.model
    def _held_counts(self, organizations, meeting_type, start, end):
        """``{organization: (meetings that count, of which late entries)}`` in the period."""
        held = {}
        for organization, is_late, count in self.env["org.party.meeting"]._read_group(
            [
                ("organization_id", "in", organizations.ids),
                ("type_id", "=", meeting_type.id),
                ("date", ">=", start),
                ("date", "<=", end),
                ("counts_for_compliance", "=", True),
            ],
            ["organization_id", "is_late_entry"],
            ["__count"],
        ):
            total, late = held.get(organization, (0, 0))
            held[organization] = (total + count, late + (count if is_late else 0))
        return held

    @api.model
    def _row_vals(self, organization, meeting_type, start, end, held, **extra):
        """Values of a new row: ``organization`` held ``held`` (meetings that count, late
        entries) of the type in the period."""
        count, late = held
        return {
            "organization_id": organization.id,
            "type_id": meeting_type.id,
            "period_start": start,
            "period_end": end,
            "meeting_count": count,
            "late_entry_count": late,
            "is_compliant": bool(count),
            **extra,
        }

    @api.model
    def _sync_meetings(self, keys):
        """Bring the rows of ``keys`` (organization id, type, meeting date) up to date with the
        meetings recorded: a meeting held late turns its period green, a first meeting of the
        period opens its row."""
        periods = {}
        for organization_id, meeting_type, day in keys:
            start, end = self._period_of(meeting_type, day)
            periods.setdefault((meeting_type, start, end), set()).add(organization_id)
        Organization = self.env["org.party.organization"]
        vals_list = []
        for (meeting_type, start, end), organization_ids in periods.items():
            organizations = Organization.search(
                [("id", "in", list(organization_ids)), *self._scope_domain(meeting_type, end)]
            )
            held = self._held_counts(organizations, meeting_type, start, end)
            rows = {
                row.organization_id: row
                for row in self.search(
                    [
                        ("organization_id", "in", organizations.ids),
                        ("type_id", "=", meeting_type.id),
                        ("period_start", "=", start),
                    ]
                )
            }
            for organization in organizations:
                count, late = held.get(organization, (0, 0))
                row = rows.get(organization)
                if row:
                    if (row.meeting_count, row.late_entry_count) != (count, late):
                        row.write(
                            {"meeting_count": count, "late_entry_count": late, "is_compliant": bool(count)}
                        )
                elif count:
                    vals_list.append(self._row_vals(organization, meeting_type, start, end, (count, late)))
        return self.create(vals_list)

    def action_record_meeting(self):
        """Open a new meeting of the row's organization and type, dated within its period."""
        self.ensure_one()
        today = self.env.company._org_office_today()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record a Meeting"),
            "res_model": "org.party.meeting",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_organization_id": self.organization_id.id,
                "default_type_id": self.type_id.id,
                "default_date": fields.Date.to_string(min(max(today, self.period_start), self.period_end)),
                "default_name": self.type_id.name,
            },
        }

    @api.model
    def _cron_meeting_compliance(self, batch_size=BATCH_SIZE):
        """Monthly: for each meeting type whose period just ended, record each organization's
        compliance, and remind the secretaries of those behind with an activity; then open the
        rows of the current periods, so that everyone sees what is still to hold.

        Idempotent (a checked organization, type and period is not checked again) and batched:
        a run handles one type and period, at most ``batch_size`` organizations (one of the
        ORM's INSERT statements), and tells the cron (``_notify_progress``) that more may wait
        while it finds work. A run thus costs the same queries for 100 organizations as for
        10,000.
        """
        today = fields.Date.context_today(self)
        # Ahead of the rows first (each period resumes after its last organization checked, a
        # batch's worth of work whatever the zone's size); then the whole scope, which finds the
        # organizations left behind (one that entered the scope, a row opened by a meeting).
        for ahead in (True, False):
            rows = self._close_last_periods(today, batch_size, ahead) or self._open_current_periods(
                today, batch_size, ahead
            )
            if rows:
                break
        # What waits is known only by looking: another run is worth it while this one found work.
        self.env["ir.cron"]._notify_progress(done=len(rows), remaining=1 if rows else 0)
        return rows

    @api.model
    def _check_all_periods(self, max_runs=100):
        """Run the check until it finds nothing left to do, as Odoo's cron worker reruns a job
        that reports work left (the demo data runs it once installed); returns the rows."""
        rows = self.browse()
        for _run in range(max_runs):
            found = self._cron_meeting_compliance()
            if not found:
                break
            rows |= found
        return rows

    @api.model
    def _organizations_without_row(self, meeting_type, end, row_domain, limit, ahead=False):
        """Up to ``limit`` organizations in the type's scope (by id) that have no row matching
        ``row_domain``: one anti-join, not a list of ids that grows with every batch.

        ``ahead``: only the organizations after the last one that has such a row (none while
        no organization has one). The check makes its rows in the order of the organizations,
        so a run resumes where the previous one stopped and reads a batch's worth of rows and
        organizations (an index range), not every organization of the zone: the runs of a
        check cost the same at any size. Without it, the whole scope: the pass that starts a
        period and the check's last one, which finds those left behind."""
        Organization = self.env["org.party.organization"]
        after = 0
        if ahead:
            # MAX over the unique index (type, period, organization): a few index pages.
            [(after,)] = self._read_group(row_domain, aggregates=["organization_id:max"])
            if not after:
                # Not started: the whole scope's pass starts it (once), so that a type whose
                # scope is empty or sparse is not looked for across the zone at every run.
                return Organization
            row_domain = [*row_domain, ("organization_id", ">", after)]
        rows = self._search(row_domain)
        return Organization.search(
            [
                *self._scope_domain(meeting_type, end),
                ("id", ">", after),
                ("id", "not in", rows.subselect("organization_id")),
            ],
            limit=limit,
            order="id",
        )

    @api.model
    def _close_last_periods(self, today, limit, ahead=False):
        """Check up to ``limit`` organizations of the first period that ended with last month
        and still has organizations to check; remind the secretaries of those behind.
        ``ahead``: see ``_organizations_without_row``."""
        for meeting_type, (start, end) in self._last_periods(today).items():
            period = [("type_id", "=", meeting_type.id), ("period_start", "=", start)]
            organizations = self._organizations_without_row(
                meeting_type, end, [*period, ("is_final", "=", True)], limit, ahead
            )
            if not organizations:
                continue
            # Rows opened during the period already follow the meetings: they are only closed.
            opened = self.search([*period, ("organization_id", "in", organizations.ids)])
            opened.write({"is_final": True})
            missing = organizations - opened.organization_id
            held = self._held_counts(missing, meeting_type, start, end)
            rows = opened | self.create(
                [
                    self._row_vals(
                        organization, meeting_type, start, end, held.get(organization, (0, 0)), is_final=True
                    )
                    for organization in missing
                ]
            )
            rows.filtered(lambda row: not row.is_compliant)._remind_behind(today)
            return rows
        return self.browse()

    def _remind_behind(self, today):
        """One activity per row for the secretary of its organization (else the one above)."""
        # An organization behind with two meeting types is reminded of each.
        return self.env["mail.activity"]._org_schedule_batch(
            "org_grassroots.mail_activity_type_meeting_behind",
            [
                (
                    row.organization_id,
                    {
                        "user_id": row.organization_id._reminder_user().id,
                        "date_deadline": today,
                        "summary": self.env._(
                            "No %(type)s held from %(start)s to %(end)s",
                            type=row.type_id.name,
                            start=row.period_start,
                            end=row.period_end,
                        ),
                    },
                )
                for row in self
            ],
            automated=True,
            skip_existing=False,
        )

    @api.model
    def _open_current_periods(self, today, limit, ahead=False):
        """Create up to ``limit`` missing rows of the first current period that lacks some (not
        held yet, unless a meeting was already recorded). ``ahead``: see
        ``_organizations_without_row``."""
        for meeting_type, (start, end) in self._current_periods(today).items():
            organizations = self._organizations_without_row(
                meeting_type,
                end,
                [("type_id", "=", meeting_type.id), ("period_start", "=", start)],
                limit,
                ahead,
            )
            if not organizations:
                continue
            held = self._held_counts(organizations, meeting_type, start, end)
            return self.create(
                [
                    self._row_vals(organization, meeting_type, start, end, held.get(organization, (0, 0)))
                    for organization in organizations
                ]
            )
        return self.browse()
