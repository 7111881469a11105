"""Existing databases with org_study get the bridge org_cadre_study, which now credits the
training hours to the study ledger and tags cadres 干部.

Odoo installs an ``auto_install`` addon by itself only when one of its dependencies is being
installed; here both are installed already, so the bridge is marked for installation (it is
then installed in this same run, after the installed addons, and its ``post_init_hook``
adopts the renamed ``study_session_ref`` column, see pre-migrate.py).
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Module = env["ir.module.module"]
    if Module.search_count([("name", "=", "org_study"), ("state", "in", ("installed", "to upgrade"))]):
        Module.search([("name", "=", "org_cadre_study"), ("state", "=", "uninstalled")]).button_install()
