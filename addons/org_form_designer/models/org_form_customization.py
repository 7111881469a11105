import fnmatch
import json

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# System parameter that lists the models configurators may customize: comma-separated
# model names, shell patterns allowed (org.* is every model of the platform).
ALLOWED_MODELS_PARAM = "org_base.form_designer_models"
DEFAULT_ALLOWED_MODELS = "org.*,hr.employee,project.task"
# The designer's own models are never customized with it.
EXCLUDED_MODELS = ("org.form.customization*",)
EXTENSION_PAGE = "org_extension"
EXTENSION_GROUP = "org_extension_fields"
# Models a new "link to a record" field may point to: a link shows the linked record's name
# to everyone who reads the form (Odoo reads it as superuser), so only models whose names are
# no secret are listed. Other addons add theirs by overriding _form_designer_link_models().
LINK_MODELS = (
    "org.dictionary.item",
    "hr.department",
    "hr.job",
    "res.country",
    "res.country.state",
)
# Never a link target, whatever an addon adds: confidential or personal records.
FORBIDDEN_LINK_MODELS = frozenset(
    ("org.cadre.supervision", "org.party.member", "hr.employee", "res.users", "res.partner")
)
EXPORT_FORMAT = "org.form.customization"
EXPORT_VERSION = 1


class OrgFormCustomization(models.Model):
    """A configurator's change to the form of a model (表单设计): new custom fields and changes
    to existing ones, applied as real fields and inherited views without writing code."""

    _name = "org.form.customization"
    _description = "Form Customization"
    _inherit = ["mail.thread"]
    _order = "model_id, id"

    name = fields.Char(required=True, tracking=True)
    model_id = fields.Many2one(
        "ir.model",
        string="Form",
        required=True,
        ondelete="cascade",
        tracking=True,
        domain=lambda self: [("id", "in", self._allowed_models().ids)],
        help="The records whose form is customized.",
    )
    model = fields.Char(related="model_id.model", string="Model Name")
    view_id = fields.Many2one(
        "ir.ui.view",
        string="Base Form View",
        compute="_compute_view_id",
        store=True,
        readonly=False,
        ondelete="set null",
        domain="[('model', '=', model), ('type', '=', 'form'), ('mode', '=', 'primary')]",
        groups="base.group_system",
        help="The form view the changes apply to; by default the model's main form.",
    )
    form_field_ids = fields.Many2many(
        "ir.model.fields",
        compute="_compute_form_field_ids",
        help="The fields shown on the base form, that new fields can follow or that can be changed.",
    )
    state = fields.Selection(
        [("draft", "Not Applied"), ("applied", "Applied")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    line_ids = fields.One2many("org.form.customization.line", "customization_id", string="Lines", copy=True)
    field_line_ids = fields.One2many(
        "org.form.customization.line",
        "customization_id",
        string="New Fields",
        domain=[("operation", "=", "add")],
    )
    change_line_ids = fields.One2many(
        "org.form.customization.line",
        "customization_id",
        string="Changes to Existing Fields",
        domain=[("operation", "=", "change")],
    )
    generated_view_ids = fields.Many2many(
        "ir.ui.view",
        "org_form_customization_view_rel",
        "customization_id",
        "view_id",
        string="Generated Views",
        readonly=True,
        copy=False,
        groups="base.group_system",
    )
    description = fields.Text()

    @api.depends("model_id")
    def _compute_view_id(self):
        View = self.env["ir.ui.view"].sudo()
        for customization in self:
            if customization.model_id and customization.view_id.model != customization.model:
                customization.view_id = View.default_view(customization.model, "form")

    @api.depends("model_id", "view_id")
    def _compute_form_field_ids(self):
        Fields = self.env["ir.model.fields"]
        for customization in self:
            names = set()
            base_view = customization._base_view("form")
            if base_view:
                arch = etree.fromstring(base_view.sudo().get_combined_arch())
                names = set(arch.xpath("//field[not(ancestor::field)]/@name"))
            customization.form_field_ids = (
                Fields.search([("model_id", "=", customization.model_id.id), ("name", "in", list(names))])
                if names
                else Fields
            )

    @api.constrains("model_id")
    def _check_model_id(self):
        allowed = self._allowed_models()
        for customization in self:
            if customization.model_id not in allowed:
                raise ValidationError(
                    self.env._(
                        "Form customization %(name)s: the form of %(model)s cannot be customized here.",
                        name=customization.name,
                        model=customization.model_id.name,
                    )
                )
            customization.line_ids._check_fields_of_model()

    @api.model_create_multi
    def create(self, vals_list):
        customizations = super().create(vals_list)
        customizations.line_ids._check_labels()
        return customizations

    def unlink(self):
        # The lines decide whether their fields may be dropped (data needs a confirmation).
        self.with_context(org_form_no_reapply=True).line_ids.unlink()
        self._remove_views()
        return super().unlink()

    def action_apply(self):
        """Create or update the custom fields, then one inherited view per view type."""
        self.check_access("write")
        for customization in self:
            # Lines stored before a rule changed are checked again before any field is made.
            customization.line_ids._check_new_field()
            customization.line_ids._check_new_field_id()
            customization._remove_views()
            for line in customization.field_line_ids:
                line._sync_field()
            views = self.env["ir.ui.view"]
            for view_type in ("form", "list", "search"):
                views |= customization._create_view(view_type)
            customization.state = "applied"
            customization.sudo().generated_view_ids = views
            customization.message_post(
                body=self.env._(
                    "Applied to the form of %(model)s: %(fields)s new fields, %(changes)s changes.",
                    model=customization.model_id.name,
                    fields=len(customization.field_line_ids),
                    changes=len(customization.change_line_ids),
                )
            )
        return self._action_reload()

    def action_reset(self):
        """Take the change off the views; the custom fields and their values stay."""
        self.check_access("write")
        for customization in self:
            customization._remove_views()
            customization.state = "draft"
            customization.message_post(
                body=self.env._(
                    "Reset: the form of %(model)s no longer shows this customization; "
                    "the fields and their values are kept.",
                    model=customization.model_id.name,
                )
            )
        return self._action_reload()

    def action_export(self):
        """Download the customization as a JSON file, to import into another database."""
        self.ensure_one()
        self.check_access("read")
        data = json.dumps(self._export_data(), ensure_ascii=False, indent=2).encode()
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{self.name}.json",
                "raw": data,
                "mimetype": "application/json",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        self.message_post(body=self.env._("Exported to %(file)s.", file=attachment.name))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def action_open_fields(self):
        """The records of the model, to see the change at work."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.model,
            "name": self.model_id.name,
            "view_mode": "list,form",
        }

    def _action_reload(self):
        # The web client reloads the menus and views so that the change shows at once.
        return {"type": "ir.actions.client", "tag": "soft_reload"}

    def _export_data(self):
        self.ensure_one()
        return {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "name": self.name,
            "model": self.model,
            "description": self.description or "",
            "lines": [line._export_data() for line in self.line_ids],
        }

    @api.model
    def _import_data(self, data):
        """Create a customization (not applied) from the data of a file ``action_export`` wrote."""
        if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
            raise UserError(self.env._("This file is not a form customization exported from this platform."))
        model = self.env["ir.model"]._get(data.get("model") or "")
        if not model:
            raise UserError(
                self.env._("The model %(model)s of the file is not installed here.", model=data.get("model"))
            )
        Line = self.env["org.form.customization.line"]
        lines = [Line._import_values(model, line) for line in data.get("lines") or []]
        return self.create(
            {
                "name": data.get("name") or model.name,
                "model_id": model.id,
                "description": data.get("description") or False,
                "line_ids": [fields.Command.create(vals) for vals in lines],
            }
        )

    @api.model
    def _allowed_models(self):
        """The models whose forms configurators may customize (system parameter)."""
        param = self.env["ir.config_parameter"].sudo().get_param(ALLOWED_MODELS_PARAM, DEFAULT_ALLOWED_MODELS)
        patterns = [pattern.strip() for pattern in param.split(",") if pattern.strip()]
        ir_models = self.env["ir.model"].sudo().search([("transient", "=", False)])
        return ir_models.filtered(
            lambda model: any(fnmatch.fnmatchcase(model.model, pattern) for pattern in patterns)
            and not any(fnmatch.fnmatchcase(model.model, pattern) for pattern in EXCLUDED_MODELS)
        ).with_env(self.env)

    @api.model
    def _form_designer_link_models(self):
        """Names of the models a new many2one field may link to; extend with ``super()``."""
        return list(LINK_MODELS)

    @api.model
    def _link_models(self):
        """The ``ir.model`` records a new many2one field may link to (never a forbidden one)."""
        names = set(self._form_designer_link_models()) - FORBIDDEN_LINK_MODELS
        names = [name for name in names if name in self.env and not self.env[name]._transient]
        return self.env["ir.model"].sudo().search([("model", "in", names)]).with_env(self.env)

    def _existing_labels(self, exclude):
        """The labels (casefolded) of the model's fields, but those of the lines ``exclude``."""
        self.ensure_one()
        model_fields = self.sudo().model_id.field_id - exclude.sudo().new_field_id - exclude.target_field_id
        labels = set()
        for lang in {"en_US", self.env.lang or "en_US"}:
            labels.update(
                label.strip().casefold()
                for label in model_fields.with_context(lang=lang).mapped("field_description")
                if label
            )
        return labels

    def _base_view(self, view_type):
        self.ensure_one()
        if not self.model_id:
            return self.env["ir.ui.view"]
        View = self.env["ir.ui.view"].sudo()
        if view_type == "form" and self.sudo().view_id:
            return self.sudo().view_id
        return View.browse(View.default_view(self.model, view_type))

    def _remove_views(self):
        views = self.sudo().generated_view_ids
        if views:
            self.sudo().generated_view_ids = [fields.Command.clear()]
            views.unlink()

    def _create_view(self, view_type):
        """Generate the inherited view of one type and let Odoo validate it."""
        self.ensure_one()
        base_view = self._base_view(view_type)
        if not base_view:
            return self.env["ir.ui.view"]
        base_arch = etree.fromstring(base_view.get_combined_arch())
        specs = getattr(self, f"_arch_specs_{view_type}")(base_arch)
        if not specs:
            return self.env["ir.ui.view"]
        root = etree.Element("data")
        root.extend(specs)
        arch = etree.tostring(root, encoding="unicode", pretty_print=True)
        try:
            with self.env.cr.savepoint():
                return (
                    self.env["ir.ui.view"]
                    .sudo()
                    .with_context(lang="en_US")
                    .create(
                        {
                            "name": f"org.form.customization.{self.id}.{view_type}",
                            "model": self.model,
                            "type": view_type,
                            "mode": "extension",
                            "inherit_id": base_view.id,
                            "priority": 99,
                            "arch": arch,
                        }
                    )
                )
        except (ValidationError, ValueError, etree.LxmlError) as error:
            raise UserError(
                self.env._(
                    "The form customization %(name)s cannot be applied to the %(view_type)s view: %(error)s",
                    name=self.name,
                    view_type=view_type,
                    error=str(error),
                )
            ) from error

    def _arch_specs_form(self, base_arch):
        specs = []
        page_fields = []
        for line in self.field_line_ids:
            node = line._view_field_node()
            if line.position == "after" and line.anchor_field_id:
                specs.append(_xpath(_field_xpath(line.anchor_field_id.name), "after", node))
            else:
                page_fields.append(node)
        if page_fields:
            specs.append(self._extension_page_spec(base_arch, page_fields))
        for line in self.change_line_ids:
            specs.extend(line._attribute_specs(base_arch))
        return specs

    def _extension_page_spec(self, base_arch, nodes):
        """Put the fields in the 扩展信息 tab, created on demand."""
        if base_arch.xpath(f"//group[@name='{EXTENSION_GROUP}']"):
            return _xpath(f"//group[@name='{EXTENSION_GROUP}']", "inside", *nodes)
        page = etree.Element("page", string=self.env._("Extended Information"), name=EXTENSION_PAGE)
        group = etree.SubElement(page, "group", name=EXTENSION_GROUP)
        group.extend(nodes)
        if base_arch.xpath("//notebook[not(ancestor::field)]"):
            return _xpath("(//notebook[not(ancestor::field)])[1]", "inside", page)
        notebook = etree.Element("notebook")
        notebook.append(page)
        if base_arch.xpath("//sheet"):
            return _xpath("//sheet", "inside", notebook)
        return _xpath("/*", "inside", notebook)

    def _arch_specs_list(self, base_arch):
        nodes = [
            etree.Element("field", name=line.field_name, optional="show")
            for line in self.field_line_ids.filtered("in_list")
        ]
        return [_xpath("/*", "inside", *nodes)] if nodes else []

    def _arch_specs_search(self, base_arch):
        nodes = []
        for line in self.field_line_ids.filtered("in_search"):
            if line.field_type == "boolean":
                nodes.append(
                    etree.Element(
                        "filter",
                        name=line.field_name,
                        string=line.label,
                        domain=repr([(line.field_name, "=", True)]),
                    )
                )
            else:
                nodes.append(etree.Element("field", name=line.field_name))
        return [_xpath("/*", "inside", *nodes)] if nodes else []


def _field_xpath(name):
    return f"//field[@name='{name}'][not(ancestor::field)]"


def _xpath(expr, position, *children):
    node = etree.Element("xpath", expr=expr, position=position)
    node.extend(children)
    return node
