from odoo import SUPERUSER_ID, api

from odoo.addons.org_roster.hooks import fill_key_fields


def migrate(cr, version):
    """Key fields became a list (key_field_ids): each roster keeps its one key field."""
    fill_key_fields(api.Environment(cr, SUPERUSER_ID, {}))
