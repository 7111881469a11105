from odoo import api, fields, models


class OrgCadreAnnualResult(models.Model):
    """年度考核结果: one grade per cadre and year."""

    _name = "org.cadre.annual.result"
    _description = "Cadre Annual Assessment Result"
    _order = "employee_id, year desc"
    _rec_name = "year"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    year = fields.Integer(required=True, aggregator=False)
    grade = fields.Selection(
        [
            ("excellent", "Excellent"),
            ("competent", "Competent"),
            ("basic", "Basically Competent"),
            ("incompetent", "Incompetent"),
            ("undetermined", "Not Graded"),
        ],
        required=True,
    )

    _sql_constraints = [
        ("employee_year_uniq", "unique(employee_id, year)", "A cadre has one annual result per year."),
    ]

    @api.constrains("year")
    def _check_year(self):
        self._org_check_rules()

    def _org_rule_messages(self):
        """A result is for a year that has begun (the office's date), not a future one."""
        messages = super()._org_rule_messages()
        this_year = self.env.company._org_office_today().year
        if self.year and self.year > this_year:
            messages.append(
                (
                    ("year",),
                    self.env._(
                        "the annual assessment of %(year)s is in the future (this is %(this_year)s).",
                        year=self.year,
                        this_year=this_year,
                    ),
                )
            )
        return messages
