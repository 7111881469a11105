from odoo.addons.web.controllers.export import ExcelExport, ExportXlsxWriter, GroupExportXlsxWriter


class TextXlsxWriter(ExportXlsxWriter):
    """Text stays text: a value that starts with ``=`` is written as a string, never as a
    formula that Excel or WPS would run (xlsxwriter's ``strings_to_formulas`` option, off).
    Values starting with ``+``, ``-`` or ``@`` are strings in any case."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The workbook option is copied to each worksheet when it is added: set both.
        self.workbook.strings_to_formulas = False
        self.worksheet.strings_to_formulas = False


class TextGroupXlsxWriter(TextXlsxWriter, GroupExportXlsxWriter):
    """The grouped export, with text kept as text."""


class OrgExcelExport(ExcelExport):
    """/web/export/xlsx writes text cells as text (formula injection)."""

    def from_group_data(self, fields, columns_headers, groups):
        with TextGroupXlsxWriter(fields, columns_headers, groups.count) as xlsx_writer:
            x, y = 1, 0
            for group_name, group in groups.children.items():
                x, y = xlsx_writer.write_group(x, y, group_name, group)
        return xlsx_writer.value

    def from_data(self, fields, columns_headers, rows):
        with TextXlsxWriter(fields, columns_headers, len(rows)) as xlsx_writer:
            for row_index, row in enumerate(rows):
                for cell_index, cell_value in enumerate(row):
                    xlsx_writer.write_cell(row_index + 1, cell_index, cell_value)
        return xlsx_writer.value
