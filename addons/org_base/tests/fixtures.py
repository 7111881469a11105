"""Resident ID numbers for tests: valid ones by area, birth date and order, and wrong ones."""

from ..tools.resident_id import check_char


def resident_id(area="420115", birth="19850315", order=421):
    """A valid 18-character number for the area, birth date (YYYYMMDD) and order number."""
    first17 = f"{area}{birth}{order:03d}"
    return first17 + check_char(first17)


def wrong_check(number):
    """``number`` with a check character that is wrong (the next one along)."""
    chars = "0123456789X"
    return number[:17] + chars[(chars.index(number[17]) + 1) % len(chars)]


def resident_id_x(area, birth):
    """A valid number of a woman whose check character is X."""
    numbers = (resident_id(area, birth, order) for order in range(100, 1000, 2))
    return next(number for number in numbers if number.endswith("X"))
