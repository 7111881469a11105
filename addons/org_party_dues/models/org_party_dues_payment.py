from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.dues import allocate_fen, to_fen, to_yuan
from .org_party_dues_line import PAYMENT_WAYS


class OrgPartyDuesPayment(models.Model):
    """A payment of dues (a bank statement row, or a sum handed in): on creation it pays the
    member's unpaid months, oldest first, whole months only; what is left over is kept as the
    payment's unallocated amount (自愿多交, or ahead of months not yet due).

    The bank statement import (roster 党费银行流水) creates payments keyed on member, date and
    amount: importing the same statement twice pays nothing twice."""

    _name = "org.party.dues.payment"
    _description = "Party Dues Payment"
    _inherit = ["org.party.scope.mixin"]
    _order = "date desc, id desc"
    _rec_names_search = ["member_id", "reference"]

    member_id = fields.Many2one("org.party.member", required=True, index=True, ondelete="restrict")
    organization_id = fields.Many2one(related="member_id.organization_id", store=True, index=True)
    date = fields.Date(required=True, default=lambda self: self.env.company._org_office_today())
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id, required=True
    )
    amount = fields.Monetary(required=True)
    payment_way = fields.Selection(PAYMENT_WAYS, string="Paid By", required=True, default="bank")
    reference = fields.Char(help="The bank statement's reference (流水号) or a receipt number.")
    line_ids = fields.One2many("org.party.dues.line", "payment_id", string="Months Paid", readonly=True)
    amount_allocated = fields.Monetary(compute="_compute_allocation", store=True)
    amount_unallocated = fields.Monetary(
        string="Left Over",
        compute="_compute_allocation",
        store=True,
        help="What paid no whole month: paid of the member's own will, or ahead.",
    )

    @api.depends("member_id", "date", "amount")
    def _compute_display_name(self):
        for payment in self:
            payment.display_name = f"{payment.member_id.name or ''} {payment.date or ''} {payment.amount:.2f}"

    @api.depends("amount", "line_ids.amount")
    def _compute_allocation(self):
        for payment in self:
            allocated = sum(to_fen(line.amount) for line in payment.line_ids)
            payment.amount_allocated = to_yuan(allocated)
            payment.amount_unallocated = to_yuan(to_fen(payment.amount) - allocated)

    @api.constrains("amount", "date")
    def _check_org_rules(self):
        self._org_check_rules()

    def _org_rule_messages(self):
        messages = super()._org_rule_messages()
        today = self.env.company._org_office_today()
        if to_fen(self.amount) <= 0:
            messages.append(
                (("amount",), self.env._("the amount %(amount)s is not above zero.", amount=self.amount))
            )
        if self.date and self.date > today:
            messages.append(
                (
                    ("date",),
                    self.env._(
                        "the payment date %(date)s is in the future (today is %(today)s).",
                        date=self.date,
                        today=today,
                    ),
                )
            )
        return messages

    @api.model_create_multi
    def create(self, vals_list):
        payments = super().create(vals_list)
        payments._org_allocate()
        return payments

    def write(self, vals):
        if {"member_id", "amount"} & set(vals) and self.filtered("line_ids"):
            raise UserError(
                self.env._(
                    "%(payments)s already paid months: delete the payment and enter it again.",
                    payments="、".join(self.filtered("line_ids").mapped("display_name")),
                )
            )
        return super().write(vals)

    def unlink(self):
        self.line_ids.action_mark_unpaid()
        return super().unlink()

    @api.model
    def _org_open_lines(self, member_ids):
        """``{member id: [(line id, fen)]}``: the unpaid lines, oldest month first (one search)."""
        open_lines = defaultdict(list)
        lines = (
            self.env["org.party.dues.line"]
            .sudo()
            .search([("member_id", "in", list(member_ids)), ("date_paid", "=", False)], order="month, id")
        )
        for line in lines:
            open_lines[line.member_id.id].append((line.id, to_fen(line.amount)))
        return open_lines

    def _org_allocate(self):
        """Pay the members' unpaid months with the payments, each member's payments by date."""
        open_lines = self._org_open_lines(self.member_id.ids)
        Line = self.env["org.party.dues.line"].sudo()
        for payment in self.sorted(lambda p: (p.date, p.id)):
            lines = open_lines[payment.member_id.id]
            paid, _left = allocate_fen(to_fen(payment.amount), lines)
            open_lines[payment.member_id.id] = lines[len(paid) :]
            if paid:
                Line.browse(paid).write(
                    {"date_paid": payment.date, "payment_way": payment.payment_way, "payment_id": payment.id}
                )

    # The bank statement import (org_roster)

    @api.model
    def _org_roster_prepare_values(self, rows, wizard):
        """Each statement row must pay at least one unpaid month of its member; a row that pays
        none (no unpaid month, or less than the oldest one) is refused with its row number.
        Rows already imported (same member, date and amount) are left to the roster's update."""
        refused = super()._org_roster_prepare_values(rows, wizard)
        member_ids = {vals.get("member_id") for _number, vals in rows if vals.get("member_id")}
        if not member_ids:
            return refused
        existing = {
            (payment.member_id.id, payment.date, to_fen(payment.amount))
            for payment in self.sudo().search([("member_id", "in", list(member_ids))])
        }
        open_lines = self._org_open_lines(member_ids)
        names = {member.id: member.name for member in self.env["org.party.member"].sudo().browse(member_ids)}
        for number, vals in sorted(rows, key=lambda row: (str(row[1].get("date") or ""), row[0])):
            member_id = vals.get("member_id")
            if not member_id:
                continue
            date = fields.Date.to_date(vals.get("date"))
            amount_fen = to_fen(vals.get("amount"))
            if (member_id, date, amount_fen) in existing:
                continue
            lines = open_lines[member_id]
            paid, _left = allocate_fen(amount_fen, lines)
            if not paid:
                refused.append(
                    (
                        number,
                        self.env._(
                            "Row %(row)s: %(member)s has no unpaid month that %(amount)s pays (oldest "
                            "unpaid: %(oldest)s).",
                            row=number,
                            member=names[member_id],
                            amount=to_yuan(amount_fen),
                            oldest=to_yuan(lines[0][1]) if lines else self.env._("none"),
                        ),
                    )
                )
            open_lines[member_id] = lines[len(paid) :]
        return refused
