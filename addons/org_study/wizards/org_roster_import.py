import io
from collections import defaultdict

import openpyxl

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from odoo.addons.org_roster.tools import roster_reader
from odoo.addons.org_roster.wizards.org_roster_import import CellError

# Rosters whose rows are identified by several fields rather than the roster's key field
# alone: a person signs in once per session, serves once per community and day.
COMPOSITE_KEYS = {
    "study_attendance": ("session_id", "employee_id"),
    "community_service": ("employee_id", "date", "community"),
}


class OrgRosterImport(models.TransientModel):
    """The roster import engine, taught to find employees by name, employee number or ID
    number, to key rows on several fields, and to import a session's sign-in sheet."""

    _inherit = "org.roster.import"

    study_session_id = fields.Many2one(
        "org.study.session",
        help="The session whose sign-in sheet (签到表) is imported: the people found are marked present.",
    )

    # Checking

    def _check_rows(self):
        self.ensure_one()
        if self.roster_id.key == "study_attendance":
            if not self.study_session_id:
                raise UserError(self.env._("Choose the study session whose sign-in sheet this is."))
            if self.study_session_id.state == "archived":
                raise UserError(
                    self.env._(
                        "Session “%(session)s” is archived: set it back to planned before importing "
                        "its sign-in sheet.",
                        session=self.study_session_id.name,
                    )
                )
        return super()._check_rows()

    def _map_header(self, roster, sheet, model):
        header_index, specs = super()._map_header(roster, sheet, model)
        for spec in specs:
            spec.employee_match = (
                spec.column.employee_match if spec.field.comodel_name == "hr.employee" else False
            )
        return header_index, specs

    def _prepare_lookups(self, specs, rows):
        """Employee columns: one search per column for all the names or numbers of the file."""
        person_specs = [spec for spec in specs if getattr(spec, "employee_match", False)]
        result = super()._prepare_lookups([spec for spec in specs if spec not in person_specs], rows)
        for spec in person_specs:
            keys = set()
            for _number, row in rows:
                value = row[spec.cell_index] if spec.cell_index < len(row) else None
                if not roster_reader.is_blank(value):
                    try:
                        keys.add(self._employee_cell_key(spec, value))
                    except CellError:
                        continue
            spec.lookup = self._lookup_employees(spec.employee_match, keys)
        return result

    def _lookup_employees(self, field_name, keys):
        """``{key: {employee ids}}`` of the active employees whose ``field_name`` is one of ``keys``.

        Matched with the importing user's own rights (org_base's ``_match_records``): employee
        and ID numbers only for those who may read them, so that a dry run is no oracle.
        """
        return self._match_records(self.env["hr.employee"], field_name, keys)

    def _employee_cell_key(self, spec, value):
        if spec.employee_match == "identification_id":
            return self._parse_id_number(value)
        return roster_reader.clean_text(value)

    def _check_row(self, row_number, row, specs, datemode):
        person_specs = [spec for spec in specs if getattr(spec, "employee_match", False)]
        if not person_specs:
            return super()._check_row(row_number, row, specs, datemode)
        vals, errors = super()._check_row(
            row_number, row, [spec for spec in specs if spec not in person_specs], datemode
        )
        employee_id, error = self._match_employee(row_number, row, person_specs)
        if error:
            errors.append((row_number, error))
        else:
            vals[person_specs[0].field_name] = employee_id
        if self.roster_id.key == "study_attendance" and not errors:
            vals["session_id"] = self.study_session_id.id
            vals.setdefault("state", "present")
            if vals["state"] == "excused" and not vals.get("reason"):
                errors.append(
                    (
                        row_number,
                        self.env._("Row %(row)s: give the reason why the person is excused.", row=row_number),
                    )
                )
        return vals, errors

    def _match_employee(self, row_number, row, specs):
        """``(employee id, None)`` or ``(None, message)``: the one employee that every filled
        person column of the row names."""
        candidates, filled = None, []
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
                key = self._employee_cell_key(spec, value)
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
                    "Row %(row)s: no employee has the %(column)s “%(value)s”.",
                    row=row_number,
                    column=spec.label,
                    value=text,
                )
            candidates = set(ids) if candidates is None else candidates & ids
            filled.append((spec, text))
        if not filled:
            return None, self.env._(
                "Row %(row)s: fill in %(columns)s to name the person.",
                row=row_number,
                columns="、".join(spec.label for spec in specs),
            )
        if not candidates:
            return None, self.env._(
                "Row %(row)s: %(cells)s do not name the same employee.",
                row=row_number,
                cells="、".join(f"{spec.label}“{text}”" for spec, text in filled),
            )
        if len(candidates) > 1:
            return None, self.env._(
                "Row %(row)s: %(count)s employees are named “%(value)s”; add their employee number "
                "or ID number to tell them apart.",
                row=row_number,
                count=len(candidates),
                value=filled[0][1],
            )
        return candidates.pop(), None

    def _cell_text(self, spec, value):
        if getattr(spec, "employee_match", False) == "identification_id" and not isinstance(value, str):
            return roster_reader.id_number_text(value)[0]
        return super()._cell_text(spec, value)

    # Keys of several fields

    def _check_duplicate_keys(self, valid_rows, key_spec, plan):
        key_fields = COMPOSITE_KEYS.get(self.roster_id.key)
        if not key_fields:
            return super()._check_duplicate_keys(valid_rows, key_spec, plan)
        rows_by_key = defaultdict(list)
        for row_number, vals in valid_rows:
            rows_by_key[tuple(vals.get(name) for name in key_fields)].append(row_number)
        employees = self.env["hr.employee"].browse(
            {vals.get("employee_id") for _number, vals in valid_rows} - {None}
        )
        names = dict(employees.mapped(lambda employee: (employee.id, employee.name)))
        duplicates = set()
        for key, row_numbers in rows_by_key.items():
            if len(row_numbers) < 2:
                continue
            duplicates.update(row_numbers)
            person = names.get(dict(zip(key_fields, key, strict=True)).get("employee_id"), "")
            for row_number in row_numbers:
                plan.errors.append(
                    (
                        row_number,
                        self.env._(
                            "Row %(row)s: %(person)s is listed again in row %(rows)s of this file.",
                            row=row_number,
                            person=person,
                            rows="、".join(str(other) for other in row_numbers if other != row_number),
                        ),
                    )
                )
        return [(number, vals) for number, vals in valid_rows if number not in duplicates]

    def _plan_writes(self, model, key_spec, valid_rows, plan):
        """Rows keyed on several fields: one search finds the records of every row."""
        key_fields = COMPOSITE_KEYS.get(self.roster_id.key)
        if not key_fields:
            return super()._plan_writes(model, key_spec, valid_rows, plan)
        domain = expression.AND(
            [[(name, "in", list({vals[name] for _number, vals in valid_rows}))] for name in key_fields]
        )
        records_by_key = defaultdict(model.browse)
        if valid_rows:
            for record in model.with_context(active_test=False).search(domain):
                key = tuple(
                    record[name].id if isinstance(record[name], models.BaseModel) else record[name]
                    for name in key_fields
                )
                records_by_key[key] |= record
        for row_number, vals in valid_rows:
            records = records_by_key.get(tuple(vals[name] for name in key_fields))
            if not records:
                plan.to_create.append((row_number, vals))
                continue
            changes = self._changed_values(records[0], vals)
            if changes:
                plan.to_update.append((row_number, records[0], changes))
            else:
                plan.unchanged_count += 1
        return None

    # Template

    def _template_content(self, roster):
        """Number columns of the template are text, so that spreadsheets keep every digit."""
        content = super()._template_content(roster)
        numbers = roster.column_ids.filtered(
            lambda column: column.employee_match in ("barcode", "identification_id")
        )
        if not numbers:
            return content
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheet = book.active
        for index, column in enumerate(roster.column_ids, start=1):
            if column in numbers:
                letter = openpyxl.utils.get_column_letter(index)
                sheet.column_dimensions[letter].number_format = "@"
                sheet.column_dimensions[letter].width = 22
        output = io.BytesIO()
        book.save(output)
        return output.getvalue()
