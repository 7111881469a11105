"""Build the dashboards' spreadsheet files (data/files/*_dashboard.json), as Odoo ships its own
(spreadsheet_dashboard_sale, _hr_expense ...): ODOO pivots read through PIVOT.VALUE /
PIVOT.HEADER formulas, odoo_bar / odoo_pie charts, scorecards on a hidden data sheet.

Pure Python, no Odoo import: ``python3 addons/org_dashboard/tools/generate_dashboards.py`` writes
the files; the test ``TestDashboardFiles`` checks that the committed files are what it builds.
Texts are English (``_t("...")`` in formulas, chart titles): Odoo extracts them from files named
``*_dashboard.json`` into the addon's .pot and the browser shows them in the user's language.
"""

import json
import os

ROW = 23  # default row height (px)
TITLE_ROW = 40
LINE_ROW = 26
COLUMNS = (260, 100, 100, 100, 40, 260, 100, 100, 100)  # A..I
TITLE_STYLE = {"textColor": "#01666b", "bold": True, "fontSize": 16, "verticalAlign": "middle"}
HEADER_STYLE = {"textColor": "#434343", "bold": True, "fontSize": 11, "align": "center"}
LABEL_STYLE = {"textColor": "#434343", "verticalAlign": "middle"}
VALUE_STYLE = {"textColor": "#434343", "verticalAlign": "middle", "align": "center"}
LIGHT_STYLES = {
    "red": {"textColor": "#FFFFFF", "fillColor": "#D9534F", "bold": True, "align": "center"},
    "yellow": {"textColor": "#434343", "fillColor": "#F0AD4E", "bold": True, "align": "center"},
    "green": {"textColor": "#FFFFFF", "fillColor": "#5CB85C", "bold": True, "align": "center"},
}
PERCENT = "0.0%"
LIGHTS = (("red", "Red Light"), ("yellow", "Yellow Light"), ("green", "Green Light"))
TOP = 10  # rows of a table
YEAR = "YEAR(TODAY())"


def col_name(index):
    return "ABCDEFGHIJ"[index]


def quote(text):
    return f'"{text}"'


class Dashboard:
    """One dashboard: a visible sheet of tables and figures, a hidden sheet of key figures."""

    def __init__(self, name):
        self.name = name
        self.cells = {}
        self.styles = {}
        self.formats = {}
        self.rows = {}
        self.figures = []
        self.data_cells = {}
        self.pivots = {}
        self.filters = []
        self.row = 0  # next free row of the main sheet
        self.kpi_row = 0
        self._style_ids = {}
        self._format_ids = {}
        self._figure = 0
        self.data_formats = {}

    # helpers -----------------------------------------------------------------------------
    def style(self, cell, style):
        key = json.dumps(style, sort_keys=True)
        self._style_ids.setdefault(key, str(len(self._style_ids) + 1))
        self.styles[cell] = self._style_ids[key]

    def number_format(self, cell, fmt):
        self._format_ids.setdefault(fmt, str(len(self._format_ids) + 1))
        self.formats[cell] = self._format_ids[fmt]

    def y_of(self, row):
        return sum(self.rows.get(index, ROW) for index in range(row))

    def x_of(self, col):
        return sum(COLUMNS[:col])

    def figure_id(self):
        self._figure += 1
        return f"{self.name}-{self._figure:04d}"

    def pivot(self, model, domain, rows, columns, measures, name, field_matching=None):
        pivot_id = str(len(self.pivots) + 1)
        self.pivots[pivot_id] = {
            "type": "ODOO",
            "id": pivot_id,
            "formulaId": pivot_id,
            "name": name,
            "model": model,
            "domain": domain,
            "context": {},
            "rows": [{"fieldName": field} for field in rows],
            "columns": [{"fieldName": field} for field in columns],
            "measures": [{"id": measure, "fieldName": measure} for measure in measures],
            "sortedColumn": None,
            "fieldMatching": field_matching or {},
        }
        return pivot_id

    # building blocks ---------------------------------------------------------------------
    def kpi(self, label, formula, fmt=None, background="#EFF6FF"):
        """A scorecard at the top whose value is ``formula`` (computed on the data sheet)."""
        row = self.kpi_row
        self.kpi_row += 1
        self.data_cells[f"A{row + 1}"] = f"=_t({quote(label)})"
        self.data_cells[f"B{row + 1}"] = formula
        if fmt:
            self.data_formats[f"B{row + 1}"] = fmt
        width, per_row = 218, 5
        self.figures.append(
            {
                "id": self.figure_id(),
                "x": 10 + row % per_row * (width + 10),
                "y": 12 + row // per_row * 116,
                "width": width,
                "height": 106,
                "tag": "chart",
                "data": {
                    "type": "scorecard",
                    "title": {"text": label, "bold": True, "color": "#434343"},
                    "background": background,
                    "keyValue": f"Data!B{row + 1}",
                    "baselineColorDown": "#DC6965",
                    "baselineColorUp": "#00A04A",
                    "baselineMode": "difference",
                    "humanize": False,
                },
            }
        )

    def title(self, col, text, row=None):
        row = self.row if row is None else row
        self.rows[row] = TITLE_ROW
        cell = f"{col_name(col)}{row + 1}"
        self.cells[cell] = f"=_t({quote(text)})"
        self.style(cell, TITLE_STYLE)

    def header(self, col, row, text, style=HEADER_STYLE):
        cell = f"{col_name(col)}{row + 1}"
        self.cells[cell] = f"=_t({quote(text)})"
        self.style(cell, style)

    def chart(self, kind, col, row, width, height, model, domain, group_by, measure, title="", x=None):
        data = {
            "type": kind,
            "title": {"text": title},
            "background": "#FFFFFF",
            "legendPosition": "top"
            if kind == "odoo_bar" and len(group_by) > 1 or kind == "odoo_pie"
            else "none",
            "metaData": {
                "groupBy": group_by,
                "measure": measure,
                "order": None,
                "resModel": model,
                "mode": "pie" if kind == "odoo_pie" else "bar",
            },
            "searchParams": {
                "comparison": None,
                "context": {},
                "domain": domain,
                "groupBy": group_by,
                "orderBy": [],
            },
            "fieldMatching": {},
        }
        if kind == "odoo_bar":
            data.update({"verticalAxisPosition": "left", "stacked": True})
        if kind == "odoo_pie":
            data["isDoughnut"] = False
        self.figures.append(
            {
                "id": self.figure_id(),
                "x": self.x_of(col) if x is None else x,
                "y": self.y_of(row),
                "width": width,
                "height": height,
                "tag": "chart",
                "data": data,
            }
        )

    def table(self, col, row, pivot_id, row_field, header, columns):
        """``header`` over the first column, then one column per ``(title, measure, value
        args, style, format)``: the pivot's first TOP row groups, as Odoo's dashboards list
        their top 10."""
        self.header(col, row, header, {**HEADER_STYLE, "align": "left"})
        for offset, (text, _measure, _args, style, _fmt) in enumerate(columns, start=1):
            self.header(col + offset, row, text, style or HEADER_STYLE)
        for index in range(1, TOP + 1):
            line = row + index
            self.rows[line] = LINE_ROW
            label = f"{col_name(col)}{line + 1}"
            self.cells[label] = f"=PIVOT.HEADER({pivot_id},{quote('#' + row_field)},{index})"
            self.style(label, LABEL_STYLE)
            for offset, (_text, measure, args, _style, fmt) in enumerate(columns, start=1):
                cell = f"{col_name(col + offset)}{line + 1}"
                extra = "".join(f",{arg}" for arg in args)
                row_group = quote("#" + row_field)
                value = f"PIVOT.VALUE({pivot_id},{quote(measure)},{row_group},{index}{extra})"
                # Blank beyond the last group, as the header.
                self.cells[cell] = f'=IF({label}="","",{value})'
                self.style(cell, VALUE_STYLE)
                if fmt:
                    self.number_format(cell, fmt)

    def skip(self, rows):
        self.row += rows

    # output ------------------------------------------------------------------------------
    def build(self):
        main_id, data_id = f"{self.name}-main", f"{self.name}-data"
        formats = dict(self._format_ids)
        for fmt in self.data_formats.values():
            formats.setdefault(fmt, str(len(formats) + 1))
        return {
            "version": 21,
            "sheets": [
                {
                    "id": main_id,
                    "name": "Dashboard",
                    "colNumber": len(COLUMNS),
                    "rowNumber": self.row + 2,
                    "rows": {str(row): {"size": size} for row, size in sorted(self.rows.items())},
                    "cols": {str(index): {"size": size} for index, size in enumerate(COLUMNS)},
                    "merges": [],
                    "cells": {cell: {"content": content} for cell, content in sorted(self.cells.items())},
                    "styles": dict(sorted(self.styles.items())),
                    "formats": dict(sorted(self.formats.items())),
                    "borders": {},
                    "conditionalFormats": [],
                    "figures": self.figures,
                    "tables": [],
                    "areGridLinesVisible": False,
                    "isVisible": True,
                    "headerGroups": {"ROW": [], "COL": []},
                    "dataValidationRules": [],
                    "comments": {},
                },
                {
                    "id": data_id,
                    "name": "Data",
                    "colNumber": 3,
                    "rowNumber": max(self.kpi_row, 1) + 1,
                    "rows": {},
                    "cols": {"0": {"size": 240}, "1": {"size": 120}},
                    "merges": [],
                    "cells": {
                        cell: {"content": content} for cell, content in sorted(self.data_cells.items())
                    },
                    "styles": {},
                    "formats": {cell: formats[fmt] for cell, fmt in sorted(self.data_formats.items())},
                    "borders": {},
                    "conditionalFormats": [],
                    "figures": [],
                    "tables": [],
                    "areGridLinesVisible": True,
                    "isVisible": False,
                    "headerGroups": {"ROW": [], "COL": []},
                    "dataValidationRules": [],
                    "comments": {},
                },
            ],
            "styles": {ident: json.loads(key) for key, ident in self._style_ids.items()},
            "formats": {ident: fmt for fmt, ident in formats.items()},
            "borders": {},
            "revisionId": "START_REVISION",
            "uniqueFigureIds": True,
            "settings": {},
            "pivots": self.pivots,
            "pivotNextId": len(self.pivots) + 1,
            "customTableStyles": {},
            "odooVersion": 12,
            "globalFilters": self.filters,
            "lists": {},
            "listNextId": 1,
            "chartOdooMenusReferences": {},
        }


# The figures ------------------------------------------------------------------------------
OPEN_CARDS = [["org_board_type_id", "!=", False], ["org_is_closed", "=", False]]
PARTY_BOARDS = [["org_board_type_id.code", "in", ["happiness", "party_rectification"]]]
HAPPINESS = [["org_board_type_id.code", "=", "happiness"]]
CADRES = [["is_cadre", "=", True]]
PIPELINE = [["stage_code", "!=", "formal"]]
MONEY = [["state", "in", ["approved", "paid"]]]
# The people with a study-hour requirement (the ledger's unit view: 各单位学时达标率).
STUDY = [["required_hours", ">", 0]]
COMPLIANCE_FILTER = "org-dashboard-year"


def year_filter(dashboard):
    """The year of the 三会一课 periods (this year by default), as Odoo's dashboards filter by period."""
    dashboard.filters.append(
        {
            "id": COMPLIANCE_FILTER,
            "type": "date",
            "label": "Meeting Year",
            "rangeType": "fixedPeriod",
            "defaultValue": "this_year",
        }
    )
    return {COMPLIANCE_FILTER: {"chain": "period_start", "type": "date", "offset": 0}}


def lights_section(dashboard, col, row, domain, unit_field, header, title, name):
    pivot = dashboard.pivot("project.task", domain, [unit_field], ["org_deadline_status"], ["__count"], name)
    dashboard.title(col, title, row)
    columns = [
        (label, "__count", ('"org_deadline_status"', quote(key)), LIGHT_STYLES[key], None)
        for key, label in LIGHTS
    ]
    dashboard.table(col, row + 1, pivot, unit_field, header, columns)
    return pivot


def compliance_section(dashboard, col, row, matching):
    pivot = dashboard.pivot(
        "org.party.meeting.compliance",
        [],
        ["type_id"],
        ["state"],
        ["__count"],
        "三会一课",
        matching,
    )
    dashboard.title(col, "Three Meetings and One Lesson", row)
    rate = (
        'IFERROR(PIVOT.VALUE({p},"__count","#type_id",{i},"state","compliant")/'
        '(PIVOT.VALUE({p},"__count","#type_id",{i},"state","compliant")'
        '+PIVOT.VALUE({p},"__count","#type_id",{i},"state","behind")),"")'
    )
    dashboard.table(
        col,
        row + 1,
        pivot,
        "type_id",
        "Meeting Type",
        [
            ("Held", "__count", ('"state"', '"compliant"'), None, None),
            ("Behind", "__count", ('"state"', '"behind"'), None, None),
            ("Not Yet Held", "__count", ('"state"', '"pending"'), None, None),
        ],
    )
    # The completion rate of each type, beside the counts.
    dashboard.header(col + 4, row + 1, "Rate")
    for index in range(1, TOP + 1):
        line = row + 1 + index
        cell = f"{col_name(col + 4)}{line + 1}"
        label = f"{col_name(col)}{line + 1}"
        dashboard.cells[cell] = f'=IF({label}="","",{rate.format(p=pivot, i=index)})'
        dashboard.style(cell, VALUE_STYLE)
        dashboard.number_format(cell, PERCENT)
    return pivot


def compliance_kpi(dashboard, pivot):
    held = f'PIVOT.VALUE({pivot},"__count","state","compliant")'
    behind = f'PIVOT.VALUE({pivot},"__count","state","behind")'
    dashboard.kpi("Meetings Held (%)", f"=IFERROR({held}/({held}+{behind}),0)", PERCENT)


def pipeline_chart(dashboard, col, row, width):
    dashboard.title(col, "Party Member Development", row)
    dashboard.chart(
        "odoo_bar", col, row + 1, width, 300, "org.party.candidate", PIPELINE, ["stage_id"], "__count"
    )
    return dashboard.pivot("org.party.candidate", PIPELINE, [], [], ["__count"], "发展党员")


def happiness_section(dashboard, col, row, width):
    dashboard.title(col, "Happiness List", row)
    half = width // 2
    dashboard.chart(
        "odoo_bar",
        col,
        row + 1,
        half - 10,
        300,
        "project.task",
        HAPPINESS,
        ["stage_id"],
        "__count",
        title="Items by Stage",
    )
    dashboard.chart(
        "odoo_pie",
        col,
        row + 1,
        half,
        300,
        "project.task",
        HAPPINESS + [["org_satisfaction", "!=", False]],
        ["org_satisfaction"],
        "__count",
        title="Satisfaction at the Follow-up Visit",
        x=dashboard.x_of(col) + half,
    )
    total = dashboard.pivot("project.task", HAPPINESS, [], [], ["__count"], "幸福清单")
    closed = dashboard.pivot(
        "project.task", HAPPINESS + [["org_is_closed", "=", True]], [], [], ["__count"], "幸福清单 · 办结"
    )
    rated = dashboard.pivot(
        "project.task",
        HAPPINESS + [["org_satisfaction", "!=", False]],
        [],
        [],
        ["__count", "org_satisfaction_score"],
        "幸福清单 · 满意度",
    )
    return total, closed, rated


def happiness_kpis(dashboard, total, closed, rated):
    dashboard.kpi(
        "Happiness Items Closed (%)",
        f'=IFERROR(PIVOT.VALUE({closed},"__count")/PIVOT.VALUE({total},"__count"),0)',
        PERCENT,
        "#F0FDF4",
    )
    dashboard.kpi(
        "Satisfaction (of 5)",
        f'=IFERROR(PIVOT.VALUE({rated},"org_satisfaction_score"),0)',
        "0.0",
        "#F0FDF4",
    )


def overview():
    """组织工作总览: every area on one screen, for leaders."""
    dashboard = Dashboard("org-overview")
    matching = year_filter(dashboard)
    dashboard.row = 11  # under two rows of scorecards
    lights = lights_section(
        dashboard, 0, dashboard.row, OPEN_CARDS, "org_unit_id", "Unit", "Wall Chart by Unit", "挂图作战"
    )
    compliance = compliance_section(dashboard, 5, dashboard.row, matching)
    dashboard.skip(TOP + 3)
    # 学时达标率 and 发展党员
    study = dashboard.pivot(
        "org.study.ledger", STUDY, ["department_id"], ["year"], ["compliance_rate", "__count"], "学时达标率"
    )
    dashboard.title(0, "Study Hours Compliance This Year", dashboard.row)
    dashboard.table(
        0,
        dashboard.row + 1,
        study,
        "department_id",
        "Unit",
        [
            ("People", "__count", ('"year"', YEAR), None, None),
            # The ledger's rate is a percentage (0-100): shown as is, with one decimal.
            ("Compliant (%)", "compliance_rate", ('"year"', YEAR), None, "0.0"),
        ],
    )
    pipeline = pipeline_chart(dashboard, 5, dashboard.row, 550)
    dashboard.skip(TOP + 3)
    # 干部结构
    dashboard.title(0, "Cadre Structure", dashboard.row)
    structure = (
        ("cadre_age_band", "Age"),
        ("cadre_fulltime_education_id", "Education"),
        ("cadre_gender", "Sex"),
        ("cadre_rank_id", "Rank"),
    )
    for index, (field, title) in enumerate(structure):
        dashboard.chart(
            "odoo_pie",
            0,
            dashboard.row + 1,
            280,
            260,
            "hr.employee",
            CADRES,
            [field],
            "__count",
            title=title,
            x=index * 290,
        )
    cadres = dashboard.pivot("hr.employee", CADRES, [], [], ["__count"], "干部")
    dashboard.skip(1 + 12)
    # 人才资金 and 幸福清单
    dashboard.title(0, "Talent Funds by Policy and Year", dashboard.row)
    dashboard.chart(
        "odoo_bar",
        0,
        dashboard.row + 1,
        550,
        300,
        "org.talent.application",
        MONEY,
        ["period_year", "policy_id"],
        "amount_approved",
    )
    money = dashboard.pivot(
        "org.talent.application", MONEY, ["period_year"], [], ["amount_approved"], "人才资金"
    )
    total, closed, rated = happiness_section(dashboard, 5, dashboard.row, 550)
    dashboard.skip(1 + 14)

    red = f'PIVOT.VALUE({lights},"__count","org_deadline_status","red")'
    yellow = f'PIVOT.VALUE({lights},"__count","org_deadline_status","yellow")'
    dashboard.kpi("Red Cards", f"={red}", "0", "#FEF2F2")
    dashboard.kpi("Yellow Cards", f"={yellow}", "0", "#FFF7ED")
    compliance_kpi(dashboard, compliance)
    dashboard.kpi(
        "Study Hours Compliant (%)",
        f'=IFERROR(PIVOT.VALUE({study},"compliance_rate","year",{YEAR})/100,0)',
        PERCENT,
    )
    dashboard.kpi("Candidates in the Pipeline", f'=PIVOT.VALUE({pipeline},"__count")', "0")
    dashboard.kpi("Cadres", f'=PIVOT.VALUE({cadres},"__count")', "0")
    dashboard.kpi(
        "Talent Funds This Year",
        f'=IFERROR(PIVOT.VALUE({money},"amount_approved","period_year",{YEAR}),0)',
        "#,##0",
    )
    happiness_kpis(dashboard, total, closed, rated)
    return dashboard


def grassroots():
    """基层党建: the party organizations' figures; a secretary sees those of their subtree."""
    dashboard = Dashboard("org-grassroots")
    matching = year_filter(dashboard)
    dashboard.row = 6  # under one row of scorecards
    lights = lights_section(
        dashboard,
        0,
        dashboard.row,
        PARTY_BOARDS + [["org_is_closed", "=", False]],
        "org_party_organization_id",
        "Party Organization",
        "Cards by Party Organization",
        "党组织清单卡片",
    )
    compliance = compliance_section(dashboard, 5, dashboard.row, matching)
    dashboard.skip(TOP + 3)
    pipeline = pipeline_chart(dashboard, 0, dashboard.row, 550)
    total, closed, rated = happiness_section(dashboard, 5, dashboard.row, 550)
    dashboard.skip(1 + 14)
    red = f'PIVOT.VALUE({lights},"__count","org_deadline_status","red")'
    dashboard.kpi("Red Cards", f"={red}", "0", "#FEF2F2")
    compliance_kpi(dashboard, compliance)
    dashboard.kpi("Candidates in the Pipeline", f'=PIVOT.VALUE({pipeline},"__count")', "0")
    happiness_kpis(dashboard, total, closed, rated)
    return dashboard


DASHBOARDS = {
    "org_overview_dashboard.json": overview,
    "org_grassroots_dashboard.json": grassroots,
}


def render(builder):
    return json.dumps(builder().build(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def main():
    folder = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "files")
    for filename, builder in DASHBOARDS.items():
        with open(os.path.join(folder, filename), "w", encoding="utf-8") as file:
            file.write(render(builder))


if __name__ == "__main__":
    main()
