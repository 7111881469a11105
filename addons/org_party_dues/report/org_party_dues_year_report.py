from datetime import date

from odoo import api, models

from ..tools.dues import to_fen, to_yuan

MEASURES = ("count_due", "amount_due", "count_unpaid", "amount_collected", "amount_remitted", "amount_kept")


class ReportPartyDuesYear(models.AbstractModel):
    """党费收缴使用情况 of a year, one page per organization: month by month what was due, what
    was collected (收缴), what was passed up (上缴) and what the organization kept, from the
    ledger read with the user's own rights (a secretary prints their subtree only)."""

    _name = "report.org_party_dues.report_dues_year"
    _description = "Party Dues Yearly Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        organizations = self.env["org.party.organization"].browse(docids)
        organizations.check_access("read")
        year = int((data or {}).get("year") or self.env.context.get("org_dues_year") or 0)
        year = year or self.env.company._org_office_today().year
        rows = self.env["org.party.dues.ledger"]._read_group(
            [
                ("organization_id", "in", organizations.ids),
                ("month", ">=", date(year, 1, 1)),
                ("month", "<=", date(year, 12, 1)),
            ],
            ["organization_id", "month:month"],
            [f"{measure}:sum" for measure in MEASURES],
        )
        by_org = {}
        for organization, month, *values in rows:
            by_org.setdefault(organization.id, {})[month.month] = dict(zip(MEASURES, values, strict=True))
        tables = {}
        for organization in organizations:
            months = by_org.get(organization.id, {})
            lines = []
            totals = dict.fromkeys(MEASURES, 0)
            for number in range(1, 13):
                values = months.get(number, dict.fromkeys(MEASURES, 0))
                lines.append({"month": number, **values})
                for measure in MEASURES:
                    if measure.startswith("count"):
                        totals[measure] += values[measure]
                    else:
                        totals[measure] = to_yuan(to_fen(totals[measure]) + to_fen(values[measure]))
            tables[organization.id] = {"lines": lines, "totals": totals}
        return {
            "doc_ids": docids,
            "doc_model": "org.party.organization",
            "docs": organizations,
            "year": year,
            "tables": tables,
            "currency": self.env.company.currency_id,
            "today": self.env.company._org_office_today(),
        }
