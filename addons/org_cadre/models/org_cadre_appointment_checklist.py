from odoo import api, fields, models

from .org_cadre_appointment import STATES


class OrgChecklistLine(models.Model):
    """The stage of 选拔任用 a checklist item of an appointment belongs to."""

    _inherit = "org.checklist.line"

    cadre_stage = fields.Selection(
        [(key, label) for key, label in STATES if key != "cancelled"],
        string="Stage",
        compute="_compute_cadre_stage",
        help="The stage of the selection and appointment whose checklist has this item.",
    )

    @api.depends("template_item_id.template_id")
    def _compute_cadre_stage(self):
        lines = self.filtered(lambda line: line.res_model == "org.cadre.appointment")
        stages = {}
        if lines:
            steps = (
                self.env["org.cadre.appointment.step"]
                .sudo()
                .search([("checklist_template_id", "in", lines.template_item_id.template_id.ids)])
            )
            stages = {step.checklist_template_id: step.state for step in steps}
        for line in self:
            line.cadre_stage = stages.get(line.template_item_id.template_id, False)
