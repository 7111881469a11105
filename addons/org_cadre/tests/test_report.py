import shutil
import subprocess
import tempfile
import unicodedata

from odoo.tests import HttpCase, tagged

from .common import PHOTO, CadreCommon, resident_id


@tagged("post_install", "-at_install")
class TestCadreFormReport(CadreCommon):
    def test_form_values(self):
        self.cadre.write(
            {
                "birthday": "1985-03-15",
                "cadre_age_date": "2023-01-01",
                "cadre_fulltime_education_id": self.env.ref("org_base.education_21").id,
                "cadre_fulltime_degree_id": self.env.ref("org_base.degree_408").id,
            }
        )
        values = self.env["report.org_cadre.report_cadre_form"]._form_values(self.cadre)
        self.assertIn("1985.03", values["birth"])
        self.assertIn("37", values["birth"])
        self.assertEqual(values["fulltime"], "大学本科毕业\n工学学士学位")
        self.assertIn("2008.07--2016.09", values["resume"])

    def test_print_action(self):
        action = self.cadre.with_user(self.user_officer).action_cadre_print_form()
        self.assertEqual(action["report_name"], "org_cadre.report_cadre_form")


@tagged("post_install", "-at_install")
class TestCadreFormPdf(HttpCase):
    """wkhtmltopdf fetches the report assets over HTTP: an HttpCase serves them from the
    test's own transaction."""

    def test_pdf_of_several_cadres(self):
        cadres = self.env["hr.employee"].create(
            [
                {
                    "name": "测试干部甲",
                    "is_cadre": True,
                    "identification_id": resident_id(),
                    "image_1920": PHOTO,
                    "cadre_current_post": "经开区招商局副局长",
                    "cadre_family_member_ids": [(0, 0, {"name": "王芳", "relation": "妻子"})],
                    "cadre_resume_line_ids": [
                        (0, 0, {"date_start": "2008-07-01", "name": "经开区管委会科员"})
                    ],
                },
                {"name": "测试干部乙", "is_cadre": True},
            ]
        )
        report = self.env.ref("org_cadre.action_report_cadre_form")
        html = self.env["ir.actions.report"]._render_qweb_html(report.report_name, cadres.ids)[0].decode()
        self.assertEqual(html.count('class="o_cadre_page"') + html.count("o_cadre_page o_cadre_page_last"), 4)
        self.assertIn("测试干部甲", html)
        self.assertIn("测试干部乙", html)
        self.assertIn("data:image/png;base64", html)
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report.report_name, cadres.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        if shutil.which("pdftotext"):
            with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
                handle.write(pdf)
                handle.flush()
                text = subprocess.run(
                    ["pdftotext", "-enc", "UTF-8", handle.name, "-"], capture_output=True, check=True
                ).stdout.decode()
            # The CJK fonts map some characters to their Kangxi radical forms: compare in NFKC.
            text = unicodedata.normalize("NFKC", text)
            self.assertIn("测试干部甲", text)
            self.assertIn("测试干部乙", text)
            self.assertIn("王芳", text)
            self.assertEqual(text.count("\f"), 4, "two pages per cadre")
