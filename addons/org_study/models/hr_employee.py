from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    study_level_id = fields.Many2one(
        "org.dictionary.item",
        index="btree_not_null",
        ondelete="restrict",
        domain=[("dictionary_code", "=", "study_level")],
        # Not on the public profile (hr.employee.public): HR officers set it.
        groups="hr.group_hr_user",
        help="The level of the study-hour requirements (学时要求) that apply to the person, e.g. "
        "县处级及以上 or 乡科级及以下 (干部教育培训工作条例).",
    )
