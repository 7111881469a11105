from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    org_portal_password_temporary = fields.Boolean(
        string="Initial Password to Change",
        copy=False,
        groups="base.group_system",
        help="The member's password is the one printed on the initial password sheet: the member "
        "portal sends them to change it before anything else.",
    )

    def write(self, vals):
        result = super().write(vals)
        if "password" in vals and not vals.get("org_portal_password_temporary"):
            # a password chosen by the user (or set by an administrator) replaces the printed one
            temporary = self.sudo().filtered("org_portal_password_temporary")
            if temporary:
                temporary.write({"org_portal_password_temporary": False})
        return result
