import json
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.org_base.models.org_audit_log import OrgAuditLog

ID_NUMBERS = ["420102198503154216", "42010219920708158X"]


@tagged("post_install", "-at_install")
class TestAuditLog(HttpCase):
    """org.audit.log: append-only for everyone, written in one INSERT per batch, by each hook."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Log = cls.env["org.audit.log"]
        cls.officer = new_test_user(cls.env, "au_officer", groups="org_base.group_org_user")
        cls.leader = new_test_user(cls.env, "au_leader", groups="org_base.group_org_leader")
        cls.configurator = new_test_user(cls.env, "au_configurator", groups="org_base.group_org_configurator")
        cls.manager = new_test_user(cls.env, "au_manager", groups="org_base.group_org_manager")
        cls.hr_user = new_test_user(
            cls.env, "au_hr_user", groups="org_base.group_org_user,hr.group_hr_user,base.group_allow_export"
        )
        cls.employees = cls.env["hr.employee"].create(
            [{"name": f"审计{index}", "identification_id": ID_NUMBERS[index % 2]} for index in range(20)]
        )

    def _rows(self, action, **domain):
        return self.Log.search(
            [("action", "=", action)] + [(key, "=", value) for key, value in domain.items()], order="id"
        )

    def test_append_only_for_every_role(self):
        self.Log._log("export", self.employees[:1])
        row = self._rows("export")
        self.assertEqual(len(row), 1)
        for user in (self.officer, self.leader, self.configurator, self.manager):
            log = self.Log.with_user(user)
            with self.assertRaises(UserError), mute_logger("odoo.addons.base.models.ir_model"):
                log.create(
                    {"action": "export", "res_model": "hr.employee", "log_date": fields.Datetime.now()}
                )
            with self.assertRaises(UserError), mute_logger("odoo.addons.base.models.ir_model"):
                row.with_user(user).write({"detail": "改写"})
            with self.assertRaises(UserError), mute_logger("odoo.addons.base.models.ir_model"):
                row.with_user(user).unlink()
        # Not even the superuser.
        with self.assertRaises(UserError):
            row.sudo().write({"detail": "改写"})
        with self.assertRaises(UserError):
            row.sudo().unlink()
        self.assertTrue(row.exists())
        self.assertFalse(row.detail)
        # Managers read it, officers do not.
        self.assertEqual(self.Log.with_user(self.manager).search([("id", "=", row.id)]), row)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_model"):
            self.Log.with_user(self.officer).search([])

    def test_one_insert_for_many_records(self):
        with patch.object(
            OrgAuditLog, "_log_insert_query", autospec=True, side_effect=OrgAuditLog._log_insert_query
        ) as insert:
            self.assertEqual(self.Log._log("export", self.employees), 20)
        self.assertEqual(insert.call_count, 1)
        rows = self._rows("export")
        self.assertEqual(len(rows), 20)
        self.assertEqual(set(rows.mapped("res_id")), set(self.employees.ids))
        self.assertEqual(rows[0].user_id, self.env.user)
        self.assertEqual(rows[0].res_name, self.employees.browse(rows[0].res_id).name)

    def test_list_read_of_identifiers_costs_no_query_per_row(self):
        employees = self.employees.with_user(self.hr_user)
        employees[:2].read(["name", "identification_id"])
        employees.invalidate_recordset()
        with patch.object(
            OrgAuditLog, "_log_insert_query", autospec=True, side_effect=OrgAuditLog._log_insert_query
        ) as insert:
            employees.read(["name", "identification_id"])
        self.assertEqual(insert.call_count, 1)
        rows = self._rows("read_identifier", user_id=self.hr_user.id)
        self.assertEqual(len(rows), 22)
        # Reading the masked number, or not the number, writes nothing.
        employees.read(["name", "resident_id_masked"])
        self.assertEqual(len(self._rows("read_identifier", user_id=self.hr_user.id)), 22)

    def test_web_client_list_read_is_logged(self):
        """The web client reads on a read-only transaction: the rows get one of their own."""
        self.authenticate("au_hr_user", "au_hr_user")
        response = self.url_open(
            "/web/dataset/call_kw/hr.employee/web_search_read",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "params": {
                        "model": "hr.employee",
                        "method": "web_search_read",
                        "args": [],
                        "kwargs": {
                            "domain": [("id", "in", self.employees.ids)],
                            "specification": {"name": {}, "identification_id": {}},
                        },
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.json()["result"]["length"], 20)
        rows = self._rows("read_identifier", user_id=self.hr_user.id)
        self.assertEqual(set(rows.mapped("res_id")), set(self.employees.ids))

    def test_read_query_count_does_not_grow_with_rows(self):
        def queries(records):
            records.invalidate_recordset()
            before = self.env.cr.sql_log_count
            records.read(["name", "identification_id"])
            return self.env.cr.sql_log_count - before

        employees = self.employees.with_user(self.hr_user)
        queries(employees[:2])
        self.assertEqual(queries(employees[:2]), queries(employees))

    def test_export_is_logged(self):
        self.employees[:3].with_user(self.hr_user).export_data(["name", "identification_id"])
        rows = self._rows("export", user_id=self.hr_user.id)
        self.assertEqual(set(rows.mapped("res_id")), set(self.employees[:3].ids))
        self.assertIn("identification_id", rows[0].detail)

    def test_export_controller_is_logged(self):
        self.authenticate("au_hr_user", "au_hr_user")
        response = self.url_open(
            "/web/export/csv",
            data={
                "data": json.dumps(
                    {
                        "model": "hr.employee",
                        "fields": [{"name": "name", "label": "Name"}],
                        "ids": self.employees[:2].ids,
                        "domain": [],
                        "import_compat": False,
                    }
                ),
                "csrf_token": self._csrf_token(),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            set(self._rows("export", user_id=self.hr_user.id).mapped("res_id")), set(self.employees[:2].ids)
        )

    def _csrf_token(self):
        return self.url_open("/web/login").text.split('name="csrf_token" value="')[1].split('"')[0]

    def test_report_download_is_logged(self):
        report = self.env["ir.actions.report"].with_user(self.hr_user)
        report._render_qweb_pdf("hr.hr_employee_print_badge", self.employees[:2].ids)
        rows = self._rows("download", user_id=self.hr_user.id)
        self.assertEqual(set(rows.mapped("res_id")), set(self.employees[:2].ids))

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.http")
    def test_access_refused_is_logged_even_though_the_request_fails(self):
        self.authenticate("au_officer", "au_officer")
        response = self.url_open(
            "/web/dataset/call_kw/org.audit.log/search_read",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "params": {"model": "org.audit.log", "method": "search_read", "args": [[]], "kwargs": {}},
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.json()["error"]["data"]["name"], "odoo.exceptions.AccessError")
        rows = self._rows("access_refused", user_id=self.officer.id)
        self.assertEqual(rows.mapped("res_model"), ["org.audit.log"])
        self.assertEqual(rows.detail, "read")

    def test_purge_keeps_the_retention_period(self):
        self.env["ir.config_parameter"].sudo().set_param("org_base.audit_retention_months", "12")
        self.Log._log("export", self.employees[:4])
        rows = self._rows("export")
        old = rows[:3]
        self.env.cr.execute(
            "UPDATE org_audit_log SET log_date = %s WHERE id IN %s",
            [fields.Datetime.now() - relativedelta(months=13), tuple(old.ids)],
        )
        with patch("odoo.addons.org_base.models.org_audit_log.PURGE_BATCH", 2):
            self.assertEqual(self.Log._cron_purge(), 3)
        self.assertEqual(rows.exists(), rows - old)
