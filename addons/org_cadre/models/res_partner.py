from odoo import api, models

from .hr_employee_lrmx import resized_images


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model_create_multi
    def create(self, vals_list):
        # The work contacts hr creates for a batch of imported cadres (LRMX) get the resized
        # copies of their photo with the batch, as the employees do.
        if self.env.context.get("org_cadre_resized_images"):
            for vals in vals_list:
                if vals.get("image_1920") and not vals.get("image_128"):
                    vals.update(resized_images(self, vals["image_1920"]))
        return super().create(vals_list)
