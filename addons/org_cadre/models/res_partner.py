from odoo import models


class ResPartner(models.Model):
    # Employees created in batch create their work contacts in batch, with the same photo.
    _name = "res.partner"
    _inherit = ["res.partner", "org.cadre.image.batch.mixin"]
