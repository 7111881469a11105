from odoo import api, fields, models


class OrgCadreTrainingProgram(models.Model):
    """A training program (育): 思想破冰, 干部开眼, 专业回归计划, 年轻干部春笋计划."""

    _name = "org.cadre.training.program"
    _description = "Cadre Training Program"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [
            ("ice_breaking", "Mind Ice-breaking"),
            ("eye_opening", "Eye-opening Visits"),
            ("professional_return", "Professional Return"),
            ("spring_bamboo", "Spring Bamboo (Young Cadres)"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        tracking=True,
    )
    date_start = fields.Date(string="Start", required=True, default=fields.Date.context_today, tracking=True)
    date_end = fields.Date(string="End")
    hours = fields.Float(
        string="Study Hours", tracking=True, help="Hours credited to each participant who completes it."
    )
    place = fields.Char()
    organizer_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    description = fields.Html()
    enrollment_ids = fields.One2many("org.cadre.training.enrollment", "program_id", string="Participants")
    enrollment_count = fields.Integer(compute="_compute_enrollment_counts", string="Enrolled")
    completed_count = fields.Integer(compute="_compute_enrollment_counts", string="Completed")

    @api.depends("enrollment_ids.state")
    def _compute_enrollment_counts(self):
        for program in self:
            program.enrollment_count = len(program.enrollment_ids)
            program.completed_count = len(program.enrollment_ids.filtered(lambda e: e.state == "completed"))
