from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OrgTalentPolicy(models.Model):
    """A talent policy (人才政策), e.g. 《人才强区战略3.0》"黄金十条", and its items."""

    _name = "org.talent.policy"
    _description = "Talent Policy"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(help="Document number or short key, e.g. 武经开〔2023〕1号.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    issuer = fields.Char(help="The body that issued the policy.")
    date_start = fields.Date(string="Valid From", required=True, tracking=True)
    date_end = fields.Date(string="Valid Until", tracking=True, help="Empty: valid until repealed.")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    talent_cap_amount = fields.Monetary(
        string="Cap per Talent",
        tracking=True,
        help="The most one talent may receive from all items of this policy together; 0: no cap.",
    )
    review_days = fields.Integer(
        string="Review Time Limit (days)",
        default=15,
        tracking=True,
        help="A claim that waits longer than this in one review step is reminded to its officer.",
    )
    checklist_template_id = fields.Many2one(
        "org.checklist.template",
        string="Required Documents",
        domain=[("model", "in", (False, "org.talent.application"))],
        help="Documents every claim under this policy must provide, unless its item names its own.",
    )
    description = fields.Html()
    item_ids = fields.One2many("org.talent.policy.item", "policy_id", string="Items", copy=True)
    item_count = fields.Integer(compute="_compute_item_count")

    @api.depends("item_ids")
    def _compute_item_count(self):
        for policy in self:
            policy.item_count = len(policy.item_ids)

    @api.constrains("date_start", "date_end", "review_days", "talent_cap_amount")
    def _check_values(self):
        for policy in self:
            if policy.date_end and policy.date_end < policy.date_start:
                raise ValidationError(
                    self.env._("Policy %(policy)s: it cannot end before it starts.", policy=policy.name)
                )
            if policy.review_days <= 0:
                raise ValidationError(
                    self.env._(
                        "Policy %(policy)s: the review time limit must be at least one day.",
                        policy=policy.name,
                    )
                )
            if policy.talent_cap_amount < 0:
                raise ValidationError(
                    self.env._(
                        "Policy %(policy)s: the cap per talent cannot be negative.", policy=policy.name
                    )
                )
