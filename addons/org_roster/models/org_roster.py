from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.roster_reader import normalize_header, split_synonyms

# Field types each kind of column can fill.
KIND_FIELD_TYPES = {
    "char": ("char", "text", "html"),
    "integer": ("integer",),
    "float": ("float", "monetary"),
    "boolean": ("boolean",),
    "date": ("date", "datetime"),
    "id_number": ("char",),
    "selection": ("selection",),
    "many2one": ("many2one",),
    "dictionary": ("many2one",),
}
FIELD_TYPE_KINDS = {
    "integer": "integer",
    "float": "float",
    "monetary": "float",
    "boolean": "boolean",
    "date": "date",
    "datetime": "date",
    "selection": "selection",
    "many2one": "many2one",
}


class OrgRoster(models.Model):
    """A spreadsheet roster (花名册) that officers import: which model it fills, which field
    identifies a person, and which column headers map to which fields."""

    _name = "org.roster"
    _description = "Roster"
    _order = "sequence, name, id"

    name = fields.Char(required=True)
    key = fields.Char(
        required=True,
        help="Technical key that area addons and other systems use to name this roster, "
        "e.g. employee or party_member; do not change it.",
    )
    model_id = fields.Many2one(
        "ir.model",
        required=True,
        ondelete="cascade",
        domain=[("transient", "=", False)],
        help="The records a row of the spreadsheet creates or updates.",
    )
    model = fields.Char(related="model_id.model", string="Model Name")
    key_field_name = fields.Char(
        string="Key Field",
        required=True,
        help="The field that identifies a person, e.g. identification_id: re-importing a file "
        "updates the record that has the same value and never creates a duplicate.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text()
    column_ids = fields.One2many("org.roster.column", "roster_id", copy=True)
    column_count = fields.Integer(compute="_compute_column_count")

    _sql_constraints = [
        ("key_uniq", "unique(key)", "Another roster already uses this key."),
    ]

    @api.depends("column_ids")
    def _compute_column_count(self):
        for roster in self:
            roster.column_count = len(roster.column_ids)

    @api.constrains("model_id", "key_field_name")
    def _check_key_field_name(self):
        for roster in self:
            if roster.key_field_name not in self.env[roster.model]._fields:
                raise ValidationError(
                    self.env._(
                        "Roster %(roster)s: the model %(model)s has no field %(field)s to identify a person.",
                        roster=roster.display_name,
                        model=roster.model_id.sudo().name,
                        field=roster.key_field_name,
                    )
                )

    @api.constrains("model_id")
    def _check_model_id(self):
        self.column_ids._check_field_name()

    @api.constrains("column_ids")
    def _check_column_headers(self):
        for roster in self:
            seen = {}
            for column in roster.column_ids:
                for header in column._header_names():
                    if header in seen and seen[header] != column:
                        raise ValidationError(
                            self.env._(
                                "Roster %(roster)s: the header %(header)s belongs to both "
                                "%(column)s and %(other)s.",
                                roster=roster.display_name,
                                header=header,
                                column=seen[header].label,
                                other=column.label,
                            )
                        )
                    seen[header] = column

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for roster, vals in zip(self, vals_list, strict=True):
            if "key" not in (default or {}):
                vals["key"] = f"{roster.key}_copy"
            if "name" not in (default or {}):
                vals["name"] = self.env._("%(roster)s (copy)", roster=roster.name)
        return vals_list

    def action_open_import(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("org_roster.org_roster_import_action")
        action["context"] = {"default_roster": self.key}
        return action

    def _key_column(self):
        """The column that fills the key field, if the roster has one."""
        self.ensure_one()
        return self.column_ids.filtered(lambda column: column.field_name == self.key_field_name)[:1]


class OrgRosterColumn(models.Model):
    """One column of a roster: its Chinese header, the headers people also write, and how
    the cell becomes a field value."""

    _name = "org.roster.column"
    _description = "Roster Column"
    _order = "roster_id, sequence, id"
    _rec_name = "label"

    roster_id = fields.Many2one("org.roster", required=True, ondelete="cascade", index=True)
    model = fields.Char(related="roster_id.model_id.model", string="Model Name")
    sequence = fields.Integer(default=10)
    label = fields.Char(
        string="Header",
        required=True,
        help="The column header of the template, e.g. 身份证号.",
    )
    synonyms = fields.Text(
        help="Other headers that mean the same column, separated by commas, 、 or new lines, "
        "e.g. 公民身份号码、身份证号码. Spaces, full-width characters, a trailing * and notes "
        "in brackets such as （18位） are ignored when headers are compared.",
    )
    field_name = fields.Char(
        string="Field", required=True, help="Technical name of the field the column fills."
    )
    field_description = fields.Char(compute="_compute_field_description", string="Field Label")
    kind = fields.Selection(
        [
            ("char", "Text"),
            ("integer", "Whole Number"),
            ("float", "Number"),
            ("boolean", "Yes/No"),
            ("date", "Date"),
            ("id_number", "Resident ID Number"),
            ("selection", "Selection"),
            ("many2one", "Record (by name)"),
            ("dictionary", "Dictionary Entry"),
        ],
        compute="_compute_kind",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        help="How a cell is read: dates accept 1990.01, 1990年1月, 1990-01-05 and Excel dates; "
        "Yes/No accepts 是/否, Y/N, 1/0, √; a selection matches its value, a label, the start of "
        "only one label (男 for 男性) or an alias; a record is found by its exact name; a "
        "dictionary entry by its name, short name or code.",
    )
    required = fields.Boolean(help="A file without this column, or a row with an empty cell, is refused.")
    dictionary_code = fields.Char(
        help="Code of the dictionary whose entries a Dictionary Entry column matches, e.g. ethnicity.",
    )
    value_aliases = fields.Text(
        help="Other words for the options of a Selection column, one option per line: the words, "
        "then = and the option's technical value, e.g. 男、男性=male. Labels and values match "
        "without this.",
    )

    @api.depends("field_name", "roster_id.model_id")
    def _compute_field_description(self):
        for column in self:
            field = column._target_field()
            column.field_description = (
                self.env["ir.model.fields"]._get(field.model_name, field.name).field_description
                if field
                else False
            )

    @api.depends("field_name", "roster_id.model_id")
    def _compute_kind(self):
        for column in self:
            field = column._target_field()
            if not field:
                column.kind = column.kind or "char"
            elif field.type == "many2one" and field.comodel_name == "org.dictionary.item":
                column.kind = "dictionary"
            elif not (field.type == "char" and column.kind == "id_number"):
                column.kind = FIELD_TYPE_KINDS.get(field.type, "char")

    @api.constrains("field_name", "roster_id", "kind", "dictionary_code")
    def _check_field_name(self):
        for column in self:
            roster = column.roster_id
            field = column._target_field()
            if not field:
                raise ValidationError(
                    self.env._(
                        "Roster %(roster)s: the model %(model)s has no field %(field)s (column %(column)s).",
                        roster=roster.display_name,
                        model=roster.model_id.sudo().name,
                        field=column.field_name,
                        column=column.label,
                    )
                )
            if field.type not in KIND_FIELD_TYPES[column.kind] or (
                column.kind == "dictionary" and field.comodel_name != "org.dictionary.item"
            ):
                raise ValidationError(
                    self.env._(
                        "Roster %(roster)s: the column %(column)s cannot be read as %(kind)s into "
                        "the field %(field)s.",
                        roster=roster.display_name,
                        column=column.label,
                        kind=dict(column._fields["kind"]._description_selection(self.env))[column.kind],
                        field=column.field_name,
                    )
                )
            if column.kind == "dictionary" and not column.dictionary_code:
                raise ValidationError(
                    self.env._(
                        "Roster %(roster)s: the column %(column)s needs the code of its dictionary.",
                        roster=roster.display_name,
                        column=column.label,
                    )
                )

    @api.constrains("label", "synonyms")
    def _check_headers(self):
        self.roster_id._check_column_headers()

    @api.constrains("value_aliases", "field_name", "kind")
    def _check_value_aliases(self):
        for column in self.filtered("value_aliases"):
            field = column._target_field()
            values = field.get_values(self.env) if field and field.type == "selection" else []
            for line in column.value_aliases.splitlines():
                words, _sep, value = line.rpartition("=")
                if line.strip() and (not words.strip() or value.strip() not in values):
                    raise ValidationError(
                        self.env._(
                            "Roster %(roster)s, column %(column)s: the alias line %(line)s must read "
                            "words=value, with one of the values %(values)s.",
                            roster=column.roster_id.display_name,
                            column=column.label,
                            line=line.strip(),
                            values=", ".join(values) or "-",
                        )
                    )

    def _target_field(self):
        """The field the column fills, or None."""
        self.ensure_one()
        model = self.roster_id.model
        if not model or model not in self.env or not self.field_name:
            return None
        return self.env[model]._fields.get(self.field_name)

    def _aliases(self):
        """``{normalised word: value}`` of the value aliases."""
        self.ensure_one()
        aliases = {}
        for line in (self.value_aliases or "").splitlines():
            words, _sep, value = line.rpartition("=")
            for word in split_synonyms(words):
                aliases[normalize_header(word)] = value.strip()
        return aliases

    def _header_names(self):
        """The normalised headers that name this column: its label and its synonyms."""
        self.ensure_one()
        names = [self.label, *split_synonyms(self.synonyms)]
        return {header for header in map(normalize_header, names) if header}
