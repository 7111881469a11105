from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    # Password policy (auth_password_policy's minimum length, 12 here): it applies when a person
    # chooses a password (their own change, an administrator's "Change Password", a signup or
    # reset link); passwords written by data files and scripts (the demo users) are not checked.

    def _check_password_policy(self, passwords):
        if not self.env.context.get("org_password_policy"):
            return None
        return super()._check_password_policy(passwords)

    def _change_password(self, new_passwd):
        return super(ResUsers, self.with_context(org_password_policy=True))._change_password(new_passwd)

    @api.model
    def signup(self, values, token=None):
        return super(ResUsers, self.with_context(org_password_policy=True)).signup(values, token=token)

    # Two-factor authentication, required for the members of groups marked org_require_totp
    # (org_base: administrators; org_cadre: the supervision group). Odoo's own hook: a user
    # without an authenticator app gets auth_totp_mail_enforce's "code by email" step at each
    # login (its _mfa_url), and JSON/XML-RPC calls need an API key (its _rpc_api_keys_only);
    # the app, once set up, replaces the email code.

    def _org_totp_required(self):
        self.ensure_one()
        return bool(self.sudo().groups_id.filtered("org_require_totp"))

    def _mfa_type(self):
        mfa_type = super()._mfa_type()
        if mfa_type is None and self._org_totp_required():
            return "totp_mail"
        return mfa_type

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._org_totp_invite()
        return users

    def write(self, vals):
        if not any(key == "groups_id" or key.startswith(("in_group_", "sel_groups_")) for key in vals):
            return super().write(vals)
        required_before = self.filtered(lambda user: user._org_totp_required())
        result = super().write(vals)
        (self - required_before)._org_totp_invite()
        return result

    def _org_totp_invite(self):
        """Queue auth_totp_mail's invitation to the users that now must use two-factor
        authentication and have no authenticator app yet (sent by the mail queue)."""
        users = self.sudo().filtered(
            lambda user: not user.totp_enabled and user.email and user._org_totp_required()
        )
        if not users:
            return
        template = self.env.ref("auth_totp_mail.mail_template_totp_invite").sudo()
        for user in users:
            template.send_mail(
                user.id,
                force_send=False,
                email_values={
                    "email_from": self.env.user.email_formatted or self.env.company.email_formatted,
                    "author_id": self.env.user.partner_id.id,
                },
                email_layout_xmlid="mail.mail_notification_light",
            )

    @api.model
    def _org_demo_set_totp_secret(self, user_ids, secret):
        """Demo data only: give demo users a known authenticator key (see README)."""
        self.browse(user_ids).sudo().write({"totp_secret": secret})
