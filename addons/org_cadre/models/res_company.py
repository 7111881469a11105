import datetime

import pytz

from odoo import fields, models

# How a share of the assessed becomes a number of people (优秀 quota): unit policy, data.
EXCELLENT_ROUNDING = [
    ("floor", "Round Down"),
    ("half_up", "Round Half Up"),
    ("ceil", "Round Up"),
]


class ResCompany(models.Model):
    """The cadre rules of a unit (DOMAIN.md defaults), editable in the settings."""

    _inherit = "res.company"

    cadre_publicity_days = fields.Integer(string="Publicity (working days)", default=5)
    cadre_probation_months = fields.Integer(string="Probation (months)", default=12)
    cadre_inquiry_reply_days = fields.Integer(string="Inquiry Reply (working days)", default=15)
    cadre_reminder_effect_months = fields.Integer(string="Reminder Talk Effect (months)", default=0)
    cadre_inquiry_effect_months = fields.Integer(string="Inquiry Effect (months)", default=0)
    cadre_admonishment_effect_months = fields.Integer(string="Admonishment Effect (months)", default=6)
    cadre_excellent_quota = fields.Float(string="Excellent Quota (%)", default=20.0)
    cadre_excellent_ceiling = fields.Float(
        string="Excellent Ceiling (%)",
        default=25.0,
        help="No quota and no rounding gives more than this share of a cycle's assessed cadres "
        "the grade Excellent.",
    )
    cadre_excellent_rounding = fields.Selection(
        EXCELLENT_ROUNDING, string="Excellent Quota Rounding", default="floor", required=True
    )
    cadre_excellent_min_group = fields.Integer(
        string="Smallest Category with its Own Quota",
        default=5,
        help="A category with fewer cadres assessed in a cycle shares one quota, computed on the "
        "default share, with the cycle's other small categories.",
    )
    cadre_min_work_age = fields.Integer(string="Minimum Age at Start of Work", default=16)
    cadre_min_party_age = fields.Integer(string="Minimum Age on Joining the Party", default=18)
    cadre_yellow_light_correction_days = fields.Integer(string="Yellow Light Correction (days)", default=90)
    cadre_yellow_light_threshold = fields.Integer(
        string="Yellow Lights Before an Adjustment Suggestion", default=2
    )
    cadre_yellow_light_window_months = fields.Integer(string="Yellow Light Window (months)", default=12)

    def _cadre_add_working_days(self, date, days):
        """The date of the ``days``-th working day from ``date`` (counted if it is one), on the
        company's working calendar with its public holidays."""
        self.ensure_one()
        calendar = self.resource_calendar_id
        if not calendar or not date or days <= 0:
            return date
        tz = pytz.timezone(calendar.tz or "UTC")
        start = tz.localize(datetime.datetime.combine(date, datetime.time.min))
        end = calendar.plan_days(days, start, compute_leaves=True)
        return end.astimezone(tz).date() if end else date
