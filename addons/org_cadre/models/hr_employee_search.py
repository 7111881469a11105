from odoo import fields, models

from .hr_employee import CADRE_GROUPS

# hr asks that fields hr.employee.public lacks carry groups, so that they are not prefetched
# for users who only see public profiles.
SEARCH_GROUPS = f"hr.group_hr_user,{CADRE_GROUPS}"


class HrEmployee(models.Model):
    """Cadres are found by pinyin, initials and ID number (org_base's person search)."""

    _name = "hr.employee"
    _inherit = ["hr.employee", "org.person.search.mixin"]

    name_pinyin = fields.Char(groups=SEARCH_GROUPS)
    org_id_search = fields.Char(groups=SEARCH_GROUPS)
