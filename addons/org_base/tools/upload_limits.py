"""Bounds on what users upload: files, zip archives, spreadsheets and photos.

Pure functions, no ORM, like :mod:`.resident_id`: each check raises :class:`LimitError` with
a machine code and parameters before the expensive work is done (decompressing, decoding
pixels, building rows), and the model's edge turns it into a translated message. The limits
themselves come from :class:`Limits`, which the models fill from settings
(``org.upload.limits``).

Codes:

- ``file_bytes``: the upload is larger than ``limit`` bytes (``size``);
- ``zip_entries``: the archive lists more than ``limit`` entries;
- ``zip_bytes``: the archive's members decompress to more than ``limit`` bytes;
- ``zip_member_bytes``: one member (``name``) unpacks to more than the upload limit;
- ``zip_damaged``: the archive cannot be read (``detail``);
- ``rows`` / ``columns``: a worksheet with more than ``limit`` rows or columns;
- ``cell_length``: a cell longer than ``limit`` characters (``row``, ``column``: 1-based);
- ``image_bytes``, ``image_pixels`` (``width``, ``height``, ``limit``), ``image_type``
  (``type``: what the file is), ``image_damaged``.
"""

import dataclasses
import io
import warnings
import zipfile

from PIL import Image

_CHUNK = 1 << 16


class LimitError(ValueError):
    """An upload beyond a limit. ``code`` names the limit, ``params`` the figures."""

    def __init__(self, code, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclasses.dataclass(frozen=True)
class Limits:
    """The limits in force; the defaults are those of a new database."""

    file_bytes: int = 20 * 1024 * 1024
    zip_entries: int = 2000
    zip_bytes: int = 200 * 1024 * 1024
    sheet_rows: int = 50000
    sheet_columns: int = 200
    cell_length: int = 2000
    image_bytes: int = 5 * 1024 * 1024
    image_pixels: int = 25_000_000


def check_file_size(data, limits):
    """Raise ``file_bytes`` when ``data`` is larger than the upload limit."""
    if len(data) > limits.file_bytes:
        raise LimitError("file_bytes", size=len(data), limit=limits.file_bytes)


def read_zip_members(data, limits, accept=None):
    """``[(ZipInfo, bytes)]`` of the members of the zip ``data`` that ``accept(info)`` keeps.

    The entry count is checked on the central directory before anything is decompressed;
    members are then read in chunks and the reading stops as soon as one member passes the
    upload limit or their total passes the unpacked limit, whatever sizes the archive
    declares, so a zip bomb costs at most the limit.
    """
    check_file_size(data, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise LimitError("zip_damaged", detail=str(error) or type(error).__name__) from error
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.zip_entries:
            raise LimitError("zip_entries", count=len(infos), limit=limits.zip_entries)
        members = []
        total = 0
        for info in infos:
            if info.is_dir() or (accept and not accept(info)):
                continue
            if total + info.file_size > limits.zip_bytes:
                raise LimitError("zip_bytes", limit=limits.zip_bytes)
            if info.file_size > limits.file_bytes:
                raise LimitError("zip_member_bytes", name=info.filename, limit=limits.file_bytes)
            chunks = []
            size = 0
            try:
                with archive.open(info) as member:
                    while chunk := member.read(_CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if total > limits.zip_bytes:
                            raise LimitError("zip_bytes", limit=limits.zip_bytes)
                        if size > limits.file_bytes:
                            raise LimitError("zip_member_bytes", name=info.filename, limit=limits.file_bytes)
                        chunks.append(chunk)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as error:
                raise LimitError("zip_damaged", detail=str(error) or type(error).__name__) from error
            members.append((info, b"".join(chunks)))
    return members


def check_zip_size(data, limits):
    """Refuse a zip container (an .xlsx) whose declared members pass the entry or size limits.

    Readers that decompress members themselves (openpyxl) never read past a member's declared
    size, so the central directory bounds their work.
    """
    check_file_size(data, limits)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise LimitError("zip_damaged", detail=str(error) or type(error).__name__) from error
    if len(infos) > limits.zip_entries:
        raise LimitError("zip_entries", count=len(infos), limit=limits.zip_entries)
    if sum(info.file_size for info in infos) > limits.zip_bytes:
        raise LimitError("zip_bytes", limit=limits.zip_bytes)


ID_PHOTO_FORMATS = ("JPEG", "PNG")


def check_image(data, limits, formats=ID_PHOTO_FORMATS):
    """Check an uploaded image (raw bytes) without decoding its pixels: size, type, pixels.

    Returns the format (``"JPEG"``, ``"PNG"``, ``"SVG"``). With ``formats`` (ID photos:
    JPEG and PNG) anything else is refused as ``image_type``; with ``None`` any image PIL
    identifies passes, and SVG (Odoo's generated avatars) too. PIL reads only the header.
    """
    if len(data) > limits.image_bytes:
        raise LimitError("image_bytes", size=len(data), limit=limits.image_bytes)
    if data[:512].lstrip()[:1] == b"<":
        if formats is None:
            return "SVG"
        raise LimitError("image_type", type="SVG/XML")
    with warnings.catch_warnings():
        # Our own pixel limit decides; PIL's bomb warning and error only come later.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                image_format = image.format or ""
                width, height = image.size
        except Image.DecompressionBombError as error:
            raise LimitError("image_pixels", width=0, height=0, limit=limits.image_pixels) from error
        except (OSError, SyntaxError, ValueError) as error:
            raise LimitError("image_damaged", detail=str(error) or type(error).__name__) from error
    if formats is not None and image_format not in formats:
        raise LimitError("image_type", type=image_format or "?")
    if width * height > limits.image_pixels:
        raise LimitError("image_pixels", width=width, height=height, limit=limits.image_pixels)
    return image_format
