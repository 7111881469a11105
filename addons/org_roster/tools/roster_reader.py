"""Reading and normalising spreadsheet rosters (花名册): every format of :mod:`.readers`.

Pure functions, no ORM: :mod:`odoo.addons.org_roster.wizards.org_roster_import` maps what they
return onto a model. Errors carry a machine code and parameters (like
:class:`~odoo.addons.org_base.tools.resident_id.ResidentIdError`); the wizard turns them into
translated messages.
"""

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation

import xlrd

from . import readers
from .readers import HEADER_SCAN_ROWS, RosterReadError, Sheet  # noqa: F401 (the reader's API)

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


# Reading files: tools/readers.py, one reader interface for every format.


def read_sheets(data, file_name="", limits=None):
    """The sheets of ``data`` (see :func:`.readers.read_sheets`): the format is recognised
    by the content, not by ``file_name``; raises RosterReadError, or
    :class:`~.upload_limits.LimitError` for a file beyond ``limits`` (checked while reading,
    so a hostile file stops at the limit: rows, columns, cell length, upload and uncompressed
    size)."""
    return readers.read_sheets(data, file_name, limits)


def read_sheet(data, file_name="", limits=None):
    """The first sheet of ``data`` (the first worksheet, or an HTML file's first table)."""
    for sheet in read_sheets(data, file_name, limits):
        return sheet
    raise RosterReadError("empty")


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
