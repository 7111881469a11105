from odoo import fields, models


class OrgFakePerson(models.Model):
    """A model of no addon that searches its people by pinyin and ID number."""

    _name = "org.fake.person"
    _inherit = ["org.resident.id.mixin", "org.person.search.mixin"]
    _description = "Person (test)"

    name = fields.Char()
    id_number = fields.Char(groups="org_base.group_org_user")
