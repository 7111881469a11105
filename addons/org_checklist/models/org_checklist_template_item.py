from odoo import fields, models


class OrgChecklistTemplateItem(models.Model):
    _name = "org.checklist.template.item"
    _description = "Checklist Template Item"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one("org.checklist.template", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    description = fields.Text(help="What doing this item means, and what counts as evidence.")
    required = fields.Boolean(
        default=True, help="The record cannot pass a closing step while this item is open."
    )
    evidence_required = fields.Boolean(help="The item can be ticked only with a file attached as evidence.")
