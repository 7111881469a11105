"""Spreadsheets as other office systems export them: Excel 2003 XML (SpreadsheetML), HTML
tables and tab-separated text, all named .xls; each imports the same members as the .xlsx,
and what is no spreadsheet is named for what it is."""

import datetime
import io
import zipfile

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..tools import readers, roster_reader
from . import roster_fixtures as fx
from .test_roster_import import RosterImportCase

FORMATS = (
    (fx.build_spreadsheetml, {}, "spreadsheetml"),
    (fx.build_html, {}, "html"),
    (fx.build_html, {"encoding": "gbk"}, "html"),
    (fx.build_tsv, {}, "csv"),
    (fx.build_csv, {"encoding": "utf-8"}, "csv"),
)


@tagged("post_install", "-at_install")
class TestRosterFormatReaders(RosterImportCase):
    """The readers: the content decides, whatever the name says."""

    def test_each_format_is_recognised_by_its_content(self):
        rows = [cells for _row, _errors, cells in fx.messy_rows()]
        expected = roster_reader.read_sheet(fx.build_xlsx(rows, fx.HEADERS, fx.TITLE, fx.GROUPS), "a.xlsx")
        for builder, options, kind in FORMATS:
            data = builder(rows, fx.HEADERS, fx.TITLE, fx.GROUPS, **options)
            sheets = list(roster_reader.read_sheets(data, "花名册.xls"))
            self.assertEqual({sheet.kind for sheet in sheets}, {kind}, builder.__name__)
            sheet = sheets[-1]
            self.assertEqual(len(sheet.rows), len(expected.rows), builder.__name__)
            for mine, theirs in zip(sheet.rows, expected.rows, strict=True):
                # Text files hold numbers as shown (4.20104E+17): compare the names there.
                width = 1 if kind == "csv" else 2
                self.assertEqual(
                    [roster_reader.clean_text(value) for value in mine[:width]],
                    [roster_reader.clean_text(value) for value in theirs[:width]],
                    builder.__name__,
                )
        # The 18-digit ID number stored as a number keeps a number's 15 digits.
        for builder, options, _kind in FORMATS[:3]:
            sheet = list(roster_reader.read_sheets(builder(rows, fx.HEADERS, **options), "a.xls"))[-1]
            self.assertIsInstance(sheet.rows[5][1], float, builder.__name__)

    def test_spreadsheetml_indexes_merges_and_types(self):
        xml = (
            '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
            'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="a"><Table>'
            '<Row><Cell ss:MergeAcross="3"><Data ss:Type="String">标题</Data></Cell></Row>'
            '<Row ss:Index="3"><Cell ss:MergeDown="1"><Data ss:Type="String">姓名</Data></Cell>'
            '<Cell ss:MergeAcross="1"><Data ss:Type="String">证件</Data></Cell></Row>'
            '<Row><Cell ss:Index="2"><Data ss:Type="String">身份证号</Data></Cell>'
            '<Cell><Data ss:Type="String">类型</Data></Cell></Row>'
            '<Row><Cell><Data ss:Type="String">张三</Data></Cell>'
            '<Cell><Data ss:Type="Number">4.20115198503154E+17</Data></Cell>'
            '<Cell ss:Index="4"><Data ss:Type="DateTime">1985-03-15T00:00:00.000</Data></Cell>'
            '<Cell><Data ss:Type="Boolean">1</Data></Cell>'
            '<Cell><Data ss:Type="String"><B xmlns="http://www.w3.org/TR/REC-html40">粗</B>体</Data></Cell>'
            "</Row></Table></Worksheet></Workbook>"
        ).encode()
        sheet = roster_reader.read_sheet(xml, "a.xml")
        self.assertEqual(sheet.kind, "spreadsheetml")
        self.assertEqual(
            sheet.rows,
            [
                ["标题"],
                (),
                ["姓名", "证件"],
                [None, "身份证号", "类型"],  # 姓名 is merged down: the row below starts at B
                ["张三", 4.20115198503154e17, None, datetime.datetime(1985, 3, 15), True, "粗体"],
            ],
        )
        self.assertEqual(roster_reader.id_number_text(sheet.rows[4][1]), ("420115198503154000", True))

    def test_html_spans_and_cell_formats(self):
        html = (
            "<html><head><meta charset='gbk'><script>document.write('<table><tr><td>脚本</td></tr>"
            "</table>')</script></head><body><table>"
            "<tr><td colspan='3'>标题</td></tr>"
            "<tr><th rowspan='2'>姓名</th><th colspan='2'>证件</th></tr>"
            "<tr><th>身份证号</th><th>手机</th></tr>"
            "<tr><td>张<b>三</b></td><td style=\"mso-number-format:'\\@'\" x:num>420115198503154218</td>"
            "<td x:num='13800138000'>13800138000</td></tr>"
            "<tr><td>李四</td><td x:num='4.20115198503154E+17'>4.20115E+17</td><td>1,234</td></tr>"
            "</table></body></html>"
        ).encode("gbk")
        sheet = roster_reader.read_sheet(html, "a.xls")
        self.assertEqual(sheet.kind, "html")
        self.assertEqual(
            sheet.rows,
            [
                ["标题"],
                ["姓名", "证件"],
                [None, "身份证号", "手机"],  # under the rowspan, columns shift right
                ["张三", "420115198503154218", 13800138000.0],
                ["李四", 4.20115198503154e17, "1,234"],
            ],
        )

    def test_not_a_spreadsheet_names_what_it_is(self):
        def zipped(*names):
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as archive:
                for name in names:
                    archive.writestr(name, "<x/>")
            return buffer.getvalue()

        ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
        files = {
            "word": [
                zipped("[Content_Types].xml", "word/document.xml"),
                ole + "WordDocument".encode("utf-16-le"),
                b"{\\rtf1\\ansi hello}",
            ],
            "powerpoint": [zipped("[Content_Types].xml", "ppt/presentation.xml")],
            "pdf": [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"],
            "image": [b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", b"\xff\xd8\xff\xe0\0\x10JFIF"],
            "zip": [zipped("readme.txt"), b"Rar!\x1a\x07\x00"],
            "xml": [b'<?xml version="1.0"?><root><a>1</a></root>'],
            "html": [b"<html><body><p>no table</p></body></html>"],
        }
        for kind, contents in files.items():
            for data in contents:
                with self.assertRaises(readers.RosterReadError, msg=kind) as caught:
                    roster_reader.read_sheet(data, "花名册.xls")
                self.assertEqual(
                    (caught.exception.code, caught.exception.params), ("not_spreadsheet", {"kind": kind})
                )
        # The officer reads what the file is and what to do, in Chinese.
        self.env["ir.module.module"]._load_module_terms(["org_roster"], ["zh_CN"], overwrite=True)
        for data, pattern in (
            (files["word"][0], r"花名册\.xls.*Word 文档.*不是表格"),
            (files["pdf"][0], r"PDF.*不是表格"),
            (files["zip"][0], r"压缩包.*不是表格.*解压"),
            (files["image"][0], r"图片.*不是表格"),
        ):
            wizard = self._wizard(data, "花名册.xls").with_context(lang="zh_CN")
            with self.assertRaisesMessage(UserError, pattern):
                wizard.action_dry_run()


@tagged("post_install", "-at_install")
class TestRosterFormatImport(RosterImportCase):
    """Each format imports the same members as the .xlsx, and refuses the same rows."""

    def _snapshot(self, numbers):
        records = self.Employee.search([("identification_id", "in", numbers)], order="identification_id")
        return [
            (
                record.name,
                record.identification_id,
                record.birthday,
                record.gender,
                record.department_id.name,
                record.job_title,
                record.mobile_phone,
                record.work_email,
            )
            for record in records
        ]

    def test_each_format_imports_the_same_members_as_xlsx(self):
        rows = [cells for _row, errors, cells in fx.messy_rows() if not errors and any(cells)]
        numbers = [fx.VALID_A, fx.VALID_X, fx.LEGACY_18, fx.ID_SERIAL, fx.ID_FULL_WIDTH, fx.ID_OTHER]
        wizard = self._wizard(fx.build_xlsx(rows, fx.HEADERS, fx.TITLE, fx.GROUPS), "a.xlsx")
        wizard.action_import()
        self.assertEqual((wizard.state, wizard.created_count), ("done", 6))
        expected = self._snapshot(numbers)
        self.assertEqual(len(expected), 6)
        self.assertIn(
            ("张三", fx.VALID_A, datetime.date(1985, 3, 1), "male", fx.DEPT_A, "主任", "13800138000", None),
            [row[:7] + (None,) for row in expected],
        )
        self.Employee.search([("identification_id", "in", numbers)]).unlink()
        for builder, options, _kind in FORMATS:
            data = builder(rows, fx.HEADERS, fx.TITLE, fx.GROUPS, **options)
            wizard = self._wizard(data, "党员名单.xls")
            wizard.action_import()
            self.assertEqual(wizard.error_line_ids.mapped("message"), [], builder.__name__)
            self.assertEqual((wizard.state, wizard.created_count), ("done", 6), builder.__name__)
            self.assertEqual(self._snapshot(numbers), expected, f"{builder.__name__} {options}")
            self.Employee.search([("identification_id", "in", numbers)]).unlink()

    def test_each_format_refuses_the_same_rows(self):
        expected = [(row, errors) for row, errors, _cells in fx.messy_rows() if errors]
        for builder, options, _kind in FORMATS:
            count = self.Employee.search_count([])
            wizard = self._messy(builder, "花名册.xls", **options)
            wizard.action_import()
            self.assertErrors(wizard, expected)
            self.assertEqual(wizard.state, "checked")
            # The ID number stored as a number, refused with its row, in every format.
            self.assertRegex(wizard.error_line_ids[0].message, r"^Row 8: 身份证号 .*lost its last digits")
            self.assertEqual(self.Employee.search_count([]), count, builder.__name__)
