"""Hostile spreadsheets stop at their limits before the work, with bounded memory, and reach the
officer as sentences naming the file."""

import base64
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.org_base.tests import hostile_files as hostile
from odoo.addons.org_base.tools.upload_limits import LimitError, Limits

from ..tools import readers, roster_reader

MB = 1024 * 1024


@tagged("post_install", "-at_install")
class TestHostileSpreadsheets(TransactionCase):
    """Each hostile spreadsheet stops at its limit, before the work, with bounded memory."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env, "limits_officer", groups="org_base.group_org_user,hr.group_hr_user"
        )

    def assertRefused(self, outcome, code, **params):
        self.assertIsInstance(outcome, LimitError, f"expected the {code} limit, got {outcome!r}")
        self.assertEqual(outcome.code, code)
        for key, value in params.items():
            self.assertEqual(outcome.params[key], value, key)

    def test_spreadsheet_cell_at_column_xfd(self):
        # 10,000 rows with one cell at column XFD: 1 GB read naively.
        data = hostile.xlsx_with_far_cells(10000)
        self.assertLess(len(data), 200 * 1024)
        outcome, peak = hostile.peak(roster_reader.read_sheet, data, "far.xlsx", Limits())
        self.assertRefused(outcome, "columns", row=1, limit=200)
        self.assertLess(peak, 20 * MB)
        # The same shape within the limit (column 200, GR) is read, row by row, 200 wide.
        sheet = roster_reader.read_sheet(hostile.xlsx_with_far_cells(300, "GR"), "near.xlsx", Limits())
        self.assertEqual(len(sheet.rows), 300)
        self.assertEqual({len(row) for row in sheet.rows}, {200})
        self.assertEqual(sheet.rows[299][0], "员工300")

    def test_spreadsheet_rows_and_cells(self):
        outcome, peak = hostile.peak(roster_reader.read_sheet, hostile.csv_rows(100000), "big.csv", Limits())
        self.assertRefused(outcome, "rows", limit=50000)
        self.assertLess(peak, 120 * MB)
        limits = Limits(sheet_rows=10)
        # The header and 9 rows pass; one more is refused. Empty rows are not counted.
        self.assertEqual(len(roster_reader.read_sheet(hostile.csv_rows(9), "ok.csv", limits).rows), 10)
        padded = hostile.csv_rows(9) + b",\n" * 1000
        self.assertEqual(len(roster_reader.read_sheet(padded, "ok.csv", limits).rows), 10)
        outcome, _peak_bytes = hostile.peak(
            roster_reader.read_sheet, hostile.csv_rows(10), "eleven.csv", limits
        )
        self.assertRefused(outcome, "rows", limit=10)
        outcome, _peak_bytes = hostile.peak(
            roster_reader.read_sheet, hostile.csv_rows(3, cell="长" * 10000), "long.csv", Limits()
        )
        self.assertRefused(outcome, "cell_length", row=2, column=1, limit=2000)
        outcome, _peak_bytes = hostile.peak(
            roster_reader.read_sheet, hostile.csv_rows(100), "big.csv", Limits(file_bytes=1000)
        )
        self.assertRefused(outcome, "file_bytes", limit=1000)

    def test_roster_import_refuses_with_a_message(self):
        self.env["ir.config_parameter"].set_param("org_base.upload_sheet_rows", "10")
        wizard = (
            self.env["org.roster.import"]
            .with_user(self.officer)
            .create(
                {
                    "roster": "employee",
                    "file": base64.b64encode(hostile.csv_rows(20)),
                    "file_name": "花名册.csv",
                }
            )
        )
        with self.assertRaisesRegex(UserError, r"花名册\.csv.*more than 10 filled rows"):
            wizard.action_dry_run()
        self.env["ir.config_parameter"].set_param("org_base.upload_sheet_rows", "")
        far = (
            self.env["org.roster.import"]
            .with_user(self.officer)
            .create(
                {
                    "roster": "employee",
                    "file": base64.b64encode(hostile.xlsx_with_far_cells(10000)),
                    "file_name": "far.xlsx",
                }
            )
        )
        with self.assertRaisesRegex(UserError, r"far\.xlsx.*row 1 has a value beyond column 200"):
            far.action_dry_run()


_WORKBOOK = (
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>'
    '<Row><Cell><Data ss:Type="String">姓名</Data></Cell>'
    '<Cell><Data ss:Type="String">身份证号</Data></Cell></Row>'
    '<Row><Cell><Data ss:Type="String">{cell}</Data></Cell></Row></Table></Worksheet></Workbook>'
)


def billion_laughs():
    """SpreadsheetML whose one cell expands to 10⁹ "lol"s through nested entities."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    ]
    return (
        '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'
        f"<!DOCTYPE Workbook [{''.join(entities)}]>" + _WORKBOOK.format(cell="&lol9;")
    ).encode()


def external_entity(padding=0):
    """SpreadsheetML whose cell is the content of /etc/passwd, if the parser fetched it;
    ``padding`` bytes of comment before the declaration hide it from a look at the start."""
    return (
        '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'
        f"<!--{'x' * padding}-->"
        '<!DOCTYPE Workbook [<!ENTITY passwd SYSTEM "file:///etc/passwd">]>'
        + _WORKBOOK.format(cell="&passwd;")
    ).encode()


def huge_html(rows):
    body = "".join(f"<tr><td>员工{index}</td><td>{index}</td></tr>" for index in range(rows))
    return f"<html><body><table><tr><th>姓名</th><th>身份证号</th></tr>{body}</table></body></html>".encode()


@tagged("post_install", "-at_install")
class TestHostileMarkup(TransactionCase):
    """XML and HTML spreadsheets: no entity is expanded, no file or URL is read, and a huge
    table stops at the row limit with bounded memory."""

    def read_file(self, data, limits=None):
        try:
            return roster_reader.read_sheet(data, "hostile.xls", limits or Limits())
        except (roster_reader.RosterReadError, LimitError) as error:
            return error

    def test_billion_laughs(self):
        data = billion_laughs()
        self.assertLess(len(data), 2000)
        outcome, peak = hostile.peak(self.read_file, data)
        self.assertIsInstance(outcome, roster_reader.RosterReadError)
        self.assertEqual(outcome.code, "unsafe")
        self.assertLess(peak, 5 * MB)

    def test_external_entity_is_not_read(self):
        for padding in (0, 70000):  # declared at the start, and past what is sniffed
            outcome = self.read_file(external_entity(padding))
            self.assertIsInstance(outcome, roster_reader.RosterReadError, padding)
            self.assertEqual(outcome.code, "unsafe", padding)
            self.assertNotIn("root:", repr(outcome.params))
        # The parser itself resolves no entity: without the check, the cell stays empty.
        with patch.object(readers, "_refuse_doctype", lambda data: None):
            rows = []
            try:
                rows = list(readers._spreadsheetml_rows(external_entity(), Limits()))
            except roster_reader.RosterReadError as error:
                self.assertEqual(error.code, "unsafe")
            self.assertNotIn("root:", repr(rows))
        wizard = (
            self.env["org.roster.import"]
            .with_user(
                new_test_user(self.env, "xxe_officer", groups="org_base.group_org_user,hr.group_hr_user")
            )
            .create({"roster": "employee", "file": base64.b64encode(external_entity()), "file_name": "a.xls"})
        )
        with self.assertRaises(UserError) as caught:
            wizard.action_dry_run()
        self.assertIn("DOCTYPE", str(caught.exception))
        self.assertNotIn("root:", str(caught.exception))

    def test_huge_html(self):
        data = huge_html(100000)
        outcome, peak = hostile.peak(self.read_file, data)
        self.assertIsInstance(outcome, LimitError)
        self.assertEqual((outcome.code, outcome.params["limit"]), ("rows", 50000))
        self.assertLess(peak, 150 * MB)
        # Within the limit it is read, row by row.
        sheet = self.read_file(huge_html(300), Limits(sheet_rows=301))
        self.assertEqual((len(sheet.rows), sheet.rows[-1]), (301, ["员工299", "299"]))
        # A cell far to the right is refused like in any spreadsheet.
        wide = b"<table><tr><td colspan='5000'>a</td><td>b</td></tr></table>"
        outcome = self.read_file(wide)
        self.assertIsInstance(outcome, LimitError)
        self.assertEqual(outcome.code, "columns")

    def test_huge_spreadsheetml(self):
        rows = "".join(
            f'<Row><Cell><Data ss:Type="String">员工{index}</Data></Cell></Row>' for index in range(100000)
        )
        data = _WORKBOOK.replace("<Row>", rows + "<Row>", 1).format(cell="x").encode()
        outcome, peak = hostile.peak(self.read_file, data)
        self.assertIsInstance(outcome, LimitError)
        self.assertEqual((outcome.code, outcome.params["limit"]), ("rows", 50000))
        self.assertLess(peak, 150 * MB)
        # A cell far to the right (ss:Index), and a row index past any spreadsheet's.
        far = _WORKBOOK.replace("<Cell>", '<Cell ss:Index="16000">', 1).format(cell="x").encode()
        outcome = self.read_file(far)
        self.assertEqual((type(outcome), outcome.code), (LimitError, "columns"))
        beyond = _WORKBOOK.replace("<Row>", '<Row ss:Index="99999999">', 1).format(cell="x").encode()
        outcome = self.read_file(beyond)
        self.assertEqual((type(outcome), outcome.code), (roster_reader.RosterReadError, "damaged"))
