from odoo import api, fields, models


class HrDepartment(models.Model):
    """Institutional reform (闯): function positioning, establishment size and vacancies."""

    _inherit = "hr.department"

    function_positioning = fields.Text()
    establishment_size = fields.Integer(tracking=True, help="编制数.")
    establishment_actual = fields.Integer(string="Actual Staff", compute="_compute_establishment")
    establishment_vacancy = fields.Integer(string="Vacancies", compute="_compute_establishment")
    cadre_count = fields.Integer(string="Cadres", compute="_compute_establishment")

    @api.depends("establishment_size")
    def _compute_establishment(self):
        Employee = self.env["hr.employee"].sudo()
        staff = dict(
            Employee._read_group([("department_id", "in", self.ids)], ["department_id"], ["__count"])
        )
        cadres = dict(
            Employee._read_group(
                [("department_id", "in", self.ids), ("is_cadre", "=", True)], ["department_id"], ["__count"]
            )
        )
        for department in self:
            department.establishment_actual = staff.get(department, 0)
            department.cadre_count = cadres.get(department, 0)
            department.establishment_vacancy = max(
                department.establishment_size - department.establishment_actual, 0
            )
