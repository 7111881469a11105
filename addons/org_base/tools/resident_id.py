"""Chinese resident identity card numbers (居民身份证号, GB 11643-1999).

Pure functions, no ORM: the roster import, the mixin and any other caller share them.
Errors carry a machine code and parameters; models turn them into translated messages.
"""

import datetime
import functools
import re
import unicodedata

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
# First two digits: provinces (GB/T 2260), plus 71 台湾, 81 香港, 82 澳门, 83 台湾居民居住证,
# 91 国外 (foreigners' permanent residence).
PROVINCE_CODES = frozenset(
    [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46]
    + [50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91]
)
_SHAPE_18 = re.compile(r"\d{17}[\dX]")
_SHAPE_15 = re.compile(r"\d{15}")


class ResidentIdError(ValueError):
    """An invalid number. ``code`` names the problem, ``params`` its details.

    Codes: ``empty``, ``length``, ``characters``, ``area``, ``birth_date``, ``checksum``.
    """

    def __init__(self, code, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


def check_char(first17):
    """The GB 11643 check character of the first 17 digits."""
    return CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def _clean(value):
    """Full-width to half-width, no blanks, upper-case X."""
    if isinstance(value, str) and value.isascii() and value.isalnum():
        return value.upper()  # the common case, without normalising (a roster has thousands)
    text = unicodedata.normalize("NFKC", str(value or ""))
    return re.sub(r"\s+", "", text).upper()


def _birth_date(digits8, today=None):
    """The date of 8 digits YYYYMMDD (no strptime: it is called for every row of a roster)."""
    try:
        birth = datetime.date(int(digits8[:4]), int(digits8[4:6]), int(digits8[6:8]))
    except ValueError:
        return None
    today = today or datetime.date.today()
    if birth.year < 1900 or birth > today:
        return None
    return birth


def normalize_resident_id(value, today=None):
    """Return the canonical 18-character number, or raise :class:`ResidentIdError`.

    Accepts full-width characters, blanks, a lower-case ``x`` and legacy 15-digit numbers
    (upgraded by inserting ``19`` before the birth date and appending the check character).
    """
    return _normalize(_clean(value), today or datetime.date.today())


@functools.lru_cache(maxsize=50_000)  # a roster's rows at most (upload limits): about 10 MB
def _normalize(number, today):
    """The canonical number of a cleaned one on the day ``today``: a roster's rows and the
    records made from them ask for the same numbers several times (the dry run, the import,
    the constraints), and the answer depends on nothing else. Errors are not cached."""
    if not number:
        raise ResidentIdError("empty")
    if len(number) == 15:
        if not _SHAPE_15.fullmatch(number):
            raise ResidentIdError("characters", number=number)
        first17 = number[:6] + "19" + number[6:]
        number = first17 + check_char(first17)
        _validate_body(number, today)
        return number
    if len(number) != 18:
        raise ResidentIdError("length", number=number, length=len(number))
    if not _SHAPE_18.fullmatch(number):
        raise ResidentIdError("characters", number=number)
    _validate_body(number, today)
    expected = check_char(number[:17])
    if number[17] != expected:
        raise ResidentIdError("checksum", number=number, expected=expected, found=number[17])
    return number


def _validate_body(number, today):
    if int(number[:2]) not in PROVINCE_CODES:
        raise ResidentIdError("area", number=number, area=number[:6])
    if not _birth_date(number[6:14], today):
        raise ResidentIdError("birth_date", number=number, date=number[6:14])


def check_resident_id(value, today=None):
    """The :class:`ResidentIdError` of an invalid number, ``None`` for a valid one."""
    try:
        normalize_resident_id(value, today)
    except ResidentIdError as error:
        return error
    return None


def parse_resident_id(value, today=None):
    """``(number, birth date, gender)`` of a valid number; gender is ``male`` or ``female``."""
    today = today or datetime.date.today()
    number = normalize_resident_id(value, today)
    birth = _birth_date(number[6:14], today)
    gender = "male" if int(number[16]) % 2 else "female"
    return number, birth, gender


def mask_resident_id(value):
    """The number with most of it hidden, for roles that may not see it whole.

    An 18-character number keeps its first character and its last two: ``4***************8X``.
    The region (6 digits) and the birth date (8 digits) are hidden whole, and so are two of the
    three order digits: even someone who knows the person's birth date and gender, and so the
    second-to-last digit's parity, is left with more than half a million numbers whose check
    character fits. Other documents (passports, permits: 5 to 17 characters) keep at most two
    characters at each end, fewer when short: ``E1*****78`` for a 9-character passport.
    """
    number = _clean(value)
    length = len(number)
    if length == 18:
        return number[:1] + "*" * 15 + number[-2:]
    keep = 2 if length >= 9 else 1 if length >= 5 else 0
    if not keep:
        return "*" * length
    return number[:keep] + "*" * (length - 2 * keep) + number[-keep:]


# Passports and permits are masked the same way.
mask_document_number = mask_resident_id
