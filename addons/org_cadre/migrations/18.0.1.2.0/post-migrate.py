"""The cadre roster marks the people it creates as cadres through its default values (data),
no longer through a wizard override; the roster data is noupdate, so it gets them here."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    roster = env.ref("org_cadre.roster_cadre", raise_if_not_found=False)
    if roster and not roster.default_values:
        roster.default_values = "{'is_cadre': True}"
