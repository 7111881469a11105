from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    org_talent_sod_review = fields.Boolean(related="company_id.org_talent_sod_review", readonly=False)
    org_talent_sod_second_review = fields.Boolean(
        related="company_id.org_talent_sod_second_review", readonly=False
    )
    org_talent_sod_approve = fields.Boolean(related="company_id.org_talent_sod_approve", readonly=False)
    org_talent_sod_pay = fields.Boolean(related="company_id.org_talent_sod_pay", readonly=False)
    org_talent_notice_days = fields.Integer(related="company_id.org_talent_notice_days", readonly=False)
