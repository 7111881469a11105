# pylint: disable=consider-merging-classes-inherited
import base64
import contextlib
import io
import zipfile
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.image import image_process

from odoo.addons.org_base.tools import upload_limits
from odoo.addons.org_base.tools.resident_id import ResidentIdError, parse_resident_id

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


# LRMX is a capability of its own, apart from the dossier (issue 17): a second inheritance.
class HrEmployee(models.Model):
    """LRMX, the file of the national 任免审批表 editor, both ways.

    The mapping table ``tools/lrmx.py`` (``PERSON``, ``FAMILY_ITEM``) pairs each element with
    its field and converter kind; the export writes ``_lrmx_format_<kind>(value)`` of each
    field, the import reads ``_lrmx_parse_<kind>(text, ...)`` of each element.
    """

    _inherit = "hr.employee"

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

    # Export

    def _lrmx_values(self, identity=None):
        """The dict of element texts (see tools/lrmx.py) of one employee; the ID number is
        masked for those who may not read it (see :meth:`_cadre_identities`)."""
        self.ensure_one()
        identity = identity or self._cadre_identities()[self.id]
        employee = self.with_context(bin_size=False)
        values = {
            element.name: self._lrmx_format(
                element, identity[element.field] if element.field in identity else employee[element.field]
            )
            for element in lrmx.PERSON
        }
        values[lrmx.FAMILY] = [
            {element.name: self._lrmx_format(element, member[element.field]) for element in lrmx.FAMILY_ITEM}
            for member in self.cadre_family_member_ids
        ]
        return values

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
    def _lrmx_import(self, data, filename=None):
        """Create or update cadres from the bytes of one .lrmx file or of a .zip of them.

        Existing employees are matched on their ID number. A zip is read in one pass: every
        file is parsed first (a bad file stops the import before anything is written, with
        its name and element), then one lookup of the ID numbers, then one create.
        """
        files = self._lrmx_files(data, filename)
        parsed = []
        for name, content in files:
            try:
                parsed.append((name, lrmx.parse_lrmx(content)))
            except lrmx.LrmxError as error:
                raise UserError(self._lrmx_error_message(name, error)) from error
        context = self._lrmx_import_context([values for _name, values in parsed])
        to_create, to_update = [], []
        for name, values in parsed:
            try:
                vals = self._lrmx_prepare_vals(values, context)
            except lrmx.LrmxError as error:
                raise UserError(self._lrmx_error_message(name, error)) from error
            existing = context["employees"].get(vals.get("identification_id"))
            if existing:
                to_update.append((existing, vals))
            else:
                to_create.append(vals)
        employees = self.browse()
        for employee, vals in to_update:
            vals["cadre_resume_line_ids"] = [Command.clear()] + vals["cadre_resume_line_ids"]
            vals["cadre_family_member_ids"] = [Command.clear()] + vals["cadre_family_member_ids"]
            vals["cadre_annual_result_ids"] = [Command.clear()] + vals["cadre_annual_result_ids"]
            employee.write(vals)
            employees |= employee
        if to_create:
            # New dossiers: one creation, without a chatter line per employee.
            employees |= self.with_context(
                mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
            )._lrmx_create(to_create)
        return employees

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
        }
        if error.code == "photo_limit":
            # The photo of <ZhaoPian> is beyond the upload limits (error.value: the LimitError).
            reason = self.env["org.upload.limits"]._limit_message(error.value)
        else:
            dictionary = error.source and self.env["org.dictionary"].search(
                [("code", "=", error.source)], limit=1
            )
            reason = messages.get(error.code, error.code) % {
                "element": error.element or "",
                "value": error.value or "",
                "dictionary": dictionary.name if dictionary else error.source,
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
        return {
            "dictionaries": dictionaries,
            # {entry id of the gender dictionary: hr's gender}
            "genders": {
                entry.id: gender
                for gender, xmlid in lrmx.GENDER_ENTRIES.items()
                if (entry := self.env.ref(xmlid, raise_if_not_found=False))
            },
            "employees": {employee.identification_id: employee for employee in employees},
        }

    @api.model
    def _lrmx_prepare_vals(self, values, context):
        """hr.employee values from the element texts of one file (see :func:`lrmx.parse_lrmx`)."""
        vals = {
            element.field: self._lrmx_parse(element, values[element.name], element.name, context)
            for element in lrmx.PERSON
        }
        vals["is_cadre"] = True
        vals["cadre_family_member_ids"] = [
            Command.create(
                {
                    "sequence": index,
                    **{
                        element.field: self._lrmx_parse(
                            element, member[element.name], f"{lrmx.FAMILY}/Item/{element.name}", context
                        )
                        for element in lrmx.FAMILY_ITEM
                    },
                }
            )
            for index, member in enumerate(values[lrmx.FAMILY], start=1)
        ]
        if vals["identification_id"]:
            _number, id_birthday, id_gender = parse_resident_id(vals["identification_id"])
            # The form has the month only: keep the day the ID number gives.
            birthday = vals["birthday"]
            if not birthday or (birthday.year, birthday.month) == (id_birthday.year, id_birthday.month):
                vals["birthday"] = id_birthday
            vals["gender"] = vals["gender"] or id_gender
        return vals

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
            upload_limits.check_image(image, self.env["org.upload.limits"]._get_limits())
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
        return [
            Command.create({"year": year, "grade": grades[grade]})
            for year, grade in lrmx.parse_assessments(text)
        ]
