"""Accounts hardening on databases installed before 18.0.1.2.0 (new installs get it from
data/org_security_data.xml): passwords of 12 characters at least, the login lock-out, the
audit log's retention, two-factor authentication for administrators."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    params = env["ir.config_parameter"]
    minlength = int(params.get_param("auth_password_policy.minlength") or 0)
    params.set_param("auth_password_policy.minlength", str(max(minlength, 12)))
    params.set_param("base.login_cooldown_after", "5")
    params.set_param("base.login_cooldown_duration", "600")
    params.set_param(
        "org_base.audit_retention_months", params.get_param("org_base.audit_retention_months") or "36"
    )
    env.ref("org_base.group_org_manager").org_require_totp = True
