import datetime

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from ..tools.resident_id import (
    CHECK_CHARS,
    PROVINCE_CODES,
    WEIGHTS,
    ResidentIdError,
    check_resident_id,
    mask_resident_id,
    normalize_resident_id,
    parse_resident_id,
)
from .common import FakeModelCase

# 420102 (武汉市江岸区), born 1985-03-15, order 421 (odd: male), check digit 6.
VALID = "420102198503154216"
# Born 1992-07-08, order 158 (even: female), check character X.
VALID_X = "42010219920708158X"
# The 15-digit form of VALID (no century, no check character).
LEGACY = "420102850315421"


@tagged("post_install", "-at_install")
class TestResidentIdTool(TransactionCase):
    """The pure validator shared by every model and by the roster import."""

    def assertRefused(self, value, code):
        with self.assertRaises(ResidentIdError) as caught:
            normalize_resident_id(value)
        self.assertEqual(caught.exception.code, code)
        self.assertEqual(check_resident_id(value).code, code)

    def test_valid(self):
        self.assertEqual(normalize_resident_id(VALID), VALID)
        self.assertIsNone(check_resident_id(VALID))
        number, birth, gender = parse_resident_id(VALID)
        self.assertEqual((number, birth, gender), (VALID, datetime.date(1985, 3, 15), "male"))
        self.assertEqual(parse_resident_id(VALID_X)[1:], (datetime.date(1992, 7, 8), "female"))

    def test_wrong_check_digit(self):
        self.assertRefused(VALID[:17] + "7", "checksum")
        error = check_resident_id(VALID[:17] + "X")
        self.assertEqual((error.params["expected"], error.params["found"]), ("6", "X"))

    def test_lower_case_x(self):
        self.assertEqual(normalize_resident_id(VALID_X.lower()), VALID_X)
        self.assertEqual(normalize_resident_id(" 4201 0219 9207 0815 8x "), VALID_X)

    def test_full_width(self):
        full_width = VALID_X.translate(str.maketrans("0123456789X", "０１２３４５６７８９ｘ"))
        self.assertEqual(normalize_resident_id(full_width), VALID_X)

    def test_impossible_date(self):
        # 1985-02-30 does not exist; the check digit is made right so only the date is wrong.
        first17 = "42010219850230421"
        from ..tools.resident_id import check_char

        self.assertRefused(first17 + check_char(first17), "birth_date")
        future = "4201022090010142"
        self.assertRefused(future + "1" + check_char(future + "1"), "birth_date")

    def test_fifteen_digit_upgrade(self):
        self.assertEqual(normalize_resident_id(LEGACY), VALID)
        self.assertRefused("420102850230421", "birth_date")

    def test_empty(self):
        for value in ("", None, "   ", False):
            self.assertRefused(value, "empty")

    def test_shape(self):
        self.assertRefused("42010219850315421", "length")
        self.assertRefused("4201021985031542X6", "characters")
        self.assertRefused("4.20102198503154e+17", "length")
        self.assertRefused("990102198503154216", "area")

    def test_mask(self):
        self.assertEqual(mask_resident_id(VALID_X), "4***************8X")
        self.assertEqual(mask_resident_id(VALID_X.lower()), "4***************8X")
        self.assertEqual(mask_resident_id("1234"), "****")
        # Passports and permits: at most two characters at each end.
        self.assertEqual(mask_resident_id("E12345678"), "E1*****78")
        self.assertEqual(mask_resident_id("H12345678"), "H1*****78")
        self.assertEqual(mask_resident_id("AB123"), "A***3")
        self.assertEqual(mask_resident_id("ABC123456789012"), "AB***********12")

    def test_mask_cannot_be_undone(self):
        """Even knowing the birth date and the gender, the masked number leaves more than
        10,000 numbers whose area, birth date and check character are valid."""
        for number in (VALID, VALID_X, "11010519491231002X"):
            _number, birthday, gender = parse_resident_id(number)
            masked = mask_resident_id(number)
            self.assertNotIn(birthday.strftime("%Y%m%d"), masked)
            self.assertNotIn(number[:6], masked)
            count = count_candidates(masked, birthday, gender)
            self.assertGreaterEqual(count, 10_000, masked)
            self.assertGreaterEqual(count_candidates(masked), count)
        # The former mask (four characters at each end) left a handful: the count is real.
        old_mask = VALID[:4] + "*" * 10 + VALID[-4:]
        self.assertLess(count_candidates(old_mask, datetime.date(1985, 3, 15), "male"), 20)
        self.assertIn(VALID, candidates_for_test(old_mask, datetime.date(1985, 3, 15), "male"))

    def test_passport_mask_hides_most(self):
        masked = mask_resident_id("E12345678")
        self.assertLessEqual(len(masked.replace("*", "")), 4)
        # 5 hidden characters of a passport: 10**5 numbers at least.
        self.assertGreaterEqual(10 ** masked.count("*"), 10_000)


def _position_digits(masked, position, birthday, gender):
    """The digits the position may hold, knowing the masked number, birthday and gender."""
    char = masked[position]
    if char != "*":
        return [int(char)]
    if birthday and 6 <= position < 14:
        return [int(birthday.strftime("%Y%m%d")[position - 6])]
    if gender and position == 16:
        return [digit for digit in range(10) if digit % 2 == (gender == "male")]
    return list(range(10))


def _residues(masked, positions, birthday, gender):
    """``{sum of weighted digits mod 11: number of ways}`` over independent positions."""
    counts = {0: 1}
    for position in positions:
        new = {}
        for residue, ways in counts.items():
            for digit in _position_digits(masked, position, birthday, gender):
                key = (residue + digit * WEIGHTS[position]) % 11
                new[key] = new.get(key, 0) + ways
        counts = new
    return counts


def _combine(*parts):
    counts = {0: 1}
    for part in parts:
        new = {}
        for residue, ways in counts.items():
            for other, other_ways in part.items():
                key = (residue + other) % 11
                new[key] = new.get(key, 0) + ways * other_ways
        counts = new
    return counts


def count_candidates(masked, birthday=None, gender=None):
    """How many valid 18-character numbers show as ``masked`` and fit the birthday and gender
    (when given): a valid province, a possible birth date and the right check character."""
    province = {}
    for code in PROVINCE_CODES:
        text = f"{code:02d}"
        if all(masked[i] in ("*", text[i]) for i in range(2)):
            key = (int(text[0]) * WEIGHTS[0] + int(text[1]) * WEIGHTS[1]) % 11
            province[key] = province.get(key, 0) + 1
    if birthday:
        birth = _residues(masked, range(6, 14), birthday, gender)
    else:
        birth = {}
        day = datetime.date(1900, 1, 1)
        today = datetime.date.today()
        while day <= today:
            text = day.strftime("%Y%m%d")
            if all(masked[6 + i] in ("*", text[i]) for i in range(8)):
                key = sum(int(d) * WEIGHTS[6 + i] for i, d in enumerate(text)) % 11
                birth[key] = birth.get(key, 0) + 1
            day += datetime.timedelta(days=1)
    rest = _residues(masked, [2, 3, 4, 5, 14, 15, 16], birthday, gender)
    total = _combine(province, birth, rest)
    check = masked[17]
    return sum(ways for residue, ways in total.items() if check in ("*", CHECK_CHARS[residue]))


def candidates_for_test(masked, birthday, gender):
    """The candidates themselves, when few (positions 2-5 and 14-15 only)."""
    import itertools

    hidden = [position for position, char in enumerate(masked) if char == "*"]
    body = list(masked)
    for position in range(6, 14):
        body[position] = birthday.strftime("%Y%m%d")[position - 6]
    found = []
    free = [position for position in hidden if not 6 <= position < 14]
    for digits in itertools.product(*[_position_digits(masked, p, birthday, gender) for p in free]):
        for position, digit in zip(free, digits, strict=True):
            body[position] = str(digit)
        if check_resident_id("".join(body)) is None:
            found.append("".join(body))
    return found


@tagged("post_install", "-at_install")
class TestResidentIdOnEmployee(TransactionCase):
    """hr.employee keeps the number in identification_id through org.resident.id.mixin."""

    def test_employee_number_normalized_and_derived(self):
        employee = self.env["hr.employee"].create({"name": "张明", "identification_id": LEGACY})
        self.assertEqual(employee.identification_id, VALID)
        self.assertEqual(employee.birthday, datetime.date(1985, 3, 15))
        self.assertEqual(employee.gender, "male")
        self.assertEqual(employee.resident_id_masked, "4***************16")
        employee.identification_id = VALID_X.lower()
        self.assertEqual(employee.identification_id, VALID_X)
        # A birth date given with the number and agreeing with it is kept.
        other = self.env["hr.employee"].create(
            {"name": "刘芳", "identification_id": VALID_X, "birthday": "1992-07-08"}
        )
        self.assertEqual(other.birthday, datetime.date(1992, 7, 8))
        self.assertEqual(other.gender, "female")

    def test_employee_bad_number_names_record_and_problem(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["hr.employee"].create({"name": "张明", "identification_id": VALID[:17] + "7"})
        message = str(caught.exception)
        self.assertIn("张明", message)
        self.assertIn(VALID[:17] + "7", message)
        self.assertIn("check character should be 6, not 7", message)

        employee = self.env["hr.employee"].create({"name": "王强", "identification_id": VALID})
        with self.assertRaises(ValidationError):
            employee.identification_id = "420102198502304216"
        self.assertEqual(employee.identification_id, VALID, "the stored number is kept")

    def test_number_is_authoritative_for_birthday_and_gender(self):
        """A birth date or gender that contradicts the number is refused naming both values,
        on create and on a later write of either side; nothing stored changes."""
        with self.assertRaises(ValidationError) as caught:
            self.env["hr.employee"].create(
                {"name": "张明", "identification_id": VALID, "birthday": "1986-03-15"}
            )
        message = str(caught.exception)
        self.assertIn("张明", message)
        self.assertIn("1986-03-15", message)
        self.assertIn("1985-03-15", message)
        with self.assertRaises(ValidationError) as caught:
            self.env["hr.employee"].create({"name": "张明", "identification_id": VALID, "gender": "female"})
        self.assertIn("Female", str(caught.exception))
        self.assertIn("Male", str(caught.exception))

        employee = self.env["hr.employee"].create({"name": "王强", "identification_id": VALID})
        for vals in ({"birthday": "1985-03-16"}, {"gender": "female"}):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                employee.write(vals)
        self.assertEqual((employee.birthday, employee.gender), (datetime.date(1985, 3, 15), "male"))
        # A new number brings its own birth date and gender with it.
        employee.identification_id = VALID_X
        self.assertEqual(employee.gender, "female")
        self.assertEqual(employee.birthday, parse_resident_id(VALID_X)[1])

    def test_employee_empty_number_allowed(self):
        employee = self.env["hr.employee"].create({"name": "无证件", "identification_id": False})
        self.assertFalse(employee.resident_id_masked)

    def test_message_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["org_base"], ["zh_CN"], overwrite=True)
        employee_model = self.env["hr.employee"].with_context(lang="zh_CN")
        with self.assertRaises(ValidationError) as caught:
            employee_model.create({"name": "张明", "identification_id": "420102198502304216"})
        message = str(caught.exception)
        self.assertIn("张明", message)
        self.assertIn("居民身份证号", message)
        self.assertIn("19850230", message)
        self.assertIn("出生日期", message)


@tagged("post_install", "-at_install")
class TestResidentIdMixin(FakeModelCase):
    """The mixin on a model of its own: default field name, no birthday field."""

    @classmethod
    def _fake_models(cls):
        from .fake_models import OrgFakeIdHolder

        return (OrgFakeIdHolder,)

    def test_mixin_on_any_model(self):
        holder = self.env["org.fake.id.holder"].create({"name": "甲", "id_number": VALID_X.lower()})
        self.assertEqual((holder.id_number, holder.gender), (VALID_X, "female"))
        self.assertEqual(holder.resident_id_masked, "4***************8X")
        holders = self.env["org.fake.id.holder"].create(
            [{"name": "乙", "id_number": LEGACY}, {"name": "丙", "id_number": False}]
        )
        self.assertEqual(holders.mapped("id_number"), [VALID, False])
        # Odoo's assertRaises rolls back to a savepoint, as a refused request does.
        with self.assertRaises(ValidationError) as caught:
            holders[0].id_number = "42010219850315421"
        self.assertIn("乙: ", str(caught.exception))
        self.assertIn("42010219850315421", str(caught.exception))
        self.assertEqual(holders[0].id_number, VALID, "the stored number is kept")
        with self.assertRaises(ValidationError) as caught:
            self.env["org.resident.id.mixin"]._normalize_resident_id("990102198503154216")
        self.assertIn("990102 is not a Chinese administrative area code", str(caught.exception))
