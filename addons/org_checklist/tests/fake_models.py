from odoo import fields, models


class OrgFakeChecklistRecord(models.Model):
    """A model of no addon that has a checklist, to test the checklist mixin alone."""

    _name = "org.fake.checklist.record"
    _inherit = ["org.checklist.mixin"]
    _description = "Checklist Record (test)"

    name = fields.Char()
    state = fields.Selection([("open", "Open"), ("closed", "Closed")], default="open")
    signed = fields.Boolean(default=True)

    def _checklist_closing_blockers(self):
        """A condition of the model's own next to the checklist's."""
        blockers = super()._checklist_closing_blockers()
        if not self.signed:
            blockers.append("未签字")
        return blockers

    def action_close(self):
        self._checklist_check_closable()
        self.state = "closed"
