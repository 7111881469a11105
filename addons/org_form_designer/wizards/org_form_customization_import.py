import base64
import binascii
import json

from odoo import fields, models
from odoo.exceptions import UserError


class OrgFormCustomizationImport(models.TransientModel):
    """Import a form customization exported from another database; apply it afterwards."""

    _name = "org.form.customization.import"
    _description = "Import a Form Customization"

    file = fields.Binary(required=True)
    file_name = fields.Char()

    def action_import(self):
        self.ensure_one()
        try:
            data = json.loads(base64.b64decode(self.file).decode("utf-8"))
        except (binascii.Error, UnicodeDecodeError, ValueError) as error:
            raise UserError(
                self.env._("%(file)s is not a form customization file (JSON).", file=self.file_name or "")
            ) from error
        customization = self.env["org.form.customization"]._import_data(data)
        customization.message_post(
            body=self.env._("Imported from %(file)s.", file=self.file_name or self.env._("a file"))
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": customization._name,
            "res_id": customization.id,
            "view_mode": "form",
            "target": "current",
        }
