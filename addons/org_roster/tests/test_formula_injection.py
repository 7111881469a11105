import io
from unittest.mock import patch

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import tagged

from . import roster_fixtures as fx
from .test_roster_import import RosterImportCase

# Text that a spreadsheet would run if it were written as a formula.
FORMULA_TEXTS = ('=HYPERLINK("http://example.com","点我")', "=1+2", "+1+2", "-1+2", "@SUM(A1:A2)")


def _cells(content):
    """``[(value, data_type)]`` of the cells of the first sheet, row by row."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [[(cell.value, cell.data_type) for cell in row] for row in sheet.iter_rows()]


@tagged("post_install", "-at_install")
class TestRosterFormulaText(RosterImportCase):
    """Roster labels and imported cells that start with =, +, - or @ stay text."""

    def test_template_labels_are_text(self):
        columns = self.roster.column_ids[: len(FORMULA_TEXTS)]
        for column, text in zip(columns, FORMULA_TEXTS, strict=True):
            column.with_user(self.configurator).label = text
        wizard = self.env["org.roster.import"].with_user(self.officer).create({"roster": "employee"})
        header = _cells(wizard._template_content(self.roster))[0]
        self.assertEqual(header[: len(FORMULA_TEXTS)], [(text, "s") for text in FORMULA_TEXTS])

    def test_imported_text_is_stored_as_typed(self):
        rows = fx.employee_rows(len(FORMULA_TEXTS))
        for row, text in zip(rows, FORMULA_TEXTS, strict=True):
            row[5] = text  # 职务
        lines = [",".join(fx.CLEAN_HEADERS)] + [
            ",".join('"' + str(value).replace('"', '""') + '"' for value in row) for row in rows
        ]
        wizard = self._wizard("\n".join(lines).encode(), "formula.csv")
        wizard.action_import()
        self.assertEqual(wizard.error_count, 0, wizard.error_line_ids.mapped("message"))
        for row, text in zip(rows, FORMULA_TEXTS, strict=True):
            self.assertEqual(self._employee(row[1]).job_title, text)


@tagged("post_install", "-at_install")
class TestRosterMatchingOwnRights(RosterImportCase):
    """A column that matches records by a key is matched with the user's own rights."""

    def test_key_the_user_cannot_read_is_refused_before_any_row(self):
        rows = fx.employee_rows(2)
        wizard = self._wizard(fx.build_xlsx(rows), "a.xlsx")
        field = self.env["hr.employee"]._fields["identification_id"]
        # As if the user could write employees but not read their ID numbers.
        with (
            patch.object(field, "groups", "base.group_system"),
            self.assertRaisesRegex(AccessError, "may not read or change") as caught,
        ):
            wizard.action_dry_run()
        self.assertNotIn(rows[0][1], str(caught.exception))
        self.assertFalse(wizard.error_line_ids)
        self.assertEqual((wizard.create_count, wizard.update_count), (0, 0))

    def test_match_records_runs_with_the_users_rights(self):
        number = fx.resident_id("420116", "19800101", 555)
        employee = self.env["hr.employee"].create({"name": "钱匹配", "identification_id": number})
        Wizard = self.env["org.roster.import"]
        # An HR officer reads ID numbers: the match is theirs to see.
        found = Wizard.with_user(self.officer)._match_records(
            self.env["hr.employee"].with_user(self.officer), "identification_id", {number}
        )
        self.assertEqual(found, {number: {employee.id}})
        # An officer without HR rights matches names (public), never ID numbers: no oracle.
        plain = Wizard.with_user(self.plain_officer)
        employees = self.env["hr.employee"].with_user(self.plain_officer)
        self.assertEqual(plain._match_records(employees, "name", {"钱匹配"}), {"钱匹配": {employee.id}})
        for guess in (number, "110101199001010000"):
            with self.assertRaisesRegex(AccessError, "may not read") as caught:
                plain._match_records(employees, "identification_id", {guess})
            self.assertNotIn(guess, str(caught.exception))
