from odoo import fields, models
from odoo.tools import SQL


def _drop_rows(records):
    # The audit log refuses unlink through the ORM: rows of an uninstalled action go by SQL.
    records.env.cr.execute(SQL("DELETE FROM org_audit_log WHERE id IN %s", tuple(records.ids)))


class OrgAuditLog(models.Model):
    _inherit = "org.audit.log"

    action = fields.Selection(
        selection_add=[
            ("meeting_signin", "Meeting sign-in"),
            ("meeting_signin_refused", "Meeting sign-in refused"),
            ("meeting_signin_code_refused", "Wrong meeting sign-in code"),
        ],
        ondelete={
            "meeting_signin": _drop_rows,
            "meeting_signin_refused": _drop_rows,
            "meeting_signin_code_refused": _drop_rows,
        },
    )
