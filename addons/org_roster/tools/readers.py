"""One reader interface for every spreadsheet that other office systems export.

:func:`read_sheets` recognises a file by its content, never by its name, and yields its
sheets (:class:`Sheet`: rows of cell values and the date system of serial numbers):

- binary Excel 97-2003 ``.xls`` (xlrd) and ``.xlsx`` (openpyxl): the first worksheet;
- Excel 2003 XML spreadsheets (SpreadsheetML, ``<?mso-application progid="Excel.Sheet"?>``,
  written by WPS and many Java systems and often named ``.xls``): the first worksheet;
- HTML tables saved as ``.xls`` (by Excel, WPS and web systems): each table, in order;
- text: CSV in UTF-8 (with or without BOM), GBK/GB18030 or UTF-16, comma, tab, semicolon or
  bar separated (tab-separated text is what some systems save as ``.xls``).

Every reader is bounded by the same :class:`~odoo.addons.org_base.tools.upload_limits.Limits`
(upload size, filled rows, columns, cell length), checked while reading: XML and HTML are
parsed incrementally and each row is dropped from the tree once read, so memory stays that of
the rows kept. XML is parsed without DTD, entity resolution or network access, and a document
type declaration (the carrier of entity bombs and external entities) refuses the file.

What is not a spreadsheet raises :class:`RosterReadError` ``not_spreadsheet`` with ``kind``
naming what the file really is (``word``, ``powerpoint``, ``pdf``, ``image``, ``zip``, ``ods``,
``xml``, ``html``), so the user is told what to do.
"""

import codecs
import csv
import datetime
import io
import itertools
import re
import zipfile

import xlrd
from lxml import etree
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.datetime import CALENDAR_MAC_1904, from_excel, from_ISO8601
from openpyxl.worksheet._reader import _cast_number
from openpyxl.xml.constants import SHEET_MAIN_NS

from odoo.addons.org_base.tools.upload_limits import LimitError, Limits, check_file_size, check_zip_size

HEADER_SCAN_ROWS = 20
# Excel's last row: an ss:Index beyond it is no spreadsheet's.
MAX_ROW_INDEX = 1_048_576

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"
_IMAGE_SIGNATURES = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
)
_CSV_DELIMITERS = (",", "\t", ";", "|")
_SNIFF_BYTES = 64 * 1024
_SS_NAMESPACE = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = "{" + _SS_NAMESPACE + "}"
_SS_DATA = _SS + "Data"
_CHARSET = re.compile(rb"""<meta[^>]*charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([a-zA-Z0-9_\-]+)""")
_NUMBER_TEXT = re.compile(r"[+-]?(?:\d[\d,]*)?\.?\d+(?:[eE][+-]?\d+)?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XLSX_ROW = f"{{{SHEET_MAIN_NS}}}row"
_XLSX_VALUE = f"{{{SHEET_MAIN_NS}}}v"
_XLSX_INLINE = f"{{{SHEET_MAIN_NS}}}is"
_XLSX_TEXT = f"{{{SHEET_MAIN_NS}}}t"
_XLSX_RUN = f"{{{SHEET_MAIN_NS}}}r"


class RosterReadError(ValueError):
    """A file that cannot be read. ``code`` names the problem, ``params`` its details.

    Codes: ``empty``, ``damaged`` (``detail``: the library's message), ``encoding`` (text
    neither UTF-8 nor GBK), ``unsafe`` (an XML document type declaration), ``not_spreadsheet``
    (``kind``: what the file is).
    """

    def __init__(self, code, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


class Sheet:
    """The rows of a worksheet or table: lists of cell values (``None`` for empty cells).

    ``datemode`` is the workbook's date system (0: 1900, 1: 1904), for Excel serial numbers;
    ``kind`` the format it was read from (``xlsx``, ``xls``, ``spreadsheetml``, ``html``,
    ``csv``).
    """

    def __init__(self, rows, datemode=0, kind=None):
        self.rows = rows
        self.datemode = datemode
        self.kind = kind


# Recognising a file


def sniff(data, file_name=""):
    """What ``data`` is: a reader's kind (``xlsx``, ``xls``, ``spreadsheetml``, ``html``,
    ``csv``) or raises ``not_spreadsheet`` / ``damaged``."""
    if data.startswith(_OLE_SIGNATURE):
        return _sniff_ole(data)
    if data.startswith(_ZIP_SIGNATURE):
        return _sniff_zip(data)
    if data.startswith(b"%PDF"):
        raise RosterReadError("not_spreadsheet", kind="pdf")
    if data.startswith(_IMAGE_SIGNATURES) or data[8:12] == b"WEBP":
        raise RosterReadError("not_spreadsheet", kind="image")
    if data.startswith((b"Rar!", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b")):
        raise RosterReadError("not_spreadsheet", kind="zip")
    head = _text_head(data)
    if head.lstrip().startswith("{\\rtf"):
        raise RosterReadError("not_spreadsheet", kind="word")
    lowered = head.lower()
    markup = lowered.lstrip().startswith("<")
    if markup and (_SS_NAMESPACE in lowered or 'progid="excel.sheet"' in lowered.replace("'", '"')):
        return "spreadsheetml"
    if markup and ("<html" in lowered or "<table" in lowered or "<!doctype html" in lowered):
        return "html"
    if markup and "<?xml" in lowered[:100]:
        if "schemas-microsoft-com:office:word" in lowered or 'progid="word.document"' in lowered:
            raise RosterReadError("not_spreadsheet", kind="word")
        raise RosterReadError("not_spreadsheet", kind="xml")
    return "csv"


def _sniff_ole(data):
    # The directory of an OLE compound file names its streams in UTF-16.
    if "WordDocument".encode("utf-16-le") in data:
        raise RosterReadError("not_spreadsheet", kind="word")
    if "PowerPoint Document".encode("utf-16-le") in data:
        raise RosterReadError("not_spreadsheet", kind="powerpoint")
    return "xls"


def _sniff_zip(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, NotImplementedError) as error:
        raise RosterReadError("damaged", detail=str(error) or type(error).__name__) from error
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    if any(name.startswith("word/") for name in names):
        raise RosterReadError("not_spreadsheet", kind="word")
    if any(name.startswith("ppt/") for name in names):
        raise RosterReadError("not_spreadsheet", kind="powerpoint")
    if b"opendocument.spreadsheet" in mimetype:
        raise RosterReadError("not_spreadsheet", kind="ods")
    if b"opendocument.text" in mimetype:
        raise RosterReadError("not_spreadsheet", kind="word")
    if "[Content_Types].xml" in names:
        # A workbook that lost its workbook part.
        raise RosterReadError("damaged", detail="no workbook in the package")
    raise RosterReadError("not_spreadsheet", kind="zip")


def _text_head(data):
    """The start of ``data`` as text, enough to see markup (ASCII in every encoding we read)."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="ignore")
    return head.decode("latin-1").removeprefix("\xef\xbb\xbf")


# Reading


def read_sheets(data, file_name="", limits=None):
    """The sheets of ``data``, read by the reader its content calls for.

    Raises RosterReadError, or :class:`~.upload_limits.LimitError` for a file beyond
    ``limits``. A generator: HTML tables after the one the caller uses are never parsed.
    """
    limits = limits or Limits()
    if not data:
        raise RosterReadError("empty")
    check_file_size(data, limits)
    kind = sniff(data, file_name)
    reader = READERS[kind]
    try:
        yield from reader(data, limits)
    except (RosterReadError, LimitError):
        raise
    except Exception as error:  # the libraries raise anything on a damaged file
        raise RosterReadError("damaged", detail=str(error) or type(error).__name__) from error


def bounded_rows(rows, limits):
    """The rows of an iterable, trailing empty cells dropped, stopped at the first excess.

    Rows are counted when they hold a value (a sheet formatted far down is not refused for
    its empty rows, which are kept as ``()`` only between filled ones). ``rows`` are read at
    most ``sheet_columns + 1`` cells wide: a value in the cell past the limit refuses the
    file.
    """
    result = []
    blanks = filled = 0
    for index, row in enumerate(rows, start=1):
        row = list(row)
        while row and (row[-1] is None or row[-1] == ""):
            row.pop()
        if not row:
            blanks += 1
            continue
        filled += 1
        if filled > limits.sheet_rows:
            raise LimitError("rows", limit=limits.sheet_rows)
        if len(row) > limits.sheet_columns:
            raise LimitError("columns", row=index, limit=limits.sheet_columns)
        for column, value in enumerate(row, start=1):
            if isinstance(value, str) and len(value) > limits.cell_length:
                raise LimitError("cell_length", row=index, column=column, limit=limits.cell_length)
        result.extend(itertools.repeat((), blanks))
        blanks = 0
        result.append(row)
    return result


# .xlsx


def _xlsx_rows(source, shared_strings, date_formats, epoch, limits):
    """The rows of a worksheet's XML as lists of values, read incrementally with lxml (each
    row dropped from the tree once read) and converted as openpyxl's read-only reader does:
    what ``iter_rows(values_only=True)`` yields after ``reset_dimensions()``, without a cell
    object per cell and without openpyxl's first pass over the whole sheet for its size.

    A row with a cell beyond the column limit is refused before it is padded.
    """
    context = etree.iterparse(source, events=("end",), tag=_XLSX_ROW, **_xml_parser_options())
    counter = 1  # the next row number to yield
    row_counter = 0
    for _event, element in context:
        given = element.get("r")
        row_counter = _xlsx_row_number(given) if given is not None else row_counter + 1
        if row_counter > MAX_ROW_INDEX:
            raise RosterReadError("damaged", detail=f"row r={given}")
        cells = []
        column = 0
        for cell in element:
            reference = cell.get("r")
            column = _xlsx_column(reference) if reference else column + 1
            cells.append((column, _xlsx_value(cell, shared_strings, date_formats, epoch)))
        _drop_row(element)
        if row_counter < counter:
            continue  # a row out of order: openpyxl skips it too
        while counter < row_counter:  # rows the file leaves out
            counter += 1
            yield ()
        counter += 1
        if not cells:
            yield ()
            continue
        width = cells[-1][0]
        if width > limits.sheet_columns:
            raise LimitError("columns", row=row_counter, limit=limits.sheet_columns)
        values = [None] * width
        for column, value in cells:
            if 1 <= column <= width:
                values[column - 1] = value
        yield values


def _xlsx_row_number(text):
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if not number.is_integer():
            raise RosterReadError("damaged", detail=f"row r={text}") from None
        return int(number)


def _xlsx_column(reference):
    """The column number of a cell reference such as ``AB12``."""
    column = 0
    for char in reference:
        if "A" <= char <= "Z":
            column = column * 26 + ord(char) - 64
        elif "a" <= char <= "z":
            column = column * 26 + ord(char) - 96
        else:
            break
    if not column:
        raise RosterReadError("damaged", detail=f"cell r={reference}")
    return column


def _xlsx_inline_text(element):
    """The text of an inline string (``<is>``): its plain text and its runs' text, without
    phonetic guides, as openpyxl's ``Text.content``."""
    if len(element) == 1 and element[0].tag == _XLSX_TEXT:
        return element[0].text or ""  # the common case: one plain text
    parts = [element.findtext(_XLSX_TEXT) or ""]
    parts.extend(run.findtext(_XLSX_TEXT) or "" for run in element.iterfind(_XLSX_RUN))
    return "".join(parts)


def _xlsx_value(cell, shared_strings, date_formats, epoch):
    """A cell's value as openpyxl's read-only reader gives it (data only)."""
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        child = cell.find(_XLSX_INLINE)
        return None if child is None else _xlsx_inline_text(child)
    value = cell.findtext(_XLSX_VALUE, None) or None
    if value is None:
        return None
    if kind == "n":
        value = _cast_number(value)
        style = cell.get("s")
        if style and int(style) in date_formats:
            try:
                return from_excel(value, epoch)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return value
    if kind == "s":
        return shared_strings[int(value)]
    if kind == "b":
        return bool(int(value))
    if kind == "d":
        return from_ISO8601(value)
    return value  # "str" (a formula's text), "e" (an error such as #N/A)


def read_xlsx(data, limits):
    try:
        check_zip_size(data, limits)
    except LimitError as error:
        if error.code == "zip_damaged":
            raise RosterReadError("damaged", **error.params) from error
        raise
    try:
        # openpyxl's own steps of load_workbook(read_only=True, data_only=True) but the
        # worksheets': the parts, shared strings and styles (which number formats are dates).
        reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise RosterReadError("damaged", detail=str(error)) from error
    try:
        # The first worksheet (not a chart sheet), as openpyxl's book.worksheets[0].
        path = next(
            (
                rel.target
                for _sheet, rel in reader.parser.find_sheets()
                if rel.target in reader.valid_files and "chartsheet" not in rel.Type
            ),
            None,
        )
        if path is None:
            raise RosterReadError("empty")
        book = reader.wb
        with reader.archive.open(path) as source:
            # Files written by other programs often carry a wrong used range: every row is read.
            rows = bounded_rows(
                _xlsx_rows(source, reader.shared_strings, book._date_formats, book.epoch, limits), limits
            )
        datemode = 1 if book.epoch == CALENDAR_MAC_1904 else 0
    finally:
        reader.archive.close()
    yield Sheet(rows, datemode, "xlsx")


# .xls


def read_xls(data, limits):
    # xlrd reports oddities of the file on its log file, standard output by default.
    book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO())
    try:
        if not book.nsheets:
            raise RosterReadError("empty")
        sheet = book.sheet_by_index(0)
        rows = bounded_rows(
            (
                [_xls_cell_value(cell, book.datemode) for cell in sheet.row(index)]
                for index in range(sheet.nrows)
            ),
            limits,
        )
    finally:
        book.release_resources()
    yield Sheet(rows, book.datemode, "xls")


def _xls_cell_value(cell, datemode):
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except xlrd.xldate.XLDateError:
            return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    return cell.value


# Text: CSV and tab-separated


def decode_text(data):
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        # UTF-8 with or without BOM; GB18030 is a superset of GBK and GB2312.
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterReadError("encoding")


def read_csv(data, limits):
    try:
        text = decode_text(data)
    except RosterReadError:
        utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        if not utf16 and _CONTROL.search(data[:4096].decode("latin-1")):
            raise RosterReadError("damaged", detail="binary content") from None
        raise
    if _CONTROL.search(text[:4096]):
        raise RosterReadError("damaged", detail="binary content")
    # The delimiter that splits the first rows (title rows included) into the most columns.
    sample = text.splitlines()[:HEADER_SCAN_ROWS]
    delimiter = max(
        _CSV_DELIMITERS,
        key=lambda candidate: max((len(row) for row in csv.reader(sample, delimiter=candidate)), default=0),
    )
    try:
        rows = bounded_rows(
            (
                [cell if cell != "" else None for cell in row]
                for row in csv.reader(io.StringIO(text), delimiter=delimiter)
            ),
            limits,
        )
    except csv.Error as error:
        raise RosterReadError("damaged", detail=str(error)) from error
    yield Sheet(rows, 0, "csv")


# Excel 2003 XML (SpreadsheetML)


def _xml_parser_options():
    return {
        "resolve_entities": False,
        "no_network": True,
        "huge_tree": False,
        "load_dtd": False,
        "dtd_validation": False,
        "remove_comments": True,
        "remove_pis": True,
    }


def _refuse_doctype(data):
    """A document type declaration is where entity bombs and external entities live; no
    spreadsheet carries one."""
    if b"<!DOCTYPE" in _text_head(data).encode("latin-1", errors="ignore").upper().replace(b" ", b""):
        raise RosterReadError("unsafe")


def _drop_row(element):
    """Free a row once read: its content, and the siblings read before it."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


class _SpanTracker:
    """Cells covered by a rowspan (HTML) or ss:MergeDown (SpreadsheetML) of a row above."""

    def __init__(self):
        self.covered = {}  # column index: rows still covered

    def next_free(self, column):
        while self.covered.get(column):
            column += 1
        return column

    def cover(self, column, width, rows):
        if rows > 0:
            for index in range(column, column + width):
                self.covered[index] = max(self.covered.get(index, 0), rows + 1)

    def next_row(self):
        self.covered = {column: left - 1 for column, left in self.covered.items() if left > 1}


def _place(row, column, value, limits, row_number):
    """Put ``value`` at ``column`` of ``row`` (a list), refusing a cell past the column limit."""
    if column >= limits.sheet_columns:
        raise LimitError("columns", row=row_number, limit=limits.sheet_columns)
    if len(row) <= column:
        row.extend([None] * (column + 1 - len(row)))
    row[column] = value


def _int_attribute(element, name, default=0):
    value = element.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise RosterReadError("damaged", detail=f"{name}={value!r}") from error


def _spreadsheetml_rows(data, limits):
    """``(row index, [cells])`` of the first worksheet, read incrementally."""
    _refuse_doctype(data)
    context = etree.iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        tag=(f"{_SS}Worksheet", f"{_SS}Row"),
        **_xml_parser_options(),
    )
    index = 0
    spans = _SpanTracker()
    seen_sheet = checked = False
    for event, element in context:
        if event == "start":
            if not checked:  # the declaration precedes the root: seen at the first element
                if element.getroottree().docinfo.doctype:
                    raise RosterReadError("unsafe")
                checked = True
            if element.tag == f"{_SS}Worksheet":
                if seen_sheet:
                    return  # the first worksheet only
                seen_sheet = True
            continue
        if element.tag == f"{_SS}Worksheet":
            continue
        row_index = _int_attribute(element, f"{_SS}Index", index + 1)
        if row_index <= index or row_index > MAX_ROW_INDEX:
            raise RosterReadError("damaged", detail=f"ss:Index={row_index}")
        while index + 1 < row_index:  # rows the file leaves out
            index += 1
            spans.next_row()
        index += 1
        row = []
        column = 0
        for cell in element.iterchildren(f"{_SS}Cell"):
            given = cell.get(f"{_SS}Index")
            column = _int_attribute(cell, f"{_SS}Index") - 1 if given else spans.next_free(column)
            if column < 0:
                raise RosterReadError("damaged", detail=f"ss:Index={given}")
            across = min(max(_int_attribute(cell, f"{_SS}MergeAcross"), 0), limits.sheet_columns)
            down = max(_int_attribute(cell, f"{_SS}MergeDown"), 0)
            value = _spreadsheetml_value(cell)
            if value is not None:
                _place(row, column, value, limits, index)
            spans.cover(column, across + 1, down)
            column += across + 1
        spans.next_row()
        _drop_row(element)
        yield index, row
    if not seen_sheet:
        raise RosterReadError("empty")


def _spreadsheetml_value(cell):
    data = cell.find(_SS_DATA)
    if data is None:
        return None
    # Rich text (html:B, html:Font …) inside Data: all its text.
    text = "".join(data.itertext()) if len(data) else (data.text or "")
    kind = data.get(f"{_SS}Type", "String")
    if text == "":
        return None
    if kind == "Number":
        try:
            return float(text.strip())
        except ValueError:
            return text
    if kind == "DateTime":
        try:
            return datetime.datetime.fromisoformat(text.strip())
        except ValueError:
            return text
    if kind == "Boolean":
        return text.strip() in ("1", "true", "TRUE")
    if kind == "Error":
        return None
    return text


def _indexed_rows(indexed):
    """Rows from ``(row index, cells)`` pairs, with the rows a file leaves out as empty."""
    previous = 0
    for index, row in indexed:
        for _missing in range(previous + 1, index):
            yield ()
        previous = index
        yield row


def read_spreadsheetml_sheets(data, limits):
    rows = bounded_rows(_indexed_rows(_spreadsheetml_rows(data, limits)), limits)
    yield Sheet(rows, 0, "spreadsheetml")


# HTML tables


def _html_encoding(data):
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    match = _CHARSET.search(data[:_SNIFF_BYTES]) or _XML_ENCODING.search(data[:200])
    if match:
        name = match.group(1).decode("ascii").lower()
        try:
            name = codecs.lookup(name).name
        except LookupError:
            name = None
        if name in ("gbk", "gb2312", "gb18030", "euc_cn", "hz"):
            return "gb18030"
        if name:
            return name
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


def _html_cell_value(cell):
    """A cell as Excel's HTML export means it: ``x:num`` cells are numbers (an ID number
    stored as a number shows as 4.20115E+17), ``mso-number-format`` text cells and every
    other cell are the text shown."""
    text = " ".join(("".join(cell.itertext()) if len(cell) else (cell.text or "")).split())
    if text == "":
        return None
    number = cell.get("x:num")
    if number is not None and "@" not in (cell.get("style") or ""):
        shown = text.replace(",", "")
        if _NUMBER_TEXT.fullmatch(shown):
            try:
                return float(number or shown)
            except ValueError:
                return text
    return text


def _html_tables(data, limits):
    """Each table of the document as ``[rows]``, read incrementally: a row is built when its
    ``</tr>`` is parsed and dropped from the tree. Nested tables are tables of their own."""
    context = etree.iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        tag=("table", "tr"),
        html=True,
        encoding=_html_encoding(data),
        no_network=True,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )
    stack = []  # open tables: (rows, spans, [filled rows])
    for event, element in context:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag == "table":
                stack.append(([], _SpanTracker(), [0]))
            continue
        if tag == "tr" and stack:
            rows, spans, filled = stack[-1]
            row_number = len(rows) + 1
            row = []
            column = 0
            for cell in element.iterchildren("td", "th"):
                column = spans.next_free(column)
                across = max(_int_attribute(cell, "colspan", 1), 1)
                down = max(_int_attribute(cell, "rowspan", 1), 1) - 1
                across = min(across, limits.sheet_columns + 1)
                value = _html_cell_value(cell)
                if value is not None:
                    _place(row, column, value, limits, row_number)
                spans.cover(column, across, down)
                column += across
            spans.next_row()
            rows.append(row)
            filled[0] += any(value is not None for value in row)
            if filled[0] > limits.sheet_rows:
                raise LimitError("rows", limit=limits.sheet_rows)
            if len(rows) > limits.sheet_rows * 2:
                # Empty rows cost too: a table of empty rows is not read forever.
                raise LimitError("rows", limit=limits.sheet_rows)
            _drop_row(element)
        elif tag == "table" and stack:
            rows, _spans, _filled = stack.pop()
            element.clear(keep_tail=True)
            yield rows


def read_html(data, limits):
    found = False
    for rows in _html_tables(data, limits):
        if not any(rows):
            continue
        found = True
        yield Sheet(bounded_rows(rows, limits), 0, "html")
    if not found:
        raise RosterReadError("not_spreadsheet", kind="html")


READERS = {
    "xlsx": read_xlsx,
    "xls": read_xls,
    "spreadsheetml": read_spreadsheetml_sheets,
    "html": read_html,
    "csv": read_csv,
}
