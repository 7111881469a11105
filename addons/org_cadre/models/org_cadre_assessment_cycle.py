import math

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


def excellent_quota(count, share, rounding):
    """How many of ``count`` assessed cadres ``share`` % allows, rounded as ``rounding`` says."""
    exact = count * share / 100.0
    if rounding == "ceil":
        return math.ceil(exact - 1e-9)
    if rounding == "half_up":
        return math.floor(exact + 0.5 + 1e-9)
    return math.floor(exact + 1e-9)


class OrgCadreAssessmentCycle(models.Model):
    """A yearly assessment (考): the cadres' scores, ranking within category and grades."""

    _name = "org.cadre.assessment.cycle"
    _description = "Cadre Assessment Cycle"
    _inherit = ["mail.thread"]
    _order = "year desc, id desc"

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year, aggregator=False
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    state = fields.Selection(
        [("draft", "Draft"), ("scoring", "Scoring"), ("done", "Done")],
        default="draft",
        required=True,
        tracking=True,
    )
    assessment_ids = fields.One2many("org.cadre.assessment", "cycle_id", string="Assessments")
    assessment_count = fields.Integer(compute="_compute_assessment_count")

    @api.depends("assessment_ids")
    def _compute_assessment_count(self):
        counts = dict(
            self.env["org.cadre.assessment"]._read_group(
                [("cycle_id", "in", self.ids)], ["cycle_id"], ["__count"]
            )
        )
        for cycle in self:
            cycle.assessment_count = counts.get(cycle, 0)

    def action_generate(self):
        """One assessment per cadre with a category, with the lines of the category's scheme."""
        self.ensure_one()
        cadres = self.env["hr.employee"].search([("is_cadre", "=", True), ("cadre_category_id", "!=", False)])
        cadres -= self.assessment_ids.employee_id
        self.env["org.cadre.assessment"].create(
            [
                {
                    "cycle_id": self.id,
                    "employee_id": cadre.id,
                    "category_id": cadre.cadre_category_id.id,
                    "line_ids": [
                        Command.create(
                            {
                                "indicator_id": indicator.id,
                                "weight": indicator.weight,
                                "target": indicator.target,
                            }
                        )
                        for indicator in cadre.cadre_category_id.indicator_ids
                    ],
                }
                for cadre in cadres
            ]
        )
        self.state = "scoring"
        return True

    def action_rank(self):
        """Rank within each category by total score (ties share a rank)."""
        for cycle in self:
            by_category = {}
            for assessment in cycle.assessment_ids:
                by_category.setdefault(assessment.category_id, []).append(assessment)
            for assessments in by_category.values():
                assessments.sort(key=lambda a: -a.total_score)
                previous, rank = None, 0
                for position, assessment in enumerate(assessments, start=1):
                    if assessment.total_score != previous:
                        rank, previous = position, assessment.total_score
                    assessment.rank = rank
        return True

    def _excellent_groups(self, assessments):
        """The groups of ``assessments`` (of this cycle) that share one 优秀 quota, as dicts
        with ``label``, ``members``, ``share`` (%), ``rounding`` and ``quota``.

        A category with at least the company's smallest group of assessed cadres has its own
        quota (its share, its rounding); the smaller categories share one quota computed on the
        company's default share (统筹); and the whole cycle never exceeds the ceiling (rounded
        down)."""
        self.ensure_one()
        company = self.company_id or self.env.company
        empty = self.env["org.cadre.assessment"]
        by_category = {}
        for assessment in assessments:
            by_category[assessment.category_id] = by_category.get(assessment.category_id, empty) | assessment
        groups, pooled = [], {}
        for category, members in by_category.items():
            if len(members) >= company.cadre_excellent_min_group:
                groups.append(
                    {
                        "label": category.name,
                        "members": members,
                        "share": category.excellent_quota,
                        "rounding": category.excellent_rounding,
                    }
                )
            else:
                pooled[category] = members
        if pooled:
            groups.append(
                {
                    "label": self.env._(
                        "the small categories together (%(names)s)",
                        names="、".join(category.name or "" for category in pooled),
                    ),
                    "members": empty.union(*pooled.values()),
                    "share": company.cadre_excellent_quota,
                    "rounding": company.cadre_excellent_rounding,
                }
            )
        groups.append(
            {
                "label": self.env._("the whole cycle (ceiling)"),
                "members": assessments,
                "share": company.cadre_excellent_ceiling,
                "rounding": "floor",
            }
        )
        for group in groups:
            group["quota"] = excellent_quota(len(group["members"]), group["share"], group["rounding"])
        return groups

    def action_done(self):
        """Close the cycle: quota checked, grades written to the dossiers' annual results."""
        for cycle in self:
            ungraded = cycle.assessment_ids.filtered(lambda a: not a.grade)
            if ungraded:
                raise UserError(
                    self.env._(
                        "%(cycle)s: grade every cadre first (%(names)s).",
                        cycle=cycle.name,
                        names="、".join(ungraded.employee_id.mapped("name")),
                    )
                )
        self.assessment_ids._org_check_rules()
        self.action_rank()
        Result = self.env["org.cadre.annual.result"]
        for cycle in self:
            existing = Result.search(
                [("year", "=", cycle.year), ("employee_id", "in", cycle.assessment_ids.employee_id.ids)]
            )
            by_employee = {result.employee_id: result for result in existing}
            new_vals = []
            for assessment in cycle.assessment_ids:
                if result := by_employee.get(assessment.employee_id):
                    result.grade = assessment.grade
                else:
                    new_vals.append(
                        {
                            "employee_id": assessment.employee_id.id,
                            "year": cycle.year,
                            "grade": assessment.grade,
                        }
                    )
            Result.create(new_vals)
        self.write({"state": "done"})
        return True

    def action_reset_scoring(self):
        self.write({"state": "scoring"})
        return True
