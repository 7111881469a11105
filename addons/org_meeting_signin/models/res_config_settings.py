from odoo import fields, models

WINDOW_PARAM = "org_meeting_signin.window_minutes"
GRACE_PARAM = "org_meeting_signin.grace_minutes"
RATE_PARAM = "org_meeting_signin.code_attempts_per_minute"
DEFAULT_WINDOW_MINUTES = 30
DEFAULT_GRACE_MINUTES = 5
DEFAULT_CODE_ATTEMPTS = 10


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    org_signin_window_minutes = fields.Integer(
        string="Sign-in Opens (Minutes Before Start)",
        config_parameter=WINDOW_PARAM,
        default=DEFAULT_WINDOW_MINUTES,
        help="Members may sign in from this many minutes before the meeting starts until it ends.",
    )
    org_signin_grace_minutes = fields.Integer(
        string="Late After (Minutes Past Start)",
        config_parameter=GRACE_PARAM,
        default=DEFAULT_GRACE_MINUTES,
        help="A sign-in later than the start plus these minutes is marked late (迟到).",
    )
    org_signin_code_attempts = fields.Integer(
        string="Wrong Codes Allowed per Minute",
        config_parameter=RATE_PARAM,
        default=DEFAULT_CODE_ATTEMPTS,
        help="Wrong short codes one account or one address may type per minute before the sign-in "
        "page refuses further attempts for a minute.",
    )
