from odoo import api, models

from ..models.layout import header_rows


class ReportPartyStats(models.AbstractModel):
    """党内统计年报 of organizations, one part per organization: the tables of the year for the
    organization and everything below it, read with the user's rights (a secretary prints the
    organizations of their subtree only; another's is refused before anything is computed)."""

    _name = "report.org_party_stats.report_party_stats"
    _description = "Party Statistics of the Year (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        Stats = self.env["org.party.stats"]
        Stats._org_check_user()
        organizations = self.env["org.party.organization"].browse(docids)
        organizations.check_access("read")
        year = Stats._org_year((data or {}).get("year") or self.env.context.get("org_stats_year"))
        parts = {}
        for organization in organizations:
            tables = Stats._org_tables(year, organization)
            parts[organization.id] = [dict(table, headers=header_rows(table)) for table in tables]
        return {
            "doc_ids": docids,
            "doc_model": "org.party.organization",
            "docs": organizations,
            "year": year,
            "parts": parts,
            "today": self.env.company._org_office_today(),
        }
