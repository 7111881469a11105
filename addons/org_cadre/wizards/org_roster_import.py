from odoo import models


class OrgRosterImport(models.TransientModel):
    """People imported through the cadre roster are cadres."""

    _inherit = "org.roster.import"

    def _apply_plan(self, plan):
        if self.roster_id.key == "cadre":
            for _number, vals in plan.to_create:
                vals.setdefault("is_cadre", True)
        return super()._apply_plan(plan)
