from odoo import fields, models


class ResGroups(models.Model):
    _inherit = "res.groups"

    org_require_totp = fields.Boolean(
        string="Two-Factor Authentication Required",
        help="Members of this group must log in with a second factor: until they set up an "
        "authenticator app, each login asks for a code sent to their email, and they are "
        "invited to set up the app when they join the group.",
    )
