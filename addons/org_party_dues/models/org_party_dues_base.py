from odoo import api, fields, models

from ..tools.dues import to_fen, to_yuan

#: The 2008 rules (中组发〔2008〕3号) took effect on 1 April 2008: no base before that year.
FIRST_YEAR = 2008


class OrgPartyDuesBase(models.Model):
    """A member's dues base of a year (党费交纳基数): declared once a year from the previous
    year's average monthly income after tax (or the pension for retirees), with the fixed amount
    of the fixed categories and a higher amount the member pays of their own will.

    Personal data (the income): officers and the secretary of the member's subtree only (ACL
    and record rules); leaders read the ledger's totals, not this."""

    _name = "org.party.dues.base"
    _description = "Party Dues Base of a Year"
    _inherit = ["org.party.scope.mixin"]
    _order = "year desc, member_id"
    _rec_names_search = ["member_id"]

    member_id = fields.Many2one("org.party.member", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(related="member_id.organization_id", store=True, index=True)
    category_id = fields.Many2one(related="member_id.dues_category_id", string="Dues Category")
    year = fields.Integer(required=True, default=lambda self: self.env.company._org_office_today().year)
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id, required=True
    )
    income = fields.Monetary(
        string="Monthly Income",
        help="The previous year's average monthly income after tax (离退休: the pension), the base "
        "of the categories by income.",
    )
    fixed_amount = fields.Monetary(
        help="The monthly amount of a fixed category (农民 0.2–1 元), within the category's range; "
        "empty: the category's smallest.",
    )
    voluntary_amount = fields.Monetary(
        help="A higher monthly amount the member pays of their own will (自愿多交), set by the branch.",
    )
    amount_standard = fields.Monetary(string="Standard Monthly Dues", compute="_compute_amounts", store=True)
    amount = fields.Monetary(
        string="Monthly Amount",
        compute="_compute_amounts",
        store=True,
        help="The standard amount, or the voluntary amount where higher.",
    )

    _sql_constraints = [
        ("member_year_uniq", "unique(member_id, year)", "A member has one dues base per year."),
    ]

    @api.depends("member_id", "year")
    def _compute_display_name(self):
        for base in self:
            base.display_name = f"{base.member_id.name or ''} {base.year}"

    @api.depends("member_id.dues_category_id", "income", "fixed_amount", "voluntary_amount")
    def _compute_amounts(self):
        for base in self:
            category = base.member_id.sudo().dues_category_id
            standard = category._org_standard_fen(base.income, base.fixed_amount) if category else 0
            base.amount_standard = to_yuan(standard)
            base.amount = to_yuan(max(standard, to_fen(base.voluntary_amount)))

    @api.constrains("year", "income", "fixed_amount", "voluntary_amount", "member_id")
    def _check_org_rules(self):
        self._org_check_rules()

    def _org_rule_messages(self):
        """中组发〔2008〕3号 (README › Rules)."""
        messages = super()._org_rule_messages()
        next_year = self.env.company._org_office_today().year + 1
        if self.year and not FIRST_YEAR <= self.year <= next_year:
            messages.append(
                (
                    ("year",),
                    self.env._(
                        "the year %(year)s is not between %(first)s (the 2008 rules) and %(last)s.",
                        year=self.year,
                        first=FIRST_YEAR,
                        last=next_year,
                    ),
                )
            )
        category = self.member_id.dues_category_id
        if self.member_id and not category:
            messages.append(
                (("member_id",), self.env._("the member has no dues category: set it on the member first."))
            )
        elif category.basis == "income" and to_fen(self.income) <= 0:
            messages.append(
                (
                    ("income",),
                    self.env._(
                        "the category %(category)s is a percentage of the monthly income: the income "
                        "is needed (%(income)s).",
                        category=category.name,
                        income=self.income,
                    ),
                )
            )
        elif (
            category.basis == "fixed"
            and self.fixed_amount
            and not (to_fen(category.fixed_min) <= to_fen(self.fixed_amount) <= to_fen(category.fixed_max))
        ):
            messages.append(
                (
                    ("fixed_amount",),
                    self.env._(
                        "the fixed amount %(amount)s is outside the category %(category)s's range "
                        "%(low)s–%(high)s.",
                        amount=self.fixed_amount,
                        category=category.name,
                        low=category.fixed_min,
                        high=category.fixed_max,
                    ),
                )
            )
        if self.voluntary_amount and to_fen(self.voluntary_amount) <= to_fen(self.amount_standard):
            messages.append(
                (
                    ("voluntary_amount",),
                    self.env._(
                        "the voluntary amount %(amount)s is not above the standard amount %(standard)s: "
                        "a member may pay more, not less (paying less needs the higher committee's "
                        "approval).",
                        amount=self.voluntary_amount,
                        standard=self.amount_standard,
                    ),
                )
            )
        if self.income < 0 or self.fixed_amount < 0:
            messages.append((("income", "fixed_amount"), self.env._("an amount is negative.")))
        return messages
