"""党员名册: printed for organizations (with their subtree) or selected members, one landscape
table with the totals; a secretary prints their own subtree only, through /report/pdf too."""

import io

from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from .common import GrassrootsCommon

MEMBERS = "org_grassroots.report_member_register"
ORGANIZATIONS = "org_grassroots.report_organization_member_register"


@tagged("post_install", "-at_install")
class TestMemberRegister(HttpCase, GrassrootsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.groups"].search([("org_require_totp", "=", True)]).org_require_totp = False
        cls.member_a1.write(
            {
                "gender": "male",
                "ethnicity_id": cls.env.ref("org_base.ethnicity_01").id,
                "education_id": cls.env.ref("org_base.education_21").id,
                "work_unit": "经开区实验小学",
                "party_post": "支部书记",
            }
        )
        cls.member_a2 = cls.env["org.party.member"].create(
            {
                "name": "测试党员丙",
                "organization_id": cls.branch_a2.id,
                "status": "probationary",
                "date_join": "2024-07-01",
                "work_unit": "经开区东风社区",
            }
        )

    def _get(self, user, url):
        self.authenticate(user.login, user.login)
        return self.url_open(url, allow_redirects=False)

    def test_organization_register_prints_its_subtree(self):
        response = self._get(self.secretary_a, f"/report/pdf/{ORGANIZATIONS}/{self.org_a.id}")
        self.assertEqual(response.status_code, 200, response.text[:300])
        html = response.content.decode()
        self.assertEqual(html.count("o_member_register_row"), 2)
        for text in ("测试党员甲", "测试党员丙", "1985.03", "2010.07", "2011.07", "经开区实验小学 支部书记"):
            self.assertIn(text, html)
        self.assertIn(self.env.ref("org_base.ethnicity_01").name, html)
        self.assertIn(self.env.ref("org_base.education_21").name, html)
        self.assertNotIn("测试党员乙", html)
        self.assertIn('<span class="o_member_register_count">2</span>', html)
        self.assertEqual(html.count('class="article'), 1, "one document, not one per record")

    def test_the_pdf_is_landscape(self):
        # The real PDF (wkhtmltopdf): over /report/pdf the test server renders HTML.
        content = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(ORGANIZATIONS, self.zone.ids)[0]
        )
        self.assertEqual(content[:4], b"%PDF")
        page = PdfFileReader(io.BytesIO(content)).getPage(0)
        width, height = float(page.mediaBox.getWidth()), float(page.mediaBox.getHeight())
        self.assertGreater(width, height)
        self.assertAlmostEqual(width, 842, delta=2)

    def test_selected_members(self):
        members = self.member_a1 | self.member_b1
        response = self._get(self.user_officer, f"/report/pdf/{MEMBERS}/{','.join(map(str, members.ids))}")
        html = response.content.decode()
        self.assertEqual(html.count("o_member_register_row"), 2)
        self.assertIn("测试党员乙", html)
        self.assertNotIn("测试党员丙", html)

    def test_secretary_cannot_print_another_branch(self):
        for report, record in (
            (ORGANIZATIONS, self.org_b),
            (ORGANIZATIONS, self.zone),
            (MEMBERS, self.member_b1),
            (MEMBERS, self.member_a1 | self.member_b1),
        ):
            with self.subTest(report=report, ids=record.ids):
                url = f"/report/pdf/{report}/{','.join(map(str, record.ids))}"
                response = self._get(self.secretary_a, url)
                self.assertEqual(response.status_code, 403)
                self.assertNotIn("测试党员乙", response.content.decode(errors="replace"))
                self.assertNotIn("o_member_register_row", response.content.decode(errors="replace"))

    def test_plain_user_cannot_print(self):
        response = self._get(self.user_employee, f"/report/pdf/{MEMBERS}/{self.member_a1.id}")
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("o_member_register_row", response.content.decode(errors="replace"))
