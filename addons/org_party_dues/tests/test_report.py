"""党费收缴使用情况 of a year: one page per organization, several at once, with the user's rights."""

import io
import json
from urllib.parse import quote

import openpyxl

from odoo import http
from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from .common import FEB, JAN, DuesCommon

REPORT = "org_party_dues.report_dues_year"


@tagged("post_install", "-at_install")
class TestYearReport(HttpCase, DuesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.groups"].search([("org_require_totp", "=", True)]).org_require_totp = False
        cls._lines(JAN, FEB)
        Payment = cls.env["org.party.dues.payment"]
        Payment.create({"member_id": cls.member_a1.id, "date": "2025-02-10", "amount": 80})
        Payment.create({"member_id": cls.member_b1.id, "date": "2025-02-11", "amount": 0.2})
        cls.env["org.party.dues.remittance"].create(
            {"organization_id": cls.branch_a1.id, "month": FEB, "date": "2025-02-28", "amount": 60}
        )
        cls.branches = cls.branch_a1 | cls.branch_b1

    def _get(self, user, ids):
        self.authenticate(user.login, user.login)
        context = quote(json.dumps({"org_dues_year": 2025}))
        url = f"/report/html/{REPORT}/{','.join(map(str, ids))}?context={context}"
        return self.url_open(url, allow_redirects=False)

    def test_two_branches_at_once(self):
        response = self._get(self.user_officer, self.branches.ids)
        self.assertEqual(response.status_code, 200, response.text[:300])
        html = response.content.decode()
        self.assertEqual(html.count("2025年度党费收缴使用情况"), 2)
        self.assertIn("测试甲一支部", html)
        self.assertIn("测试乙一支部", html)
        # 甲一: due 80.00, collected 80.00, passed up 60.00, kept 20.00; 乙一: 0.40, 0.20
        for amount in ("80.00", "60.00", "20.00", "0.40", "0.20"):
            self.assertIn(f">{amount}<", html)
        self.assertIn("Noto Serif CJK SC", html)

    def test_values_per_organization(self):
        values = (
            self.env["report.org_party_dues.report_dues_year"]
            .with_user(self.user_leader)
            ._get_report_values(self.branches.ids, {"year": 2025})
        )
        a1 = values["tables"][self.branch_a1.id]
        self.assertEqual(len(a1["lines"]), 12)
        self.assertEqual(
            (
                a1["lines"][1]["amount_collected"],
                a1["lines"][1]["amount_remitted"],
                a1["totals"]["amount_due"],
            ),
            (80.0, 60.0, 80.0),
        )
        self.assertEqual(a1["totals"]["amount_kept"], 20.0)
        b1 = values["tables"][self.branch_b1.id]
        self.assertEqual((b1["totals"]["amount_due"], b1["totals"]["count_unpaid"]), (0.4, 1))

    def test_real_pdf_has_a_page_per_organization(self):
        content = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            .with_context(force_report_rendering=True, org_dues_year=2025)
            ._render_qweb_pdf(REPORT, self.branches.ids)[0]
        )
        self.assertEqual(content[:4], b"%PDF")
        self.assertEqual(PdfFileReader(io.BytesIO(content)).getNumPages(), 2)

    def test_secretary_prints_the_own_subtree_only(self):
        response = self._get(self.secretary_a, self.branch_a1.ids)
        self.assertEqual(response.status_code, 200)
        response = self._get(self.secretary_a, self.branches.ids)
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("测试乙一支部", response.content.decode(errors="replace"))


@tagged("post_install", "-at_install")
class TestLedgerExport(HttpCase, DuesCommon):
    """The ledger exported to Excel from its list: the secretary's rows only, audited."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.groups"].search([("org_require_totp", "=", True)]).org_require_totp = False
        cls._lines(JAN)
        cls.secretary_a.groups_id += cls.env.ref("base.group_allow_export")

    def test_secretary_exports_the_own_rows(self):
        self.authenticate(self.secretary_a.login, self.secretary_a.login)
        data = {
            "model": "org.party.dues.ledger",
            "fields": [
                {"name": "organization_id", "label": "党组织", "type": "many2one"},
                {"name": "month_label", "label": "所属月份", "type": "char"},
                {"name": "amount_due", "label": "应缴金额", "type": "monetary"},
            ],
            "ids": False,
            "domain": [],
            "groupby": [],
            "import_compat": False,
        }
        response = self.url_open(
            "/web/export/xlsx", data={"data": json.dumps(data), "csrf_token": http.Request.csrf_token(self)}
        )
        self.assertEqual(response.status_code, 200, response.text[:300])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        self.assertEqual(rows, [["党组织", "所属月份", "应缴金额"], ["测试甲一支部", "2025-01", 40]])
        log = self.env["org.audit.log"].search(
            [("res_model", "=", "org.party.dues.ledger"), ("action", "=", "export")]
        )
        self.assertEqual(log.user_id, self.secretary_a)
