from odoo import api, fields, models

from ..tools.dues import monthly_dues_fen, to_fen


class OrgPartyDuesCategory(models.Model):
    """A dues category (党费交纳类别): a percentage of the monthly income by bracket (在职,
    离退休) or a fixed monthly amount within a range (农民, 学生, 下岗失业, 低保). Data: the
    2008 rules ship as records that configurators may change when the rules change."""

    _name = "org.party.dues.category"
    _description = "Party Dues Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="A stable code for data and imports.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    basis = fields.Selection(
        [("income", "Percentage of Monthly Income"), ("fixed", "Fixed Monthly Amount")],
        required=True,
        default="income",
    )
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id, required=True
    )
    fixed_min = fields.Monetary(string="Fixed Amount From", help="The smallest fixed monthly amount.")
    fixed_max = fields.Monetary(string="Fixed Amount To", help="The largest fixed monthly amount.")
    bracket_ids = fields.One2many("org.party.dues.bracket", "category_id", string="Income Brackets")
    source = fields.Char(help="The regulation and article the category comes from.")

    _sql_constraints = [("code_uniq", "unique(code)", "Another dues category has this code.")]

    @api.constrains("basis", "fixed_min", "fixed_max")
    def _check_org_rules(self):
        self._org_check_rules()

    def _org_rule_messages(self):
        messages = super()._org_rule_messages()
        if self.basis == "fixed":
            low, high = to_fen(self.fixed_min), to_fen(self.fixed_max)
            if low <= 0 or high < low:
                messages.append(
                    (
                        ("fixed_min", "fixed_max"),
                        self.env._(
                            "a fixed amount runs from %(low)s to %(high)s: both above zero, the "
                            "first not above the second.",
                            low=self.fixed_min,
                            high=self.fixed_max,
                        ),
                    )
                )
        return messages

    def _org_brackets(self):
        """``[(upper bound in fen or None, rate)]`` of the category, for tools.dues."""
        self.ensure_one()
        return [(to_fen(b.income_up_to) or None, b.rate) for b in self.bracket_ids]

    def _org_standard_fen(self, income, fixed_amount=0.0):
        """The standard monthly dues in fen of a member of this category: the bracket's rate of
        ``income`` or the fixed amount (the category's smallest when none is given)."""
        self.ensure_one()
        if self.basis == "fixed":
            return to_fen(fixed_amount) or to_fen(self.fixed_min)
        return monthly_dues_fen(to_fen(income), self._org_brackets())


class OrgPartyDuesBracket(models.Model):
    """An income bracket of a category: up to an amount (inclusive), a rate in percent."""

    _name = "org.party.dues.bracket"
    _description = "Party Dues Income Bracket"
    _order = "category_id, income_up_to_sort, id"

    category_id = fields.Many2one("org.party.dues.category", required=True, ondelete="cascade", index=True)
    currency_id = fields.Many2one(related="category_id.currency_id")
    income_up_to = fields.Monetary(
        string="Monthly Income up to",
        help="The bracket's upper bound, included (“3000元以下（含3000元）”); empty: no upper bound.",
    )
    income_up_to_sort = fields.Float(compute="_compute_income_up_to_sort", store=True)
    rate = fields.Float(string="Rate (%)", digits=(5, 2), required=True)

    @api.depends("income_up_to")
    def _compute_income_up_to_sort(self):
        for bracket in self:
            bracket.income_up_to_sort = bracket.income_up_to or 1e15

    @api.constrains("rate", "income_up_to")
    def _check_org_rules(self):
        self._org_check_rules()

    def _org_rule_messages(self):
        messages = super()._org_rule_messages()
        if self.rate <= 0 or self.rate > 100:
            messages.append(
                (("rate",), self.env._("the rate %(rate)s %% is not between 0 and 100.", rate=self.rate))
            )
        if self.income_up_to < 0:
            messages.append(
                (
                    ("income_up_to",),
                    self.env._("the upper bound %(amount)s is negative.", amount=self.income_up_to),
                )
            )
        return messages
