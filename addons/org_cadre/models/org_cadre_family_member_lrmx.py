from odoo import fields, models


class OrgCadreFamilyMember(models.Model):
    """LRMX of a family member (models/hr_employee_lrmx.py)."""

    _inherit = "org.cadre.family.member"

    # The texts of the member's <Item> in the last LRMX file, as hr.employee's
    # ``cadre_lrmx_source``.
    lrmx_source = fields.Json(string="LRMX File Texts", copy=False, prefetch=False)
