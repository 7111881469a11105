from odoo import fields, models


class OrgCadreFamilyMember(models.Model):
    """家庭主要成员及重要社会关系 of a cadre, as the appointment form lists them."""

    _name = "org.cadre.family.member"
    _description = "Cadre Family Member"
    _order = "employee_id, sequence, id"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    relation = fields.Char(string="Relationship", help="称谓, e.g. 妻子, 儿子, 父亲.")
    name = fields.Char(required=True)
    birth_date = fields.Date(string="Date of Birth")
    political_status_id = fields.Many2one(
        "org.dictionary.item",
        domain=[("dictionary_code", "=", "political_status")],
    )
    work_unit_post = fields.Char(string="Work Unit and Post")
