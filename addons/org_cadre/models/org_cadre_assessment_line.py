from odoo import api, fields, models


class OrgCadreAssessmentLine(models.Model):
    """One indicator of one assessment: target, actual and score (0–100, editable)."""

    _name = "org.cadre.assessment.line"
    _description = "Cadre Assessment Indicator Score"
    _order = "assessment_id, id"

    assessment_id = fields.Many2one("org.cadre.assessment", required=True, ondelete="cascade", index=True)
    indicator_id = fields.Many2one("org.cadre.indicator", required=True)
    kind = fields.Selection(related="indicator_id.kind")
    weight = fields.Float(string="Weight (%)")
    target = fields.Float()
    actual = fields.Float()
    score = fields.Float(
        compute="_compute_score",
        store=True,
        readonly=False,
        help="Actual against target, 100 at the target and at most 120; may be corrected by hand.",
    )

    @api.depends("actual", "target")
    def _compute_score(self):
        for line in self:
            line.score = min(120.0, 100.0 * line.actual / line.target) if line.target else 0.0
