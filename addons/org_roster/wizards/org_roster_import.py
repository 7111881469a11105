import base64
import datetime
import hashlib
import io
import json
import logging
import re
from collections import defaultdict
from types import SimpleNamespace

import openpyxl
import psycopg2
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL, consteq
from odoo.tools.misc import hmac

from odoo.addons.org_base.tools.resident_id import ResidentIdError, normalize_resident_id
from odoo.addons.org_base.tools.upload_limits import LimitError

from ..tools import roster_reader

_logger = logging.getLogger(__name__)

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Spreadsheet numbers keep 15 significant digits; longer ID numbers stored as numbers lost some.
SPREADSHEET_DIGITS = 15
# Rows checked against the domain rules at once (model.new records kept in the cache).
RULE_BATCH = 2000
VALUE_PARSERS = {
    "integer": roster_reader.parse_integer,
    "float": roster_reader.parse_number,
    "boolean": roster_reader.parse_boolean,
}


# Records an import creates: no "created" line in their chatter each, no follower (the
# importer does not follow thousands of people), no tracking of their first values; their
# creator and date are on the record. Odoo's own chatter work per record took a third of the
# writing time of a roster. Updates stay tracked field by field.
CREATE_CONTEXT = {"mail_create_nolog": True, "mail_create_nosubscribe": True, "tracking_disable": True}
# The wizard's own fields that hold results, not choices: they are no part of what a checked plan
# depends on.
RESULT_FIELDS = (
    "state",
    "row_count",
    "create_count",
    "update_count",
    "unchanged_count",
    "created_count",
    "updated_count",
    "error_line_ids",
    "checked_plan",
    "checked_plan_signature",
)


def _plan_encode(value):
    if isinstance(value, datetime.datetime):
        return {"__datetime__": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"__date__": value.isoformat()}
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"{type(value).__name__} cannot be kept in a checked plan")


def _plan_decode(value):
    if "__date__" in value:
        return datetime.date.fromisoformat(value["__date__"])
    if "__datetime__" in value:
        return datetime.datetime.fromisoformat(value["__datetime__"])
    return value


def _digest(value):
    return hashlib.sha256(
        json.dumps(value, default=_plan_encode, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


class CellError(Exception):
    """A cell that cannot become a field value; ``reason`` is a translated sentence."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class ColumnSpec:
    """A roster column found in the file: where it is and how its cells are read.

    Plain attributes, so that checking thousands of cells does not go through the ORM.
    """

    def __init__(self, cell_index, column, field, required, match_field=None, match_resident_id=False):
        self.cell_index = cell_index
        self.column = column
        self.field = field
        self.field_name = column.field_name
        self.kind = column.kind
        self.label = column.label
        self.required = required
        self.dictionary_code = column.dictionary_code
        # A record column matched by a field of the record (org.roster.column.match_field_name):
        # the field's name, and whether the cell is a resident ID number to normalise.
        self.match_field = match_field
        self.match_resident_id = match_resident_id
        self.lookup = None  # what _prepare_lookups finds for the column
        self.lookup_query = None  # how: (method, arguments) for _run_lookup
        self.header = column.label  # the header cell as the file writes it


class RosterPlan:
    """What an import would do: the rows to create and update, and every error found."""

    def __init__(self):
        self.row_count = 0
        self.errors = []  # (row number, message)
        self.to_create = []  # (row number, vals)
        self.to_update = []  # (row number, record, changed vals)
        self.unchanged_count = 0
        self.unchanged_ids = []  # the records that rows match and leave as they are
        self.specs = []  # the ColumnSpec of the file's columns


class OrgRosterImport(models.TransientModel):
    """Upload a roster spreadsheet, check it (dry run), then import it all or nothing."""

    _name = "org.roster.import"
    _description = "Roster Import"

    def _default_roster(self):
        return self.env["org.roster"].search([], limit=1).key

    roster = fields.Selection(selection="_selection_roster", required=True, default=_default_roster)
    roster_id = fields.Many2one("org.roster", compute="_compute_roster_id", string="Roster Record")
    roster_model = fields.Char(related="roster_id.model", string="Roster Model")
    file = fields.Binary(
        attachment=False,
        help="An .xlsx or .xls workbook, an Excel 2003 XML spreadsheet, a web page table saved as .xls, "
        "or a .csv or tab-separated text (UTF-8 or GBK).",
    )
    file_name = fields.Char()
    state = fields.Selection(
        [("draft", "Choose a File"), ("checked", "Checked"), ("done", "Imported")],
        string="Status",
        default="draft",
        required=True,
    )
    # Results
    row_count = fields.Integer(string="Rows", readonly=True)
    create_count = fields.Integer(string="Rows to Create", readonly=True)
    update_count = fields.Integer(string="Rows to Update", readonly=True)
    unchanged_count = fields.Integer(string="Rows Unchanged", readonly=True)
    created_count = fields.Integer(string="Records Created", readonly=True)
    updated_count = fields.Integer(string="Records Updated", readonly=True)
    error_line_ids = fields.One2many("org.roster.import.line", "import_id", string="Errors", readonly=True)
    error_count = fields.Integer(compute="_compute_error_count")
    # The plan of a dry run that found no error, with what it depends on (the file, the roster,
    # the records it matched and updates): the import that follows writes it without reading
    # and checking the file again as long as none of that changed (_checked_plan). Signed with
    # the database secret: a plan written by hand is not used.
    checked_plan = fields.Text(readonly=True, copy=False)
    checked_plan_signature = fields.Char(readonly=True, copy=False)

    @api.depends("roster")
    def _compute_roster_id(self):
        rosters = (
            self.env["org.roster"]
            .with_context(active_test=False)
            .search([("key", "in", self.mapped("roster"))])
        )
        by_key = {roster.key: roster for roster in rosters}
        for wizard in self:
            wizard.roster_id = by_key.get(wizard.roster, False)

    @api.depends("error_line_ids")
    def _compute_error_count(self):
        for wizard in self:
            wizard.error_count = len(wizard.error_line_ids)

    @api.model
    def _selection_roster(self):
        return [(roster.key, roster.name) for roster in self.env["org.roster"].search([])]

    @api.onchange("roster", "file")
    def _onchange_reset(self):
        """Another roster or file: the results of the previous check no longer hold."""
        self.update(
            {
                "state": "draft",
                "row_count": 0,
                "create_count": 0,
                "update_count": 0,
                "unchanged_count": 0,
                "created_count": 0,
                "updated_count": 0,
                "error_line_ids": [Command.clear()],
                "checked_plan": False,
                "checked_plan_signature": False,
            }
        )

    # Actions

    def action_dry_run(self):
        """Check every row and report what an import would do; write nothing. A plan without
        errors is kept for the import that follows (``_checked_plan``)."""
        self.ensure_one()
        plan = self._check_rows()
        self._show_plan(plan)
        self._keep_plan(plan)
        return self._action_reopen()

    def action_import(self):
        """Check every row; when all are valid, create and update the records at once.

        After a dry run without errors, its plan is written as long as nothing it depends on
        changed (the file, the roster, the records it matched or updates, the day): the rows
        are not read and checked a second time. The records' constraints check every domain
        rule on every record written, whichever way the plan was made."""
        self.ensure_one()
        plan = self._checked_plan() or self._check_rows()
        self._show_plan(plan)
        if not plan.errors:
            self._apply_plan(plan)
        return self._action_reopen()

    def action_download_template(self):
        """Download an .xlsx whose first row holds the roster's headers; streamed by
        ``/org_base/roster_template/<wizard>`` to the wizard's owner, never stored."""
        self.ensure_one()
        self._get_roster()
        return {
            "type": "ir.actions.act_url",
            "url": f"/org_base/roster_template/{self.id}",
            "target": "download",
        }

    def _template_file(self):
        """``(file name, bytes)`` of the roster's import template."""
        self.ensure_one()
        roster = self._get_roster()
        return self.env._("%(roster)s template", roster=roster.name) + ".xlsx", self._template_content(roster)

    # Checking

    def _get_roster(self):
        self.ensure_one()
        if not self.roster_id:
            raise UserError(self.env._("Choose the roster to import."))
        return self.roster_id

    def _read_file(self, names):
        """``(sheet, header row index, {cell index: column id})``: the first sheet of the
        uploaded file with a header row of ``names`` (an HTML file's first table that has
        one), else its first sheet; a UserError when the file cannot be read."""
        if not self.file:
            raise UserError(self.env._("Choose the spreadsheet file to import."))
        file_name = self.file_name or ""
        Limits = self.env["org.upload.limits"]
        first = None
        try:
            for sheet in roster_reader.read_sheets(
                base64.b64decode(self.file), file_name, Limits._get_limits()
            ):
                header_index, found = roster_reader.find_header(sheet.rows, names)
                if header_index is not None:
                    return sheet, header_index, found
                first = first or sheet
        except LimitError as error:
            _logger.info("Roster file %s refused: %s %s", file_name, error.code, error.params)
            Limits._raise_limit_error(error, file_name)
        except roster_reader.RosterReadError as error:
            _logger.info("Roster file %s cannot be read: %s %s", file_name, error.code, error.params)
            raise UserError(
                self.env._(
                    "The file %(file)s cannot be imported: %(problem)s",
                    file=file_name,
                    problem=self._read_error_reason(error),
                )
            ) from error
        return first or roster_reader.Sheet([]), None, {}

    def _read_error_reason(self, error):
        """What a :class:`~..tools.readers.RosterReadError` tells the user: what the file is
        and what to do."""
        save_as = self.env._("open it in Excel or WPS and save it again as .xlsx.")
        if error.code == "not_spreadsheet":
            what = {
                "word": self.env._("this is a Word document, not a spreadsheet"),
                "powerpoint": self.env._("this is a PowerPoint presentation, not a spreadsheet"),
                "pdf": self.env._("this is a PDF file, not a spreadsheet"),
                "image": self.env._("this is a picture, not a spreadsheet"),
                "zip": self.env._("this is a compressed archive (ZIP, RAR, 7z), not a spreadsheet"),
                "ods": self.env._("this is an OpenDocument spreadsheet (.ods)"),
                "xml": self.env._("this is an XML file, but not an Excel XML spreadsheet"),
                "html": self.env._("this is a web page without a table"),
            }.get(error.params.get("kind"), self.env._("this is not a spreadsheet"))
            todo = {
                "word": self.env._("copy its table into Excel or WPS Spreadsheets and save that as .xlsx."),
                "pdf": self.env._("ask the sender for the spreadsheet the PDF was made from."),
                "image": self.env._("ask the sender for the spreadsheet itself."),
                "zip": self.env._("extract it and import the spreadsheet it holds."),
            }.get(error.params.get("kind"), save_as)
            return self.env._("%(what)s; %(todo)s", what=what, todo=todo)
        if error.code == "empty":
            return self.env._("the file is empty.")
        if error.code == "encoding":
            return self.env._("its text is neither UTF-8 nor GBK; save it again as CSV (UTF-8) or as .xlsx.")
        if error.code == "unsafe":
            return self.env._(
                "the XML file declares a document type (DOCTYPE), which no spreadsheet needs and "
                "which can make the server read other files; %(todo)s",
                todo=save_as,
            )
        return self.env._(
            "the file is damaged or is not really a spreadsheet; %(todo)s",
            todo=save_as,
        )

    @api.model
    def _header_names(self, roster):
        """``{normalised header: column id}`` of a roster's labels and synonyms."""
        names = {}
        for column in roster.column_ids:
            for header in column._header_names():
                names.setdefault(header, column.id)
        return names

    def _map_header(self, roster, sheet, model, header_index, found):
        """``[ColumnSpec]`` of the header row found; a UserError when columns are missing."""
        if header_index is None:
            raise UserError(
                self.env._(
                    "The file %(file)s has no header row of the roster %(roster)s: none of its first "
                    "%(count)s rows contains the headers %(headers)s.",
                    file=self.file_name,
                    roster=roster.name,
                    count=roster_reader.HEADER_SCAN_ROWS,
                    headers="、".join(roster.column_ids.mapped("label")),
                )
            )
        key_columns = roster._key_columns()
        if not key_columns:
            raise UserError(
                self.env._(
                    "The roster %(roster)s has no column for its key fields %(fields)s; "
                    "a configurator must add one.",
                    roster=roster.name,
                    fields="、".join(roster._key_field_names()),
                )
            )
        columns = self.env["org.roster.column"].browse(found.values())
        missing = (roster.column_ids.filtered("required") | key_columns) - columns
        if missing:
            raise UserError(
                self.env._(
                    "The file %(file)s lacks required columns of the roster %(roster)s: %(headers)s.",
                    file=self.file_name,
                    roster=roster.name,
                    headers="、".join(missing.mapped("label")),
                )
            )
        specs = []
        header_row = sheet.rows[header_index]
        for cell_index, column_id in sorted(found.items()):
            column = columns.browse(column_id)
            field = model._fields[column.field_name]
            match_field = column.match_field_name if column.kind == "many2one" else None
            required = column.required or column in key_columns
            spec = ColumnSpec(
                cell_index, column, field, required, match_field or None, column._matches_resident_id()
            )
            written = header_row[cell_index] if cell_index < len(header_row) else None
            spec.header = roster_reader.clean_text(written) or column.label
            specs.append(spec)
        return specs

    def _check_rows(self):
        """Read the file and check every row against the roster; nothing is written."""
        self.ensure_one()
        roster = self._get_roster()
        model = self.env[roster.model]
        # The user's own rights: Odoo's AccessError for who may not create and update.
        model.check_access("create")
        model.check_access("write")
        model._org_roster_check_import(self)
        sheet, header_index, found = self._read_file(self._header_names(roster))
        specs = self._map_header(roster, sheet, model, header_index, found)
        self._check_column_access(roster, model, specs)
        rows = [
            (index + 1, row)  # the row number the user sees in Excel
            for index, row in enumerate(sheet.rows)
            if index > header_index and not all(map(roster_reader.is_blank, row))
        ]
        if not rows:
            raise UserError(
                self.env._("The file %(file)s has no rows below its header row.", file=self.file_name)
            )
        self._prepare_lookups(specs, rows)
        plan = RosterPlan()
        plan.specs = specs
        plan.row_count = len(rows)
        valid_rows = []
        for row_number, row in rows:
            vals, errors = self._check_row(row_number, row, specs, sheet.datemode)
            plan.errors += errors
            if not errors:
                valid_rows.append((row_number, vals))
        # The model completes the rows once, for all of them.
        refused = model._org_roster_prepare_values(valid_rows, self)
        plan.errors += refused
        refused_rows = {row_number for row_number, _message in refused}
        valid_rows = [(number, vals) for number, vals in valid_rows if number not in refused_rows]
        key_fields = roster._key_field_names()
        valid_rows = self._check_duplicate_keys(model, key_fields, specs, valid_rows, plan)
        self._plan_writes(model, key_fields, specs, valid_rows, plan)
        self._check_domain_rules(model, specs, plan, roster._default_values())
        plan.errors.sort(key=lambda error: error[0])
        return plan

    def _check_domain_rules(self, model, specs, plan, defaults, batch_size=RULE_BATCH):
        """Refuse the rows to create or update that break a rule of the model's domain
        (``_org_rule_messages``, the method its constraints call), each naming its row and
        the columns of the fields the rule names, before anything is written.

        Each row is checked as the record it would make: ``model.new(values, origin=record)``
        with the model's and the roster's defaults for a creation, the changes over the stored
        record for an update (fields the row leaves out are read from the record). Rows are
        checked by batches whose new records are then dropped from the cache.
        """
        operations = [(number, vals, None) for number, vals in plan.to_create] + [
            (number, changes, record) for number, record, changes in plan.to_update
        ]
        if not operations:
            return
        model_defaults = {}
        if plan.to_create:
            # The values a creation starts from: the model's defaults, and empty values for
            # the stored fields that have none (what create() stores for them), so that a
            # rule reading one does not ask default_get() again for each row.
            # Many2one fields too (False: default_get() asked for one field of one row costs
            # more than the rule reading it, an introducer say). The x2many fields are left
            # out: new() looks each one's inverse up for every row.
            model_defaults = {
                name: False
                for name, field in model._fields.items()
                if field.store
                and not field.compute
                and field.type not in ("one2many", "many2many")
                and name not in models.MAGIC_COLUMNS
            }
            model_defaults.update(model.default_get(list(model._fields)))
        columns = defaultdict(list)
        for spec in specs:
            columns[spec.field_name].append(spec)
        refused = set()
        for start in range(0, len(operations), batch_size):
            batch = operations[start : start + batch_size]
            rows = [
                model.new({**model_defaults, **defaults, **vals})
                if record is None
                else model.new(vals, origin=record)
                for _number, vals, record in batch
            ]
            # The rows of a batch prefetch together: a computed field a rule reads is computed
            # once for the batch (its queries too), not once per row.
            prefetch_ids = [row.id for row in rows]
            for (number, _vals, _record), row in zip(batch, rows, strict=True):
                row = row.with_prefetch(prefetch_ids)
                # As the constraints do (_org_check_rules): a rule may read a field the user
                # cannot; which columns the user may write is _check_column_access's business.
                for field_names, message in row.sudo()._org_rule_messages():
                    refused.add(number)
                    plan.errors.append(
                        (
                            number,
                            self.env._(
                                "Row %(row)s: %(columns)s: %(message)s",
                                row=number,
                                columns=self._rule_columns(model, columns, field_names),
                                message=message,
                            ),
                        )
                    )
            # The new records of the batch are no longer needed.
            self.env.invalidate_all()
        if refused:
            plan.to_create = [item for item in plan.to_create if item[0] not in refused]
            plan.to_update = [item for item in plan.to_update if item[0] not in refused]

    def _rule_columns(self, model, columns, field_names):
        """The columns (letter and header) of ``field_names``, or the field's label when no
        column fills it: 列 B“身份证号”、出生日期."""
        parts = []
        for name in field_names:
            if columns.get(name):
                parts.extend(
                    self.env._(
                        "column %(letter)s “%(header)s”",
                        letter=get_column_letter(spec.cell_index + 1),
                        header=spec.header,
                    )
                    for spec in columns[name]
                )
            elif name in model._fields:
                parts.append(model._fields[name]._description_string(self.env))
        return "、".join(dict.fromkeys(parts))

    def _check_column_access(self, roster, model, specs):
        """Refuse, before any cell is looked at, a column whose field the user may not read
        or write: matching on it would answer "found / not found" for values they cannot see."""
        for spec in specs:
            if not spec.field.is_accessible(self.env):
                raise AccessError(
                    self.env._(
                        "The roster %(roster)s fills %(field)s of %(model)s from the column %(column)s, "
                        "which you may not read or change: remove the column from the file, or ask a "
                        "colleague who may to import it.",
                        roster=roster.name,
                        field=spec.field._description_string(self.env),
                        model=roster.model_id.sudo().name,
                        column=spec.label,
                    )
                )
        for name in roster._default_values():
            field = model._fields[name]
            if not field.is_accessible(self.env):
                raise AccessError(
                    self.env._(
                        "The roster %(roster)s gives the records it creates a default %(field)s, which "
                        "you may not change: ask a colleague who may to import the file.",
                        roster=roster.name,
                        field=field._description_string(self.env),
                    )
                )

    def _check_row(self, row_number, row, specs, datemode):
        """``(vals, errors)`` of one row; empty cells are left out of ``vals``, so that they
        neither erase what a record holds nor hide values derived from the ID number."""
        vals, errors = {}, []
        match_groups = defaultdict(list)
        for spec in specs:
            if spec.match_field:
                match_groups[spec.field_name].append(spec)
                continue
            value = row[spec.cell_index] if spec.cell_index < len(row) else None
            if roster_reader.is_blank(value):
                if spec.required:
                    errors.append(
                        (
                            row_number,
                            self.env._(
                                "Row %(row)s: %(column)s is required but the cell is empty.",
                                row=row_number,
                                column=spec.label,
                            ),
                        )
                    )
                continue
            try:
                vals[spec.field_name] = self._parse_cell(spec, value, datemode)
            except CellError as error:
                errors.append(
                    (
                        row_number,
                        self.env._(
                            "Row %(row)s: %(column)s “%(value)s” is invalid: %(reason)s",
                            row=row_number,
                            column=spec.label,
                            value=self._cell_text(spec, value),
                            reason=error.reason,
                        ),
                    )
                )
        for field_name, group in match_groups.items():
            record_id, error = self._match_row(row_number, row, group)
            if error:
                errors.append((row_number, error))
            elif record_id:
                vals[field_name] = record_id
        return vals, errors

    def _match_row(self, row_number, row, specs):
        """``(record id, None)``, ``(None, message)`` or ``(None, None)`` when no cell is filled:
        the one record that every filled column of ``specs`` (the columns matched by a field
        that fill one record field) names."""
        candidates, filled = None, []

        def model_name():  # for messages only: no lookup for the rows that match
            return self.env["ir.model"]._get(specs[0].field.comodel_name).name

        for spec in specs:
            value = row[spec.cell_index] if spec.cell_index < len(row) else None
            if roster_reader.is_blank(value):
                if spec.required:
                    return None, self.env._(
                        "Row %(row)s: %(column)s is required but the cell is empty.",
                        row=row_number,
                        column=spec.label,
                    )
                continue
            text = self._cell_text(spec, value)
            try:
                key = self._match_cell_key(spec, value)
            except CellError as error:
                return None, self.env._(
                    "Row %(row)s: %(column)s “%(value)s” is invalid: %(reason)s",
                    row=row_number,
                    column=spec.label,
                    value=text,
                    reason=error.reason,
                )
            ids = spec.lookup.get(key)
            if not ids:
                return None, self.env._(
                    "Row %(row)s: no %(model)s has the %(column)s “%(value)s”.",
                    row=row_number,
                    model=model_name(),
                    column=spec.label,
                    value=text,
                )
            candidates = set(ids) if candidates is None else candidates & ids
            filled.append((spec, text))
        if not filled:
            return None, None
        cells = "、".join(f"{spec.label}“{text}”" for spec, text in filled)
        if not candidates:
            return None, self.env._(
                "Row %(row)s: %(cells)s do not name the same %(model)s.",
                row=row_number,
                cells=cells,
                model=model_name(),
            )
        if len(candidates) > 1:
            others = [spec.label for spec in specs if spec not in dict(filled)]
            if others:
                return None, self.env._(
                    "Row %(row)s: %(count)s records of %(model)s match %(cells)s; fill in %(columns)s "
                    "to tell them apart.",
                    row=row_number,
                    count=len(candidates),
                    model=model_name(),
                    cells=cells,
                    columns="、".join(others),
                )
            return None, self.env._(
                "Row %(row)s: %(count)s records of %(model)s match %(cells)s; tell them apart first.",
                row=row_number,
                count=len(candidates),
                model=model_name(),
                cells=cells,
            )
        return candidates.pop(), None

    @api.model
    def _match_cell_key(self, spec, value):
        """What a cell of a column matched by a field is looked up by; raises CellError."""
        if spec.match_resident_id:
            return self._parse_id_number(value)
        return roster_reader.clean_text(value)

    @api.model
    def _cell_text(self, spec, value):
        """A cell as the user sees it, for messages."""
        if (spec.kind == "id_number" or spec.match_resident_id) and not isinstance(value, str):
            return roster_reader.id_number_text(value)[0]
        return roster_reader.clean_text(value)

    def _key_texts(self, model, key_fields, specs, valid_rows):
        """``{row number: text}`` naming the key of each of ``valid_rows`` for messages, e.g.
        身份证号“420…”、服务日期“2026-03-07”: the key fields the file fills (all when it fills
        none), records by their name."""
        labels = {}
        for spec in specs:
            labels.setdefault(spec.field_name, spec.label)
        # In the file's column order.
        shown = [name for name in labels if name in key_fields] or key_fields
        names = {}
        for name in shown:
            field = model._fields[name]
            labels.setdefault(name, field._description_string(self.env))
            if field.type == "many2one":
                ids = {vals.get(name) for _number, vals in valid_rows} - {None, False}
                records = self.env[field.comodel_name].browse(ids)
                names[name] = {record.id: record.display_name for record in records}

        def shown_value(vals, name):
            value = vals.get(name, "")
            return names[name].get(value, "") if name in names else value

        return {
            row_number: "、".join(f"{labels[name]}“{shown_value(vals, name)}”" for name in shown)
            for row_number, vals in valid_rows
        }

    @api.model
    def _row_key(self, vals, key_fields):
        return tuple(vals.get(name) for name in key_fields)

    def _check_duplicate_keys(self, model, key_fields, specs, valid_rows, plan):
        """Rows of one file that share a key (the values of all the key fields) are refused,
        each naming the others.

        Returns the valid rows without them.
        """
        rows_by_key = defaultdict(list)
        for row_number, vals in valid_rows:
            rows_by_key[self._row_key(vals, key_fields)].append(row_number)
        groups = [row_numbers for row_numbers in rows_by_key.values() if len(row_numbers) > 1]
        duplicates = {row_number for row_numbers in groups for row_number in row_numbers}
        key_texts = self._key_texts(
            model, key_fields, specs, [(number, vals) for number, vals in valid_rows if number in duplicates]
        )
        for row_numbers in groups:
            for row_number in row_numbers:
                plan.errors.append(
                    (
                        row_number,
                        self.env._(
                            "Row %(row)s: %(key)s also appears in row %(rows)s of this file.",
                            row=row_number,
                            key=key_texts[row_number],
                            rows="、".join(str(other) for other in row_numbers if other != row_number),
                        ),
                    )
                )
        return [(number, vals) for number, vals in valid_rows if number not in duplicates]

    def _plan_writes(self, model, key_fields, specs, valid_rows, plan):
        """Sort valid rows into records to create and to update, with one search for all keys.

        Archived records count: re-importing a person updates them rather than creating a twin.
        """
        records_by_key = defaultdict(model.browse)
        if valid_rows:
            domain = expression.AND(
                [
                    [(name, "in", list({vals.get(name) for _number, vals in valid_rows}))]
                    for name in key_fields
                ]
            )
            for record in model.with_context(active_test=False).search(domain):
                key = tuple(
                    record[name].id if record._fields[name].type == "many2one" else record[name]
                    for name in key_fields
                )
                records_by_key[key] |= record
        ambiguous = [
            (number, vals)
            for number, vals in valid_rows
            if len(records_by_key.get(self._row_key(vals, key_fields), ())) > 1
        ]
        key_texts = self._key_texts(model, key_fields, specs, ambiguous)
        for row_number, vals in valid_rows:
            records = records_by_key.get(self._row_key(vals, key_fields))
            if not records:
                plan.to_create.append((row_number, vals))
            elif len(records) > 1:
                plan.errors.append(
                    (
                        row_number,
                        self.env._(
                            "Row %(row)s: %(count)s existing records have %(key)s; merge them "
                            "before importing.",
                            row=row_number,
                            count=len(records),
                            key=key_texts[row_number],
                        ),
                    )
                )
            else:
                changes = self._changed_values(records, vals)
                if changes:
                    plan.to_update.append((row_number, records, changes))
                else:
                    plan.unchanged_count += 1
                    plan.unchanged_ids.append(records.id)

    @api.model
    def _changed_values(self, record, vals):
        """The values of ``vals`` that differ from what ``record`` holds."""
        changes = {}
        for field_name, value in vals.items():
            field = record._fields[field_name]
            new = field.convert_to_record(field.convert_to_cache(value, record), record)
            if new != record[field_name]:
                changes[field_name] = value
        return changes

    # Cells

    def _parse_cell(self, spec, value, datemode):
        """The field value of a non-empty cell; raises CellError with a translated reason."""
        kind = spec.kind
        if kind == "char":
            return roster_reader.clean_text(value)
        if kind == "id_number":
            return self._parse_id_number(value)
        if kind == "selection":
            return self._parse_selection(value, spec.lookup)
        if kind in ("many2one", "dictionary"):
            return self._parse_lookup(spec, value)
        try:
            if kind == "date":
                parsed = roster_reader.parse_date(value, datemode)
                return fields.Datetime.to_datetime(parsed) if spec.field.type == "datetime" else parsed
            return VALUE_PARSERS[kind](value)
        except (ValueError, TypeError) as error:
            raise CellError(self._value_reason(kind)) from error

    @api.model
    def _value_reason(self, kind):
        if kind == "date":
            return self.env._("it is not a date; write it as 1990-01-05, 1990.01 or 1990年1月.")
        if kind == "integer":
            return self.env._("it is not a whole number.")
        if kind == "boolean":
            return self.env._("write 是 or 否 (Y/N, 1/0 and √ work too).")
        return self.env._("it is not a number.")

    @api.model
    def _parse_id_number(self, value):
        text, from_number = roster_reader.id_number_text(value)
        try:
            return normalize_resident_id(text)
        except ResidentIdError as error:
            if from_number and len(re.sub(r"\D", "", text)) > SPREADSHEET_DIGITS:
                raise CellError(
                    self.env._(
                        "the spreadsheet stored the number as a number and lost its last digits; "
                        "format the cell as text and type the number again."
                    )
                ) from error
            raise CellError(self.env["org.resident.id.mixin"]._resident_id_reason(error)) from error

    @api.model
    def _parse_selection(self, value, options):
        """The option whose value or label is written, or the only option with a label that
        starts with what is written (男 for 男性)."""
        exact, labels, shown = options
        text = roster_reader.normalize_header(value)
        if text in exact:
            return exact[text]
        matches = {option for label, option in labels if text and label.startswith(text)}
        if len(matches) == 1:
            return matches.pop()
        raise CellError(self.env._("choose one of %(options)s.", options="、".join(shown)))

    @api.model
    def _parse_lookup(self, spec, value):
        found, dictionary_name = spec.lookup
        ids = found.get(roster_reader.clean_text(value))
        if not ids:
            if spec.kind == "dictionary":
                raise CellError(
                    self.env._(
                        "it is not an entry of the dictionary %(dictionary)s.", dictionary=dictionary_name
                    )
                )
            raise CellError(self.env._("no record has this name."))
        if len(ids) > 1:
            raise CellError(self.env._("%(count)s records have this name; rename them.", count=len(ids)))
        return next(iter(ids))

    # Lookups: one query per column for all its distinct values, none per row

    def _prepare_lookups(self, specs, rows):
        """Fill ``spec.lookup`` of selection, many2one and dictionary columns."""
        for spec in specs:
            if spec.match_field:
                keys = set()
                for _number, row in rows:
                    value = row[spec.cell_index] if spec.cell_index < len(row) else None
                    if not roster_reader.is_blank(value):
                        try:
                            keys.add(self._match_cell_key(spec, value))
                        except CellError:
                            continue
                spec.lookup_query = ("match", spec.field.comodel_name, spec.match_field, sorted(keys))
                spec.lookup = self._run_lookup(spec.lookup_query)
            elif spec.kind == "selection":
                spec.lookup = self._selection_options(spec.field, spec.column._aliases())
            elif spec.kind in ("many2one", "dictionary"):
                index = spec.cell_index
                texts = {
                    roster_reader.clean_text(row[index])
                    for _number, row in rows
                    if index < len(row) and not roster_reader.is_blank(row[index])
                }
                if spec.kind == "dictionary":
                    spec.lookup_query = ("dictionary", spec.dictionary_code, sorted(texts))
                else:
                    spec.lookup_query = ("records", spec.field.comodel_name, sorted(texts))
                spec.lookup = self._run_lookup(spec.lookup_query)

    def _lookup_found(self, query):
        """``{text: {ids}}`` that the lookup ``query`` finds."""
        lookup = self._run_lookup(query)
        return lookup if query[0] == "match" else lookup[0]

    def _run_lookup(self, query):
        """The lookup of a column (``spec.lookup``) that ``query`` describes."""
        if query[0] == "match":
            _method, comodel, field_name, keys = query
            return self._match_records(self.env[comodel], field_name, set(keys))
        if query[0] == "dictionary":
            _method, code, texts = query
            return self._lookup_dictionary(code, set(texts))
        _method, comodel, texts = query
        return (self._lookup_records(self.env[comodel], set(texts)), None)

    # A checked plan, kept for the import that follows the dry run

    def _file_digest(self):
        return hashlib.sha256(self.file or b"").hexdigest() + ":" + (self.file_name or "")

    def _plan_dependencies(self, roster, model, lookup_queries, operations, unchanged_ids):
        """A digest of everything a plan depends on besides the file: the user, the day, the
        wizard's own choices, the roster's configuration, what each column's lookup finds, the
        records that have the keys of the plan's rows, and the stored rows it updates or found
        unchanged. ``operations`` is ``[(vals, record id or None)]``."""
        wizard_choices = {
            name: self[name].ids if field.relational else self[name]
            for name, field in self._fields.items()
            if field.store
            and not field.compute
            and name not in RESULT_FIELDS
            and name not in ("file", *models.MAGIC_COLUMNS)
        }
        columns = roster.column_ids.read(
            ["label", "synonyms", "field_name", "kind", "required", "dictionary_code", "match_field_name"]
        )
        key_fields = roster._key_field_names()
        key_records = self._key_records(model, key_fields, [vals for vals, _record_id in operations])
        updated_ids = sorted({record_id for _vals, record_id in operations if record_id} | set(unchanged_ids))
        updated_rows = []
        if updated_ids:
            model.flush_model()
            updated_rows = self.env.execute_query(
                SQL(
                    "SELECT id, t::text FROM %s t WHERE id = ANY(%s) ORDER BY id",
                    SQL.identifier(model._table),
                    updated_ids,
                )
            )
        return _digest(
            [
                self.env.uid,
                sorted(self.env.user.groups_id.ids),
                self.env.company.id,
                self.env.lang,
                self.env.company._org_office_today(),
                wizard_choices,
                roster.model,
                key_fields,
                roster._default_values(),
                columns,
                [
                    (query, sorted((text, sorted(ids)) for text, ids in self._lookup_found(query).items()))
                    for query in lookup_queries
                ],
                key_records,
                updated_rows,
            ]
        )

    @api.model
    def _key_records(self, model, key_fields, rows):
        """``[(id, key)]`` of the records (archived too) that have the key of one of ``rows``
        (vals), keys written as text."""
        if not rows:
            return []
        domain = expression.AND(
            [[(name, "in", list({vals.get(name) for vals in rows} - {None}))] for name in key_fields]
        )
        found = []
        for record in model.with_context(active_test=False).search(domain, order="id"):
            key = [
                record[name].id if record._fields[name].type == "many2one" else record[name]
                for name in key_fields
            ]
            found.append((record.id, [str(value) for value in key]))
        return found

    def _keep_plan(self, plan):
        """Keep a plan without errors, signed, for the import that follows."""
        if plan.errors:
            self.write({"checked_plan": False, "checked_plan_signature": False})
            return
        roster = self.roster_id
        model = self.env[roster.model]
        queries = [spec.lookup_query for spec in plan.specs if spec.lookup_query]
        operations = [(vals, None) for _number, vals in plan.to_create] + [
            (changes, record.id) for _number, record, changes in plan.to_update
        ]
        kept = json.dumps(
            {
                "file": self._file_digest(),
                "depends": self._plan_dependencies(roster, model, queries, operations, plan.unchanged_ids),
                "unchanged_ids": plan.unchanged_ids,
                "columns": [spec.column.id for spec in plan.specs],
                "lookups": queries,
                "row_count": plan.row_count,
                "unchanged_count": plan.unchanged_count,
                "to_create": plan.to_create,
                "to_update": [(number, record.id, changes) for number, record, changes in plan.to_update],
            },
            default=_plan_encode,
            ensure_ascii=False,
        )
        self.write({"checked_plan": kept, "checked_plan_signature": self._plan_signature(kept)})

    def _plan_signature(self, kept):
        return hmac(self.env(su=True), "org_roster.checked_plan", f"{self.id}:{self.env.uid}:{kept}")

    def _checked_plan(self):
        """The plan the dry run kept, when it still holds: same file and roster, and none of
        the records it matched or updates changed; else None (the file is checked again)."""
        kept = self.checked_plan
        if not kept or not consteq(self.checked_plan_signature or "", self._plan_signature(kept)):
            return None
        stored = json.loads(kept, object_hook=_plan_decode)
        if stored["file"] != self._file_digest():
            return None
        roster = self._get_roster()
        model = self.env[roster.model]
        # The user's own rights, as _check_rows asks them.
        model.check_access("create")
        model.check_access("write")
        model._org_roster_check_import(self)
        columns = self.env["org.roster.column"].browse(stored["columns"]).exists()
        if len(columns) != len(stored["columns"]) or columns.roster_id != roster:
            return None
        self._check_column_access(
            roster,
            model,
            [
                SimpleNamespace(field=model._fields[column.field_name], label=column.label)
                for column in columns
            ],
        )
        operations = [(vals, None) for _number, vals in stored["to_create"]] + [
            (changes, record_id) for _number, record_id, changes in stored["to_update"]
        ]
        lookups = [tuple(query) for query in stored["lookups"]]
        depends = self._plan_dependencies(roster, model, lookups, operations, stored["unchanged_ids"])
        if depends != stored["depends"]:
            return None
        plan = RosterPlan()
        plan.row_count = stored["row_count"]
        plan.unchanged_count = stored["unchanged_count"]
        plan.unchanged_ids = stored["unchanged_ids"]
        plan.to_create = [(number, vals) for number, vals in stored["to_create"]]
        plan.to_update = [
            (number, model.browse(record_id), changes) for number, record_id, changes in stored["to_update"]
        ]
        return plan

    @api.model
    def _selection_options(self, field, aliases=None):
        """``({normalised alias, value or label: value}, [(normalised label, value)], [labels])``
        with the labels of every installed language; the last item lists the labels in the
        user's language, for messages."""
        exact, labels = dict(aliases or {}), []
        shown = [label for _value, label in field._description_selection(self.env)]
        languages = [code for code, _name in self.env["res.lang"].get_installed()]
        for language in dict.fromkeys([self.env.lang or "en_US", *languages]):
            for value, label in field._description_selection(self.with_context(lang=language).env):
                exact.setdefault(roster_reader.normalize_header(value), value)
                normalized = roster_reader.normalize_header(label)
                exact.setdefault(normalized, value)
                labels.append((normalized, value))
        return exact, labels, shown

    @api.model
    def _lookup_records(self, comodel, texts):
        """``{text: {ids}}``: records whose name (or ``_rec_name``) is exactly one of ``texts``."""
        name_fields = [
            name
            for name in dict.fromkeys(["name", comodel._rec_name])
            if name and name in comodel._fields and comodel._fields[name].store
        ]
        found = defaultdict(set)
        if not texts or not name_fields:
            return found
        domain = expression.OR([[(name, "in", list(texts))] for name in name_fields])
        for record in comodel.search(domain):
            for name in name_fields:
                found[roster_reader.clean_text(record[name])].add(record.id)
        return found

    @api.model
    def _match_records(self, comodel, field_name, keys):
        """``{text: {ids}}``: the active records of ``comodel`` whose ``field_name`` is one of
        ``keys``, found with the importing user's own rights, so that a dry run tells nothing
        about records or fields the user cannot read (no superuser search, no oracle).

        Employees are looked up in hr.employee.public when the user cannot read hr.employee:
        names are public to every internal user, ID and badge numbers are not. A field the user
        may not read is refused with an AccessError before anything is searched, when the file
        fills it (a template's empty column is no matter).
        """
        found = defaultdict(set)
        if not keys:
            return found
        model = comodel
        if model._name == "hr.employee" and not model.has_access("read"):
            model = self.env["hr.employee.public"]
        field = model._fields.get(field_name)
        if not model.has_access("read") or not field or not field.is_accessible(self.env):
            raise AccessError(
                self.env._(
                    "%(model)s are matched by %(field)s, which you may not read: remove that column "
                    "from the file, or ask a colleague who may read it to import the file.",
                    model=self.env["ir.model"].sudo()._get(comodel._name).name,
                    field=comodel._fields[field_name]._description_string(self.env),
                )
            )
        for record in model.search([(field_name, "in", list(keys))]):
            found[roster_reader.clean_text(record[field_name])].add(record.id)
        return found

    @api.model
    def _lookup_dictionary(self, dictionary_code, texts):
        """``({text: {id}}, dictionary name)``: entries of the dictionary matched by code,
        short name or name (a name wins over another entry's code)."""
        dictionary = self.env["org.dictionary"].search([("code", "=", dictionary_code)], limit=1)
        found = {}
        if texts:
            entries = self.env["org.dictionary.item"]._org_entries_by_text([dictionary_code], texts)
            for text, item_id in entries[dictionary_code].items():
                found[roster_reader.clean_text(text)] = {item_id}
        return found, dictionary.name or dictionary_code

    # Writing

    def _show_plan(self, plan):
        self.write(
            {
                "state": "checked",
                "row_count": plan.row_count,
                "create_count": len(plan.to_create),
                "update_count": len(plan.to_update),
                "unchanged_count": plan.unchanged_count,
                "created_count": 0,
                "updated_count": 0,
                "error_line_ids": [Command.clear()]
                + [Command.create({"row": row, "message": message}) for row, message in plan.errors],
            }
        )

    def _apply_plan(self, plan):
        """Create and update all at once, under a savepoint: a failure leaves nothing written.

        New records get no chatter work (CREATE_CONTEXT: no "created" line, no follower, no
        tracking; their creator and date are on the record): a roster of 20,000 people would
        spend much of its time on it. Updates stay tracked field by field. The model's
        ``_org_roster_after_import`` hook runs once on every record written. When the database
        or a constraint refuses the rows, the first row that cannot be saved is found and named.
        """
        roster = self.roster_id
        model = self.env[roster.model]
        operations = self._write_operations(plan, roster._default_values())
        try:
            with self.env.cr.savepoint():
                records = self._write_rows(model, operations)
                records._org_roster_after_import(self)
        except AccessError:
            raise
        except (UserError, ValidationError, psycopg2.IntegrityError) as error:
            row_number, row_error = self._find_failing_row(model, operations)
            reason = self._write_error_reason(row_error or error)
            if row_number:
                message = self.env._(
                    "Row %(row)s cannot be saved, so nothing was imported: %(error)s",
                    row=row_number,
                    error=reason,
                )
            else:
                message = self.env._("Nothing was imported: %(error)s", error=reason)
            self.write(
                {
                    "error_line_ids": [Command.create({"row": row_number, "message": message})],
                    "checked_plan": False,
                    "checked_plan_signature": False,
                }
            )
            return
        self._audit_import(roster, plan)
        self.write(
            {
                "state": "done",
                "created_count": len(plan.to_create),
                "updated_count": len(plan.to_update),
                "checked_plan": False,
                "checked_plan_signature": False,
            }
        )

    def _audit_import(self, roster, plan):
        """One row of the audit log for the whole import, on the roster: the records it
        creates have no chatter line each (CREATE_CONTEXT), so who imported which file, and
        how many records it created and updated, is written there."""
        self.env["org.audit.log"].sudo()._log(
            "import",
            roster,
            detail=self.env._(
                "%(file)s: %(created)s created, %(updated)s updated",
                file=self.file_name or "-",
                created=len(plan.to_create),
                updated=len(plan.to_update),
            ),
        )

    @api.model
    def _write_operations(self, plan, defaults):
        """``[(row number, vals, record or None)]``: the creations (with the roster's default
        values), then the updates of a plan."""
        return [(number, {**defaults, **vals}, None) for number, vals in plan.to_create] + [
            (number, changes, record) for number, record, changes in plan.to_update
        ]

    @api.model
    def _write_rows(self, model, operations):
        """Create (in one batch) and update the records of ``operations``; returns them.

        Copies of the values are written: ``create`` may add to them (resource.mixin adds the
        ``resource_id`` it made), and a failed attempt is tried again by halves.
        """
        empty = self._empty_x2many_values(model)
        created = model.with_context(**CREATE_CONTEXT).create(
            [{**empty, **vals} for _number, vals, record in operations if record is None]
        )
        updated_ids = []
        for _number, vals, record in operations:
            if record is not None:
                record.write(dict(vals))
                updated_ids.append(record.id)
        # In the caller's context (the after-import hook's writes are tracked).
        return model.browse(created.ids + updated_ids)

    @api.model
    def _empty_x2many_values(self, model):
        """Empty values (no command) for the model's one2many and many2many fields that have
        no default and no compute: what a new record holds for them anyway. Given to
        ``create``, a stored compute reading one of them on the rows being created (a
        member's 党籍 from its standing events, say) finds it empty in the cache, instead of
        asking ``default_get`` for that field of each row."""
        names = [
            name
            for name, field in model._fields.items()
            if field.type in ("one2many", "many2many")
            and field.store
            and not field.compute
            and not field.related
            and not field.inherited
            and not field.groups
        ]
        defaults = model.default_get(names)
        return {name: [] for name in names if name not in defaults}

    def _find_failing_row(self, model, operations):
        """``(row number, error)`` of the first row that cannot be written (or that the model's
        ``_org_roster_after_import`` refuses) after the rows before it, found by halving (a few
        batches, not one write per row); ``(0, None)`` when no single row fails. Everything
        written here is rolled back."""
        probe = self.env.cr.savepoint()
        try:
            while operations:
                half = operations[: max(1, len(operations) // 2)]
                try:
                    with self.env.cr.savepoint():
                        # The model's hook too: a refusal there names its row as well.
                        self._write_rows(model, half)._org_roster_after_import(self)
                except (UserError, ValidationError, psycopg2.IntegrityError) as error:
                    if len(half) == 1:
                        return half[0][0], error
                    operations = half
                    continue
                operations = operations[len(half) :]
            return 0, None
        finally:
            probe.close(rollback=True)

    def _write_error_reason(self, error):
        """What an error raised while writing says, in the user's language."""
        if isinstance(error, psycopg2.IntegrityError):
            return self._integrity_error_reason(error)
        return error.args[0]

    def _integrity_error_reason(self, error):
        """A sentence for a constraint the database enforces: the message of the model's SQL
        constraint when it has one, else what kind of constraint failed, on which field."""
        diag = error.diag
        model = next(
            (self.env[name] for name in self.env.registry if self.env[name]._table == diag.table_name),
            None,
        )
        model_name = self.env["ir.model"]._get(model._name).name if model is not None else diag.table_name
        field = model._fields.get(diag.column_name) if model is not None and diag.column_name else None
        field_name = field._description_string(self.env) if field else diag.column_name
        constraint_message = False
        if diag.constraint_name:
            constraint_message = (
                self.env["ir.model.constraint"]
                .sudo()
                .search([("name", "=", diag.constraint_name), ("type", "=", "u")], limit=1)
                .message
            )
        if constraint_message:
            return constraint_message
        if isinstance(error, psycopg2.errors.UniqueViolation):
            return self.env._(
                "another %(model)s already has the same values (%(constraint)s).",
                model=model_name,
                constraint=diag.constraint_name,
            )
        if isinstance(error, psycopg2.errors.NotNullViolation):
            return self.env._("%(field)s of %(model)s is required.", field=field_name, model=model_name)
        if isinstance(error, psycopg2.errors.CheckViolation):
            return self.env._(
                "a value of %(model)s is out of bounds (%(constraint)s).",
                model=model_name,
                constraint=diag.constraint_name,
            )
        if isinstance(error, psycopg2.errors.ForeignKeyViolation):
            return self.env._(
                "%(model)s refers to a record that does not exist (%(constraint)s).",
                model=model_name,
                constraint=diag.constraint_name,
            )
        return self.env._(
            "the database refused a value of %(model)s (%(constraint)s).",
            model=model_name,
            constraint=diag.constraint_name or "-",
        )

    def _action_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import a Roster"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    # Template

    @api.model
    def _template_content(self, roster):
        """The bytes of an .xlsx whose first row holds the roster's headers."""
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = re.sub(r"[\[\]:*?/\\]", "", roster.name)[:31] or "Sheet1"
        model = self.env[roster.model]
        key_columns = roster._key_columns()
        for index, column in enumerate(roster.column_ids, start=1):
            # A label is text, even one that starts with = (never a formula).
            cell = roster_reader.write_text(sheet.cell(row=1, column=index), column.label)
            required = column.required or column in key_columns
            cell.font = Font(bold=True, color="C00000" if required else None)
            letter = get_column_letter(index)
            dimension = sheet.column_dimensions[letter]
            dimension.width = max(12, 2 * len(column.label) + 4)
            notes = [self.env._("Required.")] if required else []
            matched = (
                self.env[column.comodel_name]._fields.get(column.match_field_name)
                if column.match_field_name and column.comodel_name
                else None
            )
            if column.kind in ("char", "id_number") or (matched and matched.type == "char"):
                # Text cells keep every digit of ID, employee and phone numbers.
                dimension.number_format = "@"
            if column.kind == "id_number" or column._matches_resident_id():
                dimension.width = 22
                notes.append(self.env._("Type the number as text: a spreadsheet number loses digits."))
            if column.kind == "date":
                dimension.number_format = "yyyy-mm-dd"
            if column.kind == "selection":
                field = model._fields[column.field_name]
                options = [label for _value, label in field._description_selection(self.env)]
                self._add_list_validation(sheet, letter, options)
            if column.kind == "boolean":
                self._add_list_validation(sheet, letter, ["是", "否"])
            if notes:
                cell.comment = Comment(" ".join(notes), "Odoo")
        sheet.freeze_panes = "A2"
        content = io.BytesIO()
        book.save(content)
        return content.getvalue()

    @api.model
    def _add_list_validation(self, sheet, letter, options):
        formula = ",".join(options)
        if not options or len(formula) > 250 or any(('"' in option or "," in option) for option in options):
            return
        validation = DataValidation(type="list", formula1=f'"{formula}"', allow_blank=True)
        sheet.add_data_validation(validation)
        validation.add(f"{letter}2:{letter}1048576")


class OrgRosterImportLine(models.TransientModel):
    """One problem found in an uploaded roster: the row the user sees in Excel and why."""

    _name = "org.roster.import.line"
    _description = "Roster Import Error"
    _order = "row, id"

    import_id = fields.Many2one("org.roster.import", required=True, ondelete="cascade", index=True)
    row = fields.Integer(help="Row number in the spreadsheet, as Excel shows it.")
    message = fields.Char(required=True)
