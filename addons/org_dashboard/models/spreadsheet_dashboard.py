from odoo import models


class SpreadsheetDashboard(models.Model):
    _inherit = "spreadsheet.dashboard"

    def get_readonly_dashboard(self):
        # Odoo reads the data of a dashboard the user may not open as False and fails on it (a
        # TypeError for a request by id): refuse it as what it is, the record's access.
        self.check_access("read")
        return super().get_readonly_dashboard()
