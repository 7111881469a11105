from odoo import models


class HrEmployee(models.Model):
    """Employees keep their resident ID number in Odoo's own ``identification_id``."""

    _name = "hr.employee"
    _inherit = ["hr.employee", "org.resident.id.mixin"]

    _resident_id_field = "identification_id"
    _resident_id_birthday_field = "birthday"
    _resident_id_gender_field = "gender"
