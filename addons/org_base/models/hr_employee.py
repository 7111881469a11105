import base64
import binascii

from odoo import api, models
from odoo.exceptions import UserError


class HrEmployee(models.Model):
    """Employees keep their resident ID number in Odoo's own ``identification_id``."""

    _name = "hr.employee"
    _inherit = ["hr.employee", "org.resident.id.mixin"]

    _resident_id_field = "identification_id"
    _resident_id_birthday_field = "birthday"
    _resident_id_gender_field = "gender"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.browse()._org_check_photo(vals, vals.get("name"))
        return super().create(vals_list)

    def write(self, vals):
        self._org_check_photo(vals, "、".join(self.mapped("name")))
        return super().write(vals)

    def _org_photo_formats(self, vals):
        """The image types this employee's photo may have: ``None`` for any image Odoo takes
        (users' generated SVG avatars reach employees); org_cadre asks JPEG or PNG of a cadre's
        ID photo."""
        return None

    def _org_check_photo(self, vals, name):
        """The photo (``image_1920``) is within the upload limits, checked on its header
        before Odoo decodes any pixel (a huge image would otherwise end in PIL's raw
        DecompressionBombError)."""
        photo = vals.get("image_1920")
        if not photo:
            return
        try:
            data = base64.b64decode(photo)
        except (binascii.Error, ValueError, TypeError) as error:
            raise UserError(
                self.env._("The photo of %(name)s cannot be read as an image.", name=name or "")
            ) from error
        self.env["org.upload.limits"]._check_image(
            data,
            self.env._("The photo of %(name)s", name=name or self.env._("the new employee")),
            self._org_photo_formats(vals),
        )
