from odoo import api, fields, models


class OrgCadreAssessment(models.Model):
    """One cadre's assessment in a cycle: indicator scores, total, rank in category, grade."""

    _name = "org.cadre.assessment"
    _description = "Cadre Assessment"
    _inherit = ["mail.thread"]
    _order = "cycle_id desc, category_id, rank, id"
    _rec_name = "employee_id"

    cycle_id = fields.Many2one("org.cadre.assessment.cycle", required=True, ondelete="cascade", index=True)
    year = fields.Integer(related="cycle_id.year", store=True, aggregator=False)
    employee_id = fields.Many2one("hr.employee", string="Cadre", required=True, index=True)
    category_id = fields.Many2one("org.cadre.category", required=True)
    line_ids = fields.One2many("org.cadre.assessment.line", "assessment_id", string="Indicators")
    total_score = fields.Float(compute="_compute_total_score", store=True, aggregator="avg")
    rank = fields.Integer(string="Rank in Category", readonly=True, aggregator=False)
    grade = fields.Selection(
        [
            ("excellent", "Excellent"),
            ("competent", "Competent"),
            ("basic", "Basically Competent"),
            ("incompetent", "Incompetent"),
        ],
        tracking=True,
    )
    bonus_coefficient = fields.Float(related="category_id.bonus_coefficient")
    state = fields.Selection(related="cycle_id.state")

    _sql_constraints = [
        ("cycle_employee_uniq", "unique(cycle_id, employee_id)", "A cadre is assessed once per cycle."),
    ]

    @api.depends("line_ids.score", "line_ids.weight")
    def _compute_total_score(self):
        for assessment in self:
            assessment.total_score = sum(line.score * line.weight / 100.0 for line in assessment.line_ids)
