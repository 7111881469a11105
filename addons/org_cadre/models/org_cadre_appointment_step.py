from odoo import api, fields, models

from .org_cadre_appointment import STATES


class OrgCadreAppointmentStep(models.Model):
    """The checklist (and its documents) of one stage of the appointment procedure."""

    _name = "org.cadre.appointment.step"
    _description = "Appointment Stage Checklist"
    _order = "sequence, id"
    _rec_name = "state"

    sequence = fields.Integer(default=10)
    state = fields.Selection(STATES, string="Stage", required=True)
    checklist_template_id = fields.Many2one("org.checklist.template", string="Checklist", required=True)

    _sql_constraints = [("state_uniq", "unique(state)", "A stage has one checklist.")]

    @api.depends("state")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # The stage's label (考察, 公示 ...), not its code.
        labels = dict(self._fields["state"]._description_selection(self.env))
        for step in self:
            step.display_name = labels.get(step.state, step.state)
