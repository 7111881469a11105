"""The integrity risk register's list costs the same queries for a hundred risks as for three
hundred: a query per row (a missing prefetch, a search in a loop) fails here."""

from odoo.tests import tagged

from odoo.addons.org_checklist.tests.test_board import OrgBoardCommon
from odoo.addons.org_checklist.tests.test_query_counts import LARGE, SMALL, view_specification


@tagged("post_install", "-at_install")
class TestRiskQueryCounts(OrgBoardCommon):
    def _queries(self, func):
        """Queries of ``func`` with the record cache cold; a first call warms the registry."""
        func()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _assert_same(self, small, large, what):
        self.assertLessEqual(
            large - small, 2, f"{what}: {small} queries for {SMALL} risks, {large} for {LARGE}"
        )

    def test_integrity_risk_list_first_page(self):
        """廉政风险排查 list as an officer opens it: open risks, first 80 rows."""
        Risk = self.env["org.integrity.risk"].with_user(self.responsible)
        spec, _arch = view_specification(Risk, "list")
        domain = [("state", "!=", "controlled")]

        def fill(count):
            self.env["org.integrity.risk"].with_context(tracking_disable=True).create(
                [
                    {
                        "name": f"风险点{index}",
                        "post": "干部选拔任用",
                        "department_id": self.unit.id,
                        "owner_id": (self.responsible, self.other_officer)[index % 2].id,
                        "level": ("low", "medium", "high")[index % 3],
                    }
                    for index in range(count)
                ]
            )

        def first_page():
            Risk.web_search_read(domain, spec, limit=80, count_limit=10001)

        fill(SMALL)
        small = self._queries(first_page)
        fill(LARGE - SMALL)
        large = self._queries(first_page)
        self._assert_same(small, large, "integrity risk list")
