from odoo import fields, models


class OrgAuditLog(models.Model):
    _inherit = "org.audit.log"

    action = fields.Selection(
        selection_add=[
            ("portal_account", "Member account created"),
            ("portal_password_sheet", "Initial password sheet printed"),
            ("portal_invitation", "Invitation text generated"),
        ],
        ondelete={
            "portal_account": "cascade",
            "portal_password_sheet": "cascade",
            "portal_invitation": "cascade",
        },
    )
