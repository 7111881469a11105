from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    org_audit_retention_months = fields.Integer(
        string="Audit Log Retention (Months)",
        config_parameter="org_base.audit_retention_months",
        default=36,
    )
