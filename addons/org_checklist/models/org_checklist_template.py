from odoo import api, fields, models


class OrgChecklistTemplate(models.Model):
    """An ordered list of items that a record must go through (清单模板)."""

    _name = "org.checklist.template"
    _description = "Checklist Template"
    _inherit = ["mail.thread"]
    _order = "sequence, name, id"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    model_id = fields.Many2one(
        "ir.model",
        string="Applies To",
        ondelete="cascade",
        domain=[("transient", "=", False)],
        help="The kind of record this template is offered for; empty for any kind.",
    )
    model = fields.Char(related="model_id.model", string="Model Name")
    description = fields.Text()
    item_ids = fields.One2many("org.checklist.template.item", "template_id", string="Items", copy=True)
    item_count = fields.Integer(compute="_compute_item_count")

    @api.depends("item_ids")
    def _compute_item_count(self):
        for template in self:
            template.item_count = len(template.item_ids)
