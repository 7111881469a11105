from odoo import fields, models


class ProjectTaskType(models.Model):
    _inherit = "project.task.type"

    org_closing = fields.Boolean(
        string="Closing Stage (销号)",
        help="Cards enter this stage only with their required checklist items done, evidence "
        "attached and the reviewer's acceptance, as their board type requires.",
    )
