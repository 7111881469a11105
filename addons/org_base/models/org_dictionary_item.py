from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OrgDictionaryItem(models.Model):
    """One entry of a dictionary: a standard code and its Chinese name."""

    _name = "org.dictionary.item"
    _description = "Dictionary Entry"
    _inherit = ["mail.thread"]
    _order = "dictionary_id, sequence, code, id"
    _parent_store = True

    dictionary_id = fields.Many2one(
        "org.dictionary", required=True, ondelete="cascade", index=True, tracking=True
    )
    dictionary_code = fields.Char(
        related="dictionary_id.code", string="Dictionary Code", store=True, index=True, tracking=False
    )
    code = fields.Char(required=True, tracking=True, help="The standard code, e.g. 01 for 汉族.")
    name = fields.Char(required=True, tracking=True)
    short_name = fields.Char(help="Abbreviation used in tight layouts and exports.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    parent_id = fields.Many2one(
        "org.dictionary.item",
        string="Parent Entry",
        index=True,
        ondelete="restrict",
        domain="[('dictionary_id', '=', dictionary_id)]",
        tracking=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("org.dictionary.item", "parent_id", string="Sub-entries")
    note = fields.Text()

    _sql_constraints = [
        (
            "code_uniq",
            "unique(dictionary_id, code)",
            "This code is already used by another entry of the same dictionary.",
        ),
    ]

    @api.depends("code", "name")
    @api.depends_context("org_dictionary_show_code")
    def _compute_display_name(self):
        show_code = self.env.context.get("org_dictionary_show_code")
        for item in self:
            item.display_name = f"{item.code} {item.name}" if show_code else item.name

    @api.model
    def _search_display_name(self, operator, value):
        # Typing a standard code finds its entry as well as typing its name.
        domain = super()._search_display_name(operator, value)
        if value and operator in ("ilike", "=", "=ilike"):
            domain = ["|", ("code", "=ilike", value), *domain]
        return domain

    @api.model
    def _org_entries_by_text(self, dictionary_codes, texts=None):
        """``{dictionary code: {text: entry id}}``: the entries of the dictionaries
        ``dictionary_codes``, each known by its code, short name and name (a name wins over
        another entry's short name or code), read in one search. With ``texts``, only the
        entries one of them names. For imports that turn a file's texts into entries."""
        domain = [("dictionary_code", "in", list(dictionary_codes))]
        if texts is not None:
            values = list(texts)
            domain += ["|", "|", ("name", "in", values), ("short_name", "in", values), ("code", "in", values)]
        entries = {code: {} for code in dictionary_codes}
        items = self.search(domain)
        for key in ("code", "short_name", "name"):
            for item in items:
                if item[key]:
                    entries[item.dictionary_code][item[key]] = item.id
        return entries

    @api.constrains("parent_id", "dictionary_id")
    def _check_parent_id(self):
        for item in self:
            if item.parent_id and item.parent_id.dictionary_id != item.dictionary_id:
                raise ValidationError(
                    self.env._(
                        "Entry %(entry)s: its parent %(parent)s belongs to another dictionary.",
                        entry=item.display_name,
                        parent=item.parent_id.display_name,
                    )
                )
