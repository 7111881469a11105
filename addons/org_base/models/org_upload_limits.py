from odoo import api, models
from odoo.exceptions import UserError

from ..tools.upload_limits import ID_PHOTO_FORMATS, LimitError, Limits, check_image

# Setting (ir.config_parameter key) of each limit, and the unit it is entered in.
_MB = 1024 * 1024
LIMIT_PARAMETERS = {
    "file_bytes": ("org_base.upload_file_mb", _MB),
    "zip_entries": ("org_base.upload_zip_entries", 1),
    "zip_bytes": ("org_base.upload_zip_mb", _MB),
    "sheet_rows": ("org_base.upload_sheet_rows", 1),
    "sheet_columns": ("org_base.upload_sheet_columns", 1),
    "cell_length": ("org_base.upload_cell_length", 1),
    "image_bytes": ("org_base.upload_image_mb", _MB),
    "image_pixels": ("org_base.upload_image_megapixels", 1_000_000),
}


def _megabytes(number):
    return f"{number / _MB:.1f}".removesuffix(".0")


class OrgUploadLimits(models.AbstractModel):
    """The upload limits in force (settings under 组织工作) and their messages.

    The checks themselves are the pure functions of ``tools/upload_limits.py``; a model
    reads the limits with ``_get_limits()`` before the work and turns a ``LimitError`` into a
    UserError naming the file with ``_raise_limit_error()``.
    """

    _name = "org.upload.limits"
    _description = "Upload Limits"

    @api.model
    def _get_limits(self):
        """The :class:`Limits` of the settings; a missing or bad setting keeps its default."""
        params = self.env["ir.config_parameter"].sudo()
        defaults = Limits()
        values = {}
        for name, (key, unit) in LIMIT_PARAMETERS.items():
            try:
                value = int(params.get_param(key) or 0)
            except ValueError:
                value = 0
            values[name] = value * unit if value > 0 else getattr(defaults, name)
        return Limits(**values)

    @api.model
    def _limit_message(self, error):
        """The translated sentence of a :class:`LimitError`."""
        code, params = error.code, error.params
        limit = params.get("limit", 0)
        if code == "file_bytes":
            return self.env._(
                "the file is %(size)s MB, more than the %(limit)s MB allowed.",
                size=_megabytes(params["size"]),
                limit=_megabytes(limit),
            )
        if code == "zip_entries":
            return self.env._(
                "the archive holds %(count)s entries, more than the %(limit)s allowed.",
                count=params["count"],
                limit=limit,
            )
        if code == "zip_bytes":
            return self.env._(
                "its content unpacks to more than %(limit)s MB, the most allowed.", limit=_megabytes(limit)
            )
        if code == "zip_member_bytes":
            return self.env._(
                "%(member)s in the archive unpacks to more than %(limit)s MB, the most allowed for one file.",
                member=params["name"],
                limit=_megabytes(limit),
            )
        if code == "rows":
            return self.env._(
                "it has more than %(limit)s filled rows; split it into several files.", limit=limit
            )
        if code == "columns":
            return self.env._(
                "row %(row)s has a value beyond column %(limit)s; delete the cells right of the table.",
                row=params["row"],
                limit=limit,
            )
        if code == "cell_length":
            return self.env._(
                "the cell in row %(row)s, column %(column)s holds more than %(limit)s characters.",
                row=params["row"],
                column=params["column"],
                limit=limit,
            )
        if code == "image_bytes":
            return self.env._(
                "the photo is %(size)s MB, more than the %(limit)s MB allowed.",
                size=_megabytes(params["size"]),
                limit=_megabytes(limit),
            )
        if code == "image_pixels":
            megapixels = format(limit / 1_000_000, "g")
            return self.env._(
                "the photo has more than %(limit)s megapixels; scale it down.", limit=megapixels
            )
        if code == "image_type":
            return self.env._(
                "the photo is of type %(type)s; only JPEG and PNG photos are accepted.", type=params["type"]
            )
        if code == "image_damaged":
            return self.env._("the photo cannot be read as an image.")
        return self.env._("it is not a readable zip archive.")

    @api.model
    def _raise_limit_error(self, error, name):
        """Raise the UserError of a :class:`LimitError` for the file or record ``name``."""
        raise UserError(
            self.env._(
                "%(name)s cannot be accepted: %(problem)s", name=name, problem=self._limit_message(error)
            )
        ) from error

    @api.model
    def _check_image(self, data, name, formats=ID_PHOTO_FORMATS):
        """Check the raw bytes of an image (an ID photo by default: JPEG or PNG; ``None``:
        any image); a UserError naming ``name`` when refused."""
        try:
            return check_image(data, self._get_limits(), formats)
        except LimitError as error:
            self._raise_limit_error(error, name)
