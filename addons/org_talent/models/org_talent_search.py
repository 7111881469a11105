from odoo import models


class OrgTalent(models.Model):
    """Talents are found by pinyin, initials and ID number (org_base's person search)."""

    _name = "org.talent"
    _inherit = ["org.talent", "org.person.search.mixin"]
