from odoo import fields, models


class ProjectTaskType(models.Model):
    _inherit = "project.task.type"

    org_closing = fields.Boolean(
        string="Closing Stage (销号)",
        help="Cards enter this stage only with their required checklist items done, evidence "
        "attached and the reviewer's acceptance, as their board type requires.",
    )
    org_review_stage = fields.Boolean(
        string="Acceptance Stage (待验收)",
        help="Cards submitted for acceptance move to this stage of their board, and a card moved "
        "here is submitted (with the same checks); a returned card goes back to the board's last "
        "working stage before it.",
    )
    org_satisfaction_required = fields.Boolean(
        string="Satisfaction Required",
        help="A card enters this stage (such as 回访) only with the satisfaction of the person it "
        "serves recorded.",
    )
