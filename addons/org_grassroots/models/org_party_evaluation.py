from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

SCORE_FIELDS = (
    "score_quality",
    "score_assessment",
    "score_responsibility",
    "score_organization",
    "score_system",
)


class OrgPartyEvaluationGrade(models.Model):
    """A grade of the five-standards evaluation and the total score it starts at."""

    _name = "org.party.evaluation.grade"
    _description = "Party Organization Evaluation Grade"
    _inherit = ["mail.thread"]
    _order = "min_score desc, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    min_score = fields.Float(string="From Score", required=True, tracking=True)
    is_weak = fields.Boolean(
        string="Weak Organization",
        tracking=True,
        help="软弱涣散: an organization graded so gets a rectification card.",
    )
    rectification_months = fields.Integer(default=3, help="Deadline of the rectification card.")
    color = fields.Integer()


class OrgPartyEvaluation(models.Model):
    """标准化规范化 evaluation of a party organization against the five standards (党建质量,
    考核评价, 责任落实, 基层组织, 党建制度), each scored out of 20."""

    _name = "org.party.evaluation"
    _description = "Party Organization Evaluation"
    _inherit = ["mail.thread", "mail.activity.mixin", "org.party.scope.mixin"]
    _order = "date desc, id desc"
    _rec_name = "organization_id"

    organization_id = fields.Many2one(
        "org.party.organization",
        string="Party Organization",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    score_quality = fields.Float(string="Party Building Quality", tracking=True)
    score_assessment = fields.Float(string="Assessment", tracking=True)
    score_responsibility = fields.Float(string="Responsibility", tracking=True)
    score_organization = fields.Float(string="Basic Organization", tracking=True)
    score_system = fields.Float(string="Party Building Rules", tracking=True)
    score_total = fields.Float(string="Total Score", compute="_compute_grade", store=True)
    grade_id = fields.Many2one("org.party.evaluation.grade", compute="_compute_grade", store=True, index=True)
    is_weak = fields.Boolean(related="grade_id.is_weak", store=True, string="Weak Organization")
    rectification_task_id = fields.Many2one(
        "project.task", string="Rectification Card", readonly=True, copy=False
    )
    note = fields.Text()

    @api.constrains(*SCORE_FIELDS)
    def _check_scores(self):
        labels = {name: self._fields[name].get_description(self.env)["string"] for name in SCORE_FIELDS}
        for evaluation in self:
            for name in SCORE_FIELDS:
                if not 0 <= evaluation[name] <= 20:
                    raise ValidationError(
                        self.env._(
                            "Evaluation of %(organization)s: %(standard)s must be scored "
                            "from 0 to 20, not %(score)s.",
                            organization=evaluation.organization_id.name,
                            standard=labels[name],
                            score=evaluation[name],
                        )
                    )

    @api.depends(*SCORE_FIELDS)
    def _compute_grade(self):
        grades = self.env["org.party.evaluation.grade"].search([])
        for evaluation in self:
            total = sum(evaluation[name] for name in SCORE_FIELDS)
            evaluation.score_total = total
            evaluation.grade_id = grades.filtered(lambda grade, t=total: grade.min_score <= t)[:1]

    @api.model_create_multi
    def create(self, vals_list):
        evaluations = super().create(vals_list)
        evaluations._create_rectification_cards()
        return evaluations

    def write(self, vals):
        result = super().write(vals)
        if any(name in vals for name in SCORE_FIELDS):
            self._create_rectification_cards()
        return result

    def _create_rectification_cards(self):
        """A weak organization (软弱涣散) gets a card on the rectification board."""
        weak = self.filtered(lambda evaluation: evaluation.is_weak and not evaluation.rectification_task_id)
        if not weak:
            return
        board = self.env.ref("org_grassroots.project_party_rectification", raise_if_not_found=False)
        Task = self.env["project.task"].sudo()
        for evaluation in weak:
            organization = evaluation.organization_id
            user = organization._reminder_user()
            evaluation.rectification_task_id = Task.create(
                {
                    "name": self.env._(
                        "Rectify weak organization: %(organization)s", organization=organization.name
                    ),
                    "project_id": board.id if board else False,
                    "org_party_organization_id": organization.id,
                    "org_responsible_user_id": user.id if user else False,
                    "date_deadline": evaluation.date
                    + relativedelta(months=evaluation.grade_id.rectification_months),
                    "description": self.env._(
                        "Graded %(grade)s with %(score)s points on %(date)s.",
                        grade=evaluation.grade_id.name,
                        score=evaluation.score_total,
                        date=evaluation.date,
                    ),
                }
            )
