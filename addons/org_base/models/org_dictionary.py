from odoo import api, fields, models


class OrgDictionary(models.Model):
    """A code table (民族, 学历, 政治面貌 …) that configurators maintain as records."""

    _name = "org.dictionary"
    _description = "Dictionary"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        required=True,
        tracking=True,
        help="Technical key that fields and imports use to find this dictionary; do not change it "
        "once other records use it.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    standard = fields.Char(help="The national standard the shipped codes follow, e.g. GB/T 3304.")
    description = fields.Text()
    item_ids = fields.One2many("org.dictionary.item", "dictionary_id", string="Entries")
    item_count = fields.Integer(compute="_compute_item_count", string="Entry Count")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another dictionary already uses this code."),
    ]

    @api.depends("item_ids")
    def _compute_item_count(self):
        counts = dict(
            self.env["org.dictionary.item"]._read_group(
                [("dictionary_id", "in", self.ids)], ["dictionary_id"], ["__count"]
            )
        )
        for dictionary in self:
            dictionary.item_count = counts.get(dictionary, 0)

    def action_open_items(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("org_base.org_dictionary_item_action")
        action.update(
            name=self.name,
            domain=[("dictionary_id", "=", self.id)],
            context={"default_dictionary_id": self.id},
        )
        return action
