"""The member portal's routes as their owner, another member, an internal officer and nobody."""

from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from ..wizards import org_member_portal_account_wizard as wizard_module
from .common import MemberPortalCommon

ROUTES = ("/my/party", "/my/party/meetings", "/my/party/transfers")


@tagged("post_install", "-at_install")
class TestPortalRoutes(MemberPortalCommon, HttpCase):
    def test_owner_sees_own_pages(self):
        self.authenticate("mp_portal_a1", "mp_portal_a1")
        home = self.url_open("/my")
        self.assertEqual(home.status_code, 200)
        self.assertIn("/my/party", home.text)
        page = self.url_open("/my/party")
        self.assertEqual(page.status_code, 200)
        self.assertIn("测试党员甲", page.text)
        self.assertIn(self.member_a1.resident_id_masked, page.text)
        self.assertNotIn(self.member_a1.id_number, page.text)
        self.assertNotIn("测试党员丙", page.text)
        meetings = self.url_open("/my/party/meetings")
        self.assertIn("测试甲一支部党员大会", meetings.text)
        self.assertIn("测试甲一支部组织生活会", meetings.text)
        self.assertNotIn("测试乙一支部党课", meetings.text)
        # attended in 2025, missed in 2026; minutes are not shown
        self.assertNotIn("会议记录", meetings.text)
        self.assertEqual(
            [
                (year["year"], year["attended"], year["missed"])
                for year in self.member_a1._org_portal_meeting_years()
            ],
            [(2026, 0, 1), (2025, 1, 0)],
        )
        transfer = self.env["org.party.transfer"].create(
            {"kind": "internal", "member_id": self.member_a1.id, "organization_to_id": self.branch_a2.id}
        )
        self.env["org.party.transfer"].create(
            {"kind": "internal", "member_id": self.member_b1.id, "organization_to_id": self.branch_a2.id}
        )
        page = self.url_open("/my/party/transfers")
        self.assertEqual(page.status_code, 200)
        self.assertIn(transfer.organization_to_id.name, page.text)
        self.assertNotIn("测试乙一支部", page.text)

    def test_page_texts_for_the_leak_scan(self):
        pages = dict(self.member_a1.with_user(self.portal_a1)._org_portal_page_texts())
        self.assertIn("测试党员甲", str(pages["/my/party"]))
        self.assertIn("测试甲一支部党员大会", str(pages["/my/party/meetings"]))
        self.assertNotIn("测试乙一支部党课", str(pages["/my/party/meetings"]))
        self.assertIn("/my/party/transfers", pages)

    def test_other_member_sees_only_their_own(self):
        self.authenticate("mp_portal_b1", "mp_portal_b1")
        for route in ROUTES:
            with self.subTest(route=route):
                response = self.url_open(route)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("测试党员甲", response.text)
                self.assertNotIn("测试甲一支部", response.text)

    def test_no_member_record_no_page(self):
        self.authenticate("gr_officer", "gr_officer")
        for route in ROUTES:
            with self.subTest(route=route):
                self.assertEqual(self.url_open(route).status_code, 404)

    def test_user_who_reads_no_member_keeps_their_portal_home(self):
        self.authenticate("gr_employee", "gr_employee")
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("/my/party", response.text)
        self.assertEqual(self.url_open("/my/party").status_code, 404)

    def test_anonymous_is_sent_to_login(self):
        for route in ROUTES:
            with self.subTest(route=route):
                response = self.url_open(route, allow_redirects=False)
                self.assertIn(response.status_code, (302, 303))
                self.assertIn("/web/login", response.headers["Location"])

    def test_attachments_and_reports_of_other_members(self):
        attachment = self.env["ir.attachment"].create(
            {
                "name": "乙的材料.txt",
                "raw": b"secret-of-b",
                "res_model": "org.party.member",
                "res_id": self.member_b1.id,
            }
        )
        meeting_file = self.env["ir.attachment"].create(
            {
                "name": "会议.txt",
                "raw": b"minutes-of-a",
                "res_model": "org.party.meeting",
                "res_id": self.meeting_a_attended.id,
            }
        )
        self.authenticate("mp_portal_a1", "mp_portal_a1")
        for record in (attachment, meeting_file):
            response = self.url_open(f"/web/content/{record.id}?download=true")
            self.assertIn(response.status_code, (403, 404))
            self.assertNotIn(record.raw, response.content)
        for report in ("org_grassroots.report_member_register", "org_member_portal.report_password_sheet"):
            with self.subTest(report=report):
                response = self.url_open(f"/report/pdf/{report}/{self.member_b1.id}")
                self.assertNotEqual(response.headers.get("Content-Type"), "application/pdf")
                self.assertNotIn("测试党员乙", response.text)

    def test_json_rpc_of_other_members(self):
        self.authenticate("mp_portal_a1", "mp_portal_a1")
        rows = self.make_jsonrpc_request(
            "/web/dataset/call_kw/org.party.member/search_read",
            {"model": "org.party.member", "method": "search_read", "args": [[], ["name"]], "kwargs": {}},
        )
        self.assertEqual([row["name"] for row in rows], ["测试党员甲"])

    def test_password_sheet_route(self):
        self.member_a2.user_id = False
        wizard = (
            self.env["org.member.portal.account.wizard"]
            .with_user(self.secretary_a)
            .with_context(active_model="org.party.member", active_ids=self.member_a2.ids)
            .create({})
        )
        wizard.action_create_accounts()
        url = wizard.action_print_password_sheet()["url"]
        # nobody but the maker opens it, not even with the key
        for login in ("mp_portal_a1", "gr_secretary_b", "gr_officer"):
            self.authenticate(login, login)
            self.assertIn(self.url_open(url).status_code, (403, 404))
        self.authenticate(None, None)
        self.assertNotEqual(self.url_open(url, allow_redirects=False).status_code, 200)
        self.authenticate("gr_secretary_a", "gr_secretary_a")
        self.assertEqual(self.url_open(url.split("?")[0] + "?key=guess").status_code, 404)
        with patch.object(wizard_module, "random_password", return_value="Sheet-Pass-2026"):
            response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertEqual(response.headers["Cache-Control"], "no-store")
        # (tests render the report's HTML instead of the PDF: Odoo's test mode)
        self.assertIn(b"13907151003", response.content)
        self.assertIn(b"Sheet-Pass-2026", response.content)
        self.assertIn("测试党员丙".encode(), response.content)
        self.assertEqual(self.url_open(url).status_code, 404)
        # nothing of it stored: no attachment, no message
        self.assertFalse(
            self.env["ir.attachment"].search([("res_model", "=", "org.member.portal.account.wizard")])
        )
        self.assertFalse(self.env["mail.message"].search([("body", "ilike", "Sheet-Pass-2026")]))
        # the member logs in with it and must change it first
        account = self.member_a2.user_id
        self.authenticate(account.login, "Sheet-Pass-2026")
        for route in ("/my", *ROUTES):
            with self.subTest(route=route):
                response = self.url_open(route)
                self.assertEqual(response.status_code, 200)
                self.assertIn("/my/security", response.url)
        self.env["res.users"].with_user(account).change_password("Sheet-Pass-2026", "a-password-of-my-own")
        self.authenticate(account.login, "a-password-of-my-own")
        self.assertEqual(self.url_open("/my/party").status_code, 200)

    def test_invitation_link_opens_the_signup_form(self):
        self.member_a2.user_id = False
        wizard = (
            self.env["org.member.portal.account.wizard"]
            .with_user(self.secretary_a)
            .with_context(active_model="org.party.member", active_ids=self.member_a2.ids)
            .create({})
        )
        wizard.action_create_accounts()
        wizard.action_invitation_texts()
        text = wizard.line_ids.invitation
        url = "/web/signup?" + text.split("/web/signup?")[1].split()[0]
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("13907151003", response.text)
        # the texts as CSV, for their maker only
        csv_url = wizard.action_invitations_csv()["url"]
        self.authenticate("gr_secretary_b", "gr_secretary_b")
        self.assertEqual(self.url_open(csv_url).status_code, 404)
        self.authenticate("mp_portal_a1", "mp_portal_a1")
        self.assertIn(self.url_open(csv_url).status_code, (403, 404))
        self.authenticate("gr_secretary_a", "gr_secretary_a")
        response = self.url_open(csv_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("13907151003", response.content.decode("utf-8-sig"))
        self.assertIn("/web/signup?", response.content.decode("utf-8-sig"))
