from odoo import fields, models


class HrEmployee(models.Model):
    """Cadres are found by pinyin, initials and ID number (org_base's person search); as hr
    asks of fields that hr.employee.public lacks, they are for hr users only."""

    _name = "hr.employee"
    _inherit = ["hr.employee", "org.person.search.mixin"]

    name_pinyin = fields.Char(groups="hr.group_hr_user")
    org_id_search = fields.Char(groups="hr.group_hr_user")
