from odoo import api, models
from odoo.exceptions import AccessError


class ReportPasswordSheet(models.AbstractModel):
    """The initial password sheet: rendered only by the sheet route, from the slips it has just
    made (``data["slips"]``); the passwords are never stored in clear, so /report/pdf of this
    report has nothing to show and is refused."""

    _name = "report.org_member_portal.report_password_sheet"
    _description = "Initial Password Sheet"

    @api.model
    def _get_report_values(self, docids, data=None):
        if not self.env.context.get("org_member_portal_sheet") or not (data or {}).get("slips"):
            raise AccessError(
                self.env._("The initial password sheet is printed from “Member Accounts” only.")
            )
        return {"doc_ids": docids, "doc_model": "org.member.portal.account.wizard", "slips": data["slips"]}
