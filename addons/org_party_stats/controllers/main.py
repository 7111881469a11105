import io

import xlsxwriter

from odoo import http
from odoo.http import content_disposition, request

from ..models.layout import column_count, header_rows


class PartyStatsController(http.Controller):
    @http.route("/org_party_stats/xlsx", type="http", auth="user", methods=["GET"])
    def party_stats_xlsx(self, year=None, organization_id=None, **_kwargs):
        """党内统计年报 as an Excel file, one sheet per table in the layout of the official
        forms: title, 填报单位, 截止日期, merged header cells, the totals row. Computed as the
        user: another secretary's organization is refused (AccessError → 403)."""
        Stats = request.env["org.party.stats"]
        year = Stats._org_year(year)
        scope = Stats._org_scope(int(organization_id) if organization_id else False)
        unit = Stats._org_unit_name(scope)
        tables = Stats._org_tables(year, scope)
        content = self._workbook(tables, year, unit)
        filename = f"{year}年党内统计年报.xlsx"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )

    @staticmethod
    def _workbook(tables, year, unit):
        stream = io.BytesIO()
        workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
        base = {"font_name": "宋体", "font_size": 10, "valign": "vcenter"}
        title = workbook.add_format({**base, "bold": True, "font_size": 16, "align": "center"})
        plain = workbook.add_format(base)
        right = workbook.add_format({**base, "align": "right"})
        head = workbook.add_format({**base, "bold": True, "border": 1, "align": "center", "text_wrap": True})
        cell = workbook.add_format({**base, "border": 1, "align": "center"})
        for number, table in enumerate(tables, start=1):
            sheet = workbook.add_worksheet(f"表{number} {table['title']}"[:31])
            width = column_count(table) + 1
            sheet.set_column(0, 0, 22)
            sheet.set_column(1, width - 1, 9)
            sheet.merge_range(0, 0, 0, width - 1, f"{year}年{table['title']}", title)
            sheet.write(1, 0, f"填报单位：{unit}", plain)
            sheet.merge_range(
                1, width - 4 if width > 4 else 1, 1, width - 1, f"截止日期：{year}年12月31日", right
            )
            top = header_rows(table)[0]
            sheet.merge_range(2, 0, 3, 0, "单位", head)
            column = 1
            below = 1
            for label, colspan, rowspan in top:
                if colspan == 1 and rowspan == 1:
                    sheet.write(2, column, label, head)
                elif colspan == 1:
                    sheet.merge_range(2, column, 3, column, label, head)
                else:
                    sheet.merge_range(2, column, 2, column + colspan - 1, label, head)
                column += colspan
            for group in table["groups"]:
                columns = group["columns"]
                if len(columns) == 1 and columns[0]["label"] == group["label"]:
                    below += 1
                    continue
                for entry in columns:
                    sheet.write(3, below, entry["label"], head)
                    below += 1
            sheet.set_row(3, 42)
            sheet.write(4, 0, "合计", cell)
            values = [entry["value"] for group in table["groups"] for entry in group["columns"]]
            for index, value in enumerate(values, start=1):
                sheet.write_number(4, index, value, cell)
            sheet.freeze_panes(4, 1)
        workbook.close()
        return stream.getvalue()
