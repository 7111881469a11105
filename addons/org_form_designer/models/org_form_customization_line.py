import re
import uuid

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

FIELD_TYPES = [
    ("char", "Text (One Line)"),
    ("text", "Text (Several Lines)"),
    ("integer", "Whole Number"),
    ("float", "Decimal Number"),
    ("boolean", "Yes / No"),
    ("date", "Date"),
    ("datetime", "Date and Time"),
    ("selection", "Choice from a List"),
    ("many2one", "Link to a Record"),
]
# Matched with fullmatch: "$" would let a trailing newline through.
FIELD_NAME_RE = re.compile(r"x_org_[a-z0-9_]+")
# Changes of these line fields are logged on the customization's chatter.
TRACKED_FIELDS = (
    "label",
    "field_type",
    "field_help",
    "selection_options",
    "comodel_id",
    "position",
    "anchor_field_id",
    "target_field_id",
    "new_label",
    "is_required",
    "is_readonly",
    "is_hidden",
    "in_list",
    "in_search",
)


class OrgFormCustomizationLine(models.Model):
    """One change of a form customization: a new field, or a change to an existing field."""

    _name = "org.form.customization.line"
    _description = "Form Customization Line"
    _order = "customization_id, sequence, id"
    _rec_name = "label"

    customization_id = fields.Many2one(
        "org.form.customization", required=True, ondelete="cascade", index=True
    )
    model_id = fields.Many2one(related="customization_id.model_id")
    sequence = fields.Integer(default=10)
    operation = fields.Selection(
        [("add", "New Field"), ("change", "Change a Field")], required=True, default="add"
    )
    # New field
    label = fields.Char(help="The label of the new field on the form, e.g. 联系电话.")
    field_type = fields.Selection(FIELD_TYPES, string="Type", default="char")
    field_help = fields.Char(string="Help", help="The tooltip shown next to the field.")
    selection_options = fields.Text(
        string="Options",
        help="One option per line, e.g. 优秀. Write key=label to choose the stored key yourself.",
    )
    comodel_id = fields.Many2one(
        "ir.model",
        string="Linked Records",
        ondelete="cascade",
        domain=lambda self: [("id", "in", self.env["org.form.customization"]._link_models().ids)],
        help="The kind of record the new field links to: only kinds whose names are no secret, "
        "such as dictionary entries and departments.",
    )
    position = fields.Selection(
        [("page", "Extended Information Tab"), ("after", "After a Field")], default="page"
    )
    anchor_field_id = fields.Many2one(
        "ir.model.fields",
        string="After Field",
        ondelete="cascade",
        domain="[('id', 'in', parent.form_field_ids)]",
    )
    in_list = fields.Boolean(help="Also show the new field as a column of the list.")
    in_search = fields.Boolean(help="Also offer the new field in the search bar.")
    field_name = fields.Char(
        string="Technical Name",
        copy=False,
        help="Generated when left empty; starts with x_org_.",
    )
    new_field_id = fields.Many2one(
        "ir.model.fields", string="Custom Field", readonly=True, copy=False, ondelete="set null"
    )
    # Change to an existing field
    target_field_id = fields.Many2one(
        "ir.model.fields",
        string="Field",
        ondelete="cascade",
        domain="[('id', 'in', parent.form_field_ids)]",
    )
    new_label = fields.Char(help="Show the field under this label.")
    is_hidden = fields.Boolean(string="Hidden")
    # Both
    is_required = fields.Boolean(string="Required")
    is_readonly = fields.Boolean(string="Read-only")
    value_count = fields.Integer(
        string="Records with Values",
        compute="_compute_value_count",
        help="How many records hold a value in the new field.",
    )

    @api.depends_context("uid")
    def _compute_value_count(self):
        for line in self:
            line.value_count = line._count_values() or 0

    @api.constrains("operation", "label", "field_type", "selection_options", "comodel_id", "position")
    def _check_new_field(self):
        allowed = self.env["org.form.customization"]._link_models()
        for line in self.filtered(lambda line: line.operation == "add"):
            if not line.label or not line.field_type:
                raise ValidationError(
                    self.env._(
                        "Form customization %(name)s: a new field needs a label and a type.",
                        name=line.customization_id.name,
                    )
                )
            if line.field_type == "selection" and not line._selection_values():
                raise ValidationError(
                    self.env._(
                        "Form customization %(name)s: the choice field %(label)s needs options, "
                        "one per line.",
                        name=line.customization_id.name,
                        label=line.label,
                    )
                )
            if line.field_type == "many2one" and line.comodel_id and line.comodel_id not in allowed:
                raise ValidationError(
                    self.env._(
                        "Form customization %(name)s: the field %(label)s cannot link to %(model)s; "
                        "a new field links only to %(allowed)s.",
                        name=line.customization_id.name,
                        label=line.label,
                        model=line.comodel_id.sudo().name,
                        allowed="、".join(allowed.mapped("name")),
                    )
                )
            if line.field_type == "many2one" and not line.comodel_id:
                raise ValidationError(
                    self.env._(
                        "Form customization %(name)s: choose which records the field %(label)s links to.",
                        name=line.customization_id.name,
                        label=line.label,
                    )
                )
            if line.position == "after" and not line.anchor_field_id:
                raise ValidationError(
                    self.env._(
                        "Form customization %(name)s: choose the field that %(label)s follows.",
                        name=line.customization_id.name,
                        label=line.label,
                    )
                )

    @api.constrains("operation", "target_field_id", "new_label", "is_hidden", "is_required", "is_readonly")
    def _check_change(self):
        for line in self.filtered(lambda line: line.operation == "change"):
            if not line.target_field_id:
                raise ValidationError(
                    self.env._(
                        "Form customization %(name)s: choose the field to change.",
                        name=line.customization_id.name,
                    )
                )
            field = line.target_field_id
            model_field = self.env[field.model]._fields.get(field.name)
            if line.is_hidden and (
                line.is_required or (field.required and not (model_field and model_field.default))
            ):
                raise ValidationError(
                    self.env._(
                        "Form customization %(name)s: the field %(field)s must be filled, so it cannot be "
                        "hidden.",
                        name=line.customization_id.name,
                        field=field.field_description,
                    )
                )

    @api.constrains("new_field_id", "field_name", "operation", "customization_id")
    def _check_new_field_id(self):
        """A line acts only on the field it created itself: on its form's model, with its name."""
        for line in self.sudo().filtered("new_field_id"):
            field = line.new_field_id
            if not line._is_own_field(field):
                raise ValidationError(
                    self.env._(
                        "Form customization %(name)s: the line %(line)s can only act on the field the "
                        "form designer created for it, not on %(field)s of %(model)s.",
                        name=line.customization_id.name,
                        line=line.display_name,
                        field=field.name,
                        model=field.model,
                    )
                )

    def _is_own_field(self, field):
        """Whether ``field`` (ir.model.fields) is the custom field the designer made for the line."""
        self.ensure_one()
        line = self.sudo()
        field = field.sudo()
        return bool(
            line.operation == "add"
            and field.state == "manual"
            and field.model_id == line.customization_id.model_id
            and field.name == line.field_name
            and FIELD_NAME_RE.fullmatch(field.name or "")
        )

    @api.constrains("anchor_field_id", "target_field_id")
    def _check_fields_of_model(self):
        for line in self:
            for field in line.anchor_field_id | line.target_field_id:
                if field.model_id != line.customization_id.model_id:
                    raise ValidationError(
                        self.env._(
                            "Form customization %(name)s: the field %(field)s belongs to %(other)s, "
                            "not to the form of %(model)s.",
                            name=line.customization_id.name,
                            field=field.field_description,
                            other=field.model_id.name,
                            model=line.customization_id.model_id.name,
                        )
                    )

    @api.constrains("label", "new_label")
    def _check_labels(self):
        for customization in self.customization_id:
            labels = {}
            for line in customization.line_ids:
                label = (line.label if line.operation == "add" else line.new_label) or ""
                key = label.strip().casefold()
                if not key:
                    continue
                if key in labels:
                    raise ValidationError(
                        self.env._(
                            "Form customization %(name)s: the label %(label)s is used twice.",
                            name=customization.name,
                            label=label,
                        )
                    )
                labels[key] = line
            existing = customization._existing_labels(exclude=customization.line_ids)
            for key, line in labels.items():
                if key in existing:
                    raise ValidationError(
                        self.env._(
                            "Form customization %(name)s: %(model)s already has a field labelled %(label)s.",
                            name=customization.name,
                            model=customization.model_id.name,
                            label=line.label if line.operation == "add" else line.new_label,
                        )
                    )

    @api.constrains("field_name")
    def _check_field_name(self):
        for line in self.sudo().filtered("field_name"):
            if not FIELD_NAME_RE.fullmatch(line.field_name):
                raise ValidationError(
                    self.env._(
                        "The technical name %(field)s must start with x_org_ and hold only lowercase "
                        "letters, digits and underscores.",
                        field=line.field_name,
                    )
                )
            if self.search_count(
                [
                    ("id", "!=", line.id),
                    ("field_name", "=", line.field_name),
                    ("customization_id.model_id", "=", line.customization_id.model_id.id),
                ]
            ):
                raise ValidationError(
                    self.env._(
                        "Another customization already adds the field %(field)s.", field=line.field_name
                    )
                )

    @api.model
    def _check_new_field_id_vals(self, vals):
        """Only the designer itself (``_sync_field``) sets the custom field of a line."""
        if vals.get("new_field_id") and not self.env.su:
            raise AccessError(
                self.env._(
                    "The custom field of a form customization line is set by the form designer when "
                    "the customization is applied; it cannot be chosen."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_new_field_id_vals(vals)
            if vals.get("operation", "add") == "add" and not vals.get("field_name"):
                vals["field_name"] = f"x_org_{uuid.uuid4().hex[:10]}"
        lines = super().create(vals_list)
        for customization in lines.customization_id:
            added = lines.filtered(
                lambda line, customization=customization: line.customization_id == customization
            )
            customization.message_post(
                body=self.env._("Added: %(lines)s", lines=", ".join(added.mapped("display_name")))
            )
        return lines

    def write(self, vals):
        self._check_new_field_id_vals(vals)
        if {"field_type", "comodel_id"} & set(vals):
            for line in self.filtered("new_field_id"):
                changed = vals.get("field_type", line.field_type) != line.field_type or (
                    vals.get("comodel_id", line.comodel_id.id) != line.comodel_id.id
                )
                if changed:
                    line._check_no_values()
        if "field_name" in vals and any(line.new_field_id for line in self):
            raise UserError(self.env._("The technical name of a field that exists cannot change."))
        tracked = [name for name in TRACKED_FIELDS if name in vals]
        initial = {line.id: {name: line[name] for name in tracked} for line in self}
        result = super().write(vals)
        if tracked:
            tracked_fields = self.fields_get(tracked, attributes=("string", "type", "selection"))
            for line in self:
                changes, tracking_values = line._mail_track(tracked_fields, initial[line.id])
                if changes:
                    line.customization_id._message_log(
                        body=self.env._("Changed: %(line)s", line=line.display_name),
                        tracking_value_ids=tracking_values,
                    )
        return result

    def unlink(self):
        confirmed = self.env.context.get("org_form_delete_confirmed")
        for line in self.filtered("new_field_id"):
            count = line._count_values()
            if count is None and not confirmed:
                raise UserError(
                    self.env._(
                        "The field %(label)s may hold values in records of %(model)s that you cannot "
                        "read: deleting it deletes them. Use the delete button of the line to confirm.",
                        label=line.label,
                        model=line.model_id.name,
                    )
                )
            if count and not confirmed:
                raise UserError(
                    self.env._(
                        "%(count)s records hold values in the field %(label)s: deleting it deletes them. "
                        "Use the delete button of the line to confirm.",
                        count=count,
                        label=line.label,
                    )
                )
        customizations = self.customization_id
        applied = customizations.filtered(lambda customization: customization.state == "applied")
        # Only fields the designer created for these lines are dropped, never another one.
        new_fields = self.env["ir.model.fields"].sudo()
        for line in self.sudo().filtered("new_field_id"):
            if line._is_own_field(line.new_field_id):
                new_fields |= line.new_field_id
        for line in self:
            line.customization_id.message_post(body=self.env._("Removed: %(line)s", line=line.display_name))
        customizations._remove_views()
        result = super().unlink()
        if new_fields:
            new_fields.unlink()
        if not self.env.context.get("org_form_no_reapply"):
            applied.exists().action_apply()
        return result

    def _compute_display_name(self):
        for line in self:
            if line.operation == "change":
                line.display_name = line.target_field_id.field_description or ""
            else:
                line.display_name = line.label or ""

    def action_delete(self):
        """Delete the line; ask first when its field holds data."""
        self.ensure_one()
        count = self._count_values()
        if count == 0:
            self.unlink()
            return {"type": "ir.actions.client", "tag": "soft_reload"}
        wizard = self.env["org.form.customization.delete"].create({"line_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Delete a Field"),
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def _count_values(self):
        """How many records the current user can read hold a value in the line's custom field;
        ``None`` when the user cannot read the records of the model.

        Runs with the user's own rights and only on the field the designer created for the
        line, so that it tells nothing about records or fields the user may not read.
        """
        self.ensure_one()
        field = self.sudo().new_field_id
        if not field or not self._is_own_field(field):
            return 0
        if field.model not in self.env or field.name not in self.env[field.model]._fields:
            return 0
        Model = self.env[field.model].with_context(active_test=False)
        if not Model.has_access("read") or not Model._fields[field.name].is_accessible(self.env):
            return None
        return Model.search_count([(field.name, "!=", False)])

    def _check_no_values(self):
        """Refuse to change the type of the line's field while records hold values in it."""
        self.ensure_one()
        count = self._count_values()
        if count is None:
            raise UserError(
                self.env._(
                    "The type of the field %(label)s cannot change: you cannot read the records of "
                    "%(model)s to see whether they hold values in it. Add a new field instead.",
                    label=self.label,
                    model=self.model_id.name,
                )
            )
        if count:
            raise UserError(
                self.env._(
                    "The type of the field %(label)s cannot change: %(count)s records hold values "
                    "in it. Add a new field instead.",
                    label=self.label,
                    count=count,
                )
            )

    def _selection_values(self):
        values = []
        for row in (self.selection_options or "").splitlines():
            row = row.strip()
            if not row:
                continue
            key, sep, name = row.partition("=")
            key, name = (key.strip(), name.strip()) if sep else (row, row)
            values.append((key or name, name or key))
        return values

    def _field_values(self):
        self.ensure_one()
        vals = {
            "field_description": self.label,
            "help": self.field_help or False,
        }
        return vals

    def _sync_field(self):
        """Create the custom field, or bring the one created before up to date."""
        self.ensure_one()
        Fields = self.env["ir.model.fields"].sudo().with_context(lang="en_US")
        field = self.sudo().new_field_id
        name = self.sudo().field_name
        if field and not self._is_own_field(field):
            field = Fields
        if field and (field.ttype != self.field_type or field.relation != (self.comodel_id.model or False)):
            self._check_no_values()
            field.unlink()
            field = Fields
        if not field and Fields.search_count([("model_id", "=", self.model_id.id), ("name", "=", name)]):
            # Another field has the name: never take it over.
            raise UserError(
                self.env._(
                    "Form customization %(name)s: %(model)s already has a field %(field)s that the form "
                    "designer did not create for this line; choose another technical name.",
                    name=self.customization_id.name,
                    model=self.model_id.name,
                    field=name,
                )
            )
        vals = self._field_values()
        if field:
            field.write(vals)
        else:
            vals.update(
                {
                    "name": name,
                    "model_id": self.model_id.id,
                    "ttype": self.field_type,
                    "state": "manual",
                    "relation": self.comodel_id.model if self.field_type == "many2one" else False,
                    "on_delete": "set null",
                }
            )
            field = Fields.create(vals)
        if self.field_type == "selection":
            self._sync_selection(field)
        self.sudo().new_field_id = field

    def _sync_selection(self, field):
        """Bring the options of the field in line with those of the line."""
        # Written directly: ir.model.fields does not accept option commands from sudo.
        Selection = self.env["ir.model.fields.selection"].sudo().with_context(lang="en_US")
        options = self._selection_values()
        keys = {key for key, _name in options}
        field.selection_ids.filtered(lambda option: option.value not in keys).unlink()
        to_create = []
        for index, (key, label) in enumerate(options):
            option = field.selection_ids.filtered(lambda option, key=key: option.value == key)
            if option:
                if (option.name, option.sequence) != (label, index):
                    option.write({"name": label, "sequence": index})
            else:
                to_create.append({"field_id": field.id, "value": key, "name": label, "sequence": index})
        if to_create:
            Selection.create(to_create)

    def _view_field_node(self):
        """The <field/> of the new field on the form."""
        node = etree.Element("field", name=self.sudo().field_name)
        if self.is_required:
            node.set("required", "1")
        if self.is_readonly:
            node.set("readonly", "1")
        if self.field_type == "many2one":
            node.set("options", "{'no_create': True}")
        return node

    def _attribute_specs(self, base_arch):
        """The xpath nodes that change every place of the field on the base form."""
        name = self.target_field_id.name
        count = len(base_arch.xpath(f"//field[@name='{name}'][not(ancestor::field)]"))
        attributes = []
        if self.is_hidden:
            attributes.append(("invisible", "1"))
        if self.is_required:
            attributes.append(("required", "1"))
        if self.is_readonly:
            attributes.append(("readonly", "1"))
        if self.new_label:
            attributes.append(("string", self.new_label))
        specs = []
        if not attributes:
            return specs
        for index in range(1, count + 1):
            spec = etree.Element(
                "xpath",
                expr=f"(//field[@name='{name}'][not(ancestor::field)])[{index}]",
                position="attributes",
            )
            for attribute, value in attributes:
                etree.SubElement(spec, "attribute", name=attribute).text = value
            specs.append(spec)
        if self.new_label:
            for index in range(1, len(base_arch.xpath(f"//label[@for='{name}']")) + 1):
                spec = etree.Element(
                    "xpath", expr=f"(//label[@for='{name}'])[{index}]", position="attributes"
                )
                etree.SubElement(spec, "attribute", name="string").text = self.new_label
                specs.append(spec)
        return specs

    def _export_data(self):
        self.ensure_one()
        line = self.sudo()
        return {
            "operation": line.operation,
            "sequence": line.sequence,
            "label": line.label or "",
            "field_name": line.field_name or "",
            "field_type": line.field_type or "",
            "help": line.field_help or "",
            "options": line.selection_options or "",
            "comodel": line.comodel_id.model or "",
            "position": line.position or "page",
            "after_field": line.anchor_field_id.name or "",
            "target_field": line.target_field_id.name or "",
            "new_label": line.new_label or "",
            "required": line.is_required,
            "readonly": line.is_readonly,
            "hidden": line.is_hidden,
            "in_list": line.in_list,
            "in_search": line.in_search,
        }

    @api.model
    def _import_values(self, model, data):
        """The values of a line from the data of an exported file, for the model ``model``."""

        def model_field(name):
            if not name:
                return False
            field = self.env["ir.model.fields"]._get(model.model, name)
            if not field:
                raise UserError(
                    self.env._(
                        "The field %(field)s of the file does not exist on %(model)s here.",
                        field=name,
                        model=model.name,
                    )
                )
            return field.id

        comodel = self.env["ir.model"]._get(data.get("comodel") or "") if data.get("comodel") else False
        if data.get("comodel") and not comodel:
            raise UserError(
                self.env._("The model %(model)s of the file is not installed here.", model=data["comodel"])
            )
        return {
            "operation": data.get("operation") or "add",
            "sequence": data.get("sequence") or 10,
            "label": data.get("label") or False,
            "field_name": data.get("field_name") or False,
            "field_type": data.get("field_type") or False,
            "field_help": data.get("help") or False,
            "selection_options": data.get("options") or False,
            "comodel_id": comodel.id if comodel else False,
            "position": data.get("position") or "page",
            "anchor_field_id": model_field(data.get("after_field")),
            "target_field_id": model_field(data.get("target_field")),
            "new_label": data.get("new_label") or False,
            "is_required": bool(data.get("required")),
            "is_readonly": bool(data.get("readonly")),
            "is_hidden": bool(data.get("hidden")),
            "in_list": bool(data.get("in_list")),
            "in_search": bool(data.get("in_search")),
        }
