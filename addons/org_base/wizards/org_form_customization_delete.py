from odoo import api, fields, models


class OrgFormCustomizationDelete(models.TransientModel):
    """The second confirmation before a custom field that holds data is deleted with its line."""

    _name = "org.form.customization.delete"
    _description = "Delete a Custom Field"

    line_id = fields.Many2one("org.form.customization.line", required=True, ondelete="cascade")
    value_count = fields.Integer(string="Records with Values", compute="_compute_message")
    message = fields.Text(compute="_compute_message")

    @api.depends("line_id")
    def _compute_message(self):
        for wizard in self:
            wizard.value_count = wizard.line_id._count_values()
            wizard.message = self.env._(
                "%(count)s records hold values in the field %(label)s. Deleting the field deletes "
                "these values for good.",
                count=wizard.value_count,
                label=wizard.line_id.label,
            )

    def action_confirm(self):
        self.ensure_one()
        self.line_id.with_context(org_form_delete_confirmed=True).unlink()
        return {"type": "ir.actions.client", "tag": "soft_reload"}
