"""Roster spreadsheets generated in memory, as officers really send them: a title row and a
merged group header above the header row, full-width characters, padded names, dates in
every shape, ID numbers stored as spreadsheet numbers, and a few plain mistakes."""

import csv
import datetime
import io
import random
from xml.sax.saxutils import escape

import openpyxl
import xlwt

from odoo.addons.org_base.tests.fixtures import resident_id, resident_id_x, wrong_check
from odoo.addons.org_base.tools.resident_id import check_char

# Departments the tests create; names that no demo data uses, so that none is ambiguous.
DEPT_A = "花名册测试办公室"
DEPT_B = "花名册测试组织科"

# The header row the officers' template uses: synonyms, a full-width space, a note in
# brackets and a required marker; the columns are not in the roster's order either.
HEADERS = ["姓　名", "公民身份号码（18位）", "性别", "出生年月", "所在部门", "现任职务", "手机", "电子邮箱＊"]
TITLE = "武汉经开区某单位员工花名册（2023年）"
GROUPS = [("基本信息", 0, 5), ("联系方式", 6, 7)]  # merged over columns first..last (0-based)
FIRST_DATA_ROW = 4  # the Excel row number of the first person, below title, groups, header


# Areas of 武汉 other than the demo data's, so that a database with demo data changes nothing.
# Born on the first of a month: a roster that gives the year and month (1985.03) agrees.
VALID_A = resident_id("420115", "19850301", 421)  # male
VALID_X = resident_id_x("420115", "19920701")  # female, check character X
LEGACY = "420115860412531"  # 15 digits, as numbers were before 1999: born 1986-04-12
LEGACY_18 = resident_id("420115", "19860412", 531)
ID_SERIAL = resident_id("420103", "19900105", 133)  # male
ID_FLOAT = resident_id("420104", "19880808", 245)
ID_DUPLICATE = resident_id("420105", "19870101", 362)
ID_UNKNOWN_DEPT = resident_id("420106", "19860606", 471)
ID_NO_NAME = resident_id("420107", "19850505", 582)
ID_FULL_WIDTH = resident_id("420111", "19930815", 624)  # female
ID_BAD_DATE_CELL = resident_id("420112", "19890909", 713)
ID_OTHER = resident_id("420113", "19910203", 835)
# 1985-02-30 does not exist; the check character is right, so only the date is wrong.
ID_IMPOSSIBLE_DATE = "42011519850230421" + check_char("42011519850230421")
ID_BAD_CHECK = wrong_check(resident_id("420114", "19840404", 917))
FULL_WIDTH_DIGITS = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


class Date(datetime.date):
    """A real date cell (a date typed into Excel)."""


class Number(float):
    """A number cell (what Excel stores when an ID number is typed without a leading ')."""


def excel_number(number_text):
    """The number Excel keeps of a long digit string: 15 significant digits."""
    return Number(float(f"{int(number_text):.14e}"))


def messy_rows():
    """``[(excel row, errors expected as substrings or None, cells)]``, one per person."""
    rows = [
        # Valid rows, each in another shape.
        (
            None,
            [
                "张　三",
                VALID_A,
                "男",
                "1985.03",
                DEPT_A,
                "主任",
                Number(13800138000),
                "ｚｈａｎｇｓａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ",
            ],
        ),
        (
            None,
            [
                " 李 四 ",
                VALID_X.lower(),
                "女",
                "1992年7月",
                DEPT_B,
                "科员",
                "139 0013 9000",
                "lisi@example.com",
            ],
        ),
        (None, ["王五", LEGACY, "男", Date(1986, 4, 12), DEPT_A, None, None, None]),
        (None, ["赵六", ID_SERIAL, None, Number(32878), DEPT_B, "干事", None, None]),
        # An ID number stored as a number lost its last digits.
        (
            ["lost its last digits"],
            ["钱七", excel_number(ID_FLOAT), "男", "1988-08-08", DEPT_A, None, None, None],
        ),
        (["check character should be"], ["孙八", ID_BAD_CHECK, "男", None, DEPT_A, None, None, None]),
        (
            ["19850230 is not a possible birth date"],
            ["周九", ID_IMPOSSIBLE_DATE, None, None, None, None, None, None],
        ),
        # The same person twice: both rows are named.
        (["also appears in row 12"], ["吴十", ID_DUPLICATE, None, None, DEPT_B, None, None, None]),
        (["also appears in row 11"], ["郑十一", ID_DUPLICATE, None, None, DEPT_B, None, None, None]),
        (
            ["不存在的部门", "no record has this name"],
            ["冯十二", ID_UNKNOWN_DEPT, None, None, "不存在的部门", None, None, None],
        ),
        (["姓名 is required"], [None, ID_NO_NAME, "男", None, DEPT_A, None, None, None]),
        (
            None,
            [
                "陈十三",
                ID_FULL_WIDTH.translate(FULL_WIDTH_DIGITS),
                "女",
                "19930815",
                DEPT_B,
                "副主任",
                None,
                None,
            ],
        ),
        (
            ["1990-13-45", "not a date"],
            ["褚十四", ID_BAD_DATE_CELL, None, "1990-13-45", None, None, None, None],
        ),
        (None, [None] * 8),  # an empty row between people is skipped
        (None, ["卫十五", ID_OTHER, "男", "1991/2/3", None, None, None, None]),
    ]
    return [(FIRST_DATA_ROW + index, errors, cells) for index, (errors, cells) in enumerate(rows)]


def employee_rows(count, start=0, departments=(DEPT_A, DEPT_B)):
    """``count`` valid people in the roster's own column order (see CLEAN_HEADERS)."""
    base = datetime.date(1970, 1, 1)
    rows = []
    for index in range(start, start + count):
        birth = base + datetime.timedelta(days=index % 10000)
        number = resident_id("420116", birth.strftime("%Y%m%d"), 100 + index // 10000)
        rows.append(
            [
                f"员工{index:05d}",
                number,
                "男" if int(number[16]) % 2 else "女",
                birth.strftime("%Y.%m.%d"),
                departments[index % len(departments)],
                "科员",
                f"139{index:08d}",
                f"e{index:05d}@example.com",
            ]
        )
    return rows


CLEAN_HEADERS = ("姓名", "身份证号", "性别", "出生日期", "部门", "职务", "手机号码", "工作邮箱")


def _plain(value):
    """A cell as text, as a CSV file written by Excel or WPS holds it."""
    if value is None:
        return ""
    if isinstance(value, Number):
        if value >= 1e12:
            return f"{value:.5E}"  # Excel's General format: 4.20104E+17
        return str(int(value)) if value.is_integer() else repr(float(value))
    if isinstance(value, datetime.date):
        return f"{value.year}/{value.month}/{value.day}"
    return str(value)


def build_xlsx(rows, headers=CLEAN_HEADERS, title=None, groups=None):
    """An .xlsx with an optional merged title row and merged group header row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "花名册"
    width = len(headers)
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
    if groups:
        line = [None] * width
        for label, first, _last in groups:
            line[first] = label
        sheet.append(line)
        for _label, first, last in groups:
            sheet.merge_cells(
                start_row=sheet.max_row, start_column=first + 1, end_row=sheet.max_row, end_column=last + 1
            )
    sheet.append(list(headers))
    for cells in rows:
        sheet.append([_xlsx_value(value) for value in cells])
        for column, value in enumerate(cells, start=1):
            if isinstance(value, Date):
                sheet.cell(row=sheet.max_row, column=column).number_format = "yyyy-mm-dd"
    content = io.BytesIO()
    book.save(content)
    return content.getvalue()


def _xlsx_value(value):
    if isinstance(value, Number):
        return float(value)
    if isinstance(value, Date):
        return datetime.datetime(value.year, value.month, value.day)
    return value


def build_xls(rows, headers=CLEAN_HEADERS, title=None, groups=None):
    """The same as an Excel 97-2003 .xls (xlwt), with real date cells and number cells."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("花名册")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    line = 0
    if title:
        sheet.write_merge(line, line, 0, len(headers) - 1, title)
        line += 1
    if groups:
        for label, first, last in groups:
            sheet.write_merge(line, line, first, last, label)
        line += 1
    for column, header in enumerate(headers):
        sheet.write(line, column, header)
    for cells in rows:
        line += 1
        for column, value in enumerate(cells):
            if value is None:
                continue
            if isinstance(value, Date):
                sheet.write(line, column, datetime.date(value.year, value.month, value.day), date_style)
            elif isinstance(value, Number):
                sheet.write(line, column, float(value))
            else:
                sheet.write(line, column, value)
    content = io.BytesIO()
    book.save(content)
    return content.getvalue()


def build_csv(rows, headers=CLEAN_HEADERS, title=None, groups=None, encoding="utf-8-sig"):
    """A .csv as Excel saves it: every cell text, numbers as shown (4.20102E+17)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    width = len(headers)
    if title:
        writer.writerow([title] + [""] * (width - 1))
    if groups:
        line = [""] * width
        for label, first, _last in groups:
            line[first] = label
        writer.writerow(line)
    writer.writerow(headers)
    for cells in rows:
        writer.writerow([_plain(value) for value in cells])
    return text.getvalue().encode(encoding)


def broken_file(size=4096, seed=7):
    """Random bytes: what a damaged upload looks like."""
    return random.Random(seed).randbytes(size)


def _number_text(value):
    """A number as Excel writes it in XML: every digit it keeps (15 significant)."""
    number = float(value)
    return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number).upper()


def build_spreadsheetml(rows, headers=CLEAN_HEADERS, title=None, groups=None):
    """The same as an Excel 2003 XML spreadsheet, as WPS and Java systems write it: a title
    merged across (ss:MergeAcross), empty cells and rows left out (ss:Index), numbers as
    ss:Type="Number" and dates as ss:Type="DateTime"."""
    width = len(headers)
    lines = []
    index = 0

    def row(cells, at=None):
        nonlocal index
        attribute = f' ss:Index="{at}"' if at is not None and at != index + 1 else ""
        index = at or index + 1
        lines.append(f"<Row{attribute}>{''.join(cells)}</Row>")

    if title:
        row([f'<Cell ss:MergeAcross="{width - 1}"><Data ss:Type="String">{escape(title)}</Data></Cell>'])
    if groups:
        row(
            [
                f'<Cell ss:Index="{first + 1}" ss:MergeAcross="{last - first}">'
                f'<Data ss:Type="String">{escape(label)}</Data></Cell>'
                for label, first, last in groups
            ]
        )
    row([f'<Cell><Data ss:Type="String">{escape(header)}</Data></Cell>' for header in headers])
    skipped = 0
    for cells in rows:
        if not any(value is not None for value in cells):
            skipped += 1  # an empty row is left out: the next row carries ss:Index
            continue
        xml_cells = []
        gap = False
        for column, value in enumerate(cells, start=1):
            if value is None:
                gap = True
                continue
            at = f' ss:Index="{column}"' if gap else ""
            gap = False
            if isinstance(value, Date):
                data = f'<Data ss:Type="DateTime">{value.isoformat()}T00:00:00.000</Data>'
                xml_cells.append(f'<Cell{at} ss:StyleID="date">{data}</Cell>')
            elif isinstance(value, Number):
                xml_cells.append(f'<Cell{at}><Data ss:Type="Number">{_number_text(value)}</Data></Cell>')
            else:
                xml_cells.append(f'<Cell{at}><Data ss:Type="String">{escape(str(value))}</Data></Cell>')
        row(xml_cells, at=index + 1 + skipped)
        skipped = 0
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">'
        '<Styles><Style ss:ID="date"><NumberFormat ss:Format="yyyy\\-mm\\-dd"/></Style></Styles>'
        f'<Worksheet ss:Name="花名册"><Table>{"".join(lines)}</Table></Worksheet>'
        '<Worksheet ss:Name="说明"><Table><Row><Cell><Data ss:Type="String">第二张表</Data></Cell></Row>'
        "</Table></Worksheet></Workbook>"
    ).encode()


def build_html(rows, headers=CLEAN_HEADERS, title=None, groups=None, encoding="utf-8"):
    """The same as an HTML table saved as .xls (Excel's and WPS's "web page" export): a
    layout table first, a title over every column (colspan), ID numbers formatted as text
    (mso-number-format:"\\@"), numbers as x:num cells showing what Excel shows."""
    width = len(headers)
    lines = []
    if title:
        lines.append(f'<tr><td colspan="{width}" style="font-size:18pt">{escape(title)}</td></tr>')
    if groups:
        lines.append(
            "<tr>"
            + "".join(
                f'<td colspan="{last - first + 1}">{escape(label)}</td>' for label, first, last in groups
            )
            + "</tr>"
        )
    lines.append("<tr>" + "".join(f"<th>{escape(header)}</th>" for header in headers) + "</tr>")
    for cells in rows:
        html_cells = []
        for value in cells:
            if value is None:
                html_cells.append("<td></td>")
            elif isinstance(value, Number):
                shown = f"{value:.5E}" if value >= 1e12 else _number_text(value)
                html_cells.append(f'<td x:num="{_number_text(value)}">{shown}</td>')
            elif isinstance(value, Date):
                serial = (value - datetime.date(1899, 12, 30)).days
                shown = f"{value.year}/{value.month}/{value.day}"
                html_cells.append(
                    f'<td style="mso-number-format:\'yyyy\\/m\\/d\'" x:num="{serial}">{shown}</td>'
                )
            else:
                html_cells.append(f"<td style=\"mso-number-format:'\\@'\">{escape(str(value))}</td>")
        lines.append("<tr>" + "".join(html_cells) + "</tr>")
    charset = "gb2312" if encoding == "gbk" else encoding
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">'
        f'<head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        "<script>alert(1)</script><style>td {mso-number-format:General}</style></head><body>"
        "<table><tr><td>导出系统</td><td>某党员管理系统</td></tr></table>"
        f'<table border="1">{"".join(lines)}</table></body></html>'
    ).encode(encoding)


def build_tsv(rows, headers=CLEAN_HEADERS, title=None, groups=None, encoding="gbk"):
    """Tab-separated text in GBK, which some systems save under the name .xls."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter="\t", lineterminator="\r\n")
    if title:
        writer.writerow([title])
    if groups:
        line = [""] * len(headers)
        for label, first, _last in groups:
            line[first] = label
        writer.writerow(line)
    writer.writerow(headers)
    for cells in rows:
        writer.writerow([_plain(value) for value in cells])
    return text.getvalue().encode(encoding)
