"""The 干部任免审批表 as a Word document (.docx), for offices that edit it in Word.

Pure python-docx, no ORM: :func:`build` lays out the official two pages (A4; the title in
宋体 二号, captions in 宋体 and entries in 仿宋 小四; the photo box; the seal and date lines
of 呈报单位, 审批机关意见 and 行政机关任免意见) from the values the PDF prints
(``report.org_cadre.report_cadre_form._form_values``) and the captions of ``_form_labels``.
"""

import base64
import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

CAPTION_FONT = "宋体"
ENTRY_FONT = "仿宋"
TITLE_SIZE = 22  # 二号
CAPTION_SIZE = 12  # 小四
ENTRY_SIZE = 12
SMALL_SIZE = 10.5  # 五号
# Page 1: caption, entry, caption, entry, caption, entry, photo (cm, 17.4 in all).
PAGE1_WIDTHS = (2.3, 2.5, 2.1, 2.5, 2.4, 2.6, 3.0)
# Page 2: caption, then the family's five columns.
PAGE2_WIDTHS = (2.3, 1.9, 2.2, 2.4, 2.4, 6.2)


def _font(run, name, size, bold=False):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    # Word takes the font of Chinese characters from the eastAsia attribute.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _write(cell, text, font=ENTRY_FONT, size=ENTRY_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER, bold=False):
    """``text`` in ``cell``, one paragraph a line."""
    lines = (text or "").split("\n")
    paragraph = cell.paragraphs[0]
    for index, line in enumerate(lines):
        if index:
            paragraph = cell.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_before = Pt(0)
        paragraph.paragraph_format.space_after = Pt(0)
        _font(paragraph.add_run(line), font, size, bold)
    return cell


def _caption(cell, text):
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return _write(cell, text, CAPTION_FONT, CAPTION_SIZE)


def _entry(cell, text, align=WD_ALIGN_PARAGRAPH.CENTER, top=False):
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP if top else WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return _write(cell, text, ENTRY_FONT, ENTRY_SIZE, align)


def _seal(cell, labels):
    """The lines ``（盖章）`` and ``年  月  日`` at the bottom right of a box."""
    for text in ("", labels["seal"], labels["date_line"]):
        paragraph = cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.space_after = Pt(0)
        _font(paragraph.add_run(text), CAPTION_FONT, CAPTION_SIZE)


def _table(document, widths):
    table = document.add_table(rows=0, cols=len(widths))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    return table


def _row(table, widths, height, exact=False):
    row = table.add_row()
    row.height = Cm(height)
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY if exact else WD_ROW_HEIGHT_RULE.AT_LEAST
    for cell, width in zip(row.cells, widths, strict=True):
        cell.width = Cm(width)
    return row.cells


def _merge(cells, start, end):
    return cells[start].merge(cells[end]) if end > start else cells[start]


def build(values, labels):
    """The bytes of the .docx of one cadre; ``values``: ``_form_values``, ``labels``:
    ``_form_labels``."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(1.8)
    section.left_margin = section.right_margin = Cm(1.8)
    normal = document.styles["Normal"]
    normal.font.name = ENTRY_FONT
    normal.font.size = Pt(ENTRY_SIZE)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), ENTRY_FONT)

    title = document.paragraphs[0] if document.paragraphs else document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(6)
    _font(title.add_run(labels["title"]), CAPTION_FONT, TITLE_SIZE, bold=True)

    # Page 1
    widths = PAGE1_WIDTHS
    table = _table(document, widths)
    rows = [_row(table, widths, 1.3) for _index in range(4)]
    for cells, pairs in zip(
        rows,
        (
            (("name", "name"), ("gender", "gender"), ("birth", "birth")),
            (
                ("ethnicity", "ethnicity"),
                ("native_place", "native_place"),
                ("place_of_birth", "place_of_birth"),
            ),
            (("party_join", "party_join"), ("work_start", "work_start"), ("health", "health")),
        ),
        strict=False,
    ):
        for index, (label, key) in enumerate(pairs):
            _caption(cells[2 * index], labels[label])
            _entry(cells[2 * index + 1], values[key])
    cells = rows[3]
    _caption(cells[0], labels["professional_title"])
    _entry(_merge(cells, 1, 2), values["professional_title"])
    _caption(cells[3], labels["expertise"])
    _entry(_merge(cells, 4, 5), values["expertise"])
    photo = rows[0][6].merge(rows[3][6])
    photo.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = photo.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if values.get("photo"):
        paragraph.add_run().add_picture(io.BytesIO(base64.b64decode(values["photo"])), width=Cm(2.6))
    else:
        _font(paragraph.add_run(labels["photo"]), CAPTION_FONT, CAPTION_SIZE)

    education = [_row(table, widths, 1.3) for _index in range(2)]
    _caption(education[0][0].merge(education[1][0]), labels["education"])
    for cells, kind in zip(education, ("fulltime", "parttime"), strict=True):
        _caption(cells[1], labels[kind])
        _entry(_merge(cells, 2, 3), values[kind])
        _caption(cells[4], labels["school"])
        _entry(_merge(cells, 5, 6), values[f"{kind}_school"], WD_ALIGN_PARAGRAPH.LEFT)
    for key in ("current_post", "proposed_post", "proposed_removal"):
        cells = _row(table, widths, 1.1)
        _caption(cells[0], labels[key])
        _entry(_merge(cells, 1, 6), values[key], WD_ALIGN_PARAGRAPH.LEFT)
    cells = _row(table, widths, 14.2)
    _caption(cells[0], "\n".join(labels["resume"]) if len(labels["resume"]) <= 4 else labels["resume"])
    _entry(_merge(cells, 1, 6), values["resume"], WD_ALIGN_PARAGRAPH.LEFT, top=True)

    # Page 2
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    widths = PAGE2_WIDTHS
    table = _table(document, widths)
    for key, height in (("rewards", 3.0), ("results", 2.0), ("reason", 2.0)):
        cells = _row(table, widths, height)
        _caption(cells[0], labels[key])
        _entry(_merge(cells, 1, 5), values[key], WD_ALIGN_PARAGRAPH.LEFT, top=True)
    family = values["family"]
    count = max(len(family), 6)  # the official form has room for six at least
    header = _row(table, widths, 0.9)
    for index, key in enumerate(
        ("relation", "member_name", "member_birth", "political_status", "work_unit_post")
    ):
        _caption(header[index + 1], labels[key])
    member_rows = [header]
    for index in range(count):
        cells = _row(table, widths, 0.9)
        member = family[index] if index < len(family) else {}
        for column, key in enumerate(("relation", "name", "birth", "political_status")):
            _entry(cells[column + 1], member.get(key, ""))
        _entry(cells[5], member.get("work_unit_post", ""), WD_ALIGN_PARAGRAPH.LEFT)
        member_rows.append(cells)
    _caption(member_rows[0][0].merge(member_rows[-1][0]), labels["family"])
    cells = _row(table, widths, 3.2)
    _caption(cells[0], labels["reporting_unit"])
    box = _entry(_merge(cells, 1, 5), values["reporting_unit"], WD_ALIGN_PARAGRAPH.LEFT, top=True)
    _seal(box, labels)
    cells = _row(table, widths, 4.0)
    _caption(cells[0], labels["approving"])
    _seal(_merge(cells, 1, 3), labels)
    _caption(cells[4], labels["administrative"])
    _seal(cells[5], labels)

    footer = document.add_paragraph()
    footer.paragraph_format.space_before = Pt(6)
    _font(
        footer.add_run(
            f"{labels['form_filler']}：{values['form_filler']}        "
            f"{labels['age_date']}：{values['age_date']}        "
            f"{labels['form_date']}：{values['form_date']}"
        ),
        CAPTION_FONT,
        SMALL_SIZE,
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
