"""/web/export/xlsx writes text that starts with =, +, - or @ as text, never as a formula."""

import io
import json

import openpyxl

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

# Text that a spreadsheet would run if it were written as a formula.
FORMULA_TEXTS = ('=HYPERLINK("http://example.com","点我")', "=1+2", "+1+2", "-1+2", "@SUM(A1:A2)")


def _cells(content):
    """``[(value, data_type)]`` of the cells of the first sheet, row by row."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [[(cell.value, cell.data_type) for cell in row] for row in sheet.iter_rows()]


@tagged("post_install", "-at_install")
class TestExportXlsxText(HttpCase):
    """/web/export/xlsx writes text that starts with = as text, never as a formula."""

    def setUp(self):
        super().setUp()
        self.departments = self.env["hr.department"].create([{"name": text} for text in FORMULA_TEXTS])
        self.user = new_test_user(
            self.env, "export_officer", groups="base.group_user,base.group_allow_export"
        )
        self.authenticate(self.user.login, self.user.login)

    def _export(self, **params):
        data = {
            "model": "hr.department",
            "fields": [{"name": "name", "label": "=部门"}],
            "ids": self.departments.ids,
            "domain": [],
            "groupby": [],
            "import_compat": False,
            **params,
        }
        response = self.url_open(
            "/web/export/xlsx",
            data={"data": json.dumps(data), "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        return _cells(response.content)

    def test_export_keeps_text(self):
        rows = self._export()
        self.assertEqual(rows[0], [("=部门", "s")])
        self.assertEqual(sorted(row[0] for row in rows[1:]), sorted((text, "s") for text in FORMULA_TEXTS))

    def test_grouped_export_keeps_text(self):
        rows = self._export(groupby=["name"])
        labels = [row[0] for row in rows[1:]]
        self.assertEqual(len(labels), 2 * len(FORMULA_TEXTS), labels)
        self.assertTrue(all(data_type == "s" for _value, data_type in labels), labels)
        self.assertIn(("=1+2 (1)", "s"), labels)
