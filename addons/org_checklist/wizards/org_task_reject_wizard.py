from odoo import fields, models


class OrgTaskRejectWizard(models.TransientModel):
    """The reviewer returns a card (退回) with the reason."""

    _name = "org.task.reject.wizard"
    _description = "Return a Card"

    task_id = fields.Many2one("project.task", required=True, ondelete="cascade")
    reason = fields.Text(required=True)

    def action_reject(self):
        self.ensure_one()
        self.task_id._org_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
