from odoo import api, fields, models

from ..tools.dues import to_fen
from .org_party_dues_line import month_label, month_start


class OrgPartyDuesRemittance(models.Model):
    """上缴: what an organization passed up to the higher committee, one record per organization
    and month. An organization passes up no more than it has collected and not yet passed up."""

    _name = "org.party.dues.remittance"
    _description = "Party Dues Remittance"
    _inherit = ["mail.thread", "org.party.scope.mixin"]
    _order = "month desc, organization_id"

    organization_id = fields.Many2one(
        "org.party.organization", string="Party Organization", required=True, index=True, ondelete="restrict"
    )
    to_organization_id = fields.Many2one(
        "org.party.organization",
        string="Passed Up To",
        compute="_compute_to_organization_id",
        store=True,
        readonly=False,
        ondelete="restrict",
    )
    month = fields.Date(
        required=True,
        default=lambda self: month_start(self.env.company._org_office_today()),
        help="The first day of the month whose dues are passed up.",
    )
    date = fields.Date(
        string="Passed Up On", required=True, default=lambda self: self.env.company._org_office_today()
    )
    month_label = fields.Char(string="Month of the Dues", compute="_compute_month_label")
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id, required=True
    )
    amount = fields.Monetary(required=True, tracking=True)
    note = fields.Char()

    _sql_constraints = [
        (
            "organization_month_uniq",
            "unique(organization_id, month)",
            "An organization has one remittance per month.",
        ),
    ]

    @api.depends("month")
    def _compute_month_label(self):
        for record in self:
            record.month_label = month_label(record.month)

    @api.depends("organization_id", "month")
    def _compute_display_name(self):
        for remittance in self:
            remittance.display_name = (
                f"{remittance.organization_id.name or ''} {month_label(remittance.month) or ''}"
            )

    @api.depends("organization_id")
    def _compute_to_organization_id(self):
        for remittance in self:
            remittance.to_organization_id = remittance.organization_id.parent_id

    @api.constrains("organization_id", "month", "date", "amount")
    def _check_org_rules(self):
        self._org_check_rules()

    def _org_collected_fen(self):
        """What the organization collected up to the end of the month (by payment date), and
        what it passed up up to that month, other than this record: two read_groups."""
        end = month_start(self.month).replace(day=28)
        end = fields.Date.end_of(end, "month")
        collected = (
            self.env["org.party.dues.line"]
            .sudo()
            ._read_group(
                [("organization_id", "=", self.organization_id.id), ("date_paid", "<=", end)],
                [],
                ["amount:sum"],
            )[0][0]
        )
        domain = [("organization_id", "=", self.organization_id.id), ("month", "<=", self.month)]
        if self._origin.id:
            domain.append(("id", "!=", self._origin.id))
        passed = self.sudo()._read_group(domain, [], ["amount:sum"])[0][0]
        return to_fen(collected), to_fen(passed)

    def _org_rule_messages(self):
        """中组发〔2008〕3号: dues are passed up level by level (README › Rules)."""
        messages = super()._org_rule_messages()
        today = self.env.company._org_office_today()
        if to_fen(self.amount) <= 0:
            messages.append(
                (("amount",), self.env._("the amount %(amount)s is not above zero.", amount=self.amount))
            )
        if self.month and self.month.day != 1:
            messages.append(
                (
                    ("month",),
                    self.env._("the month %(month)s is not the first day of a month.", month=self.month),
                )
            )
        if self.date and self.date > today:
            messages.append(
                (
                    ("date",),
                    self.env._(
                        "the date %(date)s is in the future (today is %(today)s).",
                        date=self.date,
                        today=today,
                    ),
                )
            )
        if self.date and self.month and self.date < self.month:
            messages.append(
                (
                    ("month", "date"),
                    self.env._(
                        "passed up on %(date)s, before the month %(month)s begins.",
                        date=self.date,
                        month=self.month,
                    ),
                )
            )
        if self.organization_id and self.month and to_fen(self.amount) > 0:
            collected, passed = self._org_collected_fen()
            if passed + to_fen(self.amount) > collected:
                messages.append(
                    (
                        ("amount",),
                        self.env._(
                            "passing up %(amount)s leaves more passed up (%(passed)s before) than collected "
                            "by the end of the month (%(collected)s).",
                            amount=self.amount,
                            passed=passed / 100,
                            collected=collected / 100,
                        ),
                    )
                )
        return messages
