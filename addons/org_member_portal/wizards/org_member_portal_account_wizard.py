import re
import secrets

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

#: a mainland mobile number: 11 digits starting with 13 to 19 (spaces, dashes and +86 allowed)
MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
#: characters of a printed password: no 0/O, 1/l/I that a member would misread
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PASSWORD_LENGTH = 12


def normalize_mobile(phone):
    """The 11-digit mobile number of ``phone``, or False when it is not one."""
    digits = re.sub(r"[\s\-()]", "", phone or "")
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    return digits if MOBILE_RE.match(digits) else False


def random_password():
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _index in range(PASSWORD_LENGTH))


class OrgMemberPortalAccountWizard(models.TransientModel):
    """党员账号: portal accounts, in batch, for the members of an organization (or the members
    selected), with their delivery: a printed initial password sheet or an invitation text."""

    _name = "org.member.portal.account.wizard"
    _description = "Member Accounts"

    organization_id = fields.Many2one("org.party.organization", string="Party Organization")
    member_ids = fields.Many2many("org.party.member", string="Members")
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft", required=True)
    line_ids = fields.One2many("org.member.portal.account.wizard.line", "wizard_id", string="Results")
    created_count = fields.Integer(compute="_compute_counts")
    pending_count = fields.Integer(compute="_compute_counts")
    skipped_count = fields.Integer(compute="_compute_counts")
    invitation_count = fields.Integer(compute="_compute_counts")
    # A one-time key of the print link (the password sheet route): only the link the button
    # gave opens the sheet, once, so no other page can make the secretary's browser print it.
    sheet_key = fields.Char(copy=False, groups="base.group_system")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        active_ids = context.get("active_ids") or ([context["active_id"]] if context.get("active_id") else [])
        if context.get("active_model") == "org.party.organization" and active_ids:
            organizations = self.env["org.party.organization"].browse(active_ids)
            values["organization_id"] = organizations[:1].id
            members = self.env["org.party.member"].search(
                [("organization_id", "child_of", organizations.ids)]
            )
            values["member_ids"] = [Command.set(members.ids)]
        elif context.get("active_model") == "org.party.member" and active_ids:
            values["member_ids"] = [Command.set(active_ids)]
        return values

    @api.depends("line_ids.result", "line_ids.invitation")
    def _compute_counts(self):
        for wizard in self:
            results = wizard.line_ids.mapped("result")
            wizard.created_count = results.count("created")
            wizard.pending_count = results.count("created") + results.count("pending")
            wizard.skipped_count = results.count("skipped")
            wizard.invitation_count = len(wizard.line_ids.filtered("invitation"))

    def _org_members(self):
        """The members of the batch the user may maintain (AccessError otherwise)."""
        self.ensure_one()
        members = self.member_ids.filtered("active")
        if not members:
            raise UserError(self.env._("Choose the members who get an account."))
        members.check_access("write")
        return members

    def action_create_accounts(self):
        """Create a portal account for each member without one; idempotent."""
        self.ensure_one()
        members = self._org_members()
        portal = self.env.ref("base.group_portal")
        Users = self.env["res.users"].sudo().with_context(active_test=False, no_reset_password=True)
        logins = {normalize_mobile(member.mobile_phone) for member in members} - {False}
        taken = set(Users.search([("login", "in", list(logins))]).mapped("login")) if logins else set()
        lang = "zh_CN" if "zh_CN" in dict(self.env["res.lang"].get_installed()) else self.env.lang
        seen, lines, to_create = set(), [], []
        for member in members:
            login = normalize_mobile(member.mobile_phone)
            account = member.sudo().user_id
            values = {"member_id": member.id, "login": login or member.mobile_phone}
            if account:
                values.update(
                    login=account.login,
                    result="pending" if account.share and not account.login_date else "existing",
                    reason=self.env._("Already has an account."),
                )
            elif not member.mobile_phone:
                values.update(result="skipped", reason=self.env._("No mobile phone number."))
            elif not login:
                values.update(
                    result="skipped",
                    reason=self.env._(
                        "“%(phone)s” is not a mobile phone number (11 digits starting with 1).",
                        phone=member.mobile_phone,
                    ),
                )
            elif login in taken or login in seen:
                values.update(
                    result="skipped",
                    reason=self.env._(
                        "The number %(phone)s is already the login of another account.", phone=login
                    ),
                )
            else:
                seen.add(login)
                values["result"] = "created"
                to_create.append((member, login))
            lines.append(values)
        users = Users.create(
            [
                {
                    "name": member.name,
                    "login": login,
                    "mobile": login,
                    "lang": lang,
                    "tz": "Asia/Shanghai",
                    "groups_id": [Command.set(portal.ids)],
                }
                for member, login in to_create
            ]
        )
        for (member, _login), user in zip(to_create, users, strict=True):
            member.sudo().user_id = user
        created = self.env["org.party.member"].browse([member.id for member, _login in to_create])
        if created:
            self.env["org.audit.log"].sudo()._log(
                "portal_account", created, detail=self.env._("%(count)s accounts", count=len(created))
            )
        self.line_ids.unlink()
        self.write({"state": "done", "line_ids": [Command.create(values) for values in lines]})
        return self._org_reopen()

    def _org_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Member Accounts"),
        }

    def _org_pending_members(self):
        """The members of the batch whose portal account has never been used: the sheet and
        the invitation are for them (a member who logged in has a password of their own)."""
        members = self._org_members()
        return members.filtered(
            lambda member: member.sudo().user_id.share
            and member.sudo().user_id.active
            and not member.sudo().user_id.login_date
        )

    def action_print_password_sheet(self):
        self.ensure_one()
        if not self._org_pending_members():
            raise UserError(self.env._("No member of the list has an account waiting for its first login."))
        key = secrets.token_urlsafe(32)
        self.sudo().sheet_key = key
        return {
            "type": "ir.actions.act_url",
            "url": f"/org_member_portal/password_sheet/{self.id}?key={key}",
            "target": "new",
        }

    def _org_password_slips(self, key):
        """Set a new random password on each pending account and return the slips; the
        passwords exist in clear only in the returned values (the printed sheet)."""
        self.ensure_one()
        stored = self.sudo().sheet_key
        if not (stored and key and secrets.compare_digest(stored, key)):
            return None
        self.sudo().sheet_key = False
        members = self._org_pending_members()
        address = self.get_base_url() + "/web/login"
        slips = []
        for member in members:
            password = random_password()
            member.sudo().user_id.write({"password": password, "org_portal_password_temporary": True})
            slips.append(
                {
                    "name": member.name,
                    "organization": member.organization_id.display_name,
                    "login": member.sudo().user_id.login,
                    "password": password,
                    "address": address,
                }
            )
        self.env["org.audit.log"].sudo()._log(
            "portal_password_sheet", members, detail=self.env._("%(count)s slips", count=len(members))
        )
        return slips

    def action_invitation_texts(self):
        """An SMS-ready invitation per pending account: a signup link of Odoo's (auth_signup:
        signed, it expires, and it is void once the member has logged in)."""
        self.ensure_one()
        members = self._org_pending_members()
        if not members:
            raise UserError(self.env._("No member of the list has an account waiting for its first login."))
        hours = int(
            self.env["ir.config_parameter"].sudo().get_param("auth_signup.signup.validity.hours", 144)
        )
        lines = {line.member_id: line for line in self.line_ids}
        for member in members:
            partner = member.sudo().user_id.partner_id
            partner.signup_prepare()
            url = partner._get_signup_url()
            text = self.env._(
                "%(name)s: your party member account of the organization work platform is ready. "
                "Open %(url)s within %(days)s days to set your password; your login is %(login)s.",
                name=member.name,
                url=url,
                days=max(hours // 24, 1),
                login=member.sudo().user_id.login,
            )
            line = lines.get(member)
            if line:
                line.invitation = text
            else:
                self.line_ids = [
                    Command.create(
                        {
                            "member_id": member.id,
                            "login": member.sudo().user_id.login,
                            "result": "pending",
                            "invitation": text,
                        }
                    )
                ]
        self.env["org.audit.log"].sudo()._log(
            "portal_invitation", members, detail=self.env._("%(count)s invitations", count=len(members))
        )
        self.state = "done"
        return self._org_reopen()

    def action_invitations_csv(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/org_member_portal/invitations/{self.id}",
            "target": "new",
        }


class OrgMemberPortalAccountWizardLine(models.TransientModel):
    _name = "org.member.portal.account.wizard.line"
    _description = "Member Account Result"
    _order = "result_sequence, id"

    wizard_id = fields.Many2one("org.member.portal.account.wizard", required=True, ondelete="cascade")
    member_id = fields.Many2one("org.party.member", required=True, ondelete="cascade")
    phone = fields.Char(related="member_id.mobile_phone", string="Mobile Phone")
    login = fields.Char()
    result = fields.Selection(
        [
            ("created", "Account created"),
            ("pending", "Waiting for first login"),
            ("existing", "Has an account in use"),
            ("skipped", "Skipped"),
        ],
        required=True,
    )
    result_sequence = fields.Integer(compute="_compute_result_sequence", store=True)
    reason = fields.Char()
    invitation = fields.Char(string="Invitation Text")

    @api.depends("result")
    def _compute_result_sequence(self):
        order = {"skipped": 0, "created": 1, "pending": 2, "existing": 3}
        for line in self:
            line.result_sequence = order.get(line.result, 9)
