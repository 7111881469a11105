from datetime import datetime, time

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.org_member_portal.tests.common import MemberPortalCommon


@tagged("post_install", "-at_install")
class TestPortalStudy(MemberPortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        cls.employee_a1, cls.employee_a2 = Employee.create([{"name": "测试党员甲"}, {"name": "测试党员丙"}])
        cls.member_a1.employee_id = cls.employee_a1
        cls.member_a2.employee_id = cls.employee_a2
        study_type = cls.env["org.study.type"].create({"name": "测试夜校", "default_hours": 2.5})
        today = cls.env.company._org_office_today()
        # noon in Shanghai, today: this year's session whatever the clock
        cls.study_session = cls.env["org.study.session"].create(
            {
                "name": "学习党章专题辅导",
                "type_id": study_type.id,
                "date_start": datetime.combine(today, time(4, 0)),
                "attendance_ids": [
                    (0, 0, {"employee_id": cls.employee_a1.id, "state": "present"}),
                    (0, 0, {"employee_id": cls.employee_a2.id, "state": "absent"}),
                ],
            }
        )
        cls.year = today.year

    def test_study_values_are_the_members_own(self):
        study = self.member_a1.with_user(self.portal_a1)._org_portal_study(self.year)
        self.assertEqual([session["name"] for session in study["sessions"]], ["学习党章专题辅导"])
        self.assertEqual(study["done"], 2.5)
        self.assertFalse(self.member_a2.with_user(self.portal_a2)._org_portal_study(self.year)["sessions"])
        self.assertIsNone(self.member_b1.with_user(self.portal_b1)._org_portal_study(self.year))

    def test_portal_reads_no_employee_nor_study_record(self):
        for model in ("hr.employee", "org.study.attendance", "org.study.ledger", "org.study.session"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.portal_a1).search_read([], ["id"])

    def test_study_route(self):
        self.authenticate("mp_portal_a1", "mp_portal_a1")
        self.assertIn("/my/party/study", self.url_open("/my/party").text)
        page = self.url_open("/my/party/study")
        self.assertEqual(page.status_code, 200)
        self.assertIn("学习党章专题辅导", page.text)
        self.authenticate("mp_portal_a2", "mp_portal_a2")
        page = self.url_open("/my/party/study")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("学习党章专题辅导", page.text)
        # not staff: no section, no page
        self.authenticate("mp_portal_b1", "mp_portal_b1")
        self.assertNotIn("/my/party/study", self.url_open("/my/party").text)
        self.assertEqual(self.url_open("/my/party/study").status_code, 404)
        self.authenticate(None, None)
        response = self.url_open("/my/party/study", allow_redirects=False)
        self.assertIn("/web/login", response.headers.get("Location", ""))
