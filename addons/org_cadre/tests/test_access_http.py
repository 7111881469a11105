"""The access matrix through plain HTTP: generated files, /web/content and /report/pdf."""

import importlib.util
import io
import zipfile

from lxml import etree

from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools.misc import file_path

from odoo.addons.org_base.tests.fixtures import resident_id
from odoo.addons.org_base.tools.resident_id import mask_resident_id

REPORT = "org_cadre.report_cadre_form"


@tagged("post_install", "-at_install")
class TestAccessHttp(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The second factor (administrators, the supervision group) is org_base's TestAccounts'
        # concern: here every role logs in with the password alone.
        cls.env["res.groups"].search([("org_require_totp", "=", True)]).org_require_totp = False
        cls.manager = new_test_user(cls.env, "ah_manager", groups="org_base.group_org_manager")
        cls.leader = new_test_user(cls.env, "ah_leader", groups="org_base.group_org_leader")
        cls.officer = new_test_user(cls.env, "ah_officer", groups="org_base.group_org_user")
        cls.cadre_user = new_test_user(cls.env, "ah_self", groups="base.group_user")
        cls.number = resident_id(birth="19850315", order=231)
        cls.cadre = cls.env["hr.employee"].create(
            {
                "name": "接口干部",
                "is_cadre": True,
                "identification_id": cls.number,
                "user_id": cls.cadre_user.id,
                "place_of_birth": "湖北武汉",
                "cadre_current_post": "经开区招商局副局长",
            }
        )

    def _get(self, login, url):
        self.authenticate(login, login)
        return self.url_open(url, allow_redirects=False)

    def _lrmx(self, login, employees):
        action = employees.with_user(
            self.env["res.users"].search([("login", "=", login)])
        ).action_cadre_lrmx_export()
        self.assertEqual(action["type"], "ir.actions.act_url")
        return self._get(login, action["url"])

    def test_lrmx_export_is_streamed_not_stored(self):
        """The manager's export leaves no ir.attachment the leader could list or download."""
        Attachment = self.env["ir.attachment"].sudo()
        last = Attachment.search([], order="id desc", limit=1).id
        response = self._lrmx(self.manager.login, self.cadre)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        person = etree.fromstring(response.content)
        self.assertEqual(person.findtext("ShenFenZheng"), self.number, "the manager gets the raw number")
        # Asset bundles (url) and image fields (res_field) are not files someone generated.
        new = Attachment.search([("id", ">", last), ("url", "=", False), ("res_field", "=", False)])
        self.assertFalse(
            new, f"nothing is stored: {new.mapped(lambda a: (a.name, a.res_model, a.res_field))}"
        )
        leader = self.env["ir.attachment"].with_user(self.leader)
        self.assertFalse(leader.search([("res_model", "=", "hr.employee"), ("res_id", "=", self.cadre.id)]))
        self.assertFalse(leader.search([("name", "ilike", "接口干部")]))
        # Whatever else the request stored (image fields), /web/content gives the leader no ID number.
        for attachment in Attachment.search([("id", ">", last), ("url", "=", False)]):
            response = self._get(self.leader.login, f"/web/content/{attachment.id}")
            self.assertNotIn(self.number.encode(), response.content)
        # The download is in the audit log, by whom and of whom.
        audit = (
            self.env["org.audit.log"]
            .sudo()
            .search(
                [
                    ("action", "=", "download"),
                    ("res_model", "=", "hr.employee"),
                    ("res_id", "=", self.cadre.id),
                ]
            )
        )
        self.assertEqual(audit.user_id, self.manager)

    def test_zip_export_is_streamed(self):
        other = self.cadre.copy({"name": "接口干部乙", "identification_id": False, "user_id": False})
        last = self.env["ir.attachment"].sudo().search([], order="id desc", limit=1).id
        response = self._lrmx(self.manager.login, self.cadre | other)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:4], b"PK\x03\x04")
        self.assertFalse(
            self.env["ir.attachment"]
            .sudo()
            .search([("id", ">", last), ("url", "=", False), ("res_field", "=", False)])
        )

    def test_leader_exports_lrmx_masked(self):
        response = self._lrmx(self.leader.login, self.cadre)
        self.assertEqual(response.status_code, 200)
        person = etree.fromstring(response.content)
        self.assertEqual(person.findtext("ShenFenZheng"), mask_resident_id(self.number))
        self.assertNotIn(self.number.encode(), response.content)
        self.assertEqual(person.findtext("XingBie"), "男" if int(self.number[16]) % 2 else "女")
        self.assertEqual(person.findtext("ChuShengNianYue"), "1985.03", "year and month only")
        self.assertEqual(person.findtext("ChuShengDi"), "湖北武汉")

    def test_others_get_no_lrmx(self):
        """Officers without cadre rights and the cadre concerned get 403, not the file."""
        for login in (self.officer.login, self.cadre_user.login):
            with self.subTest(login=login):
                response = self._get(login, f"/org_cadre/lrmx/{self.cadre.id}")
                self.assertEqual(response.status_code, 403)
                self.assertNotIn(self.number.encode(), response.content)

    def test_form_docx_is_streamed_audited_and_refused_to_others(self):
        """The 任免审批表 as .docx: streamed to the manager and the leader (birth as year and
        month, no ID number), nothing stored, an audit row; 403 for the others."""
        Attachment = self.env["ir.attachment"].sudo()
        last = Attachment.search([], order="id desc", limit=1).id
        for user in (self.manager, self.leader):
            with self.subTest(login=user.login):
                action = self.cadre.with_user(user).action_cadre_form_docx()
                response = self._get(user.login, action["url"])
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.content[:4], b"PK\x03\x04")
                self.assertIn(".docx", response.headers["Content-Disposition"])
                with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
                    body = archive.read("word/document.xml").decode()
                self.assertIn("接口干部", body)
                self.assertIn("1985.03", body)
                self.assertNotIn(self.number, body)
        self.assertFalse(
            Attachment.search([("id", ">", last), ("url", "=", False), ("res_field", "=", False)])
        )
        audit = (
            self.env["org.audit.log"]
            .sudo()
            .search(
                [
                    ("action", "=", "download"),
                    ("res_model", "=", "hr.employee"),
                    ("res_id", "=", self.cadre.id),
                ]
            )
        )
        self.assertEqual(audit.user_id, self.manager | self.leader)
        other = self.cadre.copy({"name": "接口干部乙", "identification_id": False, "user_id": False})
        response = self._get(self.manager.login, f"/org_cadre/cadre_form_docx/{self.cadre.id},{other.id}")
        self.assertEqual(response.status_code, 200)
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            self.assertEqual(len(archive.namelist()), 2)
        for login in (self.officer.login, self.cadre_user.login):
            with self.subTest(login=login):
                response = self._get(login, f"/org_cadre/cadre_form_docx/{self.cadre.id}")
                self.assertEqual(response.status_code, 403)
                self.assertNotIn("经开区招商局副局长".encode(), response.content)
                self.assertNotEqual(response.content[:4], b"PK\x03\x04")

    def test_leader_prints_the_appointment_form(self):
        """The leader prints the 任免审批表 (birth date as year and month, no ID number); the
        PDF is not kept as an attachment."""
        Attachment = self.env["ir.attachment"].sudo()
        last = Attachment.search([], order="id desc", limit=1).id
        response = self._get(self.leader.login, f"/report/pdf/{REPORT}/{self.cadre.id}")
        self.assertEqual(response.status_code, 200)
        body = response.content.decode()
        self.assertIn("接口干部", body)
        self.assertIn("1985.03", body)
        self.assertIn("湖北武汉", body)
        self.assertNotIn(self.number, body)
        self.assertNotIn("1985-03-15", body)
        self.assertFalse(
            Attachment.search([("id", ">", last), ("url", "=", False), ("res_field", "=", False)])
        )

    def test_others_cannot_print_the_appointment_form(self):
        for login in (self.officer.login, self.cadre_user.login):
            with self.subTest(login=login):
                response = self._get(login, f"/report/pdf/{REPORT}/{self.cadre.id}")
                self.assertEqual(response.status_code, 403)
                body = response.content.decode(errors="replace")
                self.assertIn("only cadre officers and leaders read the cadre dossier", body)
                self.assertNotIn("经开区招商局副局长", body)
                self.assertNotIn("1985.03", body)


@tagged("post_install", "-at_install")
class TestLrmxAttachmentCleanup(TransactionCase):
    def test_migration_removes_stored_exports(self):
        """The files earlier versions stored on employees are deleted; a posted file stays."""
        path = file_path("org_cadre/migrations/18.0.1.0.1/post-migrate.py")
        spec = importlib.util.spec_from_file_location("org_cadre_post_migrate", path)
        script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(script)
        employee = self.env["hr.employee"].create({"name": "旧导出干部", "is_cadre": True})
        Attachment = self.env["ir.attachment"]
        stored = Attachment.create(
            [
                {"name": name, "raw": b"<Person/>", "res_model": "hr.employee", "res_id": employee.id}
                for name in ("旧导出干部.lrmx", "任免审批表.zip")
            ]
        )
        posted = Attachment.create(
            {"name": "外单位.lrmx", "raw": b"<Person/>", "res_model": "hr.employee", "res_id": employee.id}
        )
        employee.message_post(body="外单位转来", attachment_ids=posted.ids)
        script.migrate(self.env.cr, "18.0.1.0.0")
        self.assertFalse(stored.exists())
        self.assertTrue(posted.exists())
