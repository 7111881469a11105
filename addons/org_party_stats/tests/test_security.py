import io

from odoo.tests import HttpCase, tagged

from .common import YEAR, StatsCommon


@tagged("post_install", "-at_install")
class TestSecurity(StatsCommon, HttpCase):
    """The export and the report routes compute as the user: another secretary's organization
    is refused and none of its figures leave the server."""

    def _xlsx(self, login, organization):
        self.authenticate(login, login)
        return self.url_open(f"/org_party_stats/xlsx?year={YEAR}&organization_id={organization.id}")

    def test_export_excel(self):
        response = self._xlsx("st_secretary_a", self.org_a)
        self.assertEqual(response.status_code, 200)
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(response.content))
        sheet = workbook.worksheets[0]
        self.assertEqual(sheet["A1"].value, "2025年党员基本情况")
        self.assertEqual(sheet["A2"].value, "填报单位：测试甲党委")
        self.assertEqual(sheet["A5"].value, "合计")
        self.assertEqual(sheet["B5"].value, 7)  # 党员总数 of 测试甲党委
        self.assertIn("B3:B4", [str(merged) for merged in sheet.merged_cells.ranges])
        self.assertEqual(len(workbook.worksheets), 6)
        changes = workbook.worksheets[5]
        self.assertEqual([cell.value for cell in changes[5]][:10], ["合计", 10, 1, 1, 0, 4, 1, 1, 2, 7])

    def test_export_refused_outside_the_subtree(self):
        response = self._xlsx("st_secretary_a", self.org_b)
        self.assertEqual(response.status_code, 403)
        self.assertNotIn(b"PK", response.content[:2])
        response = self._xlsx("st_employee", self.zone)
        self.assertEqual(response.status_code, 403)

    def test_report_route(self):
        self.authenticate("st_secretary_a", "st_secretary_a")
        response = self.url_open(f"/report/html/org_party_stats.report_party_stats/{self.org_a.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("测试甲党委", response.text)
        self.assertIn("党员增减变化情况", response.text)
        for kind in ("pdf", "html"):
            response = self.url_open(f"/report/{kind}/org_party_stats.report_party_stats/{self.org_b.id}")
            self.assertNotEqual(response.status_code, 200)
            self.assertNotIn("测试乙党委", response.text)

    def test_print_several_organizations(self):
        """One PDF for several organizations (each its own part) renders without failing."""
        report = self.env.ref("org_party_stats.action_report_party_stats").with_user(self.user_officer)
        content, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, [self.org_a.id, self.org_b.id, self.zone.id], data={"year": YEAR}
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))
        html = report._render_qweb_html(
            report.report_name, [self.org_a.id, self.org_b.id], data={"year": YEAR}
        )[0]
        self.assertEqual(html.decode().count("年党内统计年报"), 2)
