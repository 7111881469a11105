import contextlib

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.org_base.tools.resident_id import ResidentIdError, parse_resident_id

from .org_party_member import ADULT_AGE


class OrgPartyTransfer(models.Model):
    """组织关系转接: a member's party membership moves into the zone, out of it, or between two
    organizations of the zone, once approved."""

    _name = "org.party.transfer"
    _description = "Party Membership Transfer"
    _inherit = ["mail.thread", "mail.activity.mixin", "org.party.scope.mixin"]
    _order = "date desc, id desc"

    # Named in the reader's language when shown ("组织关系转入 · 彭涛"), not stored in the language
    # of whoever saved the transfer.
    name = fields.Char(string="Reference", compute="_compute_name", search="_search_name")
    kind = fields.Selection(
        [
            ("internal", "Within the Zone"),
            ("out", "Out of the Zone"),
            ("in", "Into the Zone"),
        ],
        required=True,
        default="internal",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    member_id = fields.Many2one(
        "org.party.member",
        string="Party Member",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The member who leaves or moves; a member coming in is created on approval.",
    )
    member_name = fields.Char(string="Incoming Member", tracking=True)
    member_id_number = fields.Char(string="Incoming Member's ID Number", groups="org_base.group_org_user")
    member_status = fields.Selection(
        [("probationary", "Probationary"), ("formal", "Formal")],
        string="Incoming Member's Status",
        default="formal",
    )
    member_date_join = fields.Date(string="Incoming Member Joined On")
    organization_from_id = fields.Many2one(
        "org.party.organization",
        string="From Organization",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    organization_to_id = fields.Many2one(
        "org.party.organization",
        string="To Organization",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    external_organization = fields.Char(
        string="Organization Outside the Zone",
        tracking=True,
        help="The party organization the member comes from or goes to, outside the zone.",
    )
    reason = fields.Text()
    approver_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False)
    refusal_reason = fields.Text(copy=False, tracking=True)

    @api.depends("kind", "member_id.name", "member_name")
    @api.depends_context("lang")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for transfer in self:
            person = transfer.member_id.name or transfer.member_name or ""
            transfer.name = f"{labels.get(transfer.kind, '')} · {person}"

    def _search_name(self, operator, value):
        if operator in expression.NEGATIVE_TERM_OPERATORS:
            positive = expression.TERM_OPERATORS_NEGATION[operator]
            return ["!", "|", ("member_id.name", positive, value), ("member_name", positive, value)]
        return ["|", ("member_id.name", operator, value), ("member_name", operator, value)]

    @api.onchange("member_id")
    def _onchange_member_id(self):
        if self.member_id:
            self.organization_from_id = self.member_id.organization_id

    @api.constrains(
        "kind",
        "member_id",
        "member_name",
        "organization_from_id",
        "organization_to_id",
        "external_organization",
    )
    def _check_parties(self):
        for transfer in self:
            who = transfer.member_id.name or transfer.member_name or self.env._("(no member)")
            problem = False
            if transfer.kind in ("internal", "out") and not transfer.member_id:
                problem = self.env._("choose the member who leaves")
            elif transfer.kind == "in" and not transfer.member_name:
                problem = self.env._("enter the name of the incoming member")
            elif transfer.kind in ("internal", "in") and not transfer.organization_to_id:
                problem = self.env._("choose the receiving organization")
            elif transfer.kind in ("out", "in") and not transfer.external_organization:
                problem = self.env._("enter the organization outside the zone")
            elif (
                transfer.kind == "internal"
                and transfer.organization_to_id == transfer.member_id.organization_id
            ):
                problem = self.env._("the member already belongs to the receiving organization")
            if problem:
                raise ValidationError(
                    self.env._("Transfer of %(member)s: %(problem)s.", member=who, problem=problem)
                )

    @api.constrains("kind", "member_date_join", "member_id_number")
    def _check_org_rules(self):
        # As superuser: the ID number is officer-only, a secretary may enter a transfer.
        self.sudo()._org_check_rules()

    def _org_rule_messages(self):
        """The incoming member's joining date (党章 art. 1, README › Rules): not in the future,
        at 18 or older by the ID number; the member record created on approval asks the same."""
        messages = super()._org_rule_messages()
        joined = self.kind == "in" and self.member_date_join
        if not joined:
            return messages
        today = self.env.company._org_office_today()
        if joined > today:
            messages.append(
                (
                    ("member_date_join",),
                    self.env._(
                        "the joining date %(date)s is in the future (today is %(today)s).",
                        date=joined,
                        today=today,
                    ),
                )
            )
        birthday = False
        with contextlib.suppress(ResidentIdError):
            birthday = self.member_id_number and parse_resident_id(self.member_id_number)[1]
        if birthday and joined < birthday + relativedelta(years=ADULT_AGE):
            messages.append(
                (
                    ("member_id_number", "member_date_join"),
                    self.env._(
                        "joined on %(date)s, before the %(age)sth birthday (%(adult)s): one joins the "
                        "party at %(age)s or older.",
                        date=joined,
                        age=ADULT_AGE,
                        adult=birthday + relativedelta(years=ADULT_AGE),
                    ),
                )
            )
        return messages

    def _org_rule_record_name(self, record):
        return record.member_name or super()._org_rule_record_name(record)

    @api.model_create_multi
    def create(self, vals_list):
        members = self.env["org.party.member"].browse(
            [vals["member_id"] for vals in vals_list if vals.get("member_id")]
        )
        organization_of = {member.id: member.organization_id.id for member in members}
        for vals in vals_list:
            if vals.get("member_id"):
                vals["organization_from_id"] = organization_of[vals["member_id"]]
        return super().create(vals_list)

    def _check_state(self, states):
        for transfer in self:
            if transfer.state not in states:
                raise UserError(
                    self.env._(
                        "Transfer “%(transfer)s” is %(state)s: this step is not possible now.",
                        transfer=transfer.name,
                        state=dict(self._fields["state"]._description_selection(self.env))[transfer.state],
                    )
                )

    def action_submit(self):
        self._check_state(("draft", "refused"))
        self.write({"state": "submitted", "refusal_reason": False})
        return True

    def _check_approver(self):
        """Officers approve every transfer; for a move within the zone, the secretary of the
        receiving organization (or of an organization above it) may approve too."""
        user = self.env.user
        if user.has_group("org_base.group_org_user"):
            return
        led = user.org_party_secretary_organization_ids
        for transfer in self:
            receiving = transfer.organization_to_id
            allowed = (
                transfer.kind == "internal"
                and led
                and bool(
                    self.env["org.party.organization"]
                    .sudo()
                    .search_count([("id", "=", receiving.id), ("id", "child_of", led.ids)])
                )
            )
            if not allowed:
                raise UserError(
                    self.env._(
                        "Transfer “%(transfer)s”: only an officer, or for a move within the zone the "
                        "secretary of the receiving organization %(organization)s, may approve or refuse it.",
                        transfer=transfer.name,
                        organization=receiving.sudo().display_name or "-",
                    )
                )

    def action_approve(self):
        self._check_state(("submitted",))
        self._check_approver()
        Member = self.env["org.party.member"].sudo()
        for transfer in self.sudo():
            if transfer.kind == "internal":
                Member.browse(transfer.member_id.id).organization_id = transfer.organization_to_id
            elif transfer.kind == "out":
                member = Member.browse(transfer.member_id.id)
                member.active = False
                member.message_post(
                    body=self.env._(
                        "Transferred out to %(organization)s on %(date)s.",
                        organization=transfer.external_organization,
                        date=transfer.date,
                    )
                )
            else:
                transfer.member_id = Member.create(
                    {
                        "name": transfer.member_name,
                        "id_number": transfer.member_id_number,
                        "status": transfer.member_status,
                        "date_join": transfer.member_date_join,
                        "organization_id": transfer.organization_to_id.id,
                    }
                )
            transfer.write({"state": "approved", "approver_id": self.env.uid})
        return True

    def action_refuse(self):
        self._check_state(("submitted",))
        self._check_approver()
        self.sudo().write({"state": "refused", "approver_id": self.env.uid})
        return True

    def action_reset(self):
        self._check_state(("refused",))
        self.write({"state": "draft"})
        return True
