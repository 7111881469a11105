from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OrgCadreResumeLine(models.Model):
    """One period of a cadre's 简历: from, to (empty while current), unit and post."""

    _name = "org.cadre.resume.line"
    _description = "Cadre Resume Line"
    _order = "employee_id, date_start, id"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    date_start = fields.Date(string="From", required=True)
    date_end = fields.Date(string="To", help="Empty while the cadre holds the post.")
    name = fields.Text(string="Unit and Post", required=True)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for line in self:
            if line.date_end and line.date_end < line.date_start:
                raise ValidationError(
                    self.env._(
                        "Resume of %(employee)s: the period “%(post)s” ends before it starts.",
                        employee=line.employee_id.name,
                        post=line.name,
                    )
                )
