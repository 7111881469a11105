from odoo import fields, models


class OrgFakeIdHolder(models.Model):
    """A model of no addon that keeps a resident ID number, to test the mixin alone."""

    _name = "org.fake.id.holder"
    _inherit = ["org.resident.id.mixin"]
    _description = "Resident ID Holder (test)"
    _resident_id_gender_field = "gender"

    name = fields.Char()
    id_number = fields.Char()
    gender = fields.Selection([("male", "Male"), ("female", "Female")])
