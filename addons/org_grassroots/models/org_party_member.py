from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OrgPartyMember(models.Model):
    """A party member (党员) of a party organization, probationary or formal."""

    _name = "org.party.member"
    _description = "Party Member"
    _inherit = ["mail.thread", "mail.activity.mixin", "org.resident.id.mixin", "org.party.scope.mixin"]
    _order = "organization_id, name, id"

    _resident_id_field = "id_number"
    _resident_id_birthday_field = "birthday"
    _resident_id_gender_field = "gender"

    # Person
    name = fields.Char(string="Member Name", required=True, tracking=True)
    id_number = fields.Char(
        string="ID Number",
        index=True,
        copy=False,
        groups="org_base.group_org_user",
        help="居民身份证号: 18 characters; a 15-digit number is upgraded.",
    )
    gender = fields.Selection([("male", "Male"), ("female", "Female")], tracking=True)
    birthday = fields.Date(string="Date of Birth")
    mobile_phone = fields.Char()
    employee_id = fields.Many2one(
        "hr.employee", ondelete="set null", help="The member's employee record, if any."
    )
    active = fields.Boolean(default=True, tracking=True)

    # Membership
    organization_id = fields.Many2one(
        "org.party.organization",
        string="Party Organization",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    status = fields.Selection(
        [("probationary", "Probationary"), ("formal", "Formal")],
        required=True,
        default="probationary",
        tracking=True,
    )
    date_join = fields.Date(
        string="Joined On", tracking=True, help="入党时间: admitted as a probationary member."
    )
    date_formal = fields.Date(string="Formal On", tracking=True, help="转正时间: became a formal member.")
    party_post = fields.Char(tracking=True, help="e.g. 支部书记, 组织委员.")
    work_unit = fields.Char(tracking=True)
    is_mobile = fields.Boolean(
        string="Mobile Member", tracking=True, help="流动党员: works or lives away from the organization."
    )
    is_lost_contact = fields.Boolean(
        string="Lost Contact", tracking=True, help="失联党员: the organization cannot reach the member."
    )
    note = fields.Html()

    _sql_constraints = [
        ("id_number_uniq", "unique(id_number)", "Another party member already has this ID number."),
    ]

    @api.constrains("date_join", "date_formal", "status")
    def _check_dates(self):
        for member in self:
            if member.date_join and member.date_formal and member.date_formal < member.date_join:
                raise ValidationError(
                    self.env._(
                        "%(member)s: the formal date cannot be before the joining date.", member=member.name
                    )
                )
            if member.status == "probationary" and member.date_formal:
                raise ValidationError(
                    self.env._(
                        "%(member)s: a probationary member has no formal date yet.", member=member.name
                    )
                )

    def action_start_transfer(self):
        """Open a new membership transfer (组织关系转接) of this member."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Membership Transfer"),
            "res_model": "org.party.transfer",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_member_id": self.id,
                "default_organization_from_id": self.organization_id.id,
            },
        }
