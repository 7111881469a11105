"""Reading and normalising spreadsheet rosters (花名册): .xlsx, .xls and .csv.

Pure functions, no ORM: :mod:`odoo.addons.org_roster.wizards.org_roster_import` maps what they
return onto a model. Errors carry a machine code and parameters (like
:class:`~odoo.addons.org_base.tools.resident_id.ResidentIdError`); the wizard turns them into
translated messages.
"""

import codecs
import csv
import datetime
import io
import itertools
import re
import unicodedata
import zipfile
from decimal import Decimal, InvalidOperation

import openpyxl
import xlrd
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from odoo.addons.org_base.tools.upload_limits import LimitError, Limits, check_file_size, check_zip_size

EXTENSIONS = (".xlsx", ".xls", ".csv")
# Rows scanned for the header row, below title rows and merged group headers.
HEADER_SCAN_ROWS = 20

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"
_CSV_DELIMITERS = (",", "\t", ";", "|")

_SPACES = re.compile(r"\s+")
_CJK = "\u2e80-\u2fff\u3005-\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")
_HEADER_NOTES = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕")
_HEADER_MARKS = "*:"
_SYNONYM_SEPARATORS = re.compile(r"[,，、;；\n\r]+")
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:\.\d+)?[eE][+-]?\d+")
_DECIMAL_ZERO = re.compile(r"(\d+)\.0+")
_DATE_TEXT = re.compile(r"(\d{4})[年./\-](\d{1,2})(?:月|[./\-](\d{1,2})[日号]?|月(\d{1,2})[日号]?)?")
_DATE_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SERIAL_TEXT = re.compile(r"\d{1,5}(?:\.\d+)?")
_TIME_SUFFIX = re.compile(r"(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")

TRUE_WORDS = frozenset(["是", "y", "yes", "true", "1", "√", "✓", "✔", "对", "有"])
FALSE_WORDS = frozenset(["否", "n", "no", "false", "0", "×", "✗", "✘", "不", "无"])


class RosterReadError(ValueError):
    """A file that cannot be read. ``code`` names the problem, ``params`` its details.

    Codes: ``extension`` (not .xlsx/.xls/.csv), ``empty``, ``damaged`` (``detail``: the
    library's message), ``encoding`` (a .csv neither UTF-8 nor GBK).
    """

    def __init__(self, code, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


class Sheet:
    """The rows of the first worksheet: lists of cell values (``None`` for empty cells).

    ``datemode`` is the workbook's date system (0: 1900, 1: 1904), for Excel serial numbers.
    """

    def __init__(self, rows, datemode=0):
        self.rows = rows
        self.datemode = datemode


# Reading files


def read_sheet(data, file_name, limits=None):
    """The first worksheet of ``data``, a file named ``file_name``; raises RosterReadError,
    or :class:`~.upload_limits.LimitError` for a file beyond ``limits`` (checked while
    reading, so a hostile file stops at the limit: rows, columns, cell length, upload and
    uncompressed size)."""
    limits = limits or Limits()
    extension = next((ext for ext in EXTENSIONS if (file_name or "").lower().endswith(ext)), None)
    if not extension:
        raise RosterReadError("extension")
    if not data:
        raise RosterReadError("empty")
    check_file_size(data, limits)
    if extension == ".csv":
        return _read_csv(data, limits)
    # Trust the content over the name: an .xls saved as .xlsx by hand still opens.
    try:
        if data.startswith(_OLE_SIGNATURE):
            return _read_xls(data, limits)
        if data.startswith(_ZIP_SIGNATURE):
            return _read_xlsx(data, limits)
    except (RosterReadError, LimitError):
        raise
    except Exception as error:  # the libraries raise anything on a damaged file
        raise RosterReadError("damaged", detail=str(error) or type(error).__name__) from error
    raise RosterReadError("damaged", detail="unknown format")


def _bounded_rows(rows, limits):
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


def _refuse_wide_rows(sheet, limits):
    """Refuse a row with a cell beyond the column limit before openpyxl pads it.

    openpyxl's read-only sheet pads each row up to its last cell: one value at column XFD
    makes a row of 16,384 cells (1 GB for 10,000 rows). Its ``_get_row`` receives the parsed
    cells of a row first; this sheet's one checks the last cell's column there.
    """
    get_row = sheet._get_row

    def _get_row(row, *args, **kwargs):
        if row and row[-1]["column"] > limits.sheet_columns:
            raise LimitError("columns", row=row[-1]["row"], limit=limits.sheet_columns)
        return get_row(row, *args, **kwargs)

    sheet._get_row = _get_row


def _read_xlsx(data, limits):
    try:
        check_zip_size(data, limits)
    except LimitError as error:
        if error.code == "zip_damaged":
            raise RosterReadError("damaged", **error.params) from error
        raise
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise RosterReadError("damaged", detail=str(error)) from error
    try:
        if not book.worksheets:
            raise RosterReadError("empty")
        sheet = book.worksheets[0]
        # Files written by other programs often carry a wrong used range; read every row.
        sheet.reset_dimensions()
        _refuse_wide_rows(sheet, limits)
        rows = _bounded_rows(sheet.iter_rows(values_only=True), limits)
        datemode = 1 if book.epoch == CALENDAR_MAC_1904 else 0
    finally:
        book.close()
    return Sheet(rows, datemode)


def _read_xls(data, limits):
    # xlrd reports oddities of the file on its log file, standard output by default.
    book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO())
    try:
        if not book.nsheets:
            raise RosterReadError("empty")
        sheet = book.sheet_by_index(0)
        rows = _bounded_rows(
            (
                [_xls_cell_value(cell, book.datemode) for cell in sheet.row(index)]
                for index in range(sheet.nrows)
            ),
            limits,
        )
    finally:
        book.release_resources()
    return Sheet(rows, book.datemode)


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


def _decode_csv(data):
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


def _read_csv(data, limits):
    text = _decode_csv(data)
    if "\x00" in text:
        raise RosterReadError("damaged", detail="binary content")
    # The delimiter that splits the first rows (title rows included) into the most columns.
    sample = text.splitlines()[:HEADER_SCAN_ROWS]
    delimiter = max(
        _CSV_DELIMITERS,
        key=lambda candidate: max((len(row) for row in csv.reader(sample, delimiter=candidate)), default=0),
    )
    try:
        rows = _bounded_rows(
            (
                [cell if cell != "" else None for cell in row]
                for row in csv.reader(io.StringIO(text), delimiter=delimiter)
            ),
            limits,
        )
    except csv.Error as error:
        raise RosterReadError("damaged", detail=str(error)) from error
    return Sheet(rows)


# Headers


def normalize_header(value):
    """A header as compared: half-width, no blanks, no notes in brackets, no ``*`` marker."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = _HEADER_NOTES.sub("", text)
    text = _SPACES.sub("", text)
    return text.strip(_HEADER_MARKS).lower()


def split_synonyms(text):
    """The alternative headers in ``text``, separated by commas, 、, semicolons or lines."""
    return [part.strip() for part in _SYNONYM_SEPARATORS.split(text or "") if part.strip()]


def find_header(rows, names, scan=HEADER_SCAN_ROWS):
    """Locate the header row among the first ``scan`` rows.

    ``names`` maps each normalised header (labels and synonyms) to a column key. Returns
    ``(row index, {cell index: column key})`` for the row that names the most columns, the
    first one on a tie, or ``(None, {})`` when no row names any. A header cell merged down
    over two rows keeps its text in the upper row: empty cells of the header row take the
    header of the row above.
    """
    best_index, best = None, {}
    for index, row in enumerate(rows[:scan]):
        found = _match_header_row(row, names)
        if index:
            for cell_index, key in _match_header_row(rows[index - 1], names).items():
                empty = cell_index >= len(row) or is_blank(row[cell_index])
                if empty and key not in found.values():
                    found[cell_index] = key
        if len(found) > len(best):
            best_index, best = index, found
    return best_index, best


def _match_header_row(row, names):
    found = {}
    for cell_index, cell in enumerate(row):
        key = names.get(normalize_header(cell))
        if key is not None and key not in found.values():
            found[cell_index] = key
    return found


# Values


def is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def clean_text(value):
    """A cell as text: half-width, trimmed, blanks collapsed, none between Chinese characters.

    Numbers lose a ``.0`` that a spreadsheet added (a phone number stored as a number).
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = unicodedata.normalize("NFKC", str(value))
    text = _SPACES.sub(" ", text).strip()
    return _SPACE_BETWEEN_CJK.sub("", text)


def _compact(value):
    return _SPACES.sub("", unicodedata.normalize("NFKC", str(value)))


def id_number_text(value):
    """``(text, from_number)``: the digits of an ID number cell, and whether the
    spreadsheet stored it as a number (a float, an integer, or text in scientific
    notation such as ``4.20102E+17``), which keeps only 15 significant digits."""
    if isinstance(value, bool):
        return clean_text(value), False
    if isinstance(value, int):
        return str(value), True
    if isinstance(value, float):
        # repr() gives the digits the spreadsheet shows (4.20102198503154e+17), not the
        # binary float's expansion.
        return _decimal_digits(repr(value)), True
    text = _compact(value)
    if _SCIENTIFIC.fullmatch(text):
        return _decimal_digits(text), True
    match = _DECIMAL_ZERO.fullmatch(text)
    if match:
        return match.group(1), True
    return text, False


def _decimal_digits(text):
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if number == number.to_integral_value():
        return str(int(number))
    return text


def parse_number(value):
    """A float from a number cell or text (``1,234.5``); raises ValueError."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        number = float(value)
    else:
        number = float(_compact(value).replace(",", ""))
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(value)
    return number


def parse_integer(value):
    """An int from a number cell or text; raises ValueError for a fraction."""
    number = parse_number(value)
    if not number.is_integer():
        raise ValueError(value)
    return int(number)


def parse_boolean(value):
    """True for 是/Y/1/√…, False for 否/N/0/×…; raises ValueError otherwise."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise ValueError(value)
    word = _compact(value).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(value)


def parse_date(value, datemode=0):
    """A date from a date cell, an Excel serial number or text; raises ValueError.

    Text: ``1990-01-05``, ``1990/1/5``, ``1990.01.05``, ``1990年1月5日``, ``19900105``, and
    year-month forms ``1990.01``, ``1990.1``, ``1990-01``, ``1990年1月`` (the first day).
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return _date_from_number(value, datemode)
    text = _TIME_SUFFIX.sub("", unicodedata.normalize("NFKC", str(value)).strip())
    text = _SPACES.sub("", text)
    match = _DATE_TEXT.fullmatch(text)
    if match:
        year, month, day, day_cn = match.groups()
        return datetime.date(int(year), int(month), int(day or day_cn or 1))
    match = _DATE_DIGITS.fullmatch(text)
    if match:
        return datetime.date(*map(int, match.groups()))
    if _SERIAL_TEXT.fullmatch(text):
        return _date_from_number(float(text), datemode)
    raise ValueError(value)


def _date_from_number(number, datemode):
    if float(number).is_integer() and 10000101 <= number <= 99991231:
        # 19900105 typed into a number cell.
        return parse_date(str(int(number)))
    if 1000 <= number < 10000:
        # 1990.01 typed into a number cell: the year and month the cell shows.
        if float(number).is_integer():
            raise ValueError(number)
        return parse_date(repr(float(number)))
    if number <= 0:
        raise ValueError(number)
    try:
        return xlrd.xldate.xldate_as_datetime(number, datemode).date()
    except (xlrd.xldate.XLDateError, OverflowError) as error:
        raise ValueError(number) from error


def write_text(cell, value):
    """Put ``value`` into an openpyxl cell as text: a value that starts with ``=`` stays a
    string, never a formula that the spreadsheet would run (``+``, ``-`` and ``@`` are
    strings in an .xlsx already)."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell
