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

    @api.constrains("grade", "category_id", "cycle_id", "employee_id")
    def _check_assessment_rules(self):
        self._org_check_rules()

    def _org_rule_messages(self):
        """优秀: not for a cadre under a 诫勉 in effect that year or punished that year, and
        within the quota of the
        group the cadre's category belongs to (README › Rules). The supervision record stays
        confidential: that message does not say which measure."""
        messages = super()._org_rule_messages()
        cycle = self.cycle_id
        if self.grade != "excellent" or not cycle:
            return messages
        if self.employee_id and self.env["org.cadre.supervision"].sudo()._admonished_in_year(
            self.employee_id, cycle.year
        ):
            messages.append(
                (
                    ("grade",),
                    self.env._(
                        "cannot be graded Excellent for %(year)s: a supervision measure in effect that "
                        "year bars it; ask the cadre supervision office.",
                        year=cycle.year,
                    ),
                )
            )
        punishments = (
            self.env["org.cadre.reward"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("kind", "=", "punishment"),
                    ("date", ">=", f"{cycle.year}-01-01"),
                    ("date", "<=", f"{cycle.year}-12-31"),
                ]
            )
        )
        for punishment in punishments:
            messages.append(
                (
                    ("grade",),
                    self.env._(
                        "cannot be graded Excellent for %(year)s: punished that year (%(date)s, %(name)s).",
                        year=cycle.year,
                        date=punishment.date,
                        name=punishment.name,
                    ),
                )
            )
        domain = [("cycle_id", "=", cycle.id)]
        if self._origin.id:
            domain.append(("id", "!=", self._origin.id))
        assessments = self.sudo().search(domain) | self.sudo()  # the quota counts every assessed cadre
        labels = dict(
            self.env["org.cadre.category"]._fields["excellent_rounding"]._description_selection(self.env)
        )
        for group in cycle._excellent_groups(assessments):
            if self not in group["members"]:
                continue
            excellent = len(group["members"].filtered(lambda a: a.grade == "excellent"))
            if excellent > group["quota"]:
                messages.append(
                    (
                        ("grade", "category_id"),
                        self.env._(
                            "%(excellent)s graded Excellent in %(group)s of %(cycle)s; the quota is "
                            "%(quota)s (%(share)s%% of %(count)s assessed, %(rounding)s).",
                            excellent=excellent,
                            group=group["label"],
                            cycle=cycle.name,
                            quota=group["quota"],
                            share=group["share"],
                            count=len(group["members"]),
                            rounding=labels.get(group["rounding"], group["rounding"]),
                        ),
                    )
                )
        return messages

    @api.depends("line_ids.score", "line_ids.weight")
    def _compute_total_score(self):
        for assessment in self:
            assessment.total_score = sum(line.score * line.weight / 100.0 for line in assessment.line_ids)
