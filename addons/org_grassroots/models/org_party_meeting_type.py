from odoo import api, fields, models


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
    applies_when = fields.Selection(
        [
            ("always", "Always"),
            ("committee", "Where a Committee Exists"),
            ("party_groups", "Where Party Groups Exist"),
        ],
        string="Required Where",
        required=True,
        default="always",
        tracking=True,
        help="Committee meetings are required only of organizations that have a committee "
        "(set up, or enough formal members to elect one); group meetings only of those with "
        "party groups (党小组).",
    )
    quorum_percent = fields.Integer(
        string="Quorum (% of Voting Members, More Than)",
        tracking=True,
        help="The meeting is valid only with more than this share of the members entitled to "
        "vote present (支部党员大会: more than half, 50). A meeting below it is marked 不足法定人数 "
        "and does not count as held. 0: no quorum.",
    )
    late_entry_days = fields.Integer(
        string="Late Entry After (Days)",
        default=30,
        tracking=True,
        help="A meeting recorded more than this many days after it was held is marked 补录 (late "
        "entry) with its delay; it still counts. 0: never marked.",
    )
    requires_minutes = fields.Boolean(
        string="Minutes Required",
        tracking=True,
        help="A meeting of this type is recorded as held only with its minutes (会议记录).",
    )
    description = fields.Text()

    def _org_rule_messages(self):
        messages = super()._org_rule_messages()
        if not 0 <= self.quorum_percent < 100:
            messages.append(
                (
                    ("quorum_percent",),
                    self.env._(
                        "A quorum of more than %(percent)s%% of the voting members cannot be met: "
                        "give a share from 0 to 99.",
                        percent=self.quorum_percent,
                    ),
                )
            )
        if self.late_entry_days < 0:
            messages.append(
                (
                    ("late_entry_days",),
                    self.env._("A late entry cannot start after %(days)s days.", days=self.late_entry_days),
                )
            )
        return messages

    @api.constrains("quorum_percent", "late_entry_days")
    def _check_org_rules(self):
        self._org_check_rules()
