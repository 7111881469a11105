"""Batch print of the 任免审批表 (one document, two pages per cadre), printing from an
appointment (its post as 拟任职务), who is refused, and the completeness of what the form
prints."""

import io

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.pdf import PdfFileReader

from odoo.addons.org_base.tests.fixtures import resident_id

from .common import PHOTO, CadreCommon

REPORT = "org_cadre.report_cadre_form"
APPOINTMENT_REPORT = "org_cadre.report_appointment_form"


@tagged("post_install", "-at_install")
class TestBatchPrint(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.groups"].search([("org_require_totp", "=", True)]).org_require_totp = False
        cls.cadre_officer = new_test_user(cls.env, "bp_cadre_officer", groups="org_cadre.group_cadre_officer")
        cls.leader = new_test_user(cls.env, "bp_leader", groups="org_base.group_org_leader")
        cls.officer = new_test_user(cls.env, "bp_officer", groups="org_base.group_org_user")
        cls.user = new_test_user(cls.env, "bp_user", groups="base.group_user")
        cls.cadres = cls.env["hr.employee"].create(
            [
                {
                    "name": f"批量干部{index}",
                    "is_cadre": True,
                    "identification_id": resident_id(birth=f"198{index}0315", order=231 + 2 * index),
                    "image_1920": PHOTO,
                    "cadre_current_post": "经开区招商局副局长",
                    "cadre_proposed_post": "档案中的拟任职务",
                    "cadre_proposed_removal": "经开区招商局副局长职务",
                    "cadre_appointment_reason": "工作需要",
                    "cadre_resume_line_ids": [
                        (0, 0, {"date_start": "2008-07-01", "name": "经开区管委会科员"})
                    ],
                }
                for index in range(3)
            ]
        )
        department = cls.env["hr.department"].create({"name": "经开区商务局"})
        cls.appointment = cls.env["org.cadre.appointment"].create(
            {"name": "局长", "department_id": department.id, "employee_ids": [(6, 0, cls.cadres[:2].ids)]}
        )

    def _get(self, login, url):
        self.authenticate(login, login)
        return self.url_open(url, allow_redirects=False)

    def _pages(self, user, report, ids):
        """The pages of the real PDF (wkhtmltopdf), rendered as ``user``: over /report/pdf the
        test server renders HTML (wkhtmltopdf would wait for the server that waits for it)."""
        content = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, ids)[0]
        )
        self.assertEqual(content[:4], b"%PDF")
        return PdfFileReader(io.BytesIO(content)).getNumPages()

    def test_three_cadres_print_two_pages_each(self):
        ids = ",".join(map(str, self.cadres.ids))
        for user in (self.cadre_officer, self.leader):
            with self.subTest(login=user.login):
                response = self._get(user.login, f"/report/pdf/{REPORT}/{ids}")
                self.assertEqual(response.status_code, 200, response.text[:300])
                self.assertEqual(self._pages(user, REPORT, self.cadres.ids), 6)
        # One document: a single body, a page break between the forms.
        response = self._get(self.cadre_officer.login, f"/report/pdf/{REPORT}/{ids}")
        html = response.content.decode()
        self.assertEqual(html.count('class="article'), 1)
        self.assertEqual(html.count('class="o_cadre_page o_cadre_page_last"'), 1)
        self.assertEqual(html.count('class="o_cadre_page"'), 5)
        for cadre in self.cadres:
            self.assertIn(cadre.name, html)

    def test_print_from_the_appointment(self):
        self.assertEqual(
            self._pages(self.cadre_officer, APPOINTMENT_REPORT, self.appointment.ids),
            4,
            "two candidates, two pages each",
        )
        html = self._get(
            self.cadre_officer.login, f"/report/pdf/{APPOINTMENT_REPORT}/{self.appointment.id}"
        ).content.decode()
        self.assertEqual(html.count("经开区商务局局长"), 2, "the appointment's post as 拟任职务")
        self.assertNotIn("档案中的拟任职务", html)
        self.assertIn("经开区招商局副局长职务", html)
        self.assertIn("工作需要", html)
        self.assertNotIn(self.cadres[2].name, html)

    def test_the_appointment_button_prints_its_report(self):
        view = self.env.ref("org_cadre.org_cadre_appointment_view_form_print")
        action = self.env.ref("org_cadre.action_report_appointment_form")
        self.assertIn(
            f'name="{action.id}"', self.env["org.cadre.appointment"].get_view(view.inherit_id.id)["arch"]
        )

    def test_others_cannot_print(self):
        ids = ",".join(map(str, self.cadres.ids))
        for login in (self.officer.login, self.user.login):
            for url in (
                f"/report/pdf/{REPORT}/{ids}",
                f"/report/pdf/{APPOINTMENT_REPORT}/{self.appointment.id}",
            ):
                with self.subTest(login=login, url=url):
                    response = self._get(login, url)
                    self.assertEqual(response.status_code, 403)
                    body = response.content.decode(errors="replace")
                    self.assertNotIn("经开区招商局副局长", body)
                    self.assertNotIn("o_cadre_page", body)


@tagged("post_install", "-at_install")
class TestFormCompleteness(CadreCommon):
    """The completeness counts the boxes of the printed form: each blank one lowers it."""

    def _complete(self):
        self.cadre.write(
            {
                "image_1920": PHOTO,
                "cadre_ethnicity_id": self.env.ref("org_base.ethnicity_01").id,
                "place_of_birth": "湖北武汉",
                "cadre_party_join_date": "2010-07-01",
                "cadre_work_start_date": "2008-07-01",
                "cadre_health": "健康",
                "cadre_professional_title": "高级经济师",
                "cadre_expertise": "招商引资",
                "cadre_fulltime_education_id": self.env.ref("org_base.education_21").id,
                "cadre_parttime_education_id": self.env.ref("org_base.education_21").id,
                "cadre_proposed_post": "经开区商务局局长",
                "cadre_appointment_reason": "工作需要",
                "cadre_family_member_ids": [(0, 0, {"name": "王芳", "relation": "妻子"})],
                "cadre_annual_result_ids": [(0, 0, {"year": 2022, "grade": "excellent"})],
            }
        )

    def test_complete_form_is_complete(self):
        self._complete()
        self.assertEqual(self.cadre.cadre_completeness, 100, self.cadre.cadre_missing_items)
        self.assertFalse(self.cadre.cadre_missing_items)

    def test_each_blank_printed_box_lowers_it(self):
        self._complete()
        for name in (
            "cadre_professional_title",
            "cadre_parttime_education_id",
            "cadre_proposed_post",
            "cadre_appointment_reason",
        ):
            with self.subTest(field=name):
                value = self.cadre[name]
                self.cadre[name] = False
                self.assertLess(self.cadre.cadre_completeness, 100)
                label = self.cadre._fields[name]._description_string(self.env)
                self.assertIn(label, self.cadre.cadre_missing_items)
                self.cadre[name] = value
                self.assertEqual(self.cadre.cadre_completeness, 100)
