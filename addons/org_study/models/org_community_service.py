from odoo import api, fields, models


class OrgCommunityService(models.Model):
    """党员常态化下沉社区: a member's service in a community."""

    _name = "org.community.service"
    _description = "Community Service"
    _order = "date desc, id desc"
    _rec_name = "employee_id"

    employee_id = fields.Many2one("hr.employee", string="Member", required=True, index=True)
    community = fields.Char(required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    year = fields.Integer(compute="_compute_year", store=True, aggregator=False)
    hours = fields.Float(string="Service Hours", default=2.0)
    content = fields.Text()
    yearly_count = fields.Integer(
        compute="_compute_yearly_count",
        string="Services This Year",
        help="The member's services in the same year.",
    )

    @api.depends("date")
    def _compute_year(self):
        for service in self:
            service.year = service.date.year if service.date else 0

    @api.depends("employee_id", "year")
    def _compute_yearly_count(self):
        counts = dict(
            ((employee.id, year), count)
            for employee, year, count in self._read_group(
                [("employee_id", "in", self.employee_id.ids), ("year", "in", list(set(self.mapped("year"))))],
                ["employee_id", "year"],
                ["__count"],
            )
        )
        for service in self:
            service.yearly_count = counts.get((service.employee_id.id, service.year), 0)
