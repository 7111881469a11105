from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cadre_publicity_days = fields.Integer(related="company_id.cadre_publicity_days", readonly=False)
    cadre_probation_months = fields.Integer(related="company_id.cadre_probation_months", readonly=False)
    cadre_inquiry_reply_days = fields.Integer(related="company_id.cadre_inquiry_reply_days", readonly=False)
    cadre_reminder_effect_months = fields.Integer(
        related="company_id.cadre_reminder_effect_months", readonly=False
    )
    cadre_inquiry_effect_months = fields.Integer(
        related="company_id.cadre_inquiry_effect_months", readonly=False
    )
    cadre_admonishment_effect_months = fields.Integer(
        related="company_id.cadre_admonishment_effect_months", readonly=False
    )
    cadre_excellent_quota = fields.Float(related="company_id.cadre_excellent_quota", readonly=False)
    cadre_excellent_ceiling = fields.Float(related="company_id.cadre_excellent_ceiling", readonly=False)
    cadre_excellent_rounding = fields.Selection(related="company_id.cadre_excellent_rounding", readonly=False)
    cadre_excellent_min_group = fields.Integer(related="company_id.cadre_excellent_min_group", readonly=False)
    cadre_min_work_age = fields.Integer(related="company_id.cadre_min_work_age", readonly=False)
    cadre_min_party_age = fields.Integer(related="company_id.cadre_min_party_age", readonly=False)
    cadre_yellow_light_correction_days = fields.Integer(
        related="company_id.cadre_yellow_light_correction_days", readonly=False
    )
    cadre_yellow_light_threshold = fields.Integer(
        related="company_id.cadre_yellow_light_threshold", readonly=False
    )
    cadre_yellow_light_window_months = fields.Integer(
        related="company_id.cadre_yellow_light_window_months", readonly=False
    )
