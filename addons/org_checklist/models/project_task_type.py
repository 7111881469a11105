from odoo import fields, models


class ProjectTaskType(models.Model):
    _inherit = "project.task.type"

    org_closing = fields.Boolean(
        string="Closing Stage (销号)",
        help="Cards enter this stage only with their required checklist items done, evidence "
        "attached and the reviewer's acceptance, as their board type requires.",
    )
    org_satisfaction_required = fields.Boolean(
        string="Satisfaction Required",
        help="A card enters this stage (such as 回访) only with the satisfaction of the person it "
        "serves recorded.",
    )
