"""B1 rows and spreadsheets: the same party members as a roster file (Chinese headers and
values, as a branch would fill it) and as a file for Odoo's standard import (field names and
technical values)."""

import io
import random
from datetime import date, timedelta
from xml.sax.saxutils import escape

import openpyxl
import xlwt
from dateutil.relativedelta import relativedelta
from zone import person_name, resident_id

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STOCK_FIELDS = (
    "name",
    "id_number",
    "gender",
    "organization_id",
    "status",
    "date_join",
    "date_formal",
    "party_post",
    "work_unit",
    "mobile_phone",
    "is_mobile",
    "is_lost_contact",
)
ROSTER_LABELS = {
    "姓名": "name",
    "身份证号": "id_number",
    "性别": "gender",
    "所在党组织": "organization_id",
    "党员状态": "status",
    "入党时间": "date_join",
    "转正时间": "date_formal",
    "党内职务": "party_post",
    "工作单位": "work_unit",
    "手机号码": "mobile_phone",
    "流动党员": "is_mobile",
    "失联党员": "is_lost_contact",
}
FIRST_INDEX = 300_000  # ID numbers after the generated members


def member_rows(count, organization_names, seed):
    rng = random.Random(f"{seed}:import")
    today = date.today()
    rows = []
    for index in range(FIRST_INDEX, FIRST_INDEX + count):
        number, birthday = resident_id(index)
        formal = rng.random() < 0.9
        # Joined at 18 or older (党章 art. 1).
        adult = birthday + relativedelta(years=18)
        joined = min(adult + timedelta(days=rng.randint(0, 12 * 365)), today)
        # 转正 the day the year of probation ends (党章 art. 7), never before it.
        probation_end = joined + relativedelta(years=1)
        formal = formal and probation_end <= today
        rows.append(
            {
                "name": person_name(rng),
                "id_number": number,
                "gender": "male" if int(number[16]) % 2 else "female",
                "organization_id": organization_names[index % len(organization_names)],
                "status": "formal" if formal else "probationary",
                "date_join": joined,
                "date_formal": probation_end if formal else None,
                "party_post": "组织委员" if index % 40 == 0 else None,
                "work_unit": f"导入单位{index % 300}",
                "mobile_phone": f"139{rng.randint(10000000, 99999999)}",
                "is_mobile": rng.random() < 0.03,
                "is_lost_contact": False,
            }
        )
    return rows


def roster_cells(rows, headers=tuple(ROSTER_LABELS)):
    chinese = {"male": "男", "female": "女", "formal": "正式党员", "probationary": "预备党员"}
    cells = []
    for row in rows:
        line = []
        for header in headers:
            value = row.get(ROSTER_LABELS.get(header))
            if isinstance(value, bool):
                value = "是" if value else "否"
            elif isinstance(value, str):
                value = chinese.get(value, value)
            line.append(value)
        cells.append(line)
    return cells


def stock_cells(rows):
    cells = []
    for row in rows:
        line = []
        for field in STOCK_FIELDS:
            value = row[field]
            if isinstance(value, bool):
                value = "True" if value else "False"
            elif isinstance(value, date):
                value = value.isoformat()
            line.append(value)
        cells.append(line)
    return cells


def xlsx(headers, cells):
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(list(headers))
    for line in cells:
        sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xls(headers, cells):
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("党员")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for column, header in enumerate(headers):
        sheet.write(0, column, header)
    for row_index, line in enumerate(cells, start=1):
        for column, value in enumerate(line):
            if value is None:
                continue
            if isinstance(value, date):
                sheet.write(row_index, column, value, date_style)
            else:
                sheet.write(row_index, column, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def spreadsheetml(headers, cells):
    """The rows as an Excel 2003 XML spreadsheet, as WPS and Java systems export it (named
    .xls): a string cell per text, ss:Type="DateTime" dates, empty cells left out (ss:Index)."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="党员"><Table><Row>'
    ]
    parts.extend(f'<Cell><Data ss:Type="String">{escape(header)}</Data></Cell>' for header in headers)
    parts.append("</Row>")
    for line in cells:
        parts.append("<Row>")
        gap = False
        for column, value in enumerate(line, start=1):
            if value is None:
                gap = True
                continue
            index = f' ss:Index="{column}"' if gap else ""
            gap = False
            if isinstance(value, date):
                parts.append(
                    f'<Cell{index}><Data ss:Type="DateTime">{value.isoformat()}T00:00:00.000</Data></Cell>'
                )
            else:
                parts.append(f'<Cell{index}><Data ss:Type="String">{escape(str(value))}</Data></Cell>')
        parts.append("</Row>")
    parts.append("</Table></Worksheet></Workbook>")
    return "".join(parts).encode()


def html(headers, cells):
    """The rows as a web page table saved as .xls (Excel's and WPS's HTML export): text cells
    formatted as text (mso-number-format), dates as shown."""
    text = "<td style=\"mso-number-format:'\\@'\">{}</td>"
    parts = [
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><table><tr>'
    ]
    parts.extend(f"<th>{escape(header)}</th>" for header in headers)
    parts.append("</tr>")
    for line in cells:
        parts.append("<tr>")
        for value in line:
            if value is None:
                parts.append("<td></td>")
            elif isinstance(value, date):
                parts.append(f"<td>{value.isoformat()}</td>")
            else:
                parts.append(text.format(escape(str(value))))
        parts.append("</tr>")
    parts.append("</table></body></html>")
    return "".join(parts).encode()
