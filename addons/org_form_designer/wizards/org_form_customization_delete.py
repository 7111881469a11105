from odoo import api, fields, models


class OrgFormCustomizationDelete(models.TransientModel):
    """The second confirmation before a custom field that holds data is deleted with its line."""

    _name = "org.form.customization.delete"
    _description = "Delete a Custom Field"

    line_id = fields.Many2one("org.form.customization.line", required=True, ondelete="cascade")
    value_count = fields.Integer(string="Records with Values", compute="_compute_message")
    message = fields.Text(compute="_compute_message")

    @api.depends("line_id")
    @api.depends_context("uid")
    def _compute_message(self):
        for wizard in self:
            count = wizard.line_id._count_values()
            wizard.value_count = count or 0
            if count is None:
                wizard.message = self.env._(
                    "The field %(label)s may hold values in records of %(model)s that you cannot read. "
                    "Deleting the field deletes these values for good.",
                    label=wizard.line_id.label,
                    model=wizard.line_id.model_id.name,
                )
                continue
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
