from odoo import Command, fields, models
from odoo.exceptions import UserError


class OrgResearchVisit(models.Model):
    """调查研究 "进园区、进科创平台、进企业": a visit, what it found and the problems to solve."""

    _name = "org.research.visit"
    _description = "Research Visit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    target_kind = fields.Selection(
        [("park", "Industrial Park"), ("platform", "Innovation Platform"), ("enterprise", "Enterprise")],
        string="Visiting",
        required=True,
        default="enterprise",
        tracking=True,
    )
    partner_id = fields.Many2one("res.partner", string="Visited", required=True, index=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    participant_ids = fields.Many2many(
        "hr.employee",
        "org_research_visit_employee_rel",
        "visit_id",
        "employee_id",
        string="Participants",
    )
    findings = fields.Html()
    problem_ids = fields.One2many("org.research.problem", "visit_id", string="Problems", copy=False)
    task_count = fields.Integer(compute="_compute_task_count", string="Cards")

    def _compute_task_count(self):
        for visit in self:
            visit.task_count = len(visit.problem_ids.task_id)

    def action_create_cards(self):
        """Each problem without a card becomes a card on the 调研问题清单 board."""
        board = self.env.ref("org_study.project_research_problems", raise_if_not_found=False)
        if not board:
            raise UserError(
                self.env._("The research problem board is missing: reinstall the Theory Study app.")
            )
        for visit in self:
            problems = visit.problem_ids.filtered(lambda problem: not problem.task_id)
            if not problems:
                raise UserError(
                    self.env._("Visit “%(visit)s” has no problem without a card.", visit=visit.display_name)
                )
            tasks = self.env["project.task"].create(
                [
                    {
                        "name": problem.name,
                        "project_id": board.id,
                        "description": problem.measure,
                        "org_responsible_user_id": problem.user_id.id,
                        "user_ids": [Command.set(problem.user_id.ids)],
                        "org_unit_id": problem.department_id.id,
                        "date_deadline": problem.date_deadline,
                        "partner_id": visit.partner_id.id,
                    }
                    for problem in problems
                ]
            )
            for problem, task in zip(problems, tasks, strict=True):
                problem.task_id = task
            visit.message_post(
                body=self.env._(
                    "%(count)s problem cards created on %(board)s.", count=len(tasks), board=board.name
                )
            )
        return self.action_view_cards()

    def action_view_cards(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Problem Cards"),
            "res_model": "project.task",
            "view_mode": "list,kanban,form",
            "domain": [("id", "in", self.problem_ids.task_id.ids)],
        }
