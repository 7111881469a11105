from odoo import fields, models


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
