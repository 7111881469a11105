# pylint: disable=consider-merging-classes-inherited
import base64
import contextlib
import io
import zipfile
from collections import defaultdict

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.image import image_process

from odoo.addons.org_base.tools import upload_limits
from odoo.addons.org_base.tools.resident_id import ResidentIdError, mask_resident_id, parse_resident_id

from ..tools import lrmx
from .hr_employee import match_entry, real_photo


def resized_images(model, image):
    """``{field name: value}`` of ``image`` and of its copies in the image fields of ``model``
    related to ``image_1920``, made as the fields make them: :func:`image_process` at each
    field's size. Nothing without an image (hr then gives employees their avatar)."""
    if not image:
        return {}
    photo = model._fields["image_1920"]
    source = image_process(base64.b64decode(image), size=(photo.max_width, photo.max_height))
    values = {"image_1920": base64.b64encode(source)}
    for field in model._fields.values():
        if isinstance(field, fields.Image) and field.related == "image_1920" and field.store:
            values[field.name] = base64.b64encode(
                image_process(source, size=(field.max_width, field.max_height), verify_resolution=True)
            )
    return values


def lrmx_verbatim(source, values):
    """``values`` (element texts the export would write from the fields) with the file's own
    text of each element whose field still gives the text it gave when the file was read,
    and the file's order of the elements (see ``cadre_lrmx_source``)."""
    source = source or {}
    raw = source.get("raw") or {}
    mixed = []
    for name, current in values.items():
        entry = raw.get(name)
        if entry and entry[1] == lrmx.digest(current):
            values[name] = entry[0]
            if entry[2]:
                mixed.append(name)
    values[lrmx.ORDER] = source.get("order") or []
    values[lrmx.MIXED] = mixed
    return values


# LRMX is a capability of its own, apart from the dossier (issue 17): a second inheritance.
class HrEmployee(models.Model):
    """LRMX, the file of the national 任免审批表 editor, both ways.

    The mapping table ``tools/lrmx.py`` (``PERSON``, ``FAMILY_ITEM``) pairs each element with
    its field and converter kind; the export writes ``_lrmx_format_<kind>(value)`` of each
    field, the import reads ``_lrmx_parse_<kind>(text, ...)`` of each element.
    """

    _inherit = "hr.employee"

    # What the last LRMX file said, so that nothing of it is lost (issue 21): for each element
    # whose text is not what the export would write from the field ([text, fingerprint of the
    # export's text when the file was read, whether the text holds markup]) and the file's
    # order of the elements, with those we do not know kept whole. The export writes the
    # file's text back while the field still gives the same text. Read by the export and the
    # form as superuser, after their own access check; holds the ID number, hence its group.
    cadre_lrmx_source = fields.Json(
        string="LRMX File Texts", copy=False, prefetch=False, groups="hr.group_hr_user"
    )

    def action_cadre_lrmx_export(self):
        """Download the LRMX file (a zip for several cadres), streamed by
        ``controllers/lrmx.py`` to the requester alone: nothing is stored."""
        if not self:
            raise UserError(self.env._("Select at least one cadre to export."))
        self._cadre_check_dossier_access()
        return {
            "type": "ir.actions.act_url",
            "url": "/org_cadre/lrmx/" + ",".join(str(employee_id) for employee_id in self.ids),
            "target": "download",
        }

    def action_cadre_form_docx(self):
        """Download the 任免审批表 as .docx (a zip for several cadres), streamed by
        ``controllers/lrmx.py`` to the requester alone: nothing is stored."""
        if not self:
            raise UserError(self.env._("Select at least one cadre to export."))
        self._cadre_check_dossier_access()
        return {
            "type": "ir.actions.act_url",
            "url": "/org_cadre/cadre_form_docx/" + ",".join(str(employee_id) for employee_id in self.ids),
            "target": "download",
        }

    # Export

    def _lrmx_values(self, identity=None):
        """The dict of element texts (see tools/lrmx.py) of one employee; the ID number is
        masked for those who may not read it (see :meth:`_cadre_identities`)."""
        self.ensure_one()
        identity = identity or self._cadre_identities()[self.id]
        employee = self.with_context(bin_size=False)
        values = lrmx_verbatim(
            self.sudo().cadre_lrmx_source,
            {
                element.name: self._lrmx_format(
                    element, identity[element.field] if element.field in identity else employee[element.field]
                )
                for element in lrmx.PERSON
            },
        )
        values[lrmx.FAMILY] = [
            lrmx_verbatim(
                member.lrmx_source,
                {
                    element.name: self._lrmx_format(element, member[element.field])
                    for element in lrmx.FAMILY_ITEM
                },
            )
            for member in self.cadre_family_member_ids
        ]
        return values

    def _lrmx_text(self, name):
        """The text of the element ``name`` as the export writes it (the file's own text while
        the field is unchanged), for the form: 简历, 奖惩情况, 年度考核结果 as the file said."""
        self.ensure_one()
        element = next(element for element in lrmx.PERSON if element.name == name)
        values = lrmx_verbatim(
            self.sudo().cadre_lrmx_source, {name: self._lrmx_format(element, self[element.field])}
        )
        return lrmx.resume_text(values[name])

    def _lrmx_format(self, element, value):
        return getattr(self, f"_lrmx_format_{element.kind}")(value)

    @api.model
    def _lrmx_format_text(self, value):
        return value or ""

    @api.model
    def _lrmx_format_date(self, value):
        return lrmx.format_month(value)

    @api.model
    def _lrmx_format_dictionary(self, item):
        return item.name or ""

    @api.model
    def _lrmx_format_gender(self, gender):
        entry = gender in lrmx.GENDER_ENTRIES and self.env.ref(
            lrmx.GENDER_ENTRIES[gender], raise_if_not_found=False
        )
        return entry.name if entry else ""

    @api.model
    def _lrmx_format_photo(self, image):
        photo = real_photo(image)
        return photo.decode() if photo else ""

    @api.model
    def _lrmx_format_id_number(self, number):
        return number or ""

    @api.model
    def _lrmx_format_resume(self, lines):
        return lrmx.format_resume(
            [{"date_start": line.date_start, "date_end": line.date_end, "name": line.name} for line in lines]
        )

    @api.model
    def _lrmx_format_assessments(self, results):
        return lrmx.format_assessments(
            [(result.year, lrmx.GRADES[result.grade]) for result in results.sorted("year")]
        )

    def _lrmx_export(self):
        """``(filename, bytes)``: one employee gives an .lrmx file, several a .zip of them."""
        if not self:
            raise UserError(self.env._("Select at least one cadre to export."))
        identities = self._cadre_identities()
        if len(self) == 1:
            return f"{self.name}.lrmx", lrmx.build_lrmx(self._lrmx_values(identities[self.id]))
        buffer = io.BytesIO()
        used = defaultdict(int)
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for employee in self:
                used[employee.name] += 1
                suffix = f"_{used[employee.name]}" if used[employee.name] > 1 else ""
                values = employee._lrmx_values(identities[employee.id])
                archive.writestr(f"{employee.name}{suffix}.lrmx", lrmx.build_lrmx(values))
        return "任免审批表.zip", buffer.getvalue()

    # Import

    @api.model
    def _lrmx_import(self, data, filename=None, keep=()):
        """Create or update cadres from the bytes of one .lrmx file or of a .zip of them.

        Existing employees are matched on their ID number; ``keep``: ``{(employee id,
        element name)}`` whose stored value stays (the officer's choices in the wizard, see
        :meth:`_lrmx_differences`), the file wins elsewhere.
        """
        return self._lrmx_apply(self._lrmx_read(data, filename), keep)

    @api.model
    def _lrmx_read(self, data, filename=None):
        """``[(file name, element texts, hr.employee values, existing employee)]`` of the files
        in ``data``. A zip is read in one pass: every file is parsed first (a bad file stops
        the import before anything is written, with its name and element), then one lookup of
        the ID numbers."""
        files = self._lrmx_files(data, filename)
        parsed = []
        for name, content in files:
            try:
                parsed.append((name, lrmx.parse_lrmx(content)))
            except lrmx.LrmxError as error:
                raise UserError(self._lrmx_error_message(name, error)) from error
        context = self._lrmx_import_context([values for _name, values in parsed])
        items = []
        for name, values in parsed:
            try:
                vals = self._lrmx_prepare_vals(values, context)
            except lrmx.LrmxError as error:
                raise UserError(self._lrmx_error_message(name, error)) from error
            existing = context["employees"].get(vals.get("identification_id")) or self.browse()
            items.append((name, values, vals, existing))
        return items

    @api.model
    def _lrmx_apply(self, items, keep=()):
        """Write what :meth:`_lrmx_read` read: updates first, then one creation."""
        keep = set(keep)
        to_create = []
        employees = self.browse()
        for _name, _values, vals, existing in items:
            if not existing:
                to_create.append(vals)
                continue
            kept = {name for employee_id, name in keep if employee_id == existing.id}
            if kept:
                vals = existing._lrmx_keep(vals, kept)
            for field in ("cadre_resume_line_ids", "cadre_family_member_ids", "cadre_annual_result_ids"):
                if field in vals:
                    vals[field] = [Command.clear()] + vals[field]
            existing.write(vals)
            employees |= existing
        if to_create:
            # New dossiers: one creation, without a chatter line per employee.
            employees |= self.with_context(
                mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
            )._lrmx_create(to_create)
        return employees

    def _lrmx_keep(self, vals, names):
        """``vals`` without the fields of the elements ``names``, whose stored value stays
        (with the text the last file gave for it)."""
        self.ensure_one()
        vals = dict(vals)
        fields_by_name = {element.name: element.field for element in lrmx.PERSON}
        fields_by_name[lrmx.FAMILY] = "cadre_family_member_ids"
        source = dict(vals.get("cadre_lrmx_source") or {})
        raw = dict(source.get("raw") or {})
        stored = (self.sudo().cadre_lrmx_source or {}).get("raw") or {}
        for name in names:
            vals.pop(fields_by_name[name], None)
            if name in stored:
                raw[name] = stored[name]
            else:
                raw.pop(name, None)
        source["raw"] = raw
        vals["cadre_lrmx_source"] = source
        return vals

    def _lrmx_differences(self, items):
        """``[{employee_id, element, label, stored_value, file_value, choice}]``: where a
        file and the stored dossier it updates disagree, element by element (texts compared
        with their whitespace made one space), for the officer to choose. The default keeps
        the stored value, except where it is empty."""
        differences = []
        labels = self._lrmx_labels()
        for file_name, values, _vals, existing in items:
            if not existing:
                continue
            stored = existing._lrmx_values()
            for name in (*lrmx.ELEMENTS, lrmx.FAMILY):
                if name == "ShenFenZheng":
                    continue  # the key the file is matched on
                if name == lrmx.FAMILY:
                    old, new = self._lrmx_family_text(stored[name]), self._lrmx_family_text(values[name])
                else:
                    old, new = stored[name], values[name]
                if name == "ZhaoPian":
                    same = "".join(old.split()) == "".join(new.split())
                    old = old and self.env._("(photo)")
                    new = new and self.env._("(another photo)")
                else:
                    same = lrmx.normalize(old) == lrmx.normalize(new)
                if same:
                    continue
                differences.append(
                    {
                        "employee_id": existing.id,
                        "file_name": file_name,
                        "element": name,
                        "label": labels[name],
                        "stored_value": old,
                        "file_value": new,
                        "choice": "stored" if old.strip() else "file",
                    }
                )
        return differences

    @api.model
    def _lrmx_family_text(self, members):
        return "\n".join(
            "  ".join(filter(None, (member.get(name, "").strip() for name in lrmx.FAMILY_ELEMENTS)))
            for member in members
        )

    @api.model
    def _lrmx_labels(self):
        """``{element name: label}``: the string of its field (the form's caption)."""
        labels = {
            element.name: f"{self._fields[element.field]._description_string(self.env)} ({element.name})"
            for element in lrmx.PERSON
        }
        labels[lrmx.FAMILY] = (
            f"{self._fields['cadre_family_member_ids']._description_string(self.env)} ({lrmx.FAMILY})"
        )
        return labels

    def _lrmx_post_choices(self, lines):
        """A chatter message on each updated dossier naming, field by field, what the officer
        chose where the file and the dossier disagreed (``lines``: the wizard's lines)."""
        for employee in self:
            mine = lines.filtered(lambda line, employee=employee: line.employee_id == employee)
            if not mine:
                continue
            items = Markup("").join(
                Markup("<li>%s</li>")
                % self.env._(
                    "%(field)s: %(choice)s (stored: “%(stored)s”; file: “%(file)s”)",
                    field=line.label,
                    choice=dict(line._fields["choice"]._description_selection(self.env))[line.choice],
                    stored=(line.stored_value or "")[:200],
                    file=(line.file_value or "")[:200],
                )
                for line in mine
            )
            employee.message_post(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (
                    self.env._(
                        "LRMX import %(file)s, where the file and the dossier differed:",
                        file=mine[0].file_name,
                    ),
                    items,
                )
            )

    @api.model
    def _lrmx_create(self, vals_list):
        """hr's own create, in one call: hr makes the work contacts of the batch at once.

        The resized copies of each photo (``image_1024`` … ``image_128``) are given with the
        employee and, under the context key ``org_cadre_resized_images``, with its work contact
        (``res_partner.py``): they are stored with the batch instead of being computed and
        stored record by record afterwards (computing them again finds them stored).
        """
        for vals in vals_list:
            vals.update(resized_images(self, vals.get("image_1920")))
        return self.with_context(org_cadre_resized_images=True).create(vals_list)

    @api.model
    def _lrmx_files(self, data, filename):
        """``[(name, bytes)]`` of the LRMX files in ``data`` (one file, or a zip).

        The upload limits apply before anything is unpacked: file size, entry count, and the
        total unpacked size, counted while reading (a zip bomb stops at the limit).
        """
        if not data:
            raise UserError(self.env._("The file %(file)s is empty.", file=filename or "LRMX"))
        Limits = self.env["org.upload.limits"]
        try:
            if data[:4] != b"PK\x03\x04":
                upload_limits.check_file_size(data, Limits._get_limits())
                return [(filename or "LRMX", data)]
            members = upload_limits.read_zip_members(
                data, Limits._get_limits(), accept=lambda info: info.filename.lower().endswith(".lrmx")
            )
        except upload_limits.LimitError as error:
            Limits._raise_limit_error(error, filename or "zip")
        files = []
        for info, content in members:
            name = info.filename
            if not info.flag_bits & 0x800:
                # Zip tools of Chinese Windows write names in GBK without the UTF-8 flag.
                with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
                    name = name.encode("cp437").decode("gb18030")
            files.append((name, content))
        if not files:
            raise UserError(self.env._("The archive %(file)s holds no .lrmx file.", file=filename or "zip"))
        return files

    @api.model
    def _lrmx_error_message(self, name, error):
        messages = {
            "empty": self.env._("the file is empty."),
            "encoding": self.env._("its text cannot be read in the declared encoding %(value)s."),
            "xml": self.env._("it is not well-formed XML (%(value)s)."),
            "root": self.env._("the root element is <%(element)s>, an LRMX file has <Person>."),
            "missing": self.env._("the element <%(element)s> is missing or empty."),
            "date": self.env._(
                "the element <%(element)s> holds “%(value)s”, which is not a date (YYYYMM or YYYY.MM)."
            ),
            "resume": self.env._(
                "the element <%(element)s> starts with “%(value)s”, not with a period like 2008.03--2016.09."
            ),
            "dictionary": self.env._(
                "the element <%(element)s> holds “%(value)s”, which is not an entry of the dictionary"
                " %(dictionary)s (by name, short name or code)."
            ),
            "gender": self.env._("the element <%(element)s> holds “%(value)s”; write 男 or 女."),
            "id_number": self.env._("the element <%(element)s> holds “%(value)s”, not a valid ID number."),
            "photo": self.env._("the element <%(element)s> does not hold a base64 image."),
            "id_birthday": self.env._(
                "the element <%(element)s> holds “%(value)s” but the ID number %(number)s gives the birth"
                " month %(expected)s; the ID number is authoritative: correct the file."
            ),
            "id_gender": self.env._(
                "the element <%(element)s> holds “%(value)s” but the ID number %(number)s gives the gender"
                " %(expected)s; the ID number is authoritative: correct the file."
            ),
        }
        if error.code == "photo_limit":
            # The photo of <ZhaoPian> is beyond the upload limits (error.value: the LimitError).
            reason = self.env["org.upload.limits"]._limit_message(error.value)
        else:
            dictionary = (
                error.code == "dictionary"
                and error.source
                and self.env["org.dictionary"].search([("code", "=", error.source)], limit=1)
            )
            reason = messages.get(error.code, error.code) % {
                "element": error.element or "",
                "value": error.value or "",
                "dictionary": dictionary.name if dictionary else error.source,
                "number": error.source or "",
                "expected": error.expected or "",
            }
        return self.env._("LRMX file %(file)s cannot be imported: %(reason)s", file=name, reason=reason)

    @api.model
    def _lrmx_import_context(self, values_list):
        """Everything the files refer to, read once: the entries of the dictionaries of the
        mapping table (by name, short name and code), hr's genders by entry and the existing
        employees."""
        dictionaries = self.env["org.dictionary.item"]._org_entries_by_text(
            {element.source for element in lrmx.PERSON + lrmx.FAMILY_ITEM if element.source}
        )
        numbers = set()
        for values in values_list:
            try:
                numbers.add(parse_resident_id(values["ShenFenZheng"])[0])
            except ResidentIdError:
                continue
        employees = self.with_context(active_test=False).search([("identification_id", "in", list(numbers))])
        entry_ids = {entry_id for entries in dictionaries.values() for entry_id in entries.values()}
        return {
            "dictionaries": dictionaries,
            # {entry id: its name, as the export writes it}
            "entry_names": {
                entry.id: entry.name or "" for entry in self.env["org.dictionary.item"].browse(entry_ids)
            },
            # {entry id of the gender dictionary: hr's gender}
            "genders": {
                entry.id: gender
                for gender, xmlid in lrmx.GENDER_ENTRIES.items()
                if (entry := self.env.ref(xmlid, raise_if_not_found=False))
            },
            "employees": {employee.identification_id: employee for employee in employees},
            # {hr's gender: the name the export writes}, and the upload limits, read once
            "gender_names": {gender: self._lrmx_format_gender(gender) for gender in lrmx.GENDER_ENTRIES},
            "limits": self.env["org.upload.limits"]._get_limits(),
        }

    @api.model
    def _lrmx_prepare_vals(self, values, context):
        """hr.employee values from the element texts of one file (see :func:`lrmx.parse_lrmx`)."""
        # Texts with markup (<br/> in 简历) are read as the form prints them.
        mixed = set(values[lrmx.MIXED])
        vals = {
            element.field: self._lrmx_parse(
                element,
                lrmx.resume_text(values[element.name]).strip()
                if element.name in mixed
                else values[element.name].strip(),
                element.name,
                context,
            )
            for element in lrmx.PERSON
        }
        vals["is_cadre"] = True
        members = []
        for index, member in enumerate(values[lrmx.FAMILY], start=1):
            member_vals = {
                element.field: self._lrmx_parse(
                    element, member[element.name].strip(), f"{lrmx.FAMILY}/Item/{element.name}", context
                )
                for element in lrmx.FAMILY_ITEM
            }
            member_vals["sequence"] = index
            member_vals["lrmx_source"] = self._lrmx_source(lrmx.FAMILY_ITEM, member, member_vals, context)
            members.append(Command.create(member_vals))
        vals["cadre_family_member_ids"] = members
        if vals["identification_id"]:
            # The ID number is authoritative (org_base): a file contradicting it is refused,
            # naming both values; the form has the month only, the day comes from the number.
            number, id_birthday, id_gender = parse_resident_id(vals["identification_id"])
            birthday = vals["birthday"]
            if birthday and (birthday.year, birthday.month) != (id_birthday.year, id_birthday.month):
                raise lrmx.LrmxError(
                    "id_birthday",
                    "ChuShengNianYue",
                    values["ChuShengNianYue"].strip(),
                    source=mask_resident_id(number),
                    expected=lrmx.format_month(id_birthday),
                )
            if vals["gender"] and vals["gender"] != id_gender:
                raise lrmx.LrmxError(
                    "id_gender",
                    "XingBie",
                    values["XingBie"].strip(),
                    source=mask_resident_id(number),
                    expected=context["gender_names"].get(id_gender, id_gender),
                )
            vals["birthday"] = id_birthday
            vals["gender"] = vals["gender"] or id_gender
        vals["cadre_lrmx_source"] = self._lrmx_source(lrmx.PERSON, values, vals, context)
        return vals

    @api.model
    def _lrmx_source(self, table, values, vals, context):
        """What ``cadre_lrmx_source`` keeps of one file (or ``lrmx_source`` of one member):
        the file's text of each element of ``table`` the export would not write the same from
        ``vals``, with the fingerprint of what it would write, and the file's order."""
        raw = {}
        mixed = set(values.get(lrmx.MIXED) or ())
        for element in table:
            text = values.get(element.name) or ""
            if not text or element.kind == "photo":
                # The photo is written back from its unchanged bytes.
                continue
            written = self._lrmx_vals_text(element, vals.get(element.field), context)
            if text != written:
                raw[element.name] = [text, lrmx.digest(written), element.name in mixed]
        return {"raw": raw, "order": values.get(lrmx.ORDER) or []}

    @api.model
    def _lrmx_vals_text(self, element, value, context):
        """The text the export will write for ``value``, a value of ``_lrmx_prepare_vals``."""
        kind = element.kind
        if kind == "dictionary":
            return context["entry_names"].get(value, "")
        if kind == "gender":
            return context["gender_names"].get(value, "")
        if kind in ("resume", "assessments"):
            records = [command[2] for command in value or ()]
            if kind == "resume":
                return lrmx.format_resume(records)
            return lrmx.format_assessments(
                sorted((record["year"], lrmx.GRADES[record["grade"]]) for record in records)
            )
        return self._lrmx_format(element, value)

    @api.model
    def _lrmx_parse(self, element, text, path, context):
        """The field value of ``element`` from its ``text``; ``path`` names it in errors."""
        return getattr(self, f"_lrmx_parse_{element.kind}")(text, path, element, context)

    @api.model
    def _lrmx_parse_text(self, text, path, element, context):
        return text or False

    @api.model
    def _lrmx_parse_date(self, text, path, element, context):
        return lrmx.parse_month(text, path) or False

    @api.model
    def _lrmx_parse_dictionary(self, text, path, element, context):
        if not text:
            return False
        item_id = match_entry(context["dictionaries"], element.source, text)
        if not item_id:
            raise lrmx.LrmxError("dictionary", path, text, source=element.source)
        return item_id

    @api.model
    def _lrmx_parse_gender(self, text, path, element, context):
        if not text:
            return False
        gender = context["genders"].get(match_entry(context["dictionaries"], element.source, text))
        if not gender:
            raise lrmx.LrmxError("gender", path, text)
        return gender

    @api.model
    def _lrmx_parse_photo(self, text, path, element, context):
        if not text:
            return False
        try:
            image = base64.b64decode("".join(text.split()), validate=True)
        except ValueError as error:
            raise lrmx.LrmxError("photo", path) from error
        try:
            upload_limits.check_image(image, context["limits"])
        except upload_limits.LimitError as error:
            raise lrmx.LrmxError("photo_limit", path, error) from error
        return base64.b64encode(image)

    @api.model
    def _lrmx_parse_id_number(self, text, path, element, context):
        if not text:
            return False
        try:
            return parse_resident_id(text)[0]
        except ResidentIdError as error:
            raise lrmx.LrmxError("id_number", path, text) from error

    @api.model
    def _lrmx_parse_resume(self, text, path, element, context):
        return [Command.create(line) for line in lrmx.parse_resume(text)]

    @api.model
    def _lrmx_parse_assessments(self, text, path, element, context):
        grades = {label: key for key, label in lrmx.GRADES.items()}
        # 事业单位 grades (合格 …) are kept as the nearest civil servant grade; the text stays.
        grades.update({"合格": "competent", "基本合格": "basic", "不合格": "incompetent"})
        return [
            Command.create({"year": year, "grade": grades[grade]})
            for year, grade in lrmx.parse_assessments(text)
        ]
