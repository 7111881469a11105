from odoo import fields, models


class OrgFakeChecklistRecord(models.Model):
    """A model of no addon that has a checklist, to test the checklist mixin alone."""

    _name = "org.fake.checklist.record"
    _inherit = ["org.checklist.mixin"]
    _description = "Checklist Record (test)"

    name = fields.Char()
    state = fields.Selection([("open", "Open"), ("closed", "Closed")], default="open")

    def action_close(self):
        self._checklist_check_closable()
        self.state = "closed"
