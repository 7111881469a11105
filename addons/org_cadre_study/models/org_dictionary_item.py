from odoo import fields, models


class OrgDictionaryItem(models.Model):
    _inherit = "org.dictionary.item"

    study_level_id = fields.Many2one(
        "org.dictionary.item",
        index="btree_not_null",
        ondelete="restrict",
        domain=[("dictionary_code", "=", "study_level")],
        tracking=True,
        help="For an entry of the rank dictionary (职级): the study level (学时层级) of the cadres of "
        "this rank, whose study-hour requirements apply to them (干部教育培训工作条例).",
    )
