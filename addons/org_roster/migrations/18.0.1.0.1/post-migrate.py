from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Rosters made before the export presets get theirs."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["org.roster"].with_context(active_test=False).search([])._sync_export_preset()
