from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OrgTalentPolicyItem(models.Model):
    """One benefit of a talent policy (政策条款): its kind, amount and caps, who may claim it
    and what documents a claim needs."""

    _name = "org.talent.policy.item"
    _description = "Talent Policy Item"
    _inherit = ["mail.thread"]
    _order = "policy_id, sequence, id"

    policy_id = fields.Many2one("org.talent.policy", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    kind = fields.Selection(
        [
            ("settlement", "Settlement Subsidy"),
            ("project", "Project Funding"),
            ("salary", "Salary Subsidy"),
            ("housing", "Rental Housing"),
            ("schooling", "Children's Schooling"),
            ("spouse", "Spouse Employment"),
            ("medical", "Medical Care"),
            ("other", "Other"),
        ],
        string="Benefit Type",
        required=True,
        default="settlement",
        tracking=True,
    )
    period = fields.Selection(
        [("once", "Once"), ("year", "Every Year")],
        string="Claimable",
        required=True,
        default="once",
        tracking=True,
        help="Once: a talent claims the item once while the policy is valid. Every year: once per year.",
    )
    company_id = fields.Many2one(related="policy_id.company_id", store=True)
    currency_id = fields.Many2one(related="policy_id.currency_id")
    amount_max = fields.Monetary(
        string="Amount or Cap per Claim",
        tracking=True,
        help="The most one claim may ask for; 0 for a benefit in kind (a school place, a job).",
    )
    talent_cap_amount = fields.Monetary(
        string="Cap per Talent",
        tracking=True,
        help="The most one talent may receive from this item over all periods; 0: no cap.",
    )
    tier_ids = fields.Many2many(
        "org.talent.tier",
        string="Eligible Tiers",
        help="Talents of these tiers may claim the item; empty: every tier.",
    )
    date_start = fields.Date(string="Valid From", help="Empty: from the start of the policy.")
    date_end = fields.Date(string="Valid Until", help="Empty: until the end of the policy.")
    checklist_template_id = fields.Many2one(
        "org.checklist.template",
        string="Required Documents",
        domain=[("model", "in", (False, "org.talent.application"))],
        help="Documents a claim must provide; the policy's when empty.",
    )
    description = fields.Text(string="Rules")

    @api.depends("policy_id.name", "name")
    def _compute_display_name(self):
        for item in self:
            item.display_name = f"{item.policy_id.name} · {item.name}" if item.policy_id else item.name

    @api.constrains("amount_max", "talent_cap_amount", "date_start", "date_end")
    def _check_values(self):
        for item in self:
            if item.amount_max < 0 or item.talent_cap_amount < 0:
                raise ValidationError(
                    self.env._("Policy item %(item)s: amounts and caps cannot be negative.", item=item.name)
                )
            if item.date_start and item.date_end and item.date_end < item.date_start:
                raise ValidationError(
                    self.env._("Policy item %(item)s: it cannot end before it starts.", item=item.name)
                )

    def _validity(self):
        """``(first day, last day or None)`` on which a claim of the item may be filed."""
        self.ensure_one()
        start = max(filter(None, [self.date_start, self.policy_id.date_start]))
        ends = [date for date in (self.date_end, self.policy_id.date_end) if date]
        return start, min(ends) if ends else None

    def _required_documents(self):
        self.ensure_one()
        return self.checklist_template_id or self.policy_id.checklist_template_id
