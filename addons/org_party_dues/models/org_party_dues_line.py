from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.org_base.tools.cron import BATCH_SIZE

from ..tools.dues import to_fen

PAYMENT_WAYS = [
    ("cash", "Cash"),
    ("bank", "Bank Transfer"),
    ("wechat", "WeChat Pay"),
    ("alipay", "Alipay"),
    ("payroll", "Payroll Deduction"),
    ("other", "Other"),
]


def month_start(day):
    return day.replace(day=1)


def month_label(day):
    """The month of ``day`` as the office writes it: 2025-04 (False for no date)."""
    return day and f"{day.year}-{day.month:02d}"


class OrgPartyDuesLine(models.Model):
    """A member's dues of one month (党费明细): created by the monthly cron from the member's base
    of the year, paid one by one (date and way) or by a payment (bank statement import).

    The organization is the member's when the line is made: the branch that collects it."""

    _name = "org.party.dues.line"
    _description = "Party Dues of a Month"
    _inherit = ["org.party.scope.mixin"]
    _order = "month desc, organization_id, member_id"
    _rec_names_search = ["member_id"]

    member_id = fields.Many2one("org.party.member", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(
        "org.party.organization",
        string="Party Organization",
        compute="_compute_organization_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        ondelete="restrict",
        help="The organization that collects the dues: the member's when the line is made.",
    )
    month = fields.Date(required=True, index=True, help="The first day of the month the dues are of.")
    month_label = fields.Char(string="Month of the Dues", compute="_compute_month_label")
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id, required=True
    )
    amount = fields.Monetary(required=True)
    date_paid = fields.Date(string="Paid On", index=True)
    payment_way = fields.Selection(PAYMENT_WAYS, string="Paid By")
    payment_id = fields.Many2one("org.party.dues.payment", index=True, ondelete="set null", readonly=True)
    state = fields.Selection(
        [("unpaid", "Unpaid"), ("paid", "Paid")], compute="_compute_state", store=True, index=True
    )

    _sql_constraints = [
        ("member_month_uniq", "unique(member_id, month)", "A member has one dues line per month."),
    ]

    @api.depends("member_id")
    def _compute_organization_id(self):
        # on the member only: a line stays with the organization that collects it when the
        # member moves on
        for line in self:
            line.organization_id = line.member_id.organization_id

    @api.depends("month")
    def _compute_month_label(self):
        for record in self:
            record.month_label = month_label(record.month)

    @api.depends("member_id", "month")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.member_id.name or ''} {month_label(line.month) or ''}"

    @api.depends("date_paid")
    def _compute_state(self):
        for line in self:
            line.state = "paid" if line.date_paid else "unpaid"

    @api.constrains("month", "amount", "date_paid", "payment_way")
    def _check_org_rules(self):
        self._org_check_rules()

    def _org_rule_messages(self):
        """中组发〔2008〕3号: monthly dues, paid at a date and in a way (README › Rules)."""
        messages = super()._org_rule_messages()
        today = self.env.company._org_office_today()
        if self.month and self.month.day != 1:
            messages.append(
                (
                    ("month",),
                    self.env._("the month %(month)s is not the first day of a month.", month=self.month),
                )
            )
        if to_fen(self.amount) <= 0:
            messages.append(
                (("amount",), self.env._("the amount %(amount)s is not above zero.", amount=self.amount))
            )
        if self.date_paid and self.date_paid > today:
            messages.append(
                (
                    ("date_paid",),
                    self.env._(
                        "the payment date %(date)s is in the future (today is %(today)s).",
                        date=self.date_paid,
                        today=today,
                    ),
                )
            )
        if self.date_paid and not self.payment_way:
            messages.append(
                (("payment_way",), self.env._("paid on %(date)s, but how is not said.", date=self.date_paid))
            )
        if self.payment_way and not self.date_paid:
            messages.append(
                (("date_paid",), self.env._("a way of payment is given without the payment date."))
            )
        return messages

    def write(self, vals):
        if "amount" in vals or "member_id" in vals or "month" in vals:
            paid = self.filtered("date_paid")
            if paid:
                raise UserError(
                    self.env._(
                        "%(lines)s: paid dues keep their member, month and amount; mark them unpaid first.",
                        lines="、".join(paid.mapped("display_name")),
                    )
                )
        result = super().write(vals)
        if vals.get("date_paid"):
            self.member_id._org_dues_close_reminders()
        return result

    def action_mark_paid(self):
        """交纳: the lines are paid today in cash unless the form says otherwise."""
        today = self.env.company._org_office_today()
        for line in self.filtered(lambda line: not line.date_paid):
            line.write({"date_paid": today, "payment_way": line.payment_way or "cash"})
        return True

    def action_mark_unpaid(self):
        self.write({"date_paid": False, "payment_way": False, "payment_id": False})
        return True

    # The monthly run

    @api.model
    def _org_liable_member_domain(self, month):
        """The members who owe dues for ``month``: active (a member transferred out is archived),
        admitted by then (预备党员 pay from the day the branch meeting admitted them), with a dues
        category, in normal standing (a member whose 党籍 is suspended owes nothing; 出党 and 死亡
        archive the member)."""
        next_month = month + relativedelta(months=1)
        return [
            ("active", "=", True),
            # 停止党籍: no dues while suspended (出党 and 死亡 archive the member)
            ("standing", "=", "normal"),
            ("dues_category_id", "!=", False),
            "|",
            ("date_join", "=", False),
            ("date_join", "<", next_month),
        ]

    @api.model
    def _cron_create_monthly_lines(self, month=None, remind=True, batch_size=BATCH_SIZE):
        """Create the dues lines of ``month`` (the office's current month by default): one per
        liable member, from the base of the month's year (the category's smallest amount for a
        fixed category without one; a member of an income category without a base is left out
        until the base is declared). Idempotent: a member who has the month's line gets none.
        Batched (org_base/tools/cron.py): a run makes the lines of ``batch_size`` members (one
        search for them, one for their bases, one ``create``) and tells the cron worker whether
        members wait; it runs again until none do (``batch_size=None``: all at once). ``remind``:
        each run also reminds the secretaries of a batch of arrears
        (``_org_dues_remind_arrears``). Returns the lines made."""
        month = month_start(fields.Date.to_date(month) or self.env.company._org_office_today())
        Member = self.env["org.party.member"].sudo()
        found = Member.search(
            self._org_liable_member_domain(month)
            + [
                ("dues_line_ids", "not any", [("month", "=", month)]),
                # an income category's member pays once the year's base is declared
                "|",
                ("dues_category_id.basis", "=", "fixed"),
                ("dues_base_ids", "any", [("year", "=", month.year)]),
            ],
            limit=batch_size and batch_size + 1,
            order="id",
        )
        members = found[:batch_size]
        bases = {
            base.member_id.id: base
            for base in self.env["org.party.dues.base"]
            .sudo()
            .search([("year", "=", month.year), ("member_id", "in", members.ids)])
        }
        vals_list = []
        for member in members:
            base = bases.get(member.id)
            vals_list.append(
                {
                    "member_id": member.id,
                    "organization_id": member.organization_id.id,
                    "month": month,
                    "amount": base.amount if base else member.dues_category_id.fixed_min,
                }
            )
        lines = self.sudo().create(vals_list)
        done, remaining = len(members), len(found) - len(members)
        if remind:
            reminded, waiting = self.env["org.party.member"]._org_dues_remind_arrears(batch_size=batch_size)
            done, remaining = done + reminded, remaining + waiting
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return lines
