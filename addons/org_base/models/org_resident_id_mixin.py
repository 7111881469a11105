import contextlib

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.resident_id import (
    ResidentIdError,
    check_resident_id,
    mask_resident_id,
    normalize_resident_id,
    parse_resident_id,
)


class OrgResidentIdMixin(models.AbstractModel):
    """Validates, normalizes and masks a resident ID number (居民身份证号) field.

    A model names its field in ``_resident_id_field`` and, optionally, the fields that
    receive the derived birth date and gender. Numbers are stored in canonical form
    (18 characters, upper-case X; 15-digit numbers upgraded); an invalid number is refused
    with a message naming the record and the problem.
    """

    _name = "org.resident.id.mixin"
    _description = "Resident ID Number Mixin"

    _resident_id_field = "id_number"
    _resident_id_birthday_field = None
    _resident_id_gender_field = None

    resident_id_masked = fields.Char(
        string="ID Number (masked)",
        compute="_compute_resident_id_masked",
        compute_sudo=True,
    )

    @api.depends(lambda self: [self._resident_id_field])
    def _compute_resident_id_masked(self):
        for record in self:
            number = record[self._resident_id_field]
            record.resident_id_masked = mask_resident_id(number) if number else False

    @api.constrains(lambda self: [self._resident_id_field])
    def _check_resident_id(self):
        for record in self:
            number = record[self._resident_id_field]
            error = number and check_resident_id(number)
            if error:
                raise ValidationError(
                    self.env._(
                        "%(record)s: the resident ID number %(number)s is invalid: %(reason)s",
                        record=record.display_name or self._description,
                        number=number,
                        reason=self._resident_id_reason(error),
                    )
                )

    @api.constrains(
        lambda self: [
            name
            for name in (
                self._resident_id_field,
                self._resident_id_birthday_field,
                self._resident_id_gender_field,
            )
            if name
        ]
    )
    def _check_resident_id_facts(self):
        # Only the number's own rule: a model's other rules have their own constraint, which
        # would otherwise run twice on every save (and on every row of a roster import).
        lines = [
            self.env._("%(record)s: %(message)s", record=self._org_rule_record_name(record), message=message)
            for record in self
            for __, message in record.sudo()._resident_id_rule_messages()
        ]
        if lines:
            raise ValidationError("\n".join(lines))

    def _org_rule_messages(self):
        return super()._org_rule_messages() + self._resident_id_rule_messages()

    def _resident_id_rule_messages(self):
        """The number is authoritative: a birth date or gender that contradicts it is refused,
        naming both values (GB 11643-1999 §4: digits 7-14 are the birth date, digit 17 odd for
        men and even for women)."""
        messages = []
        record = self.sudo()  # the number, birth date and gender may be fields the user cannot read
        number = record[self._resident_id_field]
        if not number:
            return messages
        try:
            number, birthday, gender = parse_resident_id(number)
        except ResidentIdError:
            return messages  # _check_resident_id refuses the number itself
        birthday_field = self._resident_id_birthday_field
        if birthday_field and record[birthday_field] and record[birthday_field] != birthday:
            messages.append(
                (
                    (self._resident_id_field, birthday_field),
                    self.env._(
                        "the birth date %(given)s contradicts the resident ID number %(number)s, "
                        "which gives %(derived)s.",
                        given=record[birthday_field],
                        number=mask_resident_id(number),
                        derived=birthday,
                    ),
                )
            )
        gender_field = self._resident_id_gender_field
        if gender_field and record[gender_field] and record[gender_field] != gender:
            labels = (
                dict(self.env["ir.model.fields"].get_field_selection(self._name, gender_field))
                if self._fields[gender_field].type == "selection"
                else {}
            )
            messages.append(
                (
                    (self._resident_id_field, gender_field),
                    self.env._(
                        "the gender %(given)s contradicts the resident ID number %(number)s, "
                        "which gives %(derived)s.",
                        given=labels.get(record[gender_field], record[gender_field]),
                        number=mask_resident_id(number),
                        derived=labels.get(gender, gender),
                    ),
                )
            )
        return messages

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._resident_id_prepare_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._resident_id_prepare_vals(vals)
        return super().write(vals)

    @api.model
    def _resident_id_prepare_vals(self, vals):
        """Store the canonical number, and fill birth date and gender when not given."""
        number = vals.get(self._resident_id_field)
        if not number:
            return
        # An invalid number is stored as typed; _check_resident_id then refuses it by name.
        with contextlib.suppress(ResidentIdError):
            number, birthday, gender = parse_resident_id(number)
            vals[self._resident_id_field] = number
            if self._resident_id_birthday_field and not vals.get(self._resident_id_birthday_field):
                vals[self._resident_id_birthday_field] = birthday
            if self._resident_id_gender_field and not vals.get(self._resident_id_gender_field):
                vals[self._resident_id_gender_field] = gender

    @api.model
    def _resident_id_reason(self, error):
        """A translated sentence for a :class:`ResidentIdError`."""
        params = error.params
        if error.code == "empty":
            return self.env._("the number is empty.")
        if error.code == "length":
            return self.env._(
                "it has %(length)s characters; a number has 18 (or 15 for an old one).",
                length=params["length"],
            )
        if error.code == "characters":
            return self.env._("only digits are allowed, and X as the last character.")
        if error.code == "area":
            return self.env._("%(area)s is not a Chinese administrative area code.", area=params["area"])
        if error.code == "birth_date":
            return self.env._("%(date)s is not a possible birth date.", date=params["date"])
        if error.code == "checksum":
            return self.env._(
                "the check character should be %(expected)s, not %(found)s "
                "(a typing error, or a number stored as a spreadsheet number).",
                expected=params["expected"],
                found=params["found"],
            )
        return error.code

    @api.model
    def _normalize_resident_id(self, number):
        """Canonical form of ``number``; raises ValidationError with a readable reason."""
        try:
            return normalize_resident_id(number)
        except ResidentIdError as error:
            raise ValidationError(
                self.env._(
                    "The resident ID number %(number)s is invalid: %(reason)s",
                    number=number,
                    reason=self._resident_id_reason(error),
                )
            ) from error
