from dateutil.relativedelta import relativedelta

from odoo import fields, models


class HrEmployee(models.Model):
    """Commendations, yellow lights and the 能上能下 adjustment suggestion of a cadre."""

    _inherit = "hr.employee"

    cadre_incentive_ids = fields.One2many(
        "org.cadre.incentive",
        "employee_id",
        string="Commendations and Yellow Lights",
        groups="org_cadre.group_cadre_officer,org_base.group_org_leader",
    )
    cadre_adjustment_suggested = fields.Boolean(
        string="Adjustment Suggested",
        readonly=True,
        groups="org_cadre.group_cadre_officer,org_base.group_org_leader",
        help="Repeated yellow lights within the window of the settings: consider an adjustment (能上能下).",
    )

    def _cadre_update_adjustment_suggestion(self, all_cadres=False):
        """Flag the cadres with at least the threshold of yellow lights in the window."""
        company = self.env.company
        since = fields.Date.context_today(self) - relativedelta(
            months=company.cadre_yellow_light_window_months
        )
        domain = [("kind", "=", "yellow_light"), ("date", ">=", since)]
        if not all_cadres:
            domain.append(("employee_id", "in", self.ids))
        counts = dict(
            self.env["org.cadre.incentive"].sudo()._read_group(domain, ["employee_id"], ["__count"])
        )
        flagged = {
            employee.id for employee, count in counts.items() if count >= company.cadre_yellow_light_threshold
        }
        Employee = self.sudo().with_context(active_test=False)
        scope = Employee.search([("cadre_adjustment_suggested", "=", True)]) if all_cadres else self.sudo()
        to_flag = Employee.browse(flagged) - scope.filtered("cadre_adjustment_suggested")
        to_clear = scope.filtered(
            lambda employee: employee.cadre_adjustment_suggested and employee.id not in flagged
        )
        to_flag.write({"cadre_adjustment_suggested": True})
        to_clear.write({"cadre_adjustment_suggested": False})
        return True
