from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OrgTalentProject(models.Model):
    """A project (人才项目) a platform hosts: introduced, incubated or jointly built with
    universities (校企联建)."""

    _name = "org.talent.project"
    _description = "Talent Project"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    platform_id = fields.Many2one(
        "org.talent.platform",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    talent_ids = fields.Many2many("org.talent", string="Talents")
    leader_id = fields.Many2one("org.talent", string="Project Leader", tracking=True)
    partner_id = fields.Many2one("res.partner", string="Enterprise", tracking=True)
    stage = fields.Selection(
        [
            ("introduced", "Introduced"),
            ("incubating", "Incubating"),
            ("landed", "Landed"),
            ("closed", "Closed"),
        ],
        required=True,
        default="introduced",
        tracking=True,
    )
    date_start = fields.Date(string="Start Date", default=fields.Date.context_today, tracking=True)
    date_end = fields.Date(string="End Date", tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    investment = fields.Monetary(tracking=True, help="Total investment of the project.")
    description = fields.Html()

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for project in self:
            if project.date_start and project.date_end and project.date_end < project.date_start:
                raise ValidationError(
                    self.env._(
                        "Project %(project)s: the end date is before the start date.", project=project.name
                    )
                )
