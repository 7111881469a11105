from odoo import fields, models

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
