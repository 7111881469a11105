import ast

from odoo import Command, api, fields, models
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
    """A spreadsheet roster (花名册) that officers import: which model it fills, which fields
    identify a row, the values of the records it creates, and which column headers map to
    which fields.

    What a roster needs beyond its data is asked of the model it fills, once per import,
    through the ``_org_roster_*`` hooks that org_roster adds to every model (models/base.py).
    """

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
    key_field_ids = fields.Many2many(
        "ir.model.fields",
        "org_roster_key_field_rel",
        "roster_id",
        "field_id",
        string="Key Fields",
        required=True,
        domain="[('model_id', '=', model_id), ('store', '=', True)]",
        help="The fields that together identify a row, e.g. the resident ID number of a person, or "
        "the session and the employee of a sign-in sheet: re-importing a file updates the record "
        "that has the same values and never creates a duplicate. A key field that no column fills "
        "is filled by the model's import hook.",
    )
    default_values = fields.Text(
        help="Values of the records an import creates, for the fields their row leaves empty, as a "
        "Python dictionary of field names and values, e.g. {'is_cadre': True}. Records that an "
        "import updates keep their values.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text()
    column_ids = fields.One2many("org.roster.column", "roster_id", copy=True)
    column_count = fields.Integer(compute="_compute_column_count")
    export_id = fields.Many2one(
        "ir.exports",
        string="Export Preset",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The preset of Odoo's Export dialog with the roster's columns, kept up to date when the "
        "roster is saved: officers export a list in the columns of the import template.",
    )

    _sql_constraints = [
        ("key_uniq", "unique(key)", "Another roster already uses this key."),
    ]

    @api.depends("column_ids")
    def _compute_column_count(self):
        for roster in self:
            roster.column_count = len(roster.column_ids)

    @api.constrains("model_id", "key_field_ids")
    def _check_key_field_ids(self):
        for roster in self:
            wrong = roster.key_field_ids.filtered(
                lambda field, roster=roster: field.model_id != roster.model_id or not field.store
            )
            if wrong:
                raise ValidationError(
                    self.env._(
                        "Roster %(roster)s: %(fields)s cannot identify a row of %(model)s: a key field "
                        "must be a stored field of that model.",
                        roster=roster.display_name,
                        fields="、".join(wrong.mapped("name")),
                        model=roster.model_id.sudo().name,
                    )
                )

    @api.constrains("model_id", "default_values")
    def _check_default_values(self):
        for roster in self:
            try:
                roster._default_values()
            except (ValueError, SyntaxError, TypeError) as error:
                raise ValidationError(
                    self.env._(
                        "Roster %(roster)s: the default values must be a dictionary of the fields of "
                        "%(model)s and their values, e.g. {'is_cadre': True}: %(error)s",
                        roster=roster.display_name,
                        model=roster.model_id.sudo().name,
                        error=error,
                    )
                ) from error

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

    @api.model_create_multi
    def create(self, vals_list):
        rosters = super().create(vals_list)
        rosters._sync_export_preset()
        return rosters

    def write(self, vals):
        result = super().write(vals)
        if {"name", "model_id", "active"} & set(vals):
            self._sync_export_preset()
        return result

    def unlink(self):
        presets = self.sudo().export_id
        result = super().unlink()
        presets.unlink()
        return result

    def _sync_export_preset(self):
        """Create or update the ``ir.exports`` preset of each roster: named as the roster, on
        its model, one line per column that names a field of the model, in the columns' order
        (as superuser: the preset is the roster's, and configurators, who maintain rosters,
        do not export)."""
        for roster in self.sudo():
            model = roster.model_id.model
            names = []
            if model in self.env:
                fields_map = self.env[model]._fields
                for column in roster.column_ids.sorted(lambda column: (column.sequence, column.id)):
                    if column.field_name in fields_map and column.field_name not in names:
                        names.append(column.field_name)
            if not roster.active or not names:
                if roster.export_id:
                    preset = roster.export_id
                    roster.export_id = False
                    preset.unlink()
                continue
            lines = [Command.clear()] + [Command.create({"name": name}) for name in names]
            vals = {"name": roster.name, "resource": model, "export_fields": lines}
            if roster.export_id:
                roster.export_id.write(vals)
            else:
                roster.export_id = self.env["ir.exports"].sudo().create(vals)

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

    def _key_field_names(self):
        """The names of the key fields, in a stable order. Officers who import may not read
        ``ir.model.fields``; the names of a roster's fields are no secret of theirs."""
        self.ensure_one()
        return sorted(self.sudo().key_field_ids.mapped("name"))

    def _key_columns(self):
        """For each key field, the first column that fills it: a file must have these."""
        self.ensure_one()
        columns = self.env["org.roster.column"]
        for name in self._key_field_names():
            columns |= self.column_ids.filtered(lambda column, name=name: column.field_name == name)[:1]
        return columns

    def _default_values(self):
        """``{field name: value}`` of :attr:`default_values`; raises ValueError, SyntaxError or
        TypeError when they cannot be read or name no field of the roster's model."""
        self.ensure_one()
        if not (self.default_values or "").strip():
            return {}
        values = ast.literal_eval(self.default_values.strip())
        if not isinstance(values, dict):
            raise TypeError(self.env._("it is not a dictionary."))
        model = self.env[self.model] if self.model in self.env else None
        for name in values:
            field = model._fields.get(name) if model is not None and isinstance(name, str) else None
            if not field or not field.store or field.type in ("one2many", "many2many", "binary"):
                raise ValueError(self.env._("%(field)s is no field that a default can fill.", field=name))
        return values


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
        "only one label (男 for 男性) or an alias; a record by its exact name or its Match By field; a "
        "dictionary entry by its name, short name or code.",
    )
    required = fields.Boolean(help="A file without this column, or a row with an empty cell, is refused.")
    dictionary_code = fields.Char(
        help="Code of the dictionary whose entries a Dictionary Entry column matches, e.g. ethnicity.",
    )
    comodel_name = fields.Char(compute="_compute_field_description", string="Related Model")
    match_field_name = fields.Char(
        string="Match By",
        help="For a column that fills a record field (Record kind): the field of that record the "
        "cell holds, e.g. barcode to find an employee by employee number (工号), or "
        "identification_id by resident ID number. Several columns may fill one record field: "
        "their cells must name the same record, and a number tells apart people with the same "
        "name. Records are found with the importing user's own rights. Empty: by name.",
    )
    value_aliases = fields.Text(
        help="Other words for the options of a Selection column, one option per line: the words, "
        "then = and the option's technical value, e.g. 男、男性=male. Labels and values match "
        "without this.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        columns = super().create(vals_list)
        columns.roster_id._sync_export_preset()
        return columns

    def write(self, vals):
        rosters = self.roster_id
        result = super().write(vals)
        if {"field_name", "sequence", "roster_id"} & set(vals):
            (rosters | self.roster_id)._sync_export_preset()
        return result

    def unlink(self):
        rosters = self.roster_id
        result = super().unlink()
        rosters.exists()._sync_export_preset()
        return result

    @api.depends("field_name", "roster_id.model_id")
    def _compute_field_description(self):
        for column in self:
            field = column._target_field()
            column.field_description = (
                self.env["ir.model.fields"]._get(field.model_name, field.name).field_description
                if field
                else False
            )
            column.comodel_name = field.comodel_name if field and field.type == "many2one" else False

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

    @api.constrains("match_field_name", "field_name", "kind")
    def _check_match_field_name(self):
        for column in self.filtered("match_field_name"):
            field = column._target_field()
            comodel = self.env[field.comodel_name] if field and column.kind == "many2one" else None
            match_field = comodel._fields.get(column.match_field_name) if comodel is not None else None
            if not match_field or not match_field.store:
                raise ValidationError(
                    self.env._(
                        "Roster %(roster)s, column %(column)s: a record is matched by %(match)s only "
                        "when the column fills a record field (Record kind) whose model has that "
                        "stored field.",
                        roster=column.roster_id.display_name,
                        column=column.label,
                        match=column.match_field_name,
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

    def _matches_resident_id(self):
        """Whether the column finds its record by the record's resident ID number (the field of
        org_base's resident ID mixin): its cells are then read and normalised as ID numbers."""
        self.ensure_one()
        if not self.match_field_name or self.kind != "many2one" or not self.comodel_name:
            return False
        # The mixin's class attribute, rather than isinstance() of the registry's mixin class:
        # a registry rebuilt since (a test's fake models) holds another class of the same name.
        return getattr(self.env[self.comodel_name], "_resident_id_field", None) == self.match_field_name

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
