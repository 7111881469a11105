from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.org_member_portal.tests.common import MemberPortalCommon


@tagged("post_install", "-at_install")
class TestPortalDues(MemberPortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Line = cls.env["org.party.dues.line"]
        cls.paid, cls.unpaid, cls.other = Line.create(
            [
                {
                    "member_id": cls.member_a1.id,
                    "month": "2026-01-01",
                    "amount": 21.5,
                    "date_paid": "2026-01-20",
                    "payment_way": "wechat",
                },
                {"member_id": cls.member_a1.id, "month": "2026-02-01", "amount": 21.5},
                {"member_id": cls.member_b1.id, "month": "2026-02-01", "amount": 98.76},
            ]
        )

    def test_member_reads_own_dues_only(self):
        Line = self.env["org.party.dues.line"].with_user(self.portal_a1)
        self.assertEqual(Line.search([]), self.paid | self.unpaid)
        self.assertEqual(
            [group["__count"] for group in Line.read_group([], ["state"], ["state"], lazy=False)], [1, 1]
        )
        with self.assertRaises(AccessError):
            self.other.with_user(self.portal_a1).read(["amount"])
        with self.assertRaises(AccessError):
            self.unpaid.with_user(self.portal_a1).write({"date_paid": "2026-02-10", "payment_way": "cash"})
        self.assertEqual(self.env["org.party.dues.line"].with_user(self.portal_b1).search([]), self.other)

    def test_dues_values(self):
        dues = self.member_a1.with_user(self.portal_a1)._org_portal_dues()
        self.assertEqual((dues["owed"], dues["owed_months"]), (21.5, 1))
        self.assertEqual([line["paid"] for line in dues["lines"]], [False, True])

    def test_dues_route(self):
        self.authenticate("mp_portal_a1", "mp_portal_a1")
        self.assertIn("/my/party/dues", self.url_open("/my/party").text)
        page = self.url_open("/my/party/dues")
        self.assertEqual(page.status_code, 200)
        self.assertIn("21.50", page.text)
        self.assertNotIn("98.76", page.text)
        self.authenticate("mp_portal_b1", "mp_portal_b1")
        page = self.url_open("/my/party/dues")
        self.assertIn("98.76", page.text)
        self.assertNotIn("21.50", page.text)
        self.authenticate("gr_officer", "gr_officer")
        self.assertEqual(self.url_open("/my/party/dues").status_code, 404)
        self.authenticate(None, None)
        response = self.url_open("/my/party/dues", allow_redirects=False)
        self.assertIn("/web/login", response.headers.get("Location", ""))
