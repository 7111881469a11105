from odoo import fields, models


class OrgRosterColumn(models.Model):
    """Roster columns that find an employee by name, employee number (工号) or ID number."""

    _inherit = "org.roster.column"

    employee_match = fields.Selection(
        [
            ("name", "Name"),
            ("barcode", "Employee Number"),
            ("identification_id", "Resident ID Number"),
        ],
        string="Finds Employee By",
        help="For a column that fills an employee field: what the cell holds to find the employee. "
        "Several such columns of one row must name the same employee; a number tells apart "
        "people with the same name.",
    )
