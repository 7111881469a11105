from .resident_id import (
    ResidentIdError,
    check_resident_id,
    mask_resident_id,
    normalize_resident_id,
    parse_resident_id,
)
