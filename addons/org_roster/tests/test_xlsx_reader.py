"""The .xlsx reader reads a worksheet's XML itself (B1: about four times fewer calls than
openpyxl's read-only cells): it must give exactly the rows openpyxl gives, so that the dry run
and the import accept and refuse the same rows as before."""

import datetime
import io
from unittest.mock import patch

import openpyxl

from odoo.tests import tagged

from odoo.addons.org_base.tools.upload_limits import Limits

from ..tools import readers, roster_reader
from . import roster_fixtures as fx
from .test_roster_import import RosterImportCase


def openpyxl_read_xlsx(data, limits):
    """The reader as it was: openpyxl's read-only worksheet, every row, values only."""
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheet = book.worksheets[0]
    sheet.reset_dimensions()
    rows = readers.bounded_rows(sheet.iter_rows(values_only=True), limits)
    book.close()
    yield readers.Sheet(rows, 1 if book.epoch == openpyxl.utils.datetime.CALENDAR_MAC_1904 else 0, "xlsx")


def assorted_xlsx(write_only=False):
    """Gaps between rows and cells, booleans, numbers, dates, date-times, a formula without a
    cached value, an error's text; inline strings when ``write_only`` (openpyxl's streaming
    writer, as many systems export)."""
    book = openpyxl.Workbook(write_only=write_only)
    sheet = book.create_sheet("数据") if write_only else book.active
    lines = [
        ["标题"],
        [],
        [None, None, "姓名", True, 3.5, 12, "  全角　空格 "],
        [],
        [None, datetime.date(2020, 1, 2), datetime.datetime(2020, 1, 2, 3, 4), None, None, None, "=1+1"],
        ["x", 420115198503014211, "#N/A", False, 0, -1.25],
    ]
    for line in lines:
        sheet.append(line)
    if not write_only:
        sheet["J12"] = "远处"
    content = io.BytesIO()
    book.save(content)
    return content.getvalue()


@tagged("post_install", "-at_install")
class TestXlsxReader(RosterImportCase):
    def assertSameRows(self, data):
        rows = roster_reader.read_sheet(data, "f.xlsx", Limits()).rows
        expected = next(openpyxl_read_xlsx(data, Limits())).rows
        self.assertEqual([list(row) for row in rows], [list(row) for row in expected])
        return rows

    def test_rows_as_openpyxl_reads_them(self):
        rows = self.assertSameRows(assorted_xlsx())
        self.assertEqual(rows[2][:4], [None, None, "姓名", True])
        self.assertEqual(rows[4][1], datetime.datetime(2020, 1, 2))
        self.assertEqual(len(rows), 12, "the far cell J12 is read, after empty rows")
        rows = self.assertSameRows(assorted_xlsx(write_only=True))
        self.assertEqual(rows[2][6], "  全角　空格 ", "inline strings keep their text")
        self.assertSameRows(fx.build_xlsx(fx.employee_rows(30)))
        self.assertSameRows(self._messy_data())

    def test_dry_run_refuses_the_same_rows(self):
        """The messy roster (title and group rows, numbers for ID numbers, dates in every
        shape, mistakes) gives the same plan and the same refusals with both readers."""
        data = self._messy_data()

        def plan(wizard):
            wizard.action_dry_run()
            return (
                wizard.row_count,
                wizard.create_count,
                [
                    (line.row, line.message)
                    for line in wizard.error_line_ids.sorted(lambda line: (line.row, line.id))
                ],
            )

        fast = plan(self._wizard(data, "messy.xlsx"))
        with patch.dict(readers.READERS, {"xlsx": openpyxl_read_xlsx}):
            before = plan(self._wizard(data, "messy.xlsx"))
        self.assertEqual(fast, before)
        self.assertTrue(fast[2], "the messy roster has refused rows")
        self.assertTrue(fast[1], "and rows to create")
