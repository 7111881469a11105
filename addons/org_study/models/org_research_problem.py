from odoo import fields, models


class OrgResearchProblem(models.Model):
    """A problem a research visit found (企业难点痛点 / 群众急难愁盼) and the measure against it."""

    _name = "org.research.problem"
    _description = "Research Problem"
    _order = "visit_id, sequence, id"

    visit_id = fields.Many2one("org.research.visit", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Problem", required=True)
    kind = fields.Selection(
        [("enterprise", "Enterprise Difficulty"), ("public", "Public Concern")],
        required=True,
        default="enterprise",
    )
    measure = fields.Text(help="实招硬招: what is done about it.")
    department_id = fields.Many2one("hr.department", string="Responsible Unit")
    user_id = fields.Many2one("res.users", string="Responsible Person", domain=[("share", "=", False)])
    date_deadline = fields.Date(string="Deadline")
    task_id = fields.Many2one(
        "project.task", string="Card", readonly=True, copy=False, index="btree_not_null"
    )
    task_stage_id = fields.Many2one(related="task_id.stage_id", string="Card Stage")
    task_closed = fields.Boolean(
        related="task_id.org_is_closed",
        string="Closed (销号)",
        help="The problem's card reached the closing stage of the research problem board.",
    )
