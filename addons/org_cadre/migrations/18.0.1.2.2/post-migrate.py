"""The completeness indicator counts what the 任免审批表 prints: recompute it for the cadres."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    employees = env["hr.employee"].with_context(active_test=False).search([("is_cadre", "=", True)])
    env.add_to_compute(employees._fields["cadre_completeness"], employees)
    env.add_to_compute(employees._fields["cadre_missing_fields"], employees)
    employees.flush_recordset(["cadre_completeness", "cadre_missing_fields"])
