from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Separation of duties on policy claims (政策兑现): which steps must be done by different
    # people. Each step is compared with the earlier steps its setting names.
    org_talent_sod_review = fields.Boolean(
        string="Reviewers differ from the receiver",
        default=True,
        help="The first and second reviews are not done by who received (submitted) the claim.",
    )
    org_talent_sod_second_review = fields.Boolean(
        string="Second reviewer differs from the first",
        default=False,
        help="The second review is not done by the first reviewer.",
    )
    org_talent_sod_approve = fields.Boolean(
        string="Approver differs from receiver and reviewers",
        default=True,
        help="The claim is not approved by who received or reviewed it.",
    )
    org_talent_sod_pay = fields.Boolean(
        string="Payer differs from everyone before",
        default=True,
        help="The payment is not confirmed by who received, reviewed or approved the claim.",
    )

    # 公示 of policy claims: how long, in working days of the company's working calendar.
    org_talent_notice_days = fields.Integer(
        string="Public notice (working days)",
        default=5,
        help="How many working days the public notice (公示) of a claim lasts, counted on the "
        "company's working calendar (weekends and its public holidays excluded); the claim is "
        "approved once it is over.",
    )
