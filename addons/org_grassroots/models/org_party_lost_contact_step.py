from odoo import api, fields, models


class OrgPartyLostContactStep(models.Model):
    """One step of the search for a lost member (通过各种方式查找): when, how, by whom, and what
    came of it."""

    _name = "org.party.lost.contact.step"
    _description = "Lost Contact Search Step"
    _inherit = ["org.party.scope.mixin"]
    _order = "date desc, id desc"

    lost_contact_id = fields.Many2one("org.party.lost.contact", required=True, index=True, ondelete="cascade")
    member_id = fields.Many2one(related="lost_contact_id.member_id", store=True, index=True)
    organization_id = fields.Many2one(related="lost_contact_id.organization_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    method_id = fields.Many2one(
        "org.dictionary.item",
        required=True,
        domain=[("dictionary_code", "=", "lost_contact_method")],
    )
    result = fields.Text(help="What the step found.")
    user_id = fields.Many2one(
        "res.users", string="Recorded By", default=lambda self: self.env.user, readonly=True
    )

    @api.constrains("date", "lost_contact_id")
    def _check_org_rules(self):
        self.sudo()._org_check_rules()

    def _org_rule_messages(self):
        messages = super()._org_rule_messages()
        today = self.env.company._org_office_today()
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
        lost = self.lost_contact_id.date_lost
        if self.date and lost and self.date < lost:
            messages.append(
                (
                    ("date",),
                    self.env._(
                        "a search step on %(date)s, before contact was lost on %(lost)s.",
                        date=self.date,
                        lost=lost,
                    ),
                )
            )
        return messages

    def _org_rule_record_name(self, record):
        return record.lost_contact_id.member_id.name or super()._org_rule_record_name(record)
