from odoo import fields, models


class OrgPartyMeetingType(models.Model):
    """A kind of organizational life (三会一课 and more) and how often it must be held."""

    _name = "org.party.meeting.type"
    _description = "Party Meeting Type"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    frequency = fields.Selection(
        [
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
            ("half_yearly", "Half-yearly"),
            ("yearly", "Yearly"),
        ],
        required=True,
        default="monthly",
        tracking=True,
        help="How often each organization in scope must hold at least one such meeting.",
    )
    scope = fields.Selection(
        [("branch", "Branches"), ("all", "All Organizations")],
        required=True,
        default="branch",
        tracking=True,
        help="Branches: party branches, joint and temporary branches only.",
    )
    description = fields.Text()
